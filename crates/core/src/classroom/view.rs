//! How the page is shown, as opposed to what it trains: presenter view, the panels a teacher
//! has hidden from the class, whether interview practice is open over the lab, and the lesson
//! step or challenge under way. It travels in the link beside the lab's configuration
//! (`present=1&hide=verdict,scores`, `practice=1`, `lesson=fit&step=2`, `challenge=cv-k`),
//! so a prepared view is a link like any other.
//!
//! [`split`] takes these keys out of a query and leaves the rest for the lab's own codec
//! ([`crate::state::url::decode`]), which would otherwise call them unknown settings. A lesson or
//! challenge link without lab settings (`?lesson=fit`) opens the step's or challenge's own state:
//! see [`View::start_query`].

use super::challenges::{challenge, Challenge};
use super::lessons::{lesson, Lesson};
use super::panel::Panel;
use crate::format::clip;
use crate::state::config::Config;
use crate::state::spec::{display_value, Group, Lab};
use crate::state::table::SPECS;
use crate::state::url::decode;

/// Presenter view on or off, the hidden panels (sorted, each once), interview practice open,
/// and the lesson step (0-based) or the challenge under way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    pub presenter: bool,
    hidden: Vec<Panel>,
    pub practice: bool,
    pub lesson: Option<(&'static Lesson, usize)>,
    pub challenge: Option<&'static Challenge>,
}

impl View {
    pub fn is_hidden(&self, panel: Panel) -> bool {
        self.hidden.contains(&panel)
    }

    pub fn hidden(&self) -> &[Panel] {
        &self.hidden
    }

    /// The same view with presenter view switched.
    pub fn presenter_toggled(&self) -> View {
        View {
            presenter: !self.presenter,
            ..self.clone()
        }
    }

    /// Hides a shown panel, shows a hidden one.
    pub fn toggle(&mut self, panel: Panel) {
        if let Some(i) = self.hidden.iter().position(|p| *p == panel) {
            self.hidden.remove(i);
        } else {
            self.hidden.push(panel);
            self.hidden.sort_unstable();
        }
    }

    /// The same view with interview practice open or closed.
    pub fn with_practice(&self, open: bool) -> View {
        View {
            practice: open,
            ..self.clone()
        }
    }

    /// The same view at a lesson's step (a lesson and a challenge are not taken together).
    pub fn at_step(&self, lesson: &'static Lesson, step: usize) -> View {
        View {
            lesson: Some((lesson, step.min(lesson.steps.len() - 1))),
            challenge: None,
            ..self.clone()
        }
    }

    /// The same view taking up a challenge, or leaving lessons and challenges (`None`).
    pub fn with_challenge(&self, challenge: Option<&'static Challenge>) -> View {
        View {
            lesson: None,
            challenge,
            ..self.clone()
        }
    }

