//! The pure machine-learning core: models, optimizers, losses and diagnostics.
//! Nothing here imports a web or drawing crate; CI checks that.

pub mod activation;
pub mod boosting;
pub mod diagnosis;
pub mod exp;
pub mod forest;
pub mod grid_index;
pub mod history;
pub mod knn;
pub mod knn_grid;
pub mod leaf_grid;
pub mod legendre;
pub mod logistic;
pub mod metrics;
pub mod mlp;
pub mod model;
pub mod optimizer;
pub mod optimum;
pub mod plane_model;
pub mod polynomial;
pub mod regression_tree;
pub mod regularization;
pub mod rows;
pub mod sum_cache;
pub mod tree;
