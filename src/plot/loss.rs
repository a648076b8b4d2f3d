//! Training and test loss (MSE) against epoch, both axes logarithmic: the loss falls fastest in the
//! first epochs and training may run a million, so each factor of ten gets the same room.
//! Step e (an epoch, or a tree level) is drawn at e + 1 so that step 0 has a place on the log axis.
//!
//! Two layers: [`draw_axes`] only when the frame (rounded to powers of ten) changes, and
//! [`draw_curves`] whenever the history grows; the curves layer draws no text.

use super::style::{font, px, GRID, MINOR, TEST, TRAIN};
use super::{ChartResult, DrawResult};
use crate::ml::history::Record;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The plotted ranges, each end a power of ten so they change rarely.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    epochs: f64,
    lo: f64,
    hi: f64,
}

impl Frame {
    pub fn of(records: &[Record]) -> Self {
        let last = records.last().map_or(1, |r| r.epoch + 1) as f64;
        let values = records
            .iter()
            .flat_map(|r| [r.train, r.test])
            .filter(|v| v.is_finite() && *v > 0.0);
        let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
        let (lo, hi) = if hi > 0.0 {
            (lo.max(hi * 1e-9), hi)
        } else {
            (0.1, 1.0)
        };
        let up = |v: f64| 10f64.powf(v.log10().ceil());
        let down = |v: f64| 10f64.powf(v.log10().floor());
        let (lo, hi) = (down(lo), up(hi));
        Frame {
            epochs: up(last.max(10.0)),
            lo,
            hi: if hi > lo { hi } else { lo * 10.0 },
        }
    }
}

fn chart<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: f64,
) -> ChartResult<'a, DB, LogCoord<f64>, LogCoord<f64>> {
    ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .margin_right(px(22.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(56.0, scale))
        .build_cartesian_2d(
            (1.0..frame.epochs).log_scale(),
            (frame.lo..frame.hi).log_scale(),
        )
}

/// Axes and labels (the page shows the legend as text below the chart).
pub fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    measure: &str,
    step: &str,
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let mut chart = chart(root, frame, scale)?;
    chart
        .configure_mesh()
        .light_line_style(MINOR)
        .bold_line_style(GRID)
        .x_desc(format!("{step} + 1 (log)"))
        .y_desc(format!("{measure} (log)"))
        .y_label_formatter(&|v| format!("{v:.0e}"))
        .x_label_formatter(&|v| {
            if *v >= 1e4 {
                format!("{v:.0e}")
            } else {
                format!("{v:.0}")
            }
        })
        .x_labels(6)
        .y_labels(6)
        .label_style(("sans-serif", font(13.0, scale)))
        .axis_desc_style(("sans-serif", font(14.0, scale)))
        .draw()?;
    Ok(())
}

/// Train loss as a solid line, test loss dashed, on a transparent layer.
pub fn draw_curves<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    records: &[Record],
    scale: f64,
) -> DrawResult<DB> {
    let mut chart = chart(root, frame, scale)?;
    let floor = frame.lo;
    let series = |pick: fn(&Record) -> f64| {
        records
            .iter()
            .map(move |r| ((r.epoch + 1) as f64, pick(r).clamp(floor, frame.hi)))
            .collect::<Vec<_>>()
    };
    let w = px(2.0, scale);
    chart.draw_series(LineSeries::new(series(|r| r.train), TRAIN.stroke_width(w)))?;
    let dash = px(6.0, scale);
    chart.draw_series(DashedLineSeries::new(
        series(|r| r.test),
        dash,
        dash,
        TEST.stroke_width(w),
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_is_rounded_to_powers_of_ten() {
        let r = |epoch, train, test| Record { epoch, train, test };
        let f = Frame::of(&[r(0, 0.5, 0.6), r(120, 0.003, 2.5)]);
        assert_eq!(
            f,
            Frame {
                epochs: 1000.0,
                lo: 1e-3,
                hi: 10.0
            }
        );
        assert_eq!(
            Frame::of(&[]),
            Frame {
                epochs: 10.0,
                lo: 0.1,
                hi: 1.0
            }
        );
    }

    #[test]
    fn draws_both_curves_even_with_zero_loss() {
        let records: Vec<Record> = (0..50)
            .map(|e| Record {
                epoch: e,
                train: if e > 40 { 0.0 } else { 1.0 / (e + 1) as f64 },
                test: 0.5,
            })
            .collect();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            let frame = Frame::of(&records);
            draw_axes(&root, &frame, "MSE", "epoch", 1.0).unwrap();
            draw_curves(&root, &frame, &records, 1.0).unwrap();
        }
        assert!(
            svg.lines()
                .filter(|l| l.contains("<polyline") && l.contains("#0072B2"))
                .count()
                >= 1
        );
        assert!(svg.contains("epoch") && !svg.contains("NaN"));
    }
}
