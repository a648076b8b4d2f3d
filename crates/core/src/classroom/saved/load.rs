//! Reading a saved-model file back: every check the module notes promise, each failure a
//! sentence for the page, and on success the lab rebuilt from the file's link with the file's
//! model in place, paused.

use super::learned::{
    class_tree, BoostingFile, ForestFile, KnnFile, LogisticFile, NetworkFile, PolynomialFile,
    TreeFile,
};
use super::{File, FORMAT, VERSION};
use crate::format::{count, thousands};
use crate::ml::knn::Knn;
use crate::ml::model::Model;
use crate::ml::plane_model::PlaneModel;
use crate::state::choice::Choice;
use crate::state::config::Config;
use crate::state::plane::PlaneLab;
use crate::state::regression::RegressionLab;
use crate::state::spec::{Key, Lab};
use crate::state::url::read;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A loaded model in its lab, ready to show, and the sentence that says what was loaded.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub lab: LoadedLab,
    /// E.g. "Loaded a degree-5 polynomial trained for 1,234 epochs (6 weights) from seed 42."
    pub message: String,
}

/// The lab of a loaded model: the configuration of its link, the data again from the seed, the
/// model with the file's parameters, paused.
#[derive(Clone, Debug)]
pub enum LoadedLab {
    Regression(RegressionLab),
    /// The Classification or the Neural-network lab (`config.lab` says which).
    Plane(PlaneLab),
}

impl LoadedLab {
    pub fn config(&self) -> &Config {
        match self {
            LoadedLab::Regression(s) => &s.config,
            LoadedLab::Plane(s) => &s.config,
        }
    }
}

const NOT_OURS: &str = "This file is not a ParamLab model";

