//! The data with the fitted curve: train points as filled circles, test points as hollow
//! triangles, the model as a line. The y range follows the data, not the curve, so a wildly
//! overfitting curve leaves the frame (visibly cut) instead of squashing the points flat.

use super::style::{font, px, GRID, MINOR, MODEL, TEST, TRAIN};
use super::DrawResult;
use crate::data::regression::Point;
use plotters::prelude::*;

/// Samples along x for the curve.
const SAMPLES: usize = 300;

pub struct FitView<'a> {
    pub train: &'a [Point],
    pub test: &'a [Point],
    /// The model's prediction.
    pub predict: &'a dyn Fn(f64) -> f64,
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    view: &FitView,
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let ys = view.train.iter().chain(view.test).map(|p| p.y);
    let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), y| {
        (l.min(y), h.max(y))
    });
    let (lo, hi) = if lo.is_finite() {
        (lo, hi)
    } else {
        (-1.0, 1.0)
    };
    let pad = ((hi - lo) * 0.25).max(0.25);
    let (y0, y1) = (lo - pad, hi + pad);
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(44.0, scale))
        .build_cartesian_2d(-1.0..1.0, y0..y1)?;
    chart
        .configure_mesh()
        .light_line_style(MINOR)
        .bold_line_style(GRID)
        .x_desc("x")
        .y_desc("y")
        .label_style(("sans-serif", font(13.0, scale)))
        .axis_desc_style(("sans-serif", font(14.0, scale)))
        .draw()?;

    // The curve, split wherever it leaves the frame.
    let stroke = ShapeStyle::from(&MODEL).stroke_width(px(2.5, scale));
    let mut run: Vec<(f64, f64)> = Vec::new();
    for i in 0..=SAMPLES {
        let x = -1.0 + 2.0 * i as f64 / SAMPLES as f64;
        let y = (view.predict)(x);
        if y.is_finite() && (y0..=y1).contains(&y) {
            run.push((x, y));
        } else if !run.is_empty() {
            chart.draw_series(LineSeries::new(run.drain(..), stroke))?;
        }
    }
    if !run.is_empty() {
        chart.draw_series(LineSeries::new(run, stroke))?;
    }

    let r = px(4.0, scale) as i32;
    chart
        .draw_series(
            view.train
                .iter()
                .map(|p| Circle::new((p.x, p.y), r, TRAIN.filled())),
        )?
        .label("train")
        .legend(move |(x, y)| Circle::new((x, y), r, TRAIN.filled()));
    let t = px(5.5, scale) as i32;
    let test_style = ShapeStyle::from(&TEST).stroke_width(px(2.0, scale));
    chart
        .draw_series(
            view.test
                .iter()
                .map(|p| TriangleMarker::new((p.x, p.y), t, test_style)),
        )?
        .label("test")
        .legend(move |(x, y)| TriangleMarker::new((x, y), t, test_style));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(GRID)
        .label_font(("sans-serif", font(13.0, scale)))
        .draw()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Polylines drawn in the model's colour (the grid uses others).
    fn model_lines(svg: &str) -> usize {
        svg.lines()
            .filter(|l| l.contains("<polyline") && l.contains("#1E1E1E"))
            .count()
    }

    #[test]
    fn draws_points_and_a_curve_to_svg() {
        let train = [Point { x: -0.5, y: 0.1 }, Point { x: 0.5, y: 0.9 }];
        let test = [Point { x: 0.0, y: 0.4 }];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            draw(
                &root,
                &FitView {
                    train: &train,
                    test: &test,
                    predict: &|x| 0.5 + 0.8 * x,
                },
                1.0,
            )
            .unwrap();
        }
        assert_eq!(svg.matches("<circle").count(), 2 + 1); // two train points + legend marker
        assert_eq!(model_lines(&svg), 1);
        assert!(svg.contains("test"));
    }

    #[test]
    fn a_curve_far_outside_the_frame_is_cut_not_drawn_through() {
        let train = [Point { x: 0.0, y: 0.0 }];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            // Huge except near x = 0.
            draw(
                &root,
                &FitView {
                    train: &train,
                    test: &[],
                    predict: &|x| 1e6 * x * x * x,
                },
                1.0,
            )
            .unwrap();
        }
        assert_eq!(model_lines(&svg), 1);
    }
}
