//! The classroom and interview mode's content and rules: lessons (sequences of lab states with a
//! prompt), challenges the app checks itself, the interview question bank and its quiz, the view
//! (presenter view, hidden panels) and the saved-model file format. Pure data and pure
//! functions, like the rest of the core.

pub mod challenges;
pub mod figures;
pub mod lessons;
pub mod panel;
pub mod questions;
pub mod quiz;
pub mod saved;
pub mod view;

#[cfg(test)]
mod trial;