/// Reads a saved-model file. `Err` is a sentence for the page: the file is not text, not JSON, not a
/// ParamLab model, of a later version, or damaged (a link that does not decode cleanly, a model
/// other than the link's, parameters whose shape disagrees with the link, a number that is not
/// finite).
pub fn load(text: &str) -> Result<Loaded, String> {
    if text.trim().is_empty() {
        return Err(format!("{NOT_OURS}: it is empty."));
    }
    // The browser reads any file as UTF-8 text: a binary one arrives with NUL characters and
    // replacement marks (U+FFFD) where its bytes are not text. (Helper 46: a 20 MB image was
    // "a CSV table".) The first kilobytes decide, as `file` does.
    let head = text.char_indices().take_while(|(i, _)| *i < 4096);
    if head.map(|(_, c)| c).any(|c| c == '\0' || c == '\u{FFFD}') {
        return Err(format!(
            "{NOT_OURS}: it is not text (an image, an archive or another binary file?)."
        ));
    }
    // First only whether it is JSON at all, then what it says it is, then all of it.
    serde_json::from_str::<IgnoredAny>(text).map_err(|e| {
        let first = text.trim_start().split('\n').next().unwrap_or("");
        if e.is_eof() {
            format!("{NOT_OURS}: its JSON stops short (was the file cut off?).")
        } else if first.contains([',', ';', '\t']) && !first.starts_with(['{', '[']) {
            // (The page's own "Data as CSV" or "Parameters as CSV", chosen by mistake; or a
            // table saved with semicolons or tabs, as spreadsheets in many locales save it.)
            format!("{NOT_OURS}: it looks like a CSV table; only Save model's .json files load.")
        } else {
            // The parser's own words ("expected ident") mean nothing to a learner: where, not what.
            format!(
                "{NOT_OURS}: it is not JSON (the text stops making sense at line {}, column {}).",
                e.line(),
                e.column()
            )
        }
    })?;
    // (A field given twice is named as such, not "no format" (helper 63); other JSON, a number
    // or a list, has no format.)
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        Err(e) if e.to_string().starts_with("duplicate field") => {
            let name = e.to_string().split('`').nth(1).unwrap_or("").to_string();
            return Err(format!(
                "This model file is damaged: it gives \"{name}\" twice."
            ));
        }
        Err(_) => Header::default(),
    };
    if header.format.as_deref().map(RawValue::get) != Some(&format!("\"{FORMAT}\"")) {
        return Err(format!("{NOT_OURS}: it has no \"format\": \"{FORMAT}\"."));
    }
    match (header.version.as_deref()).and_then(|v| v.get().parse::<u64>().ok()) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return Err(format!(
                "This model was saved by a newer ParamLab (file version {v}); this one reads \
                 version {VERSION}."
            ))
        }
        _ => {
            return Err(format!(
                "This model file has no valid \"version\" (it should be {VERSION})."
            ))
        }
    }
    let file: File = serde_json::from_str(text).map_err(|e| damaged("", "", e))?;
    let config = link_config(&file)?;
    let expected = match config.lab {
        Lab::Regression => "polynomial",
        Lab::Classification | Lab::Neural => config.model().opt().url,
        Lab::Tuning => return Err("The Tuning lab has no model to load.".into()),
    };
    if file.model != expected {
        return Err(format!(
            "This model file is damaged: it holds a \"{}\" model, but its link asks for \"{expected}\".",
            file.model
        ));
    }
    // (u64::MAX epochs loaded, and the counter wrapped to 0 on the next step; helper 46.)
    if file.steps > MOST_STEPS {
        return Err(format!(
            "This model file is damaged: it says it trained {} steps, more than a browser could \
             run in years (at most {}).",
            thousands(file.steps),
            thousands(MOST_STEPS)
        ));
    }
    let seed = config.seed;
    let (lab, what) = match config.lab {
        Lab::Regression => regression(config, &file.parameters, file.steps)?,
        _ => plane(config, &file.parameters, file.steps)?,
    };
    // Finite numbers can still be too large to predict with (1e300 squared overflows): a model
    // whose error on its own data is infinite would show no curve and no scores.
    let errors = match &lab {
        LoadedLab::Regression(s) => [s.train_score.loss, s.test_score.loss],
        LoadedLab::Plane(s) => [s.train_score.loss, s.test_score.loss],
    };
    if errors.iter().any(|e| !e.is_finite()) {
        return Err(
            "This model file's parameters are too large to use: its predictions on its own data \
             overflow (an infinite error). Was it edited by hand?"
                .into(),
        );
    }
    Ok(Loaded {
        lab,
        message: format!("Loaded {what} from seed {seed}."),
    })
}

/// The configuration of the file's link, if it decodes cleanly and names the file's lab.
fn link_config(file: &File) -> Result<Config, String> {
    // (An empty link would read as the default settings, and the file then disagree with them.)
    if file.link.trim().is_empty() {
        return Err(
            "This model file is damaged: its link is empty, so nothing says which \
                    settings and data the model was trained with."
                .into(),
        );
    }
    let (config, notices) = read(&file.link);
    if let Some(notice) = notices.first() {
        // (Not what a lab would use instead: the file is refused, nothing is used.)
        return Err(format!(
            "This model file is damaged: its link does not decode cleanly. {}.",
            notice.problem
        ));
    }
    if config.lab.url() != file.lab {
        return Err(format!(
            "This model file is damaged: it says lab \"{}\" but its link is for the {}.",
            file.lab,
            config.lab.title()
        ));
    }
    Ok(config)
}

/// The file's parameters as the model's own structure.
fn parse<T: DeserializeOwned>(parameters: &RawValue) -> Result<T, String> {
    // (Its positions count from the block's opening brace, not the file's first line; helper 74
    // looked for line 78 of the file.)
    serde_json::from_str(parameters.get()).map_err(|e| {
        damaged(
            "its parameters do not read: ",
            " of its \"parameters\" block",
            e,
        )
    })
}

