//! What the Tuning lab searches: which hyperparameters of the chosen model can be axes (each a
//! real hyperparameter of that model), which two it starts with, over which ranges, and what
//! happens to an axis that does not belong to the model (it falls back to the model's default
//! axis, and the page says so).

use super::choice::{Choice, ModelKind, TuneAxis, TuneModel};
use super::config::Config;
use super::spec::{Key, Lab};
use super::sweep::MAX_K;
use crate::ml::regularization::Regularization;
use crate::tune::space::{Axis, Scale, Space};

/// Largest "min samples per leaf" searched: beyond 20 a leaf of the default data is most of a
/// fold.
pub const MAX_MIN_LEAF: f64 = 20.0;

/// The control behind an axis choice (`None` for "none").
pub fn axis_key(axis: TuneAxis) -> Option<Key> {
    match axis {
        TuneAxis::Degree => Some(Key::Degree),
        TuneAxis::Lambda => Some(Key::Lambda),
        TuneAxis::LearningRate => Some(Key::LearningRate),
        TuneAxis::K => Some(Key::K),
        TuneAxis::MaxDepth => Some(Key::MaxDepth),
        TuneAxis::MinLeaf => Some(Key::MinLeaf),
        TuneAxis::Trees => Some(Key::Trees),
        TuneAxis::Shrinkage => Some(Key::Shrinkage),
        TuneAxis::Neurons => Some(Key::Neurons1),
        TuneAxis::None => None,
    }
}

/// The axes a model can be searched along (`None`: polynomial regression); the first is the
/// default first axis, the second (if any) the default second axis.
pub fn axis_choices(model: Option<ModelKind>) -> &'static [TuneAxis] {
    use TuneAxis as A;
    match model {
        None => &[A::Degree, A::Lambda, A::LearningRate],
        Some(ModelKind::Knn) => &[A::K],
        Some(ModelKind::Tree) => &[A::MaxDepth, A::MinLeaf],
        Some(ModelKind::Logistic) => &[A::Lambda, A::LearningRate],
        Some(ModelKind::Forest) => &[A::Trees, A::MaxDepth, A::MinLeaf],
        // Number of trees × learning rate: the classic surface of boosting.
        Some(ModelKind::Boosting) => &[A::Trees, A::Shrinkage, A::MaxDepth],
        // The network: learning rate × λ, the two a teacher tunes first; the width of the first
        // hidden layer as the third.
        Some(ModelKind::Mlp) => &[A::LearningRate, A::Lambda, A::Neurons],
    }
}

/// The model's default axes: its first two hyperparameters, or the first alone.
fn default_axes(model: Option<ModelKind>) -> (TuneAxis, TuneAxis) {
    let choices = axis_choices(model);
    (
        choices[0],
        choices.get(1).copied().unwrap_or(TuneAxis::None),
    )
}

/// Whether `axis` can be the first (`Key::AxisX`) or second (`Key::AxisY`) axis of the
/// configuration's model ("none" only second).
fn fits(config: &Config, key: Key, axis: TuneAxis) -> bool {
    (key == Key::AxisY && axis == TuneAxis::None) || axis_choices(config.tuned()).contains(&axis)
}

/// The axis a configuration really searches on `key` (`Key::AxisX` or `Key::AxisY`): the one
/// chosen if it belongs to the model, else the model's default.
fn effective(config: &Config, key: Key) -> TuneAxis {
    let chosen: TuneAxis = config.choice(key);
    if fits(config, key, chosen) {
        return chosen;
    }
    let (x, y) = default_axes(config.tuned());
    if key == Key::AxisX {
        x
    } else {
        y
    }
}

/// What a misfit axis a link names on `key` becomes: [`effective`]'s default, unless the other
/// axis already searches it; then the model's first other hyperparameter (helper 88:
/// `model=forest&x=k&y=trees` searched the number of trees twice, so along one axis).
fn replacement(config: &Config, key: Key) -> TuneAxis {
    let default = effective(config, key);
    let other_key = if key == Key::AxisX {
        Key::AxisY
    } else {
        Key::AxisX
    };
    let other: TuneAxis = config.choice(other_key);
    if default == TuneAxis::None || default != other || !fits(config, other_key, other) {
        return default;
    }
    (axis_choices(config.tuned()).iter().copied())
        .find(|a| *a != other)
        .unwrap_or(default)
}

/// Why the axis chosen on `key` is not searched, if it is not (it does not belong to the
/// model): said beside the select.
pub fn axis_misfit(config: &Config, key: Key) -> Option<String> {
    let chosen: TuneAxis = config.choice(key);
    if fits(config, key, chosen) {
        return None;
    }
    let model: TuneModel = config.choice(Key::TuneModel);
    Some(format!(
        "{} is not a hyperparameter of {}: searching {} instead.",
        chosen.opt().label,
        model.opt().label,
        replacement(config, key).opt().label
    ))
}

/// Why the axis searched on `key` changes nothing, if it does not: λ while Regularization is
/// None (every trial then trains the same model). Said beside the select.
pub fn axis_inert(config: &Config, key: Key) -> Option<String> {
    let lambda = axis_key(effective(config, key)) == Some(Key::Lambda);
    (lambda && config.regularization() == Regularization::None).then(|| {
        "No effect while Regularization is None: every λ trains the same model, so its trials \
         score alike. Choose L2 or L1 first."
            .into()
    })
}

