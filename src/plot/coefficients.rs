//! The learned weights as bars: ridge visibly shrinks them, lasso visibly zeroes some.

use super::style::{font, px, GRID, MINOR, NEGATIVE, POSITIVE};
use super::DrawResult;
use plotters::prelude::*;

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    weights: &[f64],
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let top = weights
        .iter()
        .map(|w| w.abs())
        .filter(|w| w.is_finite())
        .fold(0.0, f64::max)
        .max(0.1)
        * 1.1;
    let n = weights.len().max(1);
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .x_label_area_size(px(30.0, scale))
        .y_label_area_size(px(52.0, scale))
        .build_cartesian_2d(-0.5..n as f64 - 0.5, -top..top)?;
    chart
        .configure_mesh()
        .light_line_style(MINOR)
        .bold_line_style(GRID)
        .x_labels(n.min(16))
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .x_desc("k (weight wₖ)")
        .axis_desc_style(("sans-serif", font(12.0, scale)))
        .y_label_formatter(&|v| crate::ml::diagnosis::short(*v))
        .label_style(("sans-serif", font(12.0, scale)))
        .draw()?;
    chart.draw_series(weights.iter().enumerate().map(|(i, &w)| {
        let colour = if w >= 0.0 { POSITIVE } else { NEGATIVE };
        let w = if w.is_finite() { w } else { 0.0 };
        Rectangle::new(
            [(i as f64 - 0.35, 0.0), (i as f64 + 0.35, w)],
            colour.filled(),
        )
    }))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_weight() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
            draw(&root, &[0.5, -0.25, 0.0, 1.0], 1.0).unwrap();
        }
        let bars = svg
            .lines()
            .filter(|l| l.starts_with("<rect") && (l.contains("#0072B2") || l.contains("#E69F00")));
        assert_eq!(bars.count(), 4);
        assert!(svg.lines().any(|l| l.trim() == "3"), "axis label for w3");
    }
}
