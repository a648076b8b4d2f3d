//! The classroom and interview mode's content and rules: lessons (sequences of lab states with a
//! prompt), challenges the app checks itself, the interview question bank and its quiz, and the
//! saved-model file format. Pure data and pure functions, like the rest of the core.

pub mod saved;
