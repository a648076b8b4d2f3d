//! What each classifier learned, shown as exactly what it is: nothing but the stored points for
//! k-NN, the questions and leaf counts for a tree, a weight table (and for a straight boundary its
//! equation) for logistic regression, for an ensemble how many trees and numbers it learned and
//! its newest tree as rules (a forest) or leaf values (boosting), the network diagram for a
//! neural network.

use super::canvas::context;
use super::network::Network;
use crate::data::classification::CLASS_NAMES;
use crate::format::{count, short};
use crate::ml::logistic::term_name;
use crate::ml::plane_model::PlaneModel;
use crate::ml::tree::{Criterion, Tree};
use crate::plot::region::newest_tree_map;
use std::rc::Rc;
use wasm_bindgen::Clamped;
use web_sys::{HtmlCanvasElement, ImageData};
use yew::prelude::*;

/// Cells across the newest tree's own map (drawn larger by CSS).
const NEWEST_CELLS: usize = 60;

#[derive(Properties)]
pub struct ClassParametersProps {
    pub model: Rc<PlaneModel>,
    pub version: u64,
    pub classes: usize,
    pub criterion: Criterion,
}

impl PartialEq for ClassParametersProps {
    /// By version, which a running network's or ensemble's panel throttles (a throttled version
    /// of one model could equal another's: helper 65), so also by the model's kind and number
    /// of parameters.
    fn eq(&self, other: &Self) -> bool {
        let shape = |m: &PlaneModel| {
            let count = match m {
                PlaneModel::Mlp(net) => net.params().len(),
                _ => 0,
            };
            (std::mem::discriminant(m), count)
        };
        self.version == other.version
            && self.classes == other.classes
            && self.criterion == other.criterion
            && shape(&self.model) == shape(&other.model)
    }
}

