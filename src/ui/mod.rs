//! Yew components, one per file. They read the lab state and send actions; all logic lives in
//! `crate::state`.

pub mod app;
pub mod canvas;
pub mod chart;
pub mod choice;
pub mod class_parameters;
pub mod classes;
pub mod classification;
pub mod confusion;
pub mod controls;
pub mod diagnosis;
pub mod flags;
pub mod fold_strip;
pub mod footer;
pub mod header;
pub mod help;
pub mod kept;
pub mod lab_props;
pub mod network;
pub mod notices;
pub mod parameters;
pub mod picture;
pub mod playback;
pub mod practice;
pub mod region_chart;
pub mod regression;
pub mod shortcuts;
pub mod slider;
pub mod store;
pub mod training;
pub mod trials;
pub mod tune_result;
pub mod tuning;
pub mod validation;
