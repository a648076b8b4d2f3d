//! ParamLab's web app: drawing (`plot`), Yew components (`ui`) and browser glue (`web`) over the
//! pure core crate, whose modules are re-exported here so the app reads `crate::ml::…`.

pub use paramlab_core::{classroom, data, format, ml, state, tune};

pub mod plot;
pub mod ui;
pub mod web;
