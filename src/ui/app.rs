//! The page: reads the link once, shows the lab it names, and switches labs in the page (each
//! lab's state is kept while another is shown). It owns the view (presenter view, hidden panels)
//! and the page's keys: P for presenter view, ? for the list of keys, ← → through a lesson.
//! Interview practice opens over the lab (which is kept meanwhile); its "show me", a lesson's
//! steps and a challenge's start open a lab afresh in a given state.

use super::classification::ClassificationLab;
use super::classroom_menu::Pick;
use super::footer::Footer;
use super::header::Header;
use super::help::Help;
use super::kept::Kept;
use super::lesson_bar::LessonBar;
use super::other_lab::OtherLab;
use super::practice::Practice;
use super::regression::RegressionLab;
use super::tuning::TuningLab;
use crate::classroom::panel::Panel;
use crate::classroom::saved::{Loaded, LoadedLab};
use crate::classroom::view::{self, View};
use crate::state::config::Config;
use crate::state::spec::{Key, Lab};
use crate::state::url;
use crate::web;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The lab shown and what it starts from (a lab kept from earlier starts from its kept state).
/// A new generation starts the lab afresh from `config` even if it is the lab already shown.
#[derive(Clone, PartialEq)]
struct Shown {
    config: Config,
    notices: Vec<String>,
    generation: u32,
    /// The lab starts playing (a question's "Show me").
    play: bool,
}

/// A piece of the page's state as the page last set it, for handlers to read. Yew may run a
/// second click or key press before the handler made at the first's render is renewed; reading
/// the render's value, each would start from the same state (three quick presses of P toggled
/// presenter view once; → twice went one step). Each render brings it up to date, and each
/// [`Latest::set`] writes it at once.
#[derive(Clone)]
struct Latest<T: 'static> {
    value: Rc<RefCell<T>>,
    state: UseStateHandle<T>,
}

impl<T: Clone + 'static> Latest<T> {
    /// `value` is brought up to `state`'s value of this render.
    fn new(value: Rc<RefCell<T>>, state: UseStateHandle<T>) -> Self {
        *value.borrow_mut() = (*state).clone();
        Latest { value, state }
    }

    fn get(&self) -> T {
        self.value.borrow().clone()
    }

    fn set(&self, next: T) {
        *self.value.borrow_mut() = next.clone();
        self.state.set(next);
    }
}

/// The next generation: one more than the newest handed out.
fn fresh(generations: &RefCell<u32>) -> u32 {
    let mut newest = generations.borrow_mut();
    *newest += 1;
    *newest
}

