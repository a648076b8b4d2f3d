pub mod data;
pub mod ml;
pub mod state;
