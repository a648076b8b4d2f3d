pub mod data;
pub mod ml;