/// What the page says when a file that is JSON does not read as a model file: a number that
/// cannot be finite (`null` is what JSON writers put for NaN and infinity), or the reader's
/// reason (a missing or unknown field, a value of the wrong kind) with where it stands (`within`:
/// the part of the file its line and column count in, if not the whole file).
fn damaged(part: &str, within: &str, e: serde_json::Error) -> String {
    let why = e.to_string();
    if why.contains("number out of range") {
        format!("{NOT_OURS}: it holds a number too large to be finite ({e}).")
    } else if why.starts_with("invalid type: null, expected f64") {
        "This model file is damaged: a parameter is not a finite number (NaN or infinity).".into()
    } else {
        format!(
            "This model file is damaged: {part}{} (line {}, column {}{within}).",
            plain(&why),
            e.line(),
            e.column()
        )
    }
}

/// The reader's reason in plainer words: serde's "invalid type: string \"abc\", expected f64 at
/// line 1 column 21" becomes "a value of the wrong kind: string \"abc\" where a number belongs"
/// (where it stands is said apart, as line and column). Kept small: each string operation here
/// costs the page's bundle.
fn plain(why: &str) -> String {
    let why = why
        .split(" at line ")
        .next()
        .unwrap_or(why)
        .replace('`', "");
    let (lead, rest) = if let Some(rest) = why.strip_prefix("invalid type: ") {
        ("a value of the wrong kind", rest)
    } else if let Some(rest) = why.strip_prefix("invalid value: ") {
        ("a value out of its range", rest)
    } else {
        return why;
    };
    let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, "another"));
    let wanted = match wanted {
        "f64" => "a number",
        "u64" | "usize" | "u32" => "a whole number, 0 or more",
        "a sequence" => "a list",
        other => other,
    };
    format!("{lead}: {found} where {wanted} belongs")
}

/// The two fields read before anything else, each left as JSON text: whatever else the file
/// holds, these say whether it is a ParamLab model and which version.
#[derive(Default, Deserialize)]
struct Header {
    format: Option<Box<RawValue>>,
    version: Option<Box<RawValue>>,
}

fn regression(
    config: Config,
    parameters: &RawValue,
    steps: u64,
) -> Result<(LoadedLab, String), String> {
    let p: PolynomialFile = parse(parameters)?;
    let mut session = RegressionLab::new(config, Vec::new());
    let mut model = (*session.model).clone();
    let degree = model.hyper().degree();
    if p.weights.len() != degree + 1 {
        return Err(format!(
            "This model file is damaged: it has {} weights, but a degree-{degree} polynomial has {}.",
            p.weights.len(),
            degree + 1
        ));
    }
    model.restore(p.weights, steps);
    session.install(model);
    let what = format!(
        "a degree-{degree} polynomial trained for {} ({} weights)",
        epochs(steps),
        degree + 1
    );
    Ok((LoadedLab::Regression(session), what))
}

/// "1 epoch", "1,234 epochs" (helper 66: "1 epochs"). (Steps are u64: a file may say more than
/// a 32-bit `usize` holds.)
fn epochs(steps: u64) -> String {
    format!(
        "{} epoch{}",
        thousands(steps),
        if steps == 1 { "" } else { "s" }
    )
}

/// More training steps than any file saved here can hold: a trillion epochs are years of
/// training at the fastest speed.
const MOST_STEPS: u64 = 1_000_000_000_000;

