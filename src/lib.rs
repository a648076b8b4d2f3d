pub mod data;
pub mod ml;
pub mod plot;
pub mod state;
pub mod ui;
pub mod web;