    /// The lab state a lesson step or a challenge starts from, unless the link is a whole
    /// configuration of its own (every setting of its lab and the seed, as the page writes
    /// them: the teacher may have moved on from the start) or names another lab. Settings the
    /// link gives apply on top of the start (`lesson=fit&step=2&degree=1`), read like any link:
    /// what does not belong to the step's lab gets a notice. A typed `lab=` naming the step's
    /// own lab changes nothing (helper 110: `lab=regression&lesson=fit&step=3` opened the
    /// Regression lab's defaults, not step 3's degree 15).
    pub fn start_query(&self, lab_query: &str) -> Option<String> {
        let start = self.start()?;
        let given: Vec<(String, String)> = form_urlencoded::parse(lab_query.as_bytes())
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.into_owned()))
            .collect();
        let gives = |name: &str| given.iter().any(|(n, _)| n == name);
        let own = decode(start).0.lab;
        let named = given.iter().rev().find(|(n, _)| n == "lab");
        let other = named.is_some_and(|(_, v)| !v.trim().eq_ignore_ascii_case(own.url()));
        let whole = named.is_some()
            && gives("seed")
            && (SPECS.iter())
                .filter(|s| s.labs.contains(&own))
                .all(|s| gives(s.url));
        (!other && !whole).then(|| crate::state::url::on_top(start, lab_query))
    }

    /// The link of the lesson step's or the challenge's start, if one is under way.
    fn start(&self) -> Option<&'static str> {
        match (self.lesson, self.challenge) {
            (Some((lesson, step)), _) => Some(lesson.steps[step].query),
            (None, Some(challenge)) => Some(challenge.start),
            (None, None) => None,
        }
    }

    /// A notice when the link's own settings change those of the start it opens
    /// ([`View::start_query`]): the step's prompt speaks of its own settings (helper 63:
    /// `lesson=fit&step=2&degree=9` showed degree 9 under "Degree 3 learns four coefficients").
    pub fn start_changes(&self, lab_query: &str) -> Option<String> {
        let (start, merged) = (self.start()?, self.start_query(lab_query)?);
        let ((from, _), (to, _)) = (decode(start), decode(&merged));
        let mut changed = changed_settings(&from, &to);
        // (Helper 73: a link's own curve showed another under a prompt about the step's.)
        let curve = |c: &crate::state::config::Config| {
            let first = crate::state::sweep::sweep_keys(c).first().copied();
            c.curve.or(first).map_or("", |k| k.spec().label)
        };
        if curve(&from) != curve(&to) {
            changed.push(format!(
                "the validation curve over {} (it has the one over {})",
                curve(&to),
                curve(&from)
            ));
        }
        if changed.is_empty() {
            return None;
        }
        let what = if self.lesson.is_some() {
            "this lesson step"
        } else {
            "this challenge"
        };
        Some(format!(
            "The link changes settings of {what}: {}. Its text speaks of its own settings.",
            changed.join(", ")
        ))
    }

    /// A line for the lesson bar when the lab's settings (`lab_query`, the link's lab part) have
    /// moved from the step's own in its own lab: the prompt speaks of the step's (helper 104:
    /// degree dragged to 15 under "Degree 3 learns four coefficients", with nothing said and no
    /// way back but to find the 3). The validation curve is left out: focusing a control picks
    /// it. `None` in another lab, which the bar names otherwise.
    pub fn step_changes(&self, lab_query: &str) -> Option<String> {
        let (lesson, step) = self.lesson?;
        let ((from, _), (to, _)) = (decode(lesson.steps[step].query), decode(lab_query));
        if from.lab != to.lab {
            return None;
        }
        let changed = changed_settings(&from, &to);
        (!changed.is_empty()).then(|| {
            format!(
                "Changed from step {}: {}. The prompt speaks of the step's own settings.",
                step + 1,
                changed.join(", ")
            )
        })
    }

    /// `present=1&hide=…&practice=1&lesson=…&step=…&challenge=…` (no leading `&`), or nothing
    /// for the plain view. Steps count from 1 in the link.
    pub fn encode(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if self.presenter {
            out.append_pair("present", "1");
        }
        if !self.hidden.is_empty() {
            let names: Vec<&str> = self.hidden.iter().map(|p| p.url()).collect();
            out.append_pair("hide", &names.join(","));
        }
        if self.practice {
            out.append_pair("practice", "1");
        }
        if let Some((lesson, step)) = self.lesson {
            out.append_pair("lesson", lesson.id);
            out.append_pair("step", &(step + 1).to_string());
        }
        if let Some(challenge) = self.challenge {
            out.append_pair("challenge", challenge.id);
        }
        out.finish()
    }
}

