//! ParamLab's pure core: seeded data, the models, their metrics and diagnosis, the table of
//! controls, the configuration and its URL codec, and the labs' reducers — everything that is not
//! drawing, Yew or the browser. Its `Cargo.toml` has no web or drawing dependency, so the compiler
//! keeps it pure; `cargo test -p paramlab-core` compiles no Yew.

pub mod classroom;
pub mod data;
pub mod format;
pub mod ml;
pub mod state;
pub mod tune;
