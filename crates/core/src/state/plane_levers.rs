//! What the verdict tells a plane model to move, to make it more or less flexible.

use super::*;

/// The remedies the verdict offers each plane model, each way: only the controls that can
/// still move that way and change something ([`super::levers`]).
pub(super) fn levers(s: &Session<Plane>) -> Levers {
    use Way::{Down, Up};
    let (c, n) = (&s.config, s.train_set().count());
    // Only the controls that can still move that way, and change something (`levers`).
    let list = |levers: &[Lever], tail: &str| remedies(c, n, levers, tail, NONE_LEFT);
    let or_penalty = |words: &str| or_penalty(c, n, words);
    const DEEPER: Lever = ("a larger max depth", Key::MaxDepth, Up);
    const SHALLOWER: Lever = ("a smaller max depth", Key::MaxDepth, Down);
    const SMALLER_LEAVES: Lever = ("fewer samples per leaf", Key::MinLeaf, Down);
    const LARGER_LEAVES: Lever = ("more samples per leaf", Key::MinLeaf, Up);
    let (more, less) = match &*s.model {
        PlaneModel::Knn(_) => (
            list(&[("a smaller k", Key::K, Down)], ""),
            list(&[("a larger k", Key::K, Up)], ""),
        ),
        // Grown, yet shallower than its max depth: every leaf it could still split would
        // leave a side with fewer points than the minimum (an impure leaf splits otherwise).
        PlaneModel::Tree(t) if t.is_grown() && (t.depth() as f64) < c.number(Key::MaxDepth) => (
            // With leaves of one point allowed, only points of both classes at one spot
            // stop an impure leaf (helper 67: "fewer samples per leaf" at the least).
            if c.number(Key::MinLeaf) <= 1.0 {
                "none that a tree has (it stopped before its max depth: each leaf that still \
                 mixes classes holds points at one spot, which no question can tell apart)"
                    .to_string()
            } else {
                "fewer samples per leaf (the minimum per leaf stopped this tree before its \
                 max depth: a larger max depth would change nothing)"
                    .to_string()
            },
            list(&[SHALLOWER, LARGER_LEAVES], ""),
        ),
        PlaneModel::Tree(_) => (
            list(&[DEEPER, SMALLER_LEAVES], ""),
            list(&[SHALLOWER, LARGER_LEAVES], ""),
        ),
        PlaneModel::Forest(_) => (
            list(
                &[
                    ("deeper trees", Key::MaxDepth, Up),
                    SMALLER_LEAVES,
                    ("more features per split", Key::MaxFeatures, Up),
                ],
                "",
            ),
            list(
                &[("shallower trees", Key::MaxDepth, Down), LARGER_LEAVES],
                "; more trees never overfit a forest",
            ),
        ),
        PlaneModel::Boosting(_) => (
            list(
                &[
                    ("more trees", Key::Trees, Up),
                    ("a higher learning rate", Key::Shrinkage, Up),
                    ("deeper trees", Key::MaxDepth, Up),
                    SMALLER_LEAVES,
                ],
                "",
            ),
            list(
                &[
                    ("fewer trees", Key::Trees, Down),
                    ("a lower learning rate", Key::Shrinkage, Down),
                    ("shallower trees", Key::MaxDepth, Down),
                ],
                "",
            ),
        ),
        PlaneModel::Logistic(_) => (
            list(
                &[(
                    "more Features (products of a higher degree)",
                    Key::Features,
                    Up,
                )],
                "",
            ),
            list(
                &[
                    ("fewer Features (a lower degree)", Key::Features, Down),
                    (penalty_words(c), Key::Lambda, Up),
                ],
                "",
            ),
        ),
        // Linear layers compose to one linear map, however many: more of them bend nothing.
        PlaneModel::Mlp(_) if c.choice::<Activation>(Key::Activation) == Activation::Linear => (
            "a nonlinear activation (tanh or ReLU; linear layers add up to one linear model of \
             the inputs, however many), or richer input features"
                .to_string(),
            or_penalty("fewer neurons"),
        ),
        PlaneModel::Mlp(_) if c.hidden_layers().is_empty() => (
            "a hidden layer, or richer input features".to_string(),
            or_penalty("fewer input features"),
        ),
        PlaneModel::Mlp(_) => (
            "more neurons or layers, or richer input features".to_string(),
            or_penalty("fewer neurons"),
        ),
    };
    Levers {
        more,
        less,
        epochs: Plane::by_epochs(s),
        faster: c.shows(Key::LearningRate) && can_move(c, n, Key::LearningRate, Way::Up),
    }
}