fn plane(config: Config, parameters: &RawValue, steps: u64) -> Result<(LoadedLab, String), String> {
    let max_depth = config.number(Key::MaxDepth);
    let mut session = PlaneLab::new(config, Vec::new());
    let mut model = (*session.model).clone();
    let classes = session.train_set().classes;
    let damaged = |e: String| format!("This model file is damaged. {e}");
    let what = match &mut model {
        PlaneModel::Knn(knn) => {
            let points = parse::<KnnFile>(parameters)?
                .points(classes)
                .map_err(damaged)?;
            // k-NN's model is its training points, which the link generates: a file saved here
            // always holds exactly those (a hand-edited one could vote with points the page
            // neither shows nor scores).
            let train = &session.train_set().points;
            if &points != train {
                return Err(damaged(format!(
                    "its {} stored training points are not the {} training points its link \
                     generates, and k-NN's model is exactly those points.",
                    thousands(points.len() as u64),
                    thousands(train.len() as u64)
                )));
            }
            *knn = Knn::fit(session.config.knn_hyper(), &points, classes);
            format!(
                "k-nearest neighbours with its {} (its whole model: k-NN learns no numbers)",
                count(
                    points.len(),
                    "stored training point",
                    "stored training points"
                )
            )
        }
        PlaneModel::Tree(tree) => {
            let nodes = class_tree(parse::<TreeFile>(parameters)?.nodes, 2, classes);
            let (nodes, depth) = nodes.map_err(damaged)?;
            if depth as f64 > max_depth {
                return Err(damaged(format!(
                    "its tree is {depth} levels deep, but its link allows {max_depth}."
                )));
            }
            // Each split leaves a point on each side: n points allow n − 1 levels.
            let points = session.train_set().points.len();
            if depth >= points.max(1) {
                return Err(damaged(format!(
                    "its tree is {depth} levels deep, more than {points} training points allow."
                )));
            }
            // The root counts every training point, as its link generates them.
            let root: usize = nodes.first().map_or(0, |n| n.1.iter().sum());
            if root != points {
                return Err(damaged(format!(
                    "its tree's root holds {} training points, but its link generates {}.",
                    thousands(root as u64),
                    thousands(points as u64)
                )));
            }
            tree.restore(nodes, true);
            if let Some((node, file, routed)) = tree.miscounted() {
                let by_class = |c: Vec<usize>| {
                    let c: Vec<String> = c.iter().map(|n| n.to_string()).collect();
                    c.join(", ")
                };
                return Err(damaged(format!(
                    "its node {node} counts {} training points by class, but its questions send \
                     {} of the points its link generates there: a tree learns its counts from \
                     those points.",
                    by_class(file),
                    by_class(routed)
                )));
            }
            let questions = tree.nodes().iter().filter(|n| n.split.is_some()).count();
            format!(
                "a decision tree grown {} levels deep ({questions} questions)",
                tree.depth()
            )
        }
        PlaneModel::Logistic(l) => {
            parse::<LogisticFile>(parameters)?
                .restore(l, steps)
                .map_err(damaged)?;
            format!(
                "logistic regression trained for {} ({} weights)",
                epochs(steps),
                l.weights().len()
            )
        }
        PlaneModel::Forest(f) => {
            let trees = session.config.forest_hyper().trees();
            parse::<ForestFile>(parameters)?
                .restore(f, trees)
                .map_err(damaged)?;
            format!(
                "a random forest of {}",
                count(f.trees().len(), "tree", "trees")
            )
        }
        PlaneModel::Boosting(b) => {
            let rounds = session.config.boosting_hyper().rounds();
            parse::<BoostingFile>(parameters)?
                .restore(b, rounds)
                .map_err(damaged)?;
            format!(
                "gradient boosting after {}",
                count(b.rounds().len(), "round", "rounds")
            )
        }
        PlaneModel::Mlp(m) => {
            parse::<NetworkFile>(parameters)?
                .restore(m, steps)
                .map_err(damaged)?;
            let sizes: Vec<String> = m.sizes().iter().map(|s| s.to_string()).collect();
            format!(
                "a {} neural network trained for {} ({} weights and biases)",
                sizes.join("-"),
                epochs(steps),
                m.params().len()
            )
        }
    };
    if model.steps() != steps {
        return Err(damaged(format!(
            "it says {steps} training steps, but its model shows {}.",
            model.steps()
        )));
    }
    session.install(model);
    Ok((LoadedLab::Plane(session), what))
}
