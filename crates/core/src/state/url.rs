//! The configuration as a URL query, both ways. Decoding never fails: unknown keys, unparsable
//! or out-of-range values fall back to the default or the nearest valid value, and each fallback
//! is reported as a notice for the page to show.

use super::choice::{Choice, TuneAxis, TuneModel};
use super::config::{Config, MAX_SEED};
use super::plane::MAX_CUSTOM_POINTS;
use super::spec::{display_value, format_value, Domain, Key, Lab, Spec, SPECS};
use super::sweep::sweep_keys;
use super::tuning_axes::{axis_choices, default_points, first_axis_unnamed, second_axis_unnamed};
use crate::data::classification::Point2;
use crate::format::{clip, count, thousands};

/// Hand-placed points travel in the link up to this many; more stay in the browser's storage.
pub const MAX_POINTS_IN_LINK: usize = 60;

/// `lab=regression&lr=0.03&…&seed=42` (no leading `?`): the lab's controls, the validation curve
/// when not the model's first (`curve=lambda`), the seed, and hand-placed points
/// (`pts=x₁,x₂,class;…`) when the lab uses them and they fit.
pub fn encode(config: &Config) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("lab", config.lab.url());
    for spec in SPECS.iter().filter(|s| s.labs.contains(&config.lab)) {
        out.append_pair(spec.url, &format_value(spec.key, config.position(spec.key)));
    }
    if let Some(key) = (config.curve).filter(|k| curve_keys(config).iter().skip(1).any(|c| c == k))
    {
        out.append_pair("curve", key.spec().url);
    }
    out.append_pair("seed", &config.seed.to_string());
    if links_points(config) {
        out.append_pair("pts", &points_text(&config.custom));
    }
    out.finish()
}

/// A seed written as text, as the link and the Seed field both read it: a whole number from 0
/// to [`MAX_SEED`], in digits or otherwise ("1e3", "12.0"; helper 63); `None` for anything else
/// (helper 87: the link took "1e3" and the field refused it).
pub fn whole_seed(text: &str) -> Option<u64> {
    let text = text.trim();
    let seed = match text.parse::<u64>() {
        Ok(seed) => seed,
        Err(_) => match text.parse::<f64>() {
            Ok(v) if v.fract() == 0.0 && (0.0..=MAX_SEED as f64).contains(&v) => v as u64,
            _ => return None,
        },
    };
    (seed <= MAX_SEED).then_some(seed)
}

/// As [`encode`], with the hand-placed points in the link whatever their number: points that
/// arrived by a link stay in it until they change. (The page stores only points placed in it, so
/// that opening a link does not erase the saved ones; a link of more than
/// [`MAX_POINTS_IN_LINK`] points, dropped from the address bar, was lost on a reload.)
pub fn encode_with_all_points(config: &Config) -> String {
    let query = encode(config);
    let plane = matches!(config.lab, Lab::Classification | Lab::Neural);
    if links_points(config) || !plane || config.custom.is_empty() {
        return query;
    }
    let mut out = form_urlencoded::Serializer::new(query);
    out.append_pair("pts", &points_text(&config.custom));
    out.finish()
}

/// Hand-placed points as text (`x₁,x₂,class;…`), for the link or the browser's storage.
pub fn points_text(points: &[Point2]) -> String {
    let pts: Vec<String> = points
        .iter()
        .map(|p| format!("{:.2},{:.2},{}", p.x1, p.x2, p.class))
        .collect();
    pts.join(";")
}

/// Whether the link carries the hand-placed points (else the page keeps them in storage). They
/// travel whatever the dataset chosen, so switching back to "Your own points" finds them.
pub fn links_points(config: &Config) -> bool {
    matches!(config.lab, Lab::Classification | Lab::Neural)
        && !config.custom.is_empty()
        && config.custom.len() <= MAX_POINTS_IN_LINK
}

/// A hand-placed coordinate as the link writes it: two decimals.
pub fn round_coordinate(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Something in a link that the page could not use as written: what was wrong, and what it uses
/// instead (if it uses something else rather than nothing).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub problem: String,
    pub instead: Option<String>,
}

impl Notice {
    fn new(problem: String) -> Self {
        Notice {
            problem,
            instead: None,
        }
    }
    fn using(problem: String, instead: String) -> Self {
        Notice {
            problem,
            instead: Some(instead),
        }
    }
}

