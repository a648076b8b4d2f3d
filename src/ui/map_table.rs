//! The decision map in words, for a screen reader: what the model predicts at 7 × 7 points of
//! the plane, as a table (helper 97: the map's only text was what its colours mean, so the
//! boundary's shape never reached a reader). Visually hidden; not a live region, so training
//! does not flood a reader: it reads the table when it chooses to. Filled in while training is
//! paused only: playing, its 49 predictions a frame would be work nobody reads.

use crate::data::classification::{class_name, tied_classes, EXTENT};
use crate::format::short;
use crate::ml::metrics::argmax;
use crate::ml::plane_model::PlaneModel;
use std::rc::Rc;
use yew::prelude::*;

/// The points per side: x₁ and x₂ at −1.2, −0.8, … 1.2, inside the plotted ±[`EXTENT`].
const SIDE: usize = 7;
const STEP: f64 = 0.4;

#[derive(Properties)]
pub struct MapTableProps {
    pub model: Rc<PlaneModel>,
    /// Classes, or 1 for a number to predict (the Neural lab's Plane and Bumps).
    pub classes: usize,
    /// Changes whenever the model does.
    pub version: u64,
    /// Training plays: the table waits for a pause.
    pub running: bool,
}

impl PartialEq for MapTableProps {
    /// (While training plays, a new model version changes nothing on the table.)
    fn eq(&self, other: &Self) -> bool {
        self.classes == other.classes
            && self.running == other.running
            && (self.running || self.version == other.version)
    }
}

/// The coordinates of the table's columns (x₁, left to right) and rows (x₂, top to bottom, as
/// the plot shows them).
fn coordinates() -> (Vec<f64>, Vec<f64>) {
    let middle = (SIDE / 2) as f64;
    debug_assert!(middle * STEP < EXTENT);
    let x1s: Vec<f64> = (0..SIDE).map(|i| (i as f64 - middle) * STEP).collect();
    let x2s = x1s.iter().rev().copied().collect();
    (x1s, x2s)
}

/// One cell: the class predicted and how sure ("orange 83 %"), "tie" where classes share the
/// top, or the number predicted.
fn cell(prediction: &[f64]) -> String {
    match prediction {
        [value] => short(*value),
        shares if tied_classes(shares).is_some() => "tie".to_string(),
        shares => {
            let class = argmax(shares);
            format!("{} {:.0} %", class_name(class), 100.0 * shares[class])
        }
    }
}

#[component]
pub fn MapTable(props: &MapTableProps) -> Html {
    let (x1s, x2s) = coordinates();
    let classes = props.classes.max(1);
    let grid = match props.running {
        true => Vec::new(),
        false => props.model.predict_grid(&x1s, &x2s, classes),
    };
    let what = if props.running {
        "filled in when training pauses"
    } else if classes == 1 {
        "the number the network predicts there"
    } else {
        "the class the model predicts and its probability there"
    };
    html! {
        // (In a hidden box: a table grows to its content, and a hidden one of its own 1 px
        // made a 375 px phone's page scroll sideways to 1,192 px.)
        <div class="visually-hidden">
        <table id="map-table">
            <caption>{ format!("The map in words, at {SIDE} × {SIDE} points of the plane (x₂ from top to bottom, x₁ from left to right): {what}.") }</caption>
            <thead><tr>
                <th scope="col">{ "x₂ \\ x₁" }</th>
                { for x1s.iter().map(|x| html! { <th scope="col">{ short(*x) }</th> }) }
            </tr></thead>
            <tbody>
                { for x2s.iter().zip(grid.chunks(SIDE * classes)).map(|(x2, row)| html! {
                    <tr>
                        <th scope="row">{ short(*x2) }</th>
                        { for row.chunks(classes).map(|p| html! { <td>{ cell(p) }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_points_are_symmetric_and_inside_the_plot() {
        let (x1s, x2s) = coordinates();
        assert_eq!(x1s.len(), SIDE);
        assert!((x1s[0] + 1.2).abs() < 1e-12 && (x1s[SIDE - 1] - 1.2).abs() < 1e-12);
        assert_eq!(x1s[SIDE / 2], 0.0);
        assert_eq!(x2s.first(), x1s.last());
    }

    #[test]
    fn a_cell_says_the_class_a_tie_or_the_number() {
        assert_eq!(cell(&[0.17, 0.83]), "orange 83 %");
        assert_eq!(cell(&[0.5, 0.5]), "tie");
        assert_eq!(cell(&[0.2, 0.3, 0.5]), "green 50 %");
        assert_eq!(cell(&[-0.25]), "-0.25");
    }
}
