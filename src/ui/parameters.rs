//! What the model learned: every weight with its live value, a bar chart of them on a fixed axis,
//! and the fitted curve written out twice — in the features the model learns and penalizes
//! (Legendre polynomials φₖ) and, the same curve, in powers of x.

use super::chart::{Chart, ChartInput};
use crate::format::short;
use crate::ml::polynomial::Polynomial;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParametersProps {
    pub model: Polynomial,
    /// Root mean square of the training targets: it fixes the bars' axis.
    pub rms: f64,
}

#[component]
pub fn Parameters(props: &ParametersProps) -> Html {
    let model = &props.model;
    let zeros = model.weights[1..].iter().filter(|w| **w == 0.0).count();
    html! {
        <>
            <p class="formula" id="formula-learned" aria-label="Fitted formula in the learned features">
                { formula(&model.weights, |k| format!("φ{}(x)", sub(k))) }</p>
            <Chart input={ChartInput::Coefficients(model.weights.clone(), props.rms)} id="coef-chart"
                label="Bar chart of the learned weights w0 to wd on a fixed axis; the same values are in the table below." />
            <table class="weights" id="weights">
                <caption>{ format!("{} learned weights", model.weights.len()) }
                    { zero_note(zeros, model.weights.len() - 1, model.weights[0]) }</caption>
                <thead><tr><th scope="col">{ "Weight" }</th><th scope="col">{ "multiplies" }</th><th scope="col">{ "value" }</th></tr></thead>
                <tbody>
                    { for model.weights.iter().enumerate().map(|(k, w)| html! {
                        <tr class={classes!((*w == 0.0 && k > 0).then_some("zero"))}>
                            <th scope="row">{ format!("w{}", sub(k)) }</th>
                            <td>{ if k == 0 { "1 (intercept)".to_string() } else { format!("φ{}(x)", sub(k)) } }</td>
                            <td class="num">{ short(*w) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            // The parameters first, in one short paragraph; why the shapes are not powers of x
            // folded (helper 110: a newcomer's first explanation of a parameter opened with 120
            // words on Legendre polynomials).
            <p class="help" id="weights-note">{ "The weights wₖ are the parameters: the bars and the table are all \
                about them, and so is the penalty (L2, L1) but for w₀, the intercept: regularization \
                shrinks the other bars and L1 can set some exactly to zero. The bars' axis is fixed by the data (twice the targets' root mean \
                square); a bar beyond it is cut with a dark cap." }</p>
            <details class="help" id="basis-why">
                <summary>{ "Why φₖ(x), not x, x², x³, …?" }</summary>
                <p>{ "φₖ is the Legendre polynomial of degree k, scaled to mean square 1 on [−1, 1]. \
                Unlike x, x², x³, … these shapes are uncorrelated for x spread evenly over [−1, 1], \
                so gradient descent learns every degree at about the same pace while the training \
                points fill that interval (where they leave a stretch empty, high degrees look alike \
                on them and learn far more slowly, if still faster than powers)." }</p>
            </details>
            <p class="formula" id="formula" aria-label="The same curve in powers of x">{ formula(&model.powers(), power) }</p>
            <p class="help">{ "The same curve multiplied out in powers of x. These numbers are not \
                learned or penalized one by one: each mixes several wₖ, so they can stay large (and \
                need not reach zero) while the weights shrink." }</p>
        </>
    }
}

/// The name of the k-th power of x in a formula: "", "x", "x²", …
fn power(k: usize) -> String {
    match k {
        0 => String::new(),
        1 => "x".into(),
        _ => format!("x{}", sup(k)),
    }
}

/// ŷ = c₀ + c₁·t₁ + c₂·t₂ + … for the terms `term(k)` (the 0th is the constant), skipping exact
/// zeros.
fn formula(coefficients: &[f64], term: impl Fn(usize) -> String) -> String {
    let mut out = String::from("ŷ = ");
    let mut first = true;
    for (k, &c) in coefficients.iter().enumerate() {
        if c == 0.0 && !(k == 0 && coefficients.iter().all(|c| *c == 0.0)) {
            continue;
        }
        let magnitude = short(c.abs());
        let term = match k {
            0 => magnitude,
            _ => format!("{magnitude}·{}", term(k)),
        };
        if first {
            out.push_str(&if c < 0.0 { format!("−{term}") } else { term });
            first = false;
        } else {
            out.push_str(if c < 0.0 { " − " } else { " + " });
            out.push_str(&term);
        }
    }
    out
}

fn digits(n: usize, table: [char; 10]) -> String {
    n.to_string()
        .chars()
        .map(|d| table[d as usize - '0' as usize])
        .collect()
}

fn sup(n: usize) -> String {
    digits(n, ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'])
}

fn sub(n: usize) -> String {
    digits(n, ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'])
}

/// How many of the weights beside the intercept are exactly zero: the sign of L1 at work, or
/// (all of them, intercept too, at the start) weights training has not moved yet.
fn zero_note(zeros: usize, beside_intercept: usize, intercept: f64) -> String {
    match zeros {
        0 => String::new(),
        z if z == beside_intercept && intercept == 0.0 => {
            " (all still 0, where training starts them)".to_string()
        }
        z if z == beside_intercept => {
            format!(" (all {z} beside the intercept exactly zero: ŷ is the intercept alone)")
        }
        z => format!(" ({z} of the {beside_intercept} beside the intercept exactly zero)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "All still 0" only when the intercept is 0 too (the start); under a strong L1 the other
    /// weights can all be zero while the intercept is not.
    #[test]
    fn the_zero_note_counts_the_intercept_apart() {
        assert_eq!(
            zero_note(3, 3, 0.0),
            " (all still 0, where training starts them)"
        );
        assert_eq!(
            zero_note(3, 3, -0.2376),
            " (all 3 beside the intercept exactly zero: ŷ is the intercept alone)"
        );
        assert_eq!(
            zero_note(2, 3, 0.5),
            " (2 of the 3 beside the intercept exactly zero)"
        );
        assert_eq!(zero_note(0, 3, 0.5), "");
    }

    #[test]
    fn formula_reads_naturally() {
        assert_eq!(
            formula(&[0.5, -1.25, 0.0, 2.0], power),
            "ŷ = 0.5 − 1.25·x + 2·x³"
        );
        assert_eq!(formula(&[0.0, 0.0], power), "ŷ = 0");
        assert_eq!(
            formula(
                &[-0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0],
                power
            ),
            "ŷ = −0.1 + 3·x¹¹"
        );
        assert_eq!(
            formula(&[0.5, 0.0, -2.0], |k| format!("φ{}(x)", sub(k))),
            "ŷ = 0.5 − 2·φ₂(x)"
        );
        assert_eq!(sub(12), "₁₂");
    }
}