/// The view's keys out of `query` (with or without `?`): the view, the rest of the query for the
/// lab's codec, and notices for what could not be read (never an error).
pub fn split(query: &str) -> (View, String, Vec<String>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut view = View::default();
    let mut notices = Vec::new();
    let mut rest = form_urlencoded::Serializer::new(String::new());
    let mut step = None;
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        match name.trim().to_ascii_lowercase().as_str() {
            "present" => match switch(&value) {
                Some(on) => view.presenter = on,
                None => notices.push(format!(
                    "Presenter view “{}” is neither 1 nor 0; showing the normal view.",
                    clip(&value, 40)
                )),
            },
            "practice" => match switch(&value) {
                Some(on) => view.practice = on,
                None => notices.push(format!(
                    "Interview practice “{}” is neither 1 nor 0; showing the lab.",
                    clip(&value, 40)
                )),
            },
            "hide" => {
                for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    match Panel::named(name) {
                        Some(p) if !view.is_hidden(p) => view.toggle(p),
                        Some(_) => {}
                        None => notices.push(format!(
                            "There is no panel called “{}” to hide (there are {}; in the \
                             Tuning lab {}).",
                            clip(name, 40),
                            Panel::ALL.map(Panel::url).join(", "),
                            Panel::ALL
                                .map(|p| p.label(Lab::Tuning).to_lowercase())
                                .join(", ")
                        )),
                    }
                }
            }
            "lesson" => match lesson(value.trim()) {
                Some(l) => view.lesson = Some((l, 0)),
                None => notices.push(format!(
                    "There is no lesson called “{}”; the lessons are {}.",
                    clip(&value, 40),
                    super::lessons::LESSONS
                        .iter()
                        .map(|l| l.id)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            },
            "step" => {
                // (Helper 109: `step=2&step=4` opened step 4 without a word, where a setting given
                // twice is said.)
                if let Some(before) = step.as_deref().filter(|b| *b != value.trim()) {
                    notices.push(format!(
                        "The link gives the lesson's step twice (“{}” and “{}”); the last one \
                         counts.",
                        clip(before, 20),
                        clip(&value, 20)
                    ));
                }
                step = Some(value.trim().to_string())
            }
            "challenge" => match challenge(value.trim()) {
                Some(c) => view.challenge = Some(c),
                None => notices.push(format!(
                    "There is no challenge called “{}”; pick one from the Lessons menu.",
                    clip(&value, 40)
                )),
            },
            _ => {
                rest.append_pair(&name, &value);
            }
        }
    }
    if let (Some((l, _)), Some(text)) = (view.lesson, &step) {
        let last = l.steps.len();
        match text.parse::<usize>() {
            Ok(n) if (1..=last).contains(&n) => view.lesson = Some((l, n - 1)),
            _ => notices.push(format!(
                "Lesson “{}” has steps 1 to {last}, not “{}”; starting at step 1.",
                l.title,
                clip(text, 40)
            )),
        }
    }
    if view.lesson.is_some() && view.challenge.is_some() {
        view.challenge = None;
        notices.push("A link opens a lesson or a challenge, not both: showing the lesson.".into());
    }
    (view, rest.finish(), notices)
}

/// `1`/`0` (or on/off, true/false) as a switch.
fn switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "on" | "true" => Some(true),
        "0" | "off" | "false" => Some(false),
        _ => None,
    }
}

