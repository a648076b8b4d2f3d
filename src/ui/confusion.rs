//! The test set's confusion matrix: rows are the true classes, columns the predicted ones.

use crate::data::classification::CLASS_NAMES;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfusionProps {
    pub matrix: Vec<Vec<usize>>,
    /// A forest of no trees: no class was predicted, so there is nothing to count.
    #[prop_or_default]
    pub unvoted: bool,
}

#[component]
pub fn Confusion(props: &ConfusionProps) -> Html {
    if props.unvoted {
        return html! {
            <p class="help" id="confusion">{ "Test set: no confusion matrix yet. The forest has no trees, so nothing has voted: every point is a tie. Play or Step adds trees." }</p>
        };
    }
    let k = props.matrix.len();
    html! {
        <table class="confusion" id="confusion">
            <caption>{ "Test set: true class (rows) × predicted class (columns)" }</caption>
            <thead><tr><th scope="col"><span class="visually-hidden">{ "True class" }</span></th>{ for (0..k).map(|c| html! { <th scope="col"><span aria-hidden="true">{ "→ " }</span>{ CLASS_NAMES[c.min(2)] }</th> }) }</tr></thead>
            <tbody>
                { for props.matrix.iter().enumerate().map(|(a, row)| html! {
                    <tr><th scope="row">{ CLASS_NAMES[a.min(2)] }</th>
                        { for row.iter().enumerate().map(|(p, n)| html! {
                            <td class={classes!("num", (a == p).then_some("hit"), (a != p && *n > 0).then_some("miss"))}>{ n }</td>
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
