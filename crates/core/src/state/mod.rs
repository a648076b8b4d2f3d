//! UI state without any UI: the table of controls and the typed choices of its selects, the
//! configuration (everything in the URL) and its URL encoding, and the labs' pure reducers — one
//! generic [`session::Session`] plus what each lab does its own way — which the Yew adapter wraps.

pub mod action;
pub mod choice;
pub mod compare_note;
pub mod config;
pub mod curve_note;
pub mod folds_note;
pub mod levers;
pub mod map_words;
pub mod moved;
pub mod plane;
pub mod regression;
pub mod search_notes;
pub mod session;
mod slack;
pub mod spec;
pub mod sweep;
pub mod table;
pub mod tie_note;
pub mod tuning;
pub mod tuning_axes;
pub mod tuning_plane;
pub mod url;
