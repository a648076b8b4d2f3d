//! UI state without any UI: the table of controls, the configuration (everything in the URL), its
//! URL encoding, and the pure reducer `apply(state, action)` that the Yew adapter wraps.

pub mod classify;
pub mod config;
pub mod lab;
pub mod session;
pub mod spec;
pub mod sweep;
pub mod url;