/// As the page says it: "Seed −5 is below the smallest seed 0; using seed 0."
impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.instead {
            Some(instead) => write!(f, "{}; using {instead}.", self.problem),
            None => write!(f, "{}.", self.problem),
        }
    }
}

/// Reads a query (with or without the leading `?`) into a configuration plus notices, as the
/// page shows them.
pub fn decode(query: &str) -> (Config, Vec<String>) {
    let (config, notices) = read(query);
    (config, notices.iter().map(Notice::to_string).collect())
}

/// As [`decode`], with each notice's problem apart from what is used instead.
pub fn read(query: &str) -> (Config, Vec<Notice>) {
    let mut config = Config::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        // Names match whatever their case (`lab=Neural`, `LR=0.1`); marks that reorder text
        // or control characters belong to no value.
        // A name of such characters alone reads as "�", so its notice has something to quote
        // (helper 63: it had none).
        .map(|(n, v)| {
            let plain = |t: &str| clip(t.trim(), usize::MAX);
            let name = match plain(&n) {
                name if name.is_empty() && !n.trim().is_empty() => "\u{fffd}".to_string(),
                name => name.to_ascii_lowercase(),
            };
            (name, plain(&v))
        })
        .collect();
    let labs: Vec<&String> = (pairs.iter())
        .filter(|(n, _)| n == "lab")
        .map(|(_, v)| v)
        .collect();
    if labs.windows(2).any(|w| !w[0].eq_ignore_ascii_case(w[1])) {
        notices.push(Notice::new(
            "The link names more than one lab; showing the last it names".into(),
        ));
    }
    if let Some((_, value)) = pairs.iter().rev().find(|(n, _)| n == "lab") {
        match Lab::ALL
            .iter()
            .find(|l| l.url().eq_ignore_ascii_case(value))
        {
            Some(lab) => config = Config::for_lab(*lab),
            None => notices.push(Notice::new(format!(
                "There is no lab called “{}”; showing the Regression lab",
                clip(value, 40)
            ))),
        }
    }
    // A value that cannot be read falls back to the lab's default.
    let defaults = config.clone();
    notices.extend(repeated_settings(&pairs, config.lab));
    // The validation curve, read once the model it belongs to is known.
    let mut curve = None;
    // Each setting read once, at its last value, which is the one used (helper 87: `lr=abc&lr=0.5`
    // said "“abc” is not a number; using 0.01" of a page at 0.5, and 2,000 copies of an unknown
    // setting made 2,000 notices).
    let mut unknown = Vec::new();
    let mut tuning_data = None;
    let mut unread_axes = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut last: Vec<&(String, String)> = (pairs.iter().rev())
        .filter(|(name, _)| seen.insert(name.as_str()))
        .collect();
    last.reverse();
    for (name, value) in last {
        let (name, value) = (name.as_str(), value.as_str());
        // (As a notice quotes it: clipped, without marks that reorder the sentence.)
        let shown = clip(value, 40);
        if name == "lab" {
            continue;
        } else if name == "curve" {
            curve = Some(value);
        } else if name == "seed" {
            let mut too_large = false;
            // Digits too many for u64 are still a whole number, only too large.
            let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
            // (A negative whole number however written: "-1", "-1e3", more digits than u64.)
            let negative = (value.trim().parse::<f64>()).is_ok_and(|v| v < 0.0 && v.fract() == 0.0);
            match (whole_seed(value), value.parse::<u64>()) {
                (Some(s), _) => config.seed = s,
                (None, Ok(_)) => too_large = true,
                (None, Err(_)) if digits => too_large = true,
                // (Clamped to 0 as a slider's value below its minimum is, and as a seed above
                // the largest is clamped to it; helper 88: -1 fell back to 42.)
                (None, Err(_)) if negative => {
                    config.seed = 0;
                    notices.push(Notice::using(
                        format!("Seed {shown} is below the smallest seed 0"),
                        "seed 0".to_string(),
                    ))
                }
                (None, Err(_)) => match value.trim().parse::<f64>() {
                    // (1e400 reads as infinity, whose fraction is NaN: a whole number too
                    // large all the same, unlike "inf"; helper 90.)
                    Ok(v) if v > 0.0 && v.fract() == 0.0 => too_large = true,
                    Ok(v)
                        if v.is_infinite()
                            && v > 0.0
                            && value.contains(|c: char| c.is_ascii_digit()) =>
                    {
                        too_large = true
                    }
                    _ => notices.push(Notice::using(
                        format!("Seed “{shown}” is not a whole number"),
                        format!("seed {}", config.seed),
                    )),
                },
            }
            if too_large {
                config.seed = MAX_SEED;
                notices.push(Notice::using(
                    format!("Seed {shown} is above the largest seed {MAX_SEED}"),
                    MAX_SEED.to_string(),
                ));
            }
        } else if name == "pts" && matches!(config.lab, Lab::Classification | Lab::Neural) {
            let (points, bad) = parse_points(value, MAX_CUSTOM_POINTS);
            let beyond = value.split(';').filter(|p| !p.trim().is_empty()).count();
            let beyond = beyond.saturating_sub(points.len() + bad);
            config.custom = points;
            if bad > 0 {
                notices.push(Notice::new(format!(
                    "Skipped {bad} hand-placed point(s) in the link that could not be read \
                     (each is x₁,x₂,class with coordinates within ±2 and class 0, 1 or 2)"
                )));
            }
            if beyond > 0 {
                notices.push(Notice::new(format!(
                    "Kept the first {MAX_CUSTOM_POINTS} hand-placed points of the link; {beyond} \
                     more were left out"
                )));
            }
        } else if name == "data" && config.lab == Lab::Tuning {
            // (Read once the model is known: a curve is polynomial regression's data, a pattern
            // of the plane the plane models'.)
            tuning_data = Some(value);
        } else if let Some(spec) = SPECS
            .iter()
            .find(|s| s.url == name && s.labs.contains(&config.lab))
        {
            match position_of(spec, value, defaults.position(spec.key)) {
                Ok(pos) => config.set(spec.key, pos),
                // (An axis of no model: the searched model's own, once it is known.)
                Err(_) if matches!(spec.key, Key::AxisX | Key::AxisY) => {
                    unread_axes.push((spec.key, shown))
                }
                Err((pos, why)) => {
                    config.set(spec.key, pos);
                    // (The link's word, but "leave-one-out" for the folds' "all".)
                    let using = match spec.key {
                        Key::Folds => display_value(spec.key, pos),
                        // (The number and what it means: helper 109 read "using 2" of
                        // `features=x1,x2`, a list the slider shows as x₁, x₂, x₁², x₁x₂, x₂².)
                        Key::Features => format!(
                            "{}: {}",
                            format_value(spec.key, pos),
                            display_value(spec.key, pos)
                        ),
                        _ => format_value(spec.key, pos),
                    };
                    notices.push(Notice::using(
                        format!("{} “{shown}” {why}", spec.label),
                        using,
                    ));
                }
            }
        } else if let Some(other) = SPECS.iter().find(|s| s.url == name) {
            // (Helper 46: "unknown setting “degree”" for a setting the page does know.)
            notices.push(Notice::new(format!(
                "Ignored “{name}”: it is a setting of the {}, not of the {}",
                other.labs[0].title(),
                config.lab.title()
            )));
        } else if name == "pts" {
            // (Helper 90: "unknown setting “pts”" in the Regression or Tuning lab.)
            notices.push(Notice::new(format!(
                "Ignored “pts”: hand-placed points belong to the Classification and \
                 Neural-network labs, not to the {}",
                config.lab.title()
            )));
        } else if !name.is_empty() {
            unknown.push(clip(name, 40));
        }
    }
    // (One notice for them all: helper 87's thousands of lines pushed the lab out of sight.)
    match unknown.as_slice() {
        [] => {}
        [name] => notices.push(Notice::new(format!(
            "Ignored the unknown setting “{name}” in the link"
        ))),
        names => notices.push(Notice::new(format!(
            "Ignored {} unknown settings in the link ({})",
            thousands(names.len() as u64),
            quote_some(names)
        ))),
    }
    if let Some(value) = curve {
        let keys = curve_keys(&config);
        match keys
            .iter()
            .find(|k| k.spec().url.eq_ignore_ascii_case(value))
        {
            Some(&key) => config.curve = (key != keys[0]).then_some(key),
            None if keys.is_empty() => notices.push(Notice::new(format!(
                "Ignored “curve”: the {} has no validation curve",
                config.lab.title()
            ))),
            None => notices.push(Notice::using(
                format!(
                    "This model has no validation curve over “{}”",
                    clip(value, 40)
                ),
                format!("the curve over {}", keys[0].spec().label),
            )),
        }
    }
    if let Some(value) = tuning_data {
        notices.extend(tuning_data_of(&mut config, value, &pairs));
    }
    if config.lab == Lab::Tuning {
        let named = |k: Key| pairs.iter().any(|(n, _)| n == k.spec().url);
        let unread = |k: Key| unread_axes.iter().any(|(key, _)| *key == k);
        if !named(Key::AxisX) || unread(Key::AxisX) {
            first_axis_unnamed(&mut config);
        }
        if !named(Key::AxisY) || unread(Key::AxisY) {
            second_axis_unnamed(&mut config);
        }
        // (Helper 109: `model=logistic&x=features` said "using degree", then "degree is not a
        // hyperparameter of Logistic regression: searching λ instead".)
        for (key, shown) in unread_axes {
            notices.push(Notice::using(
                format!("{} “{shown}” {}", key.spec().label, axes_of(&config, key)),
                format_value(key, config.position(key)),
            ));
        }
        if !named(Key::Points) {
            config.set(Key::Points, default_points(config.tuned()));
        }
    }
    (config, notices)
}

