//! Training and test loss (MSE) against epoch, both axes logarithmic: the loss falls fastest in the
//! first epochs and training may run a million, so each factor of ten gets the same room.
//! Epoch e is drawn at e + 1 so that epoch 0 has a place on the log axis.

use super::style::{font, px, GRID, MINOR, TEST, TRAIN};
use super::DrawResult;
use crate::ml::history::Record;
use plotters::prelude::*;

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    records: &[Record],
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let last = records.last().map_or(10, |r| (r.epoch + 1).max(10)) as f64;
    let values = records
        .iter()
        .flat_map(|r| [r.train, r.test])
        .filter(|v| v.is_finite() && *v > 0.0);
    let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
    let (lo, hi) = if hi > 0.0 {
        (lo.max(hi * 1e-9) / 2.0, hi * 2.0)
    } else {
        (1e-3, 1.0)
    };
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(56.0, scale))
        .build_cartesian_2d((1.0..last).log_scale(), (lo..hi).log_scale())?;
    chart
        .configure_mesh()
        .light_line_style(MINOR)
        .bold_line_style(GRID)
        .x_desc("epoch + 1 (log)")
        .y_desc("MSE (log)")
        .y_label_formatter(&|v| format!("{v:.0e}"))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .label_style(("sans-serif", font(13.0, scale)))
        .axis_desc_style(("sans-serif", font(14.0, scale)))
        .draw()?;
    let floor = lo;
    let series = |pick: fn(&Record) -> f64| {
        records
            .iter()
            .map(move |r| ((r.epoch + 1) as f64, pick(r).max(floor)))
            .collect::<Vec<_>>()
    };
    let w = px(2.0, scale);
    chart
        .draw_series(LineSeries::new(series(|r| r.train), TRAIN.stroke_width(w)))?
        .label("train")
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], TRAIN.stroke_width(w)));
    let dash = px(6.0, scale);
    chart
        .draw_series(DashedLineSeries::new(
            series(|r| r.test),
            dash,
            dash,
            TEST.stroke_width(w),
        ))?
        .label("test")
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], TEST.stroke_width(w)));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(GRID)
        .label_font(("sans-serif", font(13.0, scale)))
        .draw()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_both_curves_even_with_zero_loss() {
        let records: Vec<Record> = (0..50)
            .map(|e| Record {
                epoch: e,
                train: 1.0 / (e + 1) as f64 - 0.02f64.min(1.0 / (e + 1) as f64),
                test: 0.5,
            })
            .collect();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            draw(&root, &records, 1.0).unwrap();
        }
        assert!(svg.matches("<polyline").count() >= 1);
        assert!(svg.contains("epoch") && !svg.contains("NaN"));
        // An empty history still draws axes.
        let mut empty = String::new();
        draw(
            &SVGBackend::with_string(&mut empty, (400, 300)).into_drawing_area(),
            &[],
            1.0,
        )
        .unwrap();
    }
}
