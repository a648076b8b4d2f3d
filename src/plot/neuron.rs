//! One neuron's output over the plane, as RGBA pixels (row-major, top row = largest x₂): blue
//! where it is positive, orange where negative, white at zero, scaled by the largest |value| on
//! the map so that every neuron's pattern is visible whatever its range.

use super::region::EXTENT;
use super::style::value_colour;
use crate::ml::mlp::Mlp;

/// `cells` × `cells` pixels of neuron `unit` (its index among all neurons, inputs first).
pub fn neuron_map(net: &Mlp, unit: usize, cells: usize) -> Vec<u8> {
    let at = |i: usize| -EXTENT + 2.0 * EXTENT * (i as f64 + 0.5) / cells as f64;
    let points: Vec<(f64, f64)> = (0..cells)
        .flat_map(|row| (0..cells).map(move |col| (at(col), at(cells - 1 - row))))
        .collect();
    let values = net.neuron_values(&points, unit);
    let top = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let scale = if top > 0.0 && top.is_finite() {
        1.0 / top
    } else {
        0.0
    };
    values
        .iter()
        .flat_map(|v| {
            let c = value_colour(v * scale, 1.0);
            [c.0, c.1, c.2, 255]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml::activation::Activation;
    use crate::ml::mlp::{Architecture, Inputs, Targets, Training};
    use crate::ml::optimizer::OptimizerKind;
    use crate::ml::regularization::Regularization;
    use crate::plot::style::{NEGATIVE, POSITIVE};

    #[test]
    fn the_x1_input_is_orange_on_the_left_and_blue_on_the_right() {
        let arch =
            Architecture::new(Inputs::new(0b11).unwrap(), &[3], Activation::Tanh, 1).unwrap();
        let t = Training::new(0.1, None, OptimizerKind::Sgd, Regularization::None, 0.0).unwrap();
        let net = Mlp::new(arch, t, &[(0.0, 0.0)], Targets::Classes(&[0], 2));
        let px = neuron_map(&net, 0, 10);
        assert_eq!(px.len(), 10 * 10 * 4);
        let left = &px[..4];
        let right = &px[9 * 4..10 * 4];
        // x₁ is most negative in the left column and most positive in the right one.
        assert_eq!(left, [NEGATIVE.0, NEGATIVE.1, NEGATIVE.2, 255]);
        assert_eq!(right, [POSITIVE.0, POSITIVE.1, POSITIVE.2, 255]);
    }
}
