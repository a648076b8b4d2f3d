//! The page: reads the link once and shows the lab it names.

use super::classification::ClassificationLab;
use super::regression::RegressionLab;
use super::tuning::TuningLab;
use crate::state::spec::Lab;
use crate::state::url;
use crate::web;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let start = use_memo((), |_| url::decode(&web::query()));
    let (config, notices) = (start.0.clone(), start.1.clone());
    match config.lab {
        Lab::Regression => html! { <RegressionLab {config} {notices} /> },
        Lab::Classification | Lab::Neural => html! { <ClassificationLab {config} {notices} /> },
        Lab::Tuning => html! { <TuningLab {config} {notices} /> },
    }
}
