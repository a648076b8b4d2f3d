//! Seeded dataset generators. Pure Rust: nothing here touches the web.

pub mod regression;
pub mod rng;