/// The axes the searched model can be searched along on `key`, as a notice lists them: "is not
/// an axis of Logistic regression (lambda, lr)"; the second may be none.
fn axes_of(config: &Config, key: Key) -> String {
    let model: TuneModel = config.choice(Key::TuneModel);
    let mut names: Vec<&str> = (axis_choices(config.tuned()).iter())
        .map(|a| a.opt().url)
        .collect();
    if key == Key::AxisY {
        names.push(TuneAxis::None.opt().url);
    }
    format!(
        "is not an axis of {} ({})",
        model.opt().label,
        names.join(", ")
    )
}

/// `data=` in the Tuning lab, read once the searched model is known. A curve is polynomial
/// regression's data (kept whatever the model, as every link keeps it); a pattern of the plane
/// (`pattern=` in this lab) is the plane models', named
/// as the other labs' links name it (helper 109: `?lab=tuning&model=knn&data=spiral` said "using
/// sine" of a search on the moons), unless the link names `pattern=` as well. A value that is
/// neither falls back with the list of the searched model's own data.
fn tuning_data_of(config: &mut Config, value: &str, pairs: &[(String, String)]) -> Vec<Notice> {
    let (curve, pattern) = (Key::Dataset.spec(), Key::TunePattern.spec());
    let shown = clip(value, 40);
    let own = match config.tuned() {
        None => curve,
        Some(_) => pattern,
    };
    let (as_curve, as_pattern) = (position_of(curve, value, 0), position_of(pattern, value, 0));
    match (config.tuned(), as_curve, as_pattern) {
        // (A curve with a plane model too: every link keeps the polynomial's data, for when
        // the search's model switches back.)
        (_, Ok(pos), _) => {
            config.set(Key::Dataset, pos);
            Vec::new()
        }
        (Some(_), _, Ok(_)) if pairs.iter().any(|(n, _)| n == pattern.url) => {
            vec![Notice::new(format!(
                "Ignored “data={shown}”: the link names the search's pattern with “pattern” too"
            ))]
        }
        (Some(_), _, Ok(pos)) => {
            config.set(Key::TunePattern, pos);
            Vec::new()
        }
        (None, Err(_), Ok(_)) => vec![Notice::using(
            format!(
                "Dataset “{shown}” is a pattern of the plane, for the plane's models; \
                 polynomial regression searches a curve"
            ),
            format_value(Key::Dataset, config.position(Key::Dataset)),
        )],
        (_, Err(_), Err(_)) => {
            let why = position_of(own, value, 0).err().map(|e| e.1);
            vec![Notice::using(
                format!("Dataset “{shown}” {}", why.unwrap_or_default()),
                format_value(own.key, config.position(own.key)),
            )]
        }
    }
}