/// Sets axes that do not belong to the configuration's model to the model's defaults (a link
/// may name any axis with any model); returns what was changed, for a notice. A link that names
/// no axis got the model's own when it was read ([`first_axis_unnamed`],
/// [`second_axis_unnamed`]), and the page's own links never write a misfit, so any misfit left
/// was named by hand: `model=knn&x=degree` is said, although degree is the control's default.
pub fn fit_axes(config: &mut Config) -> Option<String> {
    let notices: Vec<String> = [Key::AxisX, Key::AxisY]
        .into_iter()
        .filter_map(|key| {
            let why = axis_misfit(config, key)?;
            config.set_choice(key, replacement(config, key));
            Some(why)
        })
        .collect();
    (!notices.is_empty()).then(|| notices.join(" "))
}

/// For a link that names no first axis: the model's own (`model=knn` searches k), silently.
pub fn first_axis_unnamed(config: &mut Config) {
    config.set_choice(Key::AxisX, effective(config, Key::AxisX));
}

/// For a link that names no second axis: the model's own second axis, not the first one twice
/// (the control's default second axis, λ, is logistic regression's first). A link that names
/// the first axis twice keeps it, and the page says the search has one axis.
pub fn second_axis_unnamed(config: &mut Config) {
    let x = effective(config, Key::AxisX);
    let y = effective(config, Key::AxisY);
    let y = if y == x {
        let (_, second) = default_axes(config.tuned());
        if second == x {
            TuneAxis::None
        } else {
            second
        }
    } else {
        y
    };
    config.set_choice(Key::AxisY, y);
}

/// The Tuning lab's default number of points (a position of the control) for a model: 40 on a
/// curve, where polynomial regression's search shows its picture; on the plane the
/// Classification lab's 200. (Helper 81: on 40 moons the 12 test points moved in steps of 8 %, a
/// one-split tree was the best tree for moons by CV (0.04) and missed 5 of the 12 test points,
/// and most trials tied; on 200 the tree search picks depth 5 … 9, cross-validated 0.06 … 0.09,
/// test 0.02 … 0.03.)
pub fn default_points(model: Option<ModelKind>) -> usize {
    match model {
        Some(_) => Config::for_lab(Lab::Classification).position(Key::Points),
        None => Key::Points.spec().default,
    }
}

/// Sets both axes to the model's defaults (when the model changes).
pub fn default_axes_for_model(config: &mut Config) {
    let (x, y) = default_axes(config.tuned());
    config.set_choice(Key::AxisX, x);
    config.set_choice(Key::AxisY, y);
}

/// The searched space of a configuration: the first axis, and the second unless it is "none"
/// or the same control (an axis not of the model counts as the model's default). Each over its
/// control's whole range (log scale for λ, the learning rates and the number of trees), except
/// k (1 … 50), the leaf size (1 … 20) and the network's learning rate ([`NETWORK_RATES`]).
pub fn space(config: &Config) -> Space {
    space_within(config, MAX_K)
}

/// [`space`] with k at most `largest_k` (the training points of the smallest fold model; at
/// least 2, so that k is still an axis).
pub fn space_within(config: &Config, largest_k: usize) -> Space {
    let (x, y) = (effective(config, Key::AxisX), effective(config, Key::AxisY));
    let keys = [axis_key(x), axis_key(y).filter(|_| y != x)];
    let axes = keys
        .into_iter()
        .flatten()
        .map(|k| axis(k, largest_k, config.tuned()))
        .collect();
    Space::new(axes).expect("one or two different axes")
}

/// The network's learning rates: 10⁻³ … 1, the control's 13 values there. Below 10⁻³ the
/// [`PLANE_STEPS`](super::tuning_plane::PLANE_STEPS) full-batch Adam epochs of a trial barely
/// move the weights (on 40 moons every rate up to 5·10⁻⁴ scores the majority class,
/// error 0.21, like 10⁻³), and above 1 every rate bounces (errors 0.2 … 0.6): the whole range
/// would add 8 values of the same two plateaus. With λ's 15 values that is 13 × 15 = 195
/// cells instead of 315, and the width axis 13 × 16 = 208 instead of 336.
pub const NETWORK_RATES: (f64, f64) = (1e-3, 1.0);

/// The searched range of a control for the configuration's model.
fn axis(key: Key, largest_k: usize, model: Option<ModelKind>) -> Axis {
    let axis = match key {
        Key::LearningRate if model == Some(ModelKind::Mlp) => {
            Axis::new(key, NETWORK_RATES.0, NETWORK_RATES.1, Scale::Log, false)
        }
        Key::K => Axis::new(
            key,
            1.0,
            largest_k.clamp(2, MAX_K) as f64,
            Scale::Linear,
            true,
        ),
        Key::MinLeaf => Axis::new(key, 1.0, MAX_MIN_LEAF, Scale::Linear, true),
        _ => Axis::for_key(key),
    };
    axis.expect("the axis choices are numeric controls with at least two values")
}
