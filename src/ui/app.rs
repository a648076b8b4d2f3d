//! The page: reads the link once, shows the lab it names, and switches labs in the page (each
//! lab's state is kept while another is shown). It owns the view (presenter view, hidden panels)
//! and the page's keys: P for presenter view, ? for the list of keys. Interview practice opens
//! over the lab (which is kept meanwhile); its "show me" opens a lab in a given state.

use super::classification::ClassificationLab;
use super::footer::Footer;
use super::header::Header;
use super::help::Help;
use super::kept::Kept;
use super::practice::Practice;
use super::regression::RegressionLab;
use super::tuning::TuningLab;
use crate::classroom::view::{self, View};
use crate::state::config::Config;
use crate::state::spec::Lab;
use crate::state::url;
use crate::web;
use yew::prelude::*;

/// The lab shown and what it starts from (a lab kept from earlier starts from its kept state).
/// A new generation starts the lab afresh from `config` even if it is the lab already shown.
#[derive(Clone, PartialEq)]
struct Shown {
    config: Config,
    notices: Vec<String>,
    generation: u32,
}

#[component]
pub fn App() -> Html {
    let start = use_memo((), |_| {
        let (view, rest, mut notices) = view::split(&web::query());
        let (config, more) = url::decode(&rest);
        notices.extend(more);
        (
            view,
            Shown {
                config,
                notices,
                generation: 0,
            },
        )
    });
    let view = use_state(|| start.0.clone());
    let shown = use_state(|| start.1.clone());
    let help = use_state(|| false);
    let kept = use_mut_ref(Kept::default).borrow().clone();
    let lab_query = use_mut_ref(String::new);

    let write = |lab_q: &str, view: &View| {
        let view_q = view.encode();
        let sep = if view_q.is_empty() { "" } else { "&" };
        web::replace_query(&format!("{lab_q}{sep}{view_q}"));
    };
    let on_query = {
        let (lab_query, view) = (lab_query.clone(), (*view).clone());
        Callback::from(move |q: String| {
            write(&q, &view);
            *lab_query.borrow_mut() = q;
        })
    };
    {
        let lab_query = lab_query.clone();
        use_effect_with((*view).clone(), move |view| {
            write(&lab_query.borrow(), view);
            // Presenter view resizes the charts: they redraw at their new size.
            web::announce_layout_change();
        });
    }
    let on_switch = {
        let shown = shown.clone();
        Callback::from(move |lab: Lab| {
            if lab != shown.config.lab {
                shown.set(Shown {
                    config: Config::for_lab(lab),
                    notices: Vec::new(),
                    generation: shown.generation,
                });
            }
        })
    };
    // Opens a lab afresh in the state a link describes (a question's "show me").
    let on_open = {
        let (shown, view, kept) = (shown.clone(), view.clone(), kept.clone());
        Callback::from(move |query: String| {
            let (config, notices) = url::decode(&query);
            kept.forget(config.lab);
            shown.set(Shown {
                config,
                notices,
                generation: shown.generation + 1,
            });
            view.set(view.with_practice(false));
        })
    };
    let on_view = {
        let view = view.clone();
        Callback::from(move |v: View| view.set(v))
    };
    {
        let (view, help) = (view.clone(), help.clone());
        use_effect_with(((*view).clone(), *help), move |(current, open)| {
            let (current, open) = (current.clone(), *open);
            let listener = web::KeyListener::start(move |key| match key {
                "p" | "P" => {
                    view.set(current.presenter_toggled());
                    true
                }
                "?" => {
                    help.set(!open);
                    true
                }
                "Escape" if open => {
                    help.set(false);
                    true
                }
                _ => false,
            });
            move || drop(listener)
        });
    }

    let lab = shown.config.lab;
    let props = (shown.config.clone(), shown.notices.clone());
    let key = format!("{}-{}", lab.url(), shown.generation);
    let page = match lab {
        Lab::Regression => html! {
            <RegressionLab {key} config={props.0} notices={props.1} kept={kept.clone()} on_query={on_query.clone()} />
        },
        Lab::Classification | Lab::Neural => html! {
            <ClassificationLab {key} config={props.0} notices={props.1} kept={kept.clone()} on_query={on_query.clone()} />
        },
        Lab::Tuning => html! {
            <TuningLab {key} config={props.0} notices={props.1} kept={kept.clone()} on_query={on_query.clone()} />
        },
    };
    let classes = classes!(
        "app",
        view.presenter.then_some("presenter"),
        view.hidden()
            .iter()
            .map(|p| format!("hide-{}", p.url()))
            .collect::<Vec<_>>()
    );
    let on_help = {
        let help = help.clone();
        Callback::from(move |open: bool| help.set(open))
    };
    html! {
        <div class={classes}>
            <Header {lab} {on_switch} view={(*view).clone()} {on_view} on_help={on_help.clone()} />
            if view.practice {
                <Practice on_show={on_open} on_close={{ let v = view.clone(); Callback::from(move |()| v.set(v.with_practice(false))) }} />
            } else {
                { page }
            }
            <Footer />
            if *help {
                <Help on_close={on_help} />
            }
        </div>
    }
}
