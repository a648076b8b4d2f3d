//! What the model learned: every weight with its live value, a bar chart of them, and the fitted
//! polynomial written out in powers of x.

use super::chart::{Chart, ChartInput};
use crate::format::short;
use crate::ml::polynomial::Polynomial;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParametersProps {
    pub model: Polynomial,
}

#[component]
pub fn Parameters(props: &ParametersProps) -> Html {
    let model = &props.model;
    let zeros = model.weights[1..].iter().filter(|w| **w == 0.0).count();
    html! {
        <>
            <p class="formula" id="formula" aria-label="Fitted formula">{ formula(&model.powers()) }</p>
            <Chart input={ChartInput::Coefficients(model.weights.clone())} id="coef-chart"
                label="Bar chart of the learned weights w0 to wd; the same values are in the table below." />
            <table class="weights" id="weights">
                <caption>{ format!("{} learned weights", model.weights.len()) }
                    { if zeros > 0 { format!(" ({zeros} exactly zero)") } else { String::new() } }</caption>
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
            <p class="help">{ "φₖ is the Legendre polynomial of degree k, scaled to mean square 1 on [−1, 1]. \
                Unlike x, x², x³, … these shapes do not overlap, so gradient descent learns every \
                degree at the same pace. The formula above is the same curve in powers of x." }</p>
        </>
    }
}

/// ŷ = c₀ + c₁x + c₂x² + …, skipping exact zeros.
fn formula(coefficients: &[f64]) -> String {
    let mut out = String::from("ŷ = ");
    let mut first = true;
    for (k, &c) in coefficients.iter().enumerate() {
        if c == 0.0 && !(k == 0 && coefficients.iter().all(|c| *c == 0.0)) {
            continue;
        }
        let magnitude = short(c.abs());
        let term = match k {
            0 => magnitude,
            1 => format!("{magnitude}·x"),
            _ => format!("{magnitude}·x{}", sup(k)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_reads_naturally() {
        assert_eq!(formula(&[0.5, -1.25, 0.0, 2.0]), "ŷ = 0.5 − 1.25·x + 2·x³");
        assert_eq!(formula(&[0.0, 0.0]), "ŷ = 0");
        assert_eq!(
            formula(&[-0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            "ŷ = −0.1 + 3·x¹¹"
        );
        assert_eq!(sub(12), "₁₂");
    }
}