#[component]
pub fn ClassParameters(props: &ClassParametersProps) -> Html {
    // An ensemble's newest tree alone, beside the ensemble's map on the plot: repainted when the
    // model changes.
    let newest = use_node_ref();
    {
        let (newest, model, classes) = (newest.clone(), props.model.clone(), props.classes);
        use_effect_with(props.version, move |_| {
            paint_newest(&newest, &model, classes);
        });
    }
    let newest_map = |what: &str| {
        html! {
            <figure class="newest-tree">
                <canvas ref={newest.clone()} id="newest-tree-map" class="neuron-map"
                    width={NEWEST_CELLS.to_string()} height={NEWEST_CELLS.to_string()}
                    role="img" aria-label={format!("{what} over the plane")} />
                <figcaption class="help">{ format!("{what} (the ensemble's map is the plot).") }</figcaption>
            </figure>
        }
    };
    match &*props.model {
        PlaneModel::Mlp(net) => {
            // Keyed by the layers' sizes: a neuron or link picked on another shape of network
            // (more layers, other classes) names nothing in this one (helper 65: it indexed out
            // of range, or showed another neuron's weights under the old name).
            let shape = format!("{:?}", net.sizes());
            html! { <Network key={shape} model={props.model.clone()} version={props.version} /> }
        }
        PlaneModel::Knn(knn) => html! {
            <div id="learned">
                <p class="no-params"><strong>{ "k-NN learns no parameters." }</strong>
                    { format!(" Its whole model is the stored training set: {}. To classify a new point it \
                        finds {}. k is set by you, not learned, and there is nothing to train.",
                        count(knn.points().len(), "point", "points"), voters(knn.effective_k())) }</p>
                <p class="help">{ "Point at the plane (or tap it) to ring the points that vote there." }</p>
            </div>
        },
        PlaneModel::Tree(tree) => html! {
            <div id="learned">
                <p class="help">{ format!("{}, depth {}. Each question and each leaf's class counts were learned \
                    from the training points.", count(tree.nodes().len(), "node", "nodes"), tree.depth()) }</p>
                <ul class="tree-rules">{ node(tree, 0, None, props.criterion, &plane_name) }</ul>
            </div>
        },
        PlaneModel::Forest(forest) => {
            let trees = forest.trees();
            let nodes: usize = trees.iter().map(|t| t.nodes().len()).sum();
            let splits: usize = (trees.iter().flat_map(|t| t.nodes()))
                .filter(|n| n.split.is_some())
                .count();
            // Each question is one threshold; each leaf holds one share per class.
            let numbers = splits + (nodes - splits) * props.classes;
            let name = |f: usize| forest.feature_map().name(f);
            html! {
                <div id="learned">
                    <p id="ensemble-size">{ format!("{}, {}, {} \
                        (thresholds and leaf class shares).", count(trees.len(), "tree", "trees"), count(nodes, "node", "nodes"), count(numbers, "learned number", "learned numbers")) }</p>
                    { newest_map("The newest tree's vote alone") }
                    { for trees.last().map(|t| html! {
                        <>
                            <p class="help">{ format!("The newest tree, number {}, as rules (its counts are of {}):",
                                trees.len(), if forest.bootstrap() { "its own bootstrap sample" } else { "all the training points" }) }</p>
                            <ul class="tree-rules">{ node(t, 0, None, props.criterion, &name) }</ul>
                        </>
                    }) }
                </div>
            }
        }
        PlaneModel::Boosting(b) => {
            let rounds = b.rounds();
            let nodes: usize = (rounds.iter().flat_map(|r| r.iter()))
                .map(|t| t.nodes().len())
                .sum();
            let numbers = b.init().len() + nodes;
            // Two classes share one score, the log-odds; three have a score each, starting at
            // its log prior (helper 108: "log-odds" of three classes).
            let (start, score) = match props.classes > 2 {
                true => (
                    "each class's starting score, its log prior",
                    "its class's score",
                ),
                false => ("the starting log-odds", "the log-odds"),
            };
            let newest = rounds.last().map(|trees| {
                let leaves: Vec<String> = (trees.iter().enumerate())
                    .flat_map(|(k, t)| {
                        (t.nodes().iter().filter(|n| n.split.is_none())).map(move |n| {
                            let class = if trees.len() > 1 {
                                format!("{}: ", CLASS_NAMES[k.min(2)])
                            } else {
                                String::new()
                            };
                            format!("{class}{}", short(n.value))
                        })
                    })
                    .collect();
                leaves.join(", ")
            });
            html! {
                <div id="learned">
                    <p id="ensemble-size">{ format!("{}, {}, {}, {} \
                        (thresholds, leaf values and {start}).", count(rounds.len(), "round", "rounds"),
                        count(rounds.iter().map(|r| r.len()).sum::<usize>(), "tree", "trees"), count(nodes, "node", "nodes"), count(numbers, "learned number", "learned numbers")) }</p>
                    { newest_map("Where the newest round alone pushes the prediction") }
                    { for newest.map(|leaves| html! {
                        <p class="help" id="newest-round">{ format!("Round {}'s leaf values (Newton steps; the \
                            ensemble adds {} × each, the learning rate times the value, to {score}): {leaves}.",
                            rounds.len(), short(b.hyper().learning_rate())) }</p>
                    }) }
                </div>
            }
        }
        PlaneModel::Logistic(l) => {
            let exps = l.exponents();
            let f = exps.len();
            let w = l.weights();
            let boundary = (props.classes == 2 && f == 3).then(|| boundary_line(&w[f..], &w[..f]));
            html! {
                <div id="learned">
                    { for boundary.map(|b| html! { <p class="formula" id="boundary">{ b }</p> }) }
                    <table class="weights" id="weights">
                        <caption>{ format!("{} learned weights", w.len()) }</caption>
                        <thead><tr><th scope="col">{ "feature" }</th>
                            { for (0..props.classes).map(|k| html! { <th scope="col">{ format!("w ({})", CLASS_NAMES[k]) }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for exps.iter().enumerate().map(|(j, e)| html! {
                                <tr><th scope="row">{ term_name(*e) }</th>
                                    { for (0..props.classes).map(|k| html! { <td class="num">{ short(w[k * f + j]) }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="help">{ "A class's score is the sum of its weights times the features; the softmax of \
                        the scores gives the class probabilities." }</p>
                    if props.classes == 2 {
                        // Helper 84 asked why the columns mirror: the gradients do (logistic.rs's test).
                        <p class="help" id="mirrored">{ "With two classes only the difference of the two \
                            scores matters, so each step moves the two columns by equal and opposite \
                            amounts: from zero they stay mirror images. Their difference (twice the orange \
                            column) is the one weight vector of the textbook's binary logistic regression." }</p>
                    }
                </div>
            }
        }
    }
}

/// Paints an ensemble's newest tree alone into `canvas` (nothing for other models).
fn paint_newest(canvas: &NodeRef, model: &PlaneModel, classes: usize) -> Option<()> {
    let canvas = canvas.cast::<HtmlCanvasElement>()?;
    let pixels = newest_tree_map(model, NEWEST_CELLS, classes.max(2))?;
    let size = NEWEST_CELLS as u32;
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), size, size).ok()?;
    context(&canvas)?.put_image_data(&image, 0.0, 0.0).ok()
}

/// A decision tree's feature names on the plane: x₁ and x₂.
fn plane_name(feature: usize) -> String {
    if feature == 0 { "x₁" } else { "x₂" }.into()
}

/// One node of the tree as a readable rule, its children nested below; `name` names a feature.
/// One node's rule (or leaf) and, under it, its two branches, each led by its answer: "yes →
/// x₁ ≤ 0.3? …". (The answer on a line of its own took a level of indent of its own: a depth-5
/// tree's rules were wider than their panel at 1280 px; helper 61.)
fn node(
    tree: &Tree,
    id: usize,
    answer: Option<&'static str>,
    criterion: Criterion,
    name: &dyn Fn(usize) -> String,
) -> Html {
    let n = &tree.nodes()[id];
    let counts: Vec<String> = n
        .counts
        .iter()
        .enumerate()
        .map(|(k, c)| format!("{} {c}", CLASS_NAMES[k.min(2)]))
        .collect();
    let measure = if criterion == Criterion::Gini {
        "gini"
    } else {
        "entropy"
    };
    let samples = n.counts.iter().sum::<usize>();
    let facts = format!(
        "{samples} sample{} ({}), {measure} {}",
        if samples == 1 { "" } else { "s" },
        counts.join(", "),
        short(n.impurity)
    );
    let answer = answer.map(|a| html! { <span class="branch">{ a }</span> });
    match n.split {
        Some(s) => html! {
            <li>{ answer }<span class="rule">{ format!("{} ≤ {}?", name(s.feature), short(s.threshold)) }</span>
                <span class="facts">{ format!(" {facts}") }</span>
                <ul>
                    { node(tree, s.left, Some("yes → "), criterion, name) }
                    { node(tree, s.right, Some("no → "), criterion, name) }
                </ul>
            </li>
        },
        None => {
            let winner = n
                .counts
                .iter()
                .enumerate()
                .max_by_key(|(i, c)| (**c, usize::MAX - i))
                .map_or(0, |(i, _)| i);
            html! { <li>{ answer }<span class="leaf">{ "leaf " }<span aria-hidden="true">{ "→ " }</span><span class="visually-hidden">{ "predicts " }</span>{ CLASS_NAMES[winner.min(2)] }</span><span class="facts">{ format!(" {facts}") }</span></li> }
        }
    }
}

/// For two classes on (1, x₁, x₂): orange wins where (w₁ − w₀)·(1, x₁, x₂) > 0, so the boundary is
/// the line d₀ + d₁x₁ + d₂x₂ = 0, written as x₂ = … when d₂ ≠ 0.
fn boundary_line(orange: &[f64], blue: &[f64]) -> String {
    let d: Vec<f64> = orange.iter().zip(blue).map(|(a, b)| a - b).collect();
    if d[2].abs() > 1e-12 {
        let (slope, intercept) = (-d[1] / d[2], -d[0] / d[2]);
        format!(
            "Boundary: x₂ = {}·x₁ {} {}",
            short(slope),
            if intercept < 0.0 { "−" } else { "+" },
            short(intercept.abs())
        )
    } else if d[1].abs() > 1e-12 {
        format!("Boundary: x₁ = {}", short(-d[0] / d[1]))
    } else {
        "Boundary: none yet (all weights equal)".into()
    }
}

/// Who votes for a new point's class, in words: one neighbour takes its own class.
fn voters(k: usize) -> String {
    match k {
        1 => "the stored point nearest to it and gives it that point's class".to_string(),
        k => format!("the {k} stored points nearest to it and lets them vote"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_neighbour_is_named_in_the_singular() {
        assert!(voters(1).starts_with("the stored point nearest"));
        assert!(voters(5).starts_with("the 5 stored points nearest"));
    }

    #[test]
    fn boundary_by_hand() {
        // d = (1, 2, −1): 1 + 2x₁ − x₂ = 0 → x₂ = 2·x₁ + 1.
        assert_eq!(
            boundary_line(&[1.0, 2.0, -1.0], &[0.0, 0.0, 0.0]),
            "Boundary: x₂ = 2·x₁ + 1"
        );
    }

    /// A network of another shape at the same (throttled) version is a change to draw.
    #[test]
    fn another_network_shape_at_the_same_version_redraws() {
        use crate::state::plane::PlaneLab;
        use crate::state::url::decode;
        let props = |query: &str| ClassParametersProps {
            model: PlaneLab::new(decode(query).0, Vec::new()).model.clone(),
            version: 7,
            classes: 2,
            criterion: Criterion::Gini,
        };
        let four = props("lab=neural&layers=1&l1=4");
        assert!(four == props("lab=neural&layers=1&l1=4&seed=3"));
        assert!(four != props("lab=neural&layers=1&l1=5"));
        assert!(four != props("lab=classification&model=tree"));
    }
}
