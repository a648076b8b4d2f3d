//! The Tuning lab's best-so-far chart: the best cross-validated error after each trial, this
//! search's and, dashed, each compared strategy's mean over seeds.

use super::error_axis::ErrorAxis;
use super::landscape::label_style;
use super::style::{font, px, GRID, MINOR, MODEL, TEST, TRAIN};
use super::DrawResult;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A strategy's mean best-so-far over seeds, as drawn: its name, its colour, the mean error
/// after each trial.
pub type Compared = (&'static str, RGBColor, Vec<f64>);

/// The colour of each compared strategy: grid grey, random blue, Bayesian vermillion.
pub const STRATEGY_COLOURS: [RGBColor; 3] = [RGBColor(110, 110, 110), TRAIN, TEST];

/// Whether the best-so-far chart of `best` and `compared` draws an error of exactly 0.
pub fn best_so_far_draws_zero(best: &[f64], compared: &[Compared]) -> bool {
    best.iter()
        .chain(compared.iter().flat_map(|c| &c.2))
        .any(|e| *e == 0.0)
}

/// The best cross-validated error so far against the number of trials, up to `budget` (the
/// trials planned, which may be fewer than the search's budget): this search's as a thick black
/// staircase, and each compared strategy's mean over seeds dashed.
pub fn draw_best_so_far<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    best: &[f64],
    compared: &[Compared],
    budget: usize,
    error: &str,
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let errors = ErrorAxis::of(
        best.iter()
            .chain(compared.iter().flat_map(|c| &c.2))
            .copied(),
    );
    let (lo, hi) = (errors.lo, errors.hi);
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(64.0, scale))
        .build_cartesian_2d(0.5..budget.max(1) as f64 + 0.5, lo..hi)?;
    chart
        .configure_mesh()
        .light_line_style(MINOR)
        .bold_line_style(GRID)
        // Trials are whole: no label between them (plotters may put ticks at halves, which
        // rounded read "4, 4, 5, 5").
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-9 {
                format!("{x:.0}")
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| errors.label(*v))
        .x_desc("trials")
        .y_desc(format!("best {error} so far"))
        .label_style(label_style(scale))
        .axis_desc_style(("sans-serif", font(13.0, scale)))
        .draw()?;
    // Up to the axis's end: a comparison carries its best on to the budget, but no strategy
    // runs past the trials planned (the space's distinct settings).
    let staircase = |bests: &[f64]| -> Vec<(f64, f64)> {
        let points: Vec<(f64, f64)> = bests
            .iter()
            .take(budget.max(1))
            .enumerate()
            .filter(|(_, e)| e.is_finite() && **e >= 0.0)
            .map(|(i, e)| ((i + 1) as f64, errors.y(*e)))
            .collect();
        let steps = points.windows(2).flat_map(|w| [(w[1].0, w[0].1), w[1]]);
        points.first().copied().into_iter().chain(steps).collect()
    };
    let dash = px(5.0, scale);
    for (_, colour, mean) in compared {
        let style = colour.stroke_width(px(2.0, scale));
        chart.draw_series(DashedLineSeries::new(staircase(mean), dash, dash, style))?;
    }
    let line = staircase(best);
    chart.draw_series(LineSeries::new(line, MODEL.stroke_width(px(3.0, scale))))?;
    Ok(())
}
