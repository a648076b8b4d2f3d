//! The folds of a cross-validation as index strips: one row per fold, one cell per training
//! point (in index order), the fold's held-out points dark; beside each row the fold's error
//! ("diverged" if its model's training diverged), or "…" while it trains. The first 20 folds are drawn, and how many more there are.

use crate::format::error;
use yew::prelude::*;

/// Most fold rows drawn (leave-one-out on hundreds of points would be hundreds of rows).
const MAX_ROWS: usize = 20;

#[derive(Properties, PartialEq)]
pub struct FoldStripProps {
    /// Each fold's held-out training-point indices.
    pub held_out: Vec<Vec<usize>>,
    /// How many training points there are.
    pub samples: usize,
    /// The errors of the folds done so far.
    pub errors: Vec<f64>,
    /// What the strip shows ("Trial 3: degree 5, λ 0.01").
    pub caption: String,
}

#[component]
pub fn FoldStrip(props: &FoldStripProps) -> Html {
    let n = props.samples.max(1);
    html! {
        <figure class="fold-strip" id="fold-strip">
            <figcaption id="fold-caption">{ props.caption.clone() }</figcaption>
            { for props.held_out.iter().take(MAX_ROWS).enumerate().map(|(i, held)| {
                let text = props.errors.get(i).map_or("…".to_string(), |e| error(*e));
                html! {
                    <div class="fold-row" id={format!("fold-{}", i + 1)}>
                        <span class="fold-name">{ format!("fold {}", i + 1) }</span>
                        <svg class="fold-cells" viewBox={format!("0 0 {n} 1")} preserveAspectRatio="none" aria-hidden="true">
                            { for held.iter().map(|&j| html! {
                                <rect x={j.to_string()} y="0" width="1" height="1" class="held" />
                            }) }
                        </svg>
                        <span class="fold-error" id={format!("fold-{}-error", i + 1)}>{ text }</span>
                    </div>
                }
            }) }
            if props.held_out.len() > MAX_ROWS {
                <p class="help" id="fold-more">{ format!("… and {} more folds ({} done).",
                    props.held_out.len() - MAX_ROWS, props.errors.len()) }</p>
            }
            <p class="help">{ format!("{n} training points, in index order; the dark cells are the fold held out to score a model trained on the rest.") }</p>
        </figure>
    }
}
