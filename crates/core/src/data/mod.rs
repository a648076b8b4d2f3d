//! Seeded dataset generators. Pure Rust: nothing here touches the web.

pub mod bayes;
pub mod classification;
pub mod regression;
pub mod rng;
pub mod surface;
