//! Hyperparameter tuning (the Tuning lab's core): cross-validation on the training samples
//! only, a search space of one or two controls, and three ways to search it — a grid, random
//! points, and Bayesian optimization with a Gaussian-process surrogate.
//!
//! Nothing here draws or waits: a [`search::Search`] hands out one trial at a time as plain
//! numbers and takes the result back, so the page decides where and when trials run.

pub mod beyond;
pub mod code;
mod code_imports;
mod code_map;
mod code_plane;
pub mod compare;
pub mod cv;
pub mod folds;
pub mod fresh;
pub mod gp;
pub mod search;
pub mod space;
pub mod strategy;
#[cfg(test)]
pub(crate) mod toy;