/// The settings of `base` that `more` does not give, then those of `more`: each setting once,
/// `more`'s where both give it (a lesson step's start with the link's own settings on top).
pub fn on_top(base: &str, more: &str) -> String {
    let given: Vec<String> = form_urlencoded::parse(more.as_bytes())
        .map(|(name, _)| name.trim().to_ascii_lowercase())
        .collect();
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(base.as_bytes()) {
        if !given.contains(&name.trim().to_ascii_lowercase()) {
            out.append_pair(&name, &value);
        }
    }
    out.extend_pairs(form_urlencoded::parse(more.as_bytes()));
    out.finish()
}

/// A notice for each of the lab's settings that the link gives twice or more with different
/// values: the last one is used, as for the lab (helper 60: `lr=1&lr=0.01` silently trained at
/// 0.01).
fn repeated_settings(pairs: &[(String, String)], lab: Lab) -> Vec<Notice> {
    let mut notices = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (name, _) in pairs {
        if name == "lab" || !seen.insert(name.as_str()) {
            continue;
        }
        // (Only the lab's own settings, a bounded few: the values are gathered for those.)
        let label = match SPECS
            .iter()
            .find(|s| s.url == name && s.labs.contains(&lab))
        {
            Some(spec) => spec.label.to_string(),
            None if name == "seed" => "Seed".to_string(),
            None if name == "curve" => "the validation curve".to_string(),
            None => continue,
        };
        let values: Vec<&String> = (pairs.iter())
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v)
            .collect();
        // (Spelled alike but for case or spaces: the same value; helper 90's “all”, “ALL”.)
        if (values.windows(2)).all(|w| w[0].trim().eq_ignore_ascii_case(w[1].trim())) {
            continue;
        }
        let values: Vec<String> = values.iter().map(|v| clip(v, 20)).collect();
        notices.push(Notice::new(format!(
            "The link sets {label} {} times ({}); the last one counts",
            values.len(),
            quote_some(&values)
        )));
    }
    notices
}