#[component]
pub fn App() -> Html {
    let start = use_memo((), |_| {
        let (view, rest, mut notices) = view::split(&web::query());
        // A lesson or challenge link without lab settings opens its own starting state.
        notices.extend(view.start_changes(&rest));
        let (config, more) = url::decode(&view.start_query(&rest).unwrap_or(rest));
        notices.extend(more);
        (
            view,
            Shown {
                config,
                notices,
                generation: 0,
                play: false,
            },
        )
    });
    // The view and the lab shown, as handlers read and set them; `current` and `shown_now` are
    // this render's.
    let view = Latest::new(
        use_mut_ref(|| start.0.clone()),
        use_state(|| start.0.clone()),
    );
    let shown = Latest::new(
        use_mut_ref(|| start.1.clone()),
        use_state(|| start.1.clone()),
    );
    let (current, shown_now) = (view.get(), shown.get());
    let help = use_state(|| false);
    // The newest generation handed out, read and bumped at once for the same reason: two quick
    // lesson steps each start their own lab (`shown.generation` is the last render's).
    let generations = use_mut_ref(|| 0u32);
    let kept = use_mut_ref(Kept::default).borrow().clone();
    // The lab's part of the link, which the view's is written beside. The lab shown writes it;
    // until then (the quiz opened by the link hides the lab) it is the link's own lab.
    let lab_query = use_mut_ref(|| url::encode(&start.1.config));

    // The settings moved from a lesson step's own, named in the lesson bar (only a change of
    // them renders the page again, not every query the lab writes).
    let step_changes = use_state_eq(|| current.step_changes(&lab_query.borrow()));
    let write = |lab_q: &str, view: &View| web::replace_query(&joined(lab_q, view));
    let on_query = {
        let (lab_query, view, step_changes) =
            (lab_query.clone(), view.clone(), step_changes.clone());
        Callback::from(move |q: String| {
            let now = view.get();
            write(&q, &now);
            step_changes.set(now.step_changes(&q));
            *lab_query.borrow_mut() = q;
        })
    };
    {
        let lab_query = lab_query.clone();
        use_effect_with(current.clone(), move |view| {
            write(&lab_query.borrow(), view);
            // Presenter view resizes the charts: they redraw at their new size.
            web::announce_layout_change();
        });
    }
    // Another lab, or the same afresh, has a height of its own.
    use_effect_with((shown_now.config.lab, shown_now.generation), |_| {
        web::release_height()
    });
    // A switch of lab is a new entry in the browser's history (the lab writes its full link
    // into it once shown), so Back returns to the lab before, as it was left (below).
    let on_switch = {
        let (shown, generations) = (shown.clone(), generations.clone());
        Callback::from(move |lab: Lab| {
            if lab != shown.get().config.lab {
                web::push_query(&format!("lab={}", lab.url()));
                shown.set(Shown {
                    config: Config::for_lab(lab),
                    notices: Vec::new(),
                    generation: *generations.borrow(),
                    play: false,
                });
            }
        })
    };
    // Back and Forward: the view (quiz, lesson step, presenter) is the entry's; another lab is
    // shown as it was left; the same lab with other settings (before a question's "show me" or
    // a lesson's step) starts afresh from the entry's link.
    {
        let (shown, view, lab_query) = (shown.clone(), view.clone(), lab_query.clone());
        let (generations, step_changes) = (generations.clone(), step_changes.clone());
        use_effect_with((shown_now.config.lab, shown_now.generation), move |_| {
            let listener = web::WindowListener::start("popstate", move || {
                let (entry_view, rest, _) = view::split(&web::query());
                step_changes.set(entry_view.step_changes(&rest));
                let (config, notices) = url::decode(&rest);
                // The link the view is written beside is the entry's until the lab shown writes
                // its own (a lab kept from earlier may not write again): never the lab left's.
                let before = std::mem::replace(&mut *lab_query.borrow_mut(), rest);
                if config.lab != shown.get().config.lab {
                    shown.set(Shown {
                        config: Config::for_lab(config.lab),
                        notices: Vec::new(),
                        generation: *generations.borrow(),
                        play: false,
                    });
                } else if config != url::decode(&before).0 {
                    shown.set(Shown {
                        config,
                        notices,
                        generation: fresh(&generations),
                        play: false,
                    });
                }
                view.set(entry_view);
            });
            move || drop(listener)
        });
    }
    // Opens a lab afresh in the state a link describes, with this view (a question's "show me",
    // a lesson's step, a challenge's start), playing if `play`: a new entry in the browser's
    // history, so Back returns to the quiz or the step before.
    let show = {
        let (shown, view, generations) = (shown.clone(), view.clone(), generations.clone());
        let step_changes = step_changes.clone();
        Callback::from(move |(query, next, play): (String, View, bool)| {
            web::push_query(&joined(&query, &next));
            step_changes.set(next.step_changes(&query));
            let (config, notices) = url::decode(&query);
            shown.set(Shown {
                config,
                notices,
                generation: fresh(&generations),
                play,
            });
            view.set(next);
        })
    };
    // "Show me in the lab" shows: the lab opens playing (a tree opened at depth 0 showed no
    // threshold, and only the generic "Press Play" said to train).
    let on_open = {
        let (show, view) = (show.clone(), view.clone());
        Callback::from(move |query: String| {
            show.emit((query, view.get().with_practice(false), true));
            web::scroll_to_top();
        })
    };
    let on_pick = {
        let (show, view) = (show.clone(), view.clone());
        Callback::from(move |pick: Pick| {
            let v = view.get().with_practice(false);
            show.emit(match pick {
                Pick::Lesson(l) => (l.steps[0].query.to_string(), v.at_step(l, 0), false),
                Pick::Challenge(c) => (c.start.to_string(), v.with_challenge(Some(c)), false),
            })
        })
    };
    let on_step = {
        let (show, view) = (show.clone(), view.clone());
        Callback::from(move |step: usize| {
            let current = view.get();
            if let Some((lesson, _)) = current.lesson {
                let next = current.at_step(lesson, step);
                show.emit((lesson.steps[step].query.to_string(), next, false));
            }
        })
    };
    // A loaded model: its lab starts from the session the file describes (model installed,
    // paused), and says what was loaded.
    let on_load = {
        let (shown, view, kept) = (shown.clone(), view.clone(), kept.clone());
        let generations = generations.clone();
        Callback::from(move |loaded: Loaded| {
            let generation = fresh(&generations);
            let config = match loaded.lab {
                LoadedLab::Regression(mut s) => {
                    s.notices.push(loaded.message);
                    let config = s.config.clone();
                    kept.put(config.lab, generation, s);
                    config
                }
                LoadedLab::Plane(mut s) => {
                    s.notices.push(loaded.message);
                    let config = s.config.clone();
                    kept.put(config.lab, generation, s);
                    config
                }
            };
            shown.set(Shown {
                config,
                notices: Vec::new(),
                generation,
                play: false,
            });
            view.set(view.get().with_practice(false));
        })
    };
    let on_leave = {
        let view = view.clone();
        Callback::from(move |()| view.set(view.get().with_challenge(None)))
    };
    let on_restart = {
        let (show, view) = (show.clone(), view.clone());
        Callback::from(move |()| {
            let current = view.get();
            if let Some(c) = current.challenge {
                show.emit((c.start.to_string(), current, false));
            }
        })
    };
    // Opening or closing the quiz is a new entry in the browser's history: Back closes it.
    let on_view = {
        let (view, lab_query) = (view.clone(), lab_query.clone());
        Callback::from(move |v: View| {
            if v.practice != view.get().practice {
                web::push_query(&joined(&lab_query.borrow(), &v));
            }
            view.set(v)
        })
    };
    {
        let (view, help, on_step) = (view.clone(), help.clone(), on_step.clone());
        use_effect_with(*help, move |&open| {
            let listener = web::KeyListener::start(move |key| {
                let current = view.get();
                let step = current.lesson.map(|(l, s)| (s, l.steps.len() - 1));
                match (key, step) {
                    ("ArrowLeft", Some((s, _))) if s > 0 => on_step.emit(s - 1),
                    ("ArrowRight", Some((s, last))) if s < last => on_step.emit(s + 1),
                    ("p" | "P", _) => view.set(current.presenter_toggled()),
                    ("?", _) => help.set(!open),
                    ("Escape", _) if open => help.set(false),
                    _ => return false,
                }
                true
            });
            move || drop(listener)
        });
    }

    let lab = shown_now.config.lab;
    // The tab names the lab shown (helper 49: the title stayed the same on a switch).
    use_effect_with((lab, current.practice), |&(lab, practice)| {
        web::set_title(&format!(
            "ParamLab · {} — parameters vs hyperparameters",
            if practice {
                "Interview practice"
            } else {
                lab.title()
            }
        ));
    });
    let props = (shown_now.config.clone(), shown_now.notices.clone());
    let key = format!("{}-{}", lab.url(), shown_now.generation);
    // The challenge open and the lab it is played in; the bar shows in that lab only.
    let challenge_in = current.challenge.map(|c| (c, c.start_config().lab));
    let challenge = challenge_in
        .filter(|&(_, set_in)| set_in == lab)
        .map(|(c, _)| c);
    // A challenge set in another lab shows a bar of its own here, which leaves the plot room as
    // the challenge's bar does (its `--bar` was the last bar's height: after a switch of lab
    // from the challenge, 208 px for a bar of 130).
    let elsewhere = challenge_in.filter(|&(_, set_in)| set_in != lab && !current.practice);
    let elsewhere_bar = use_node_ref();
    super::bar_room::use_bar_room(elsewhere_bar.clone(), elsewhere.map(|(c, _)| (c.id, lab)));
    // A panel a lesson step or a challenge asks the class to look at, shown if the teacher had
    // hidden it.
    let show = {
        let view = view.clone();
        move |panel: Panel| {
            let mut now = view.get();
            if now.is_hidden(panel) {
                now.toggle(panel);
                view.set(now);
            }
        }
    };
    // The validation curve a lesson step or a challenge is about brought into view, the step's
    // curve chosen in it as a person would (helper 72: another curve chosen before stayed, under
    // a prompt about the degree's).
    let on_look = {
        let show = show.clone();
        Callback::from(move |key: Key| {
            show(Panel::Validation);
            web::choose_and_scroll("ctl-sweep", key.spec().label, Panel::Validation.url());
        })
    };
    // The loss over training a lesson step asks the class to watch, brought into view the same
    // way (helper 102: below the fold on a projector).
    let on_see_loss = {
        let show = show.clone();
        Callback::from(move |()| {
            show(Panel::Loss);
            web::scroll_when_drawn(Panel::Loss.url());
        })
    };
    // The panels a lesson step's prompt reads, shown when the teacher presses the bar's button.
    let on_show_panels = {
        let show = show.clone();
        Callback::from(move |panels: Vec<Panel>| panels.into_iter().for_each(&show))
    };
    // The network's first hidden neuron focused, its map shown, for a step that asks the class to
    // Tab through the neurons (helper 102: 33 Tabs from the lesson bar).
    let on_see_neurons = Callback::from(move |()| {
        show(Panel::Parameters);
        web::focus_when_drawn(super::network::FIRST_HIDDEN, super::network::INFO);
    });
    let page = match lab {
        Lab::Regression => html! {
            <RegressionLab {key} config={props.0} notices={props.1} kept={kept.clone()} generation={shown_now.generation} play={shown_now.play} on_query={on_query.clone()}
                hidden={current.hidden().to_vec()} {challenge} on_restart={on_restart.clone()} on_leave={on_leave.clone()} on_look={on_look.clone()} on_load={on_load.clone()} />
        },
        Lab::Classification | Lab::Neural => html! {
            <ClassificationLab {key} config={props.0} notices={props.1} kept={kept.clone()} generation={shown_now.generation} play={shown_now.play} on_query={on_query.clone()}
                hidden={current.hidden().to_vec()} {challenge} on_restart={on_restart.clone()} on_leave={on_leave.clone()} on_look={on_look.clone()} on_load={on_load.clone()} />
        },
        Lab::Tuning => html! {
            <TuningLab {key} config={props.0} notices={props.1} kept={kept.clone()} generation={shown_now.generation} play={shown_now.play} on_query={on_query.clone()}
                hide_best={current.is_hidden(Panel::Loss)}
                hidden={current.hidden().to_vec()} {challenge} on_restart={on_restart.clone()} on_leave={on_leave.clone()} on_look={on_look.clone()} on_load={on_load.clone()} />
        },
    };
    let classes = classes!(
        "app",
        current.presenter.then_some("presenter"),
        current
            .hidden()
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
            <a class="skip-link" href="#" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); web::focus_first_control(); })}>
                { "Skip to the controls" }</a>
            <Header {lab} {on_switch} view={current.clone()} {on_view} on_help={on_help.clone()} {on_pick} />
            // (Not over the practice quiz, which is a page of its own: a step's "Press Play" sat
            // above a quiz with no Play; helper 90. The lesson is back when the quiz closes.)
            if let Some((lesson, step)) = current.lesson.filter(|_| !current.practice) {
                <LessonBar {lesson} {step} {lab} changed={(*step_changes).clone()} hidden={current.hidden().to_vec()} on_show={on_show_panels} {on_step} on_leave={on_leave.clone()} {on_look} {on_see_loss} {on_see_neurons} />
            }
            if let Some((c, set_in)) = elsewhere {
                <section ref={elsewhere_bar} class="classroom-bar challenge" aria-labelledby="challenge-title" id="challenge">
                    <div class="bar-head"><h2 id="challenge-title">{ format!("Challenge: {}", c.title) }</h2></div>
                    <OtherLab what="This challenge" {set_in} shown={lab} open="Open the challenge" on_open={on_restart.clone()} />
                    <div class="buttons"><button onclick={on_leave.reform(|_| ())}>{ "Leave the challenge" }</button></div>
                </section>
            }
            if current.practice {
                <Practice on_show={on_open} on_close={{ let v = view.clone(); Callback::from(move |()| v.set(v.get().with_practice(false))) }} />
            } else {
                { page }
            }
            <Footer practice={current.practice} />
            if *help {
                <Help on_close={on_help} />
            }
        </div>
    }
}

/// The address bar's query: the lab's settings, then the view's.
fn joined(lab_query: &str, view: &View) -> String {
    let view_query = view.encode();
    match (lab_query.is_empty(), view_query.is_empty()) {
        (false, false) => format!("{lab_query}&{view_query}"),
        (true, _) => view_query,
        (false, true) => lab_query.to_string(),
    }
}