/// The settings of `to` that differ from `from`'s, as "Polynomial degree 1 (it has 3)": those
/// it shows, not playback's, and the seed.
fn changed_settings(from: &Config, to: &Config) -> Vec<String> {
    let mut changed: Vec<String> = (SPECS.iter())
        .filter(|s| to.shows(s.key) && s.group != Group::Playback)
        .filter(|s| from.position(s.key) != to.position(s.key))
        .map(|s| {
            let (was, now) = (from.position(s.key), to.position(s.key));
            let (was, now) = (display_value(s.key, was), display_value(s.key, now));
            format!("{} {now} (it has {was})", s.label)
        })
        .collect();
    if from.seed != to.seed {
        changed.push(format!("Seed {} (it has {})", to.seed, from.seed));
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::url;

    #[test]
    fn the_view_keys_leave_the_labs_query_untouched() {
        let (view, rest, notices) = split("?lab=regression&present=1&degree=5&hide=loss,verdict");
        assert!(view.presenter);
        assert_eq!(view.hidden(), [Panel::Verdict, Panel::Loss]);
        assert!(notices.is_empty());
        assert_eq!(rest, "lab=regression&degree=5");
        let (config, notices) = url::decode(&rest);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(config.lab, crate::state::spec::Lab::Regression);
    }

    /// `hide=` takes the toggles' labels too, in any lab (helper 109 typed the Tuning lab's);
    /// a name of no panel lists both sets of names.
    #[test]
    fn hide_takes_a_panels_toggle_label_as_well() {
        let (view, _, notices) =
            split("?lab=tuning&hide=choice,Best-so-far,the%20folds,trials,validation%20curve");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            view.hidden(),
            [
                Panel::Verdict,
                Panel::Scores,
                Panel::Loss,
                Panel::Validation
            ]
        );
        let (_, _, notices) = split("?lab=tuning&hide=map");
        assert_eq!(
            notices,
            [
                "There is no panel called “map” to hide (there are verdict, scores, parameters, \
              loss, validation; in the Tuning lab the choice, trials, parameters, best so far, \
              folds)."
            ]
        );
    }

    /// A lesson's id is read whatever its case, as the labs' settings are; a step given twice
    /// is said, and the last counts.
    #[test]
    fn a_lesson_link_reads_its_id_in_any_case_and_says_a_step_given_twice() {
        let (view, _, notices) = split("?lesson=FIT&step=2&step=4");
        assert_eq!(view.lesson.map(|(l, s)| (l.id, s)), Some(("fit", 3)));
        assert_eq!(
            notices,
            ["The link gives the lesson's step twice (“2” and “4”); the last one counts."]
        );
        let (view, _, notices) = split("?challenge=Tame-The-Step");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(view.challenge.map(|c| c.id), Some("tame-the-step"));
    }

    /// Every toggle in every lab says what it hides, and no two toggles of a lab say the same.
    #[test]
    fn every_toggle_says_what_it_hides() {
        for lab in crate::state::spec::Lab::ALL {
            let hints: Vec<&str> = Panel::ALL.iter().map(|p| p.hint(lab)).collect();
            for (i, hint) in hints.iter().enumerate() {
                assert!(hint.len() > 10, "{lab:?}: {hint}");
                assert!(!hints[..i].contains(hint), "{lab:?}: {hint} twice");
            }
        }
        assert!(Panel::Parameters
            .hint(crate::state::spec::Lab::Tuning)
            .contains("once a search has finished"));
    }

    #[test]
    fn encode_and_split_round_trip_every_panel() {
        for panel in Panel::ALL {
            let mut view = View {
                presenter: true,
                ..View::default()
            };
            view.toggle(panel);
            let (back, rest, notices) = split(&view.encode());
            assert_eq!(back, view);
            assert!(rest.is_empty() && notices.is_empty());
            view.toggle(panel);
            assert!(!view.is_hidden(panel));
        }
        assert_eq!(View::default().encode(), "");
        let practice = View::default().with_practice(true);
        assert_eq!(practice.encode(), "practice=1");
        assert_eq!(split("practice=1").0, practice);
    }

    /// A slider moved away from a step's setting is named in the lesson bar with the step's own
    /// value; moved back, nothing is; in another lab, or outside a lesson, there is no such line.
    #[test]
    fn a_setting_moved_from_the_steps_is_named_with_the_steps_value() {
        let (view, _, _) = split("lesson=fit&step=2");
        let (lesson, _) = view.lesson.unwrap();
        let step = lesson.steps[1].query;
        assert_eq!(view.step_changes(step), None);
        let (mut config, _) = url::decode(step);
        config.set(crate::state::spec::Key::Degree, 15);
        let moved = url::encode(&config);
        assert_eq!(
            view.step_changes(&moved).as_deref(),
            Some(
                "Changed from step 2: Polynomial degree 15 (it has 3). The prompt speaks of the \
             step's own settings."
            )
        );
        // Another curve alone (focusing a control picks it) is no change of the step's settings.
        let (mut config, _) = url::decode(step);
        config.curve = Some(crate::state::spec::Key::Lambda);
        assert_eq!(view.step_changes(&url::encode(&config)), None);
        assert_eq!(view.step_changes("lab=classification"), None);
        assert_eq!(View::default().step_changes(&moved), None);
    }

    #[test]
    fn lessons_and_challenges_travel_in_the_link_and_start_from_their_own_state() {
        let (view, rest, notices) = split("lesson=fit&step=2");
        assert!(notices.is_empty(), "{notices:?}");
        let (l, step) = view.lesson.expect("a lesson");
        assert_eq!((l.id, step), ("fit", 1));
        assert_eq!(view.start_query(&rest).as_deref(), Some(l.steps[1].query));
        // Settings without a lab apply on top of the step's start.
        let on_top = view.start_query("degree=1").unwrap();
        let without: Vec<&str> = (l.steps[1].query.split('&'))
            .filter(|pair| !pair.starts_with("degree="))
            .collect();
        assert_eq!(on_top, format!("{}&degree=1", without.join("&")));
        let (config, notices) = crate::state::url::decode(&on_top);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(config.number(crate::state::spec::Key::Degree), 1.0);
        // ... and are named, since the step's prompt speaks of its own (helper 63).
        assert_eq!(
            view.start_changes("degree=1&seed=5").as_deref(),
            Some(
                "The link changes settings of this lesson step: Polynomial degree 1 (it has 3), \
                 Seed 5 (it has 8). Its text speaks of its own settings."
            )
        );
        assert_eq!(view.start_changes(""), None);
        // Another validation curve is named too (helper 73).
        assert_eq!(
            view.start_changes("curve=lambda").as_deref(),
            Some(
                "The link changes settings of this lesson step: the validation curve over \
                 Regularization strength (it has the one over Polynomial degree). Its text speaks \
                 of its own settings."
            )
        );
        // (Not the speed, which the prompt never speaks of, nor a setting of another lab.)
        assert_eq!(view.start_changes("speed=max&k=3"), None);
        let step_degree = l.steps[1]
            .query
            .split('&')
            .find(|p| p.starts_with("degree="));
        assert_eq!(
            view.start_changes(step_degree.unwrap()),
            None,
            "the same value"
        );
        // A whole configuration in the link wins (the class moved on from the step), as does
        // another lab; the step's own lab typed with a few settings applies them on top of the
        // step (helper 110).
        let whole = crate::state::url::encode(&decode("lab=regression&degree=9").0);
        assert_eq!(view.start_query(&whole), None);
        assert_eq!(view.start_query("lab=classification&k=3"), None);
        let typed = view.start_query("lab=Regression&degree=9").unwrap();
        let (config, notices) = decode(&typed);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(config.number(crate::state::spec::Key::Degree), 9.0);
        assert_eq!(config.seed, decode(l.steps[1].query).0.seed);
        assert_eq!(split(&view.encode()).0, view);
        let first = &crate::classroom::challenges::CHALLENGES[0];
        let (c, _, notices) = split(&format!("challenge={}", first.id));
        assert!(notices.is_empty());
        assert_eq!(c.start_query("").as_deref(), Some(first.start));
        assert_eq!(split(&c.encode()).0, c);
        let (bad, _, notices) = split("lesson=nope&challenge=nada");
        assert_eq!((bad.lesson, bad.challenge), (None, None));
        assert_eq!(notices.len(), 2, "{notices:?}");
        let (clamped, _, notices) = split("lesson=fit&step=99");
        assert_eq!(clamped.lesson.map(|(_, s)| s), Some(0));
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn unreadable_view_keys_become_notices_not_errors() {
        let (view, rest, notices) = split("present=maybe&hide=verdict,plots,,verdict&lr=0.1");
        assert!(!view.presenter);
        assert_eq!(view.hidden(), [Panel::Verdict]);
        assert_eq!(rest, "lr=0.1");
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(notices[1].contains("“plots”"));
    }
}