/// The texts quoted and listed, "“a”, “b”, …, “z”" past four of them (helper 87: a link that
/// gave the degree 501 times had all 501 quoted).
fn quote_some(texts: &[String]) -> String {
    let quoted: Vec<String> = texts.iter().map(|t| format!("“{t}”")).collect();
    match quoted.as_slice() {
        [first, second, .., last] if quoted.len() > 4 => format!("{first}, {second}, …, {last}"),
        all => all.join(", "),
    }
}

/// The hyperparameters whose validation curve the lab can show for `config`'s model (none in
/// the Tuning lab, whose search is its curve); the first is the one shown unless a link names
/// another.
fn curve_keys(config: &Config) -> Vec<Key> {
    match config.lab {
        Lab::Tuning => Vec::new(),
        _ => sweep_keys(config),
    }
}

/// `x₁,x₂,class;…` → points (coordinates within ±2, rounded to two decimals as links write them;
/// class 0 … 2) and how many were unreadable. At most `limit` are read; the rest are neither kept
/// nor counted.
pub fn parse_points(value: &str, limit: usize) -> (Vec<Point2>, usize) {
    let mut points = Vec::new();
    let mut bad = 0;
    for item in value.split(';').filter(|s| !s.trim().is_empty()) {
        let parts: Vec<&str> = item.split(',').map(str::trim).collect();
        let parsed = match parts.as_slice() {
            [a, b, c] => match (a.parse::<f64>(), b.parse::<f64>(), c.parse::<usize>()) {
                (Ok(x1), Ok(x2), Ok(class)) if x1.abs() <= 2.0 && x2.abs() <= 2.0 && class < 3 => {
                    Some(Point2 { x1, x2, class })
                }
                _ => None,
            },
            _ => None,
        };
        if points.len() == limit {
            break;
        }
        match parsed {
            Some(p) => points.push(Point2 {
                x1: round_coordinate(p.x1),
                x2: round_coordinate(p.x2),
                class: p.class,
            }),
            None => bad += 1,
        }
    }
    (points, bad)
}

/// What restoring hand-placed points kept in the browser found: how many were restored and how
/// many stored entries could not be read. Storage can be changed by hand or by another version:
/// what cannot be read is said, not dropped without a word (helper 109). `None` if nothing was
/// stored.
pub fn stored_points_note(restored: usize, unreadable: usize) -> Option<String> {
    let lost = count(unreadable, "stored entry", "stored entries");
    let were = if unreadable == 1 { "was" } else { "were" };
    match (restored, unreadable) {
        (0, 0) => None,
        (0, _) => Some(format!(
            "The hand-placed points kept in this browser could not be read ({lost}): the plane \
             starts empty."
        )),
        (n, 0) => Some(format!(
            "Restored your {} from this browser.",
            count(n, "hand-placed point", "hand-placed points")
        )),
        (n, _) => Some(format!(
            "Restored your {} from this browser; {lost} could not be read and {were} left out.",
            count(n, "hand-placed point", "hand-placed points")
        )),
    }
}

#[path = "url_value.rs"]
mod value;
use value::position_of;

#[cfg(test)]
#[path = "url_tests.rs"]
mod tests;
