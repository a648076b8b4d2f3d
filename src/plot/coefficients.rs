//! The learned weights as bars: ridge visibly shrinks them, lasso visibly zeroes some.
//!
//! The axis is fixed by the data, not by the weights, so a shrinking weight is a shrinking bar
//! (an axis that rescaled to the largest weight would make every penalty look the same). The
//! weights multiply features of mean square 1 (see `ml::legendre`), so by Parseval's identity
//! Σ wₖ² is the mean square of the fitted curve: a curve that stays within the data has every
//! |wₖ| below about the targets' root mean square. The axis runs to twice that, rounded up to
//! 1, 2 or 5 × 10ᵏ; a wilder weight (an overfitted curve) is cut at the edge and marked with a
//! dark cap, and its value is in the table.
//!
//! Two layers: [`draw_axes`] when the frame changes (the data or the degree) and [`draw_bars`]
//! every epoch, without text.

use super::style::{font, px, GRID, MINOR, NEGATIVE, POSITIVE};
use super::{ChartResult, DrawResult};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// How many bars and how tall the axis is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    count: usize,
    top: f64,
}

impl Frame {
    /// `count` bars for targets of root mean square `rms`.
    pub fn of(count: usize, rms: f64) -> Self {
        let rms = if rms.is_finite() { rms } else { 0.0 };
        Frame {
            count: count.max(1),
            top: nice_ceiling((2.0 * rms).max(0.1)),
        }
    }
}

/// The smallest of 1, 2, 5 × 10ᵏ at or above `v` (> 0).
fn nice_ceiling(v: f64) -> f64 {
    let power = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|c| *c >= v * (1.0 - 1e-12))
        .unwrap_or(10.0 * power)
}

fn chart<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: f64,
) -> ChartResult<'a, DB, RangedCoordf64, RangedCoordf64> {
    ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .x_label_area_size(px(34.0, scale))
        .y_label_area_size(px(52.0, scale))
        .build_cartesian_2d(-0.5..frame.count as f64 - 0.5, -frame.top..frame.top)
}

pub fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let top = frame.top;
    // Two-digit labels need about 34 CSS pixels each (with the margin); fewer labels (every other k) when narrow.
    let fit = (root.dim_in_pixel().0 as f64 / scale / 34.0) as usize;
    chart(root, frame, scale)?
        .configure_mesh()
        .light_line_style(MINOR)
        .bold_line_style(GRID)
        .x_labels(frame.count.min(16).min(fit.max(2)))
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .x_desc("k (weight wₖ)")
        .y_labels(5)
        .y_label_formatter(&|v| crate::format::short(if v.abs() < 1e-9 * top { 0.0 } else { *v }))
        .label_style(("sans-serif", font(12.0, scale)))
        .axis_desc_style(("sans-serif", font(12.0, scale)))
        .draw()?;
    Ok(())
}

/// One bar per weight, blue if positive, orange if negative, on a transparent layer; a bar
/// beyond the axis is cut at its edge with a dark cap. A weight that is not zero is at least
/// 2 px tall, however small: only a weight of exactly zero (as L1 leaves many) has no bar
/// (helper 93: ridge's 0.0069 on an axis of ±2 drew nothing, and read as a zero).
pub fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    weights: &[f64],
    scale: f64,
) -> DrawResult<DB> {
    let top = frame.top;
    let mut chart = chart(root, frame, scale)?;
    let height = chart.plotting_area().dim_in_pixel().1.max(1) as f64;
    let least = 2.0 * top * px(2.0, scale) as f64 / height;
    chart.draw_series(weights.iter().enumerate().map(|(i, &w)| {
        let colour = if w >= 0.0 { POSITIVE } else { NEGATIVE };
        let w = if w.is_finite() {
            w.clamp(-top, top)
        } else {
            0.0
        };
        let w = if w != 0.0 && w.abs() < least {
            least.copysign(w)
        } else {
            w
        };
        Rectangle::new(
            [(i as f64 - 0.35, 0.0), (i as f64 + 0.35, w)],
            colour.filled(),
        )
    }))?;
    let cut = weights.iter().enumerate().filter(|(_, w)| w.abs() > top);
    chart.draw_series(cut.map(|(i, &w)| {
        let edge = top.copysign(w);
        Rectangle::new(
            [(i as f64 - 0.35, edge * 0.94), (i as f64 + 0.35, edge)],
            CUT.filled(),
        )
    }))?;
    Ok(())
}

/// The cap of a bar cut at the axis' edge.
const CUT: RGBColor = RGBColor(40, 40, 40);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(0.3), 0.5);
        assert_eq!(nice_ceiling(1.0), 1.0);
        assert_eq!(nice_ceiling(1.01), 2.0);
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(Frame::of(2, 0.0), Frame { count: 2, top: 0.1 });
        // Targets of RMS 0.7 (a sine wave): twice that is 1.4, rounded up to 2.
        assert_eq!(Frame::of(4, 0.7), Frame { count: 4, top: 2.0 });
        assert_eq!(Frame::of(4, f64::NAN).top, 0.1);
    }

    #[test]
    fn one_bar_per_weight() {
        let weights = [0.5, -0.25, 0.0, 1.0];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
            let frame = Frame::of(weights.len(), 0.5);
            draw_axes(&root, &frame, 1.0).unwrap();
            draw_bars(&root, &frame, &weights, 1.0).unwrap();
        }
        let bars = svg
            .lines()
            .filter(|l| l.starts_with("<rect") && (l.contains("#0072B2") || l.contains("#E69F00")));
        assert_eq!(bars.count(), 4);
        assert!(svg.lines().any(|l| l.trim() == "3"), "axis label for w3");
        assert!(!svg.contains("#282828"), "nothing is cut on an axis of ±1");
    }

    #[test]
    fn the_axis_stays_put_and_wild_weights_are_cut() {
        // The same frame whatever the weights: shrinking a weight shrinks its bar.
        let frame = Frame::of(3, 0.5); // ±1
        let height = |weights: &[f64]| {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (300, 200)).into_drawing_area();
                draw_bars(&root, &frame, weights, 1.0).unwrap();
            }
            svg
        };
        // The height of the blue (positive) bar of w₀ in pixels.
        let bar = |svg: &str| -> f64 {
            let line = svg.lines().find(|l| l.contains("#0072B2")).unwrap();
            let at = line.find("height=\"").unwrap() + 8;
            line[at..].split('"').next().unwrap().parse().unwrap()
        };
        let (big, small) = (
            bar(&height(&[0.8, 0.0, 0.0])),
            bar(&height(&[0.2, 0.0, 0.0])),
        );
        // A weight four times smaller is a bar four times shorter (to a pixel's rounding).
        assert!((big / small - 4.0).abs() < 0.3, "{big} vs {small}");
        // A weight a thousandth of the axis is still a bar (2 px of 170), a zero none.
        let tiny = bar(&height(&[1e-3, 0.0, 0.0]));
        assert!((1.5..3.0).contains(&tiny), "{tiny}");
        let zero = height(&[0.0, 0.5, 0.0]);
        let tall = |line: &&str| {
            let at = line.find("height=\"").unwrap() + 8;
            line[at..]
                .split('"')
                .next()
                .unwrap()
                .parse::<f64>()
                .unwrap()
                >= 1.0
        };
        let blue = zero.lines().filter(|l| l.contains("#0072B2"));
        assert_eq!(blue.filter(tall).count(), 1, "{zero}");
        // A weight of 30 on an axis of ±1 is cut: one dark cap.
        let wild = height(&[30.0, 0.1, -0.1]);
        assert_eq!(wild.matches("#282828").count(), 1);
    }
}
