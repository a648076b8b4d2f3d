//! Yew components, one per file. They read the lab state and send actions; all logic lives in
//! `crate::state`.

pub mod app;
pub mod bar_room;
pub mod canvas;
pub mod challenge_bar;
pub mod chart;
pub mod choice;
pub mod class_parameters;
pub mod classification;
pub mod classroom_menu;
pub mod confusion;
pub mod controls;
pub mod diagnosis;
pub mod flags;
pub mod fold_strip;
pub mod footer;
pub mod header;
pub mod help;
pub mod hyper_panel;
pub mod kept;
pub mod lab_props;
pub mod lesson_bar;
pub mod map_table;
pub mod model_file;
pub mod network;
pub mod notices;
pub mod other_lab;
pub mod parameters;
pub mod picture;
pub mod playback;
pub mod point_tools;
pub mod practice;
pub mod quiz_restart;
pub mod region_chart;
pub mod regression;
pub mod search_progress;
pub mod search_workers;
pub mod shortcuts;
pub mod slider;
pub mod store;
pub mod throttle;
pub mod training;
pub mod trials;
pub mod tune_result;
pub mod tuning;
pub mod validation;
pub mod verdict_chip;

/// A heading's badge ("learned from data"), which a screen reader reads after a colon
/// ("Parameters: learned from data") instead of running it on ("Parameters learned from data").
pub fn heading_tag(text: impl Into<yew::AttrValue>) -> yew::Html {
    yew::html! {
        <><span class="visually-hidden">{ ": " }</span><span class="tag">{ text.into() }</span></>
    }
}
