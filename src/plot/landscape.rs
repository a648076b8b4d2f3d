//! The Tuning lab's search-space picture: the exact cross-validated error over a lattice of the
//! searched axes, drawn faintly (a curve for one axis, a heat map for two), the trials as
//! numbered dots in the order tried, the best so far ringed; and for Bayesian optimization the
//! surrogate: one axis, its mean ± sd band over the landscape and, in a strip underneath, the
//! expected improvement at each setting the search can still try (a stem each, the next trial's
//! topped by a dot); two axes, the expected improvement as a small map beside, the next trial
//! ringed.
//!
//! Both axes run in unit coordinates (0 … 1, as the search works); tick labels give the values.
//! Errors are drawn on a log scale. Where a model diverged there is no error: a grey cell on the
//! map; on the curve a break, with a ✕ and any trial's dot there in a band labelled "diverged"
//! above the top gridline. One layer,
//! redrawn when the picture changes (once per trial or landscape row).

use super::error_axis::ErrorAxis;
use super::style::{font, px, GRID, MINOR, MODEL, TEST, TRAIN};
use super::trial_marks::trial_marks;
use super::DrawResult;
use crate::format::short;
use crate::tune::cv::diverged;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One searched axis: its name and range of values.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisView {
    pub label: &'static str,
    pub min: f64,
    pub max: f64,
    pub log: bool,
    /// Whole values only (degree, k, trees): ticks between them are labelled by the nearest.
    pub integer: bool,
}

impl AxisView {
    /// A tick's label at unit coordinate `u`: two significant figures, or the whole number — and
    /// none on an integer axis where the tick falls between whole values (no "degree 2.4").
    pub fn tick(&self, u: f64) -> String {
        // To 11 significant figures: 10^(log of 1) is 0.9999999999999999, not 1.
        let v = self.value(u);
        let v = format!("{v:.10e}").parse().unwrap_or(v);
        if self.integer && (v - v.round()).abs() > 0.02 * v.abs().max(1.0) {
            String::new()
        } else if self.log && !self.integer {
            // As every other log axis of the page labels its powers of ten ("1e-4", "1e0"), not
            // a mix of "1.0e-4", "0.010" and "1.0" along one axis.
            super::style::log_tick(v, (self.max / self.min).log10())
        } else if self.integer || v.abs() >= 10.0 {
            format!("{:.0}", v.round())
        } else if v == 0.0 || !v.is_finite() {
            short(v)
        } else if v.abs() < 1e-3 {
            format!("{v:.1e}")
        } else {
            let decimals = (1 - v.abs().log10().floor() as i32).max(0) as usize;
            format!("{v:.decimals$}")
        }
    }

    /// Where the axis's labels go, in unit coordinates: evenly spread values of the axis — from
    /// its start in steps of 1, 2, 5, 10 … on an integer axis (degree 1, 3, 5 … 15), 1-2-5 values
    /// on an integer log axis (trees 1, 2, 5, 10 … 200), powers of ten on a log scale, quarters
    /// otherwise — so that labels are evenly
    /// spread instead of falling where plotters' own ticks in unit coordinates happen to hit a
    /// whole value (degree "1, 8, 11, 12, 15").
    pub fn key_points(&self) -> Vec<f64> {
        let values: Vec<f64> = match (self.integer, self.log) {
            (true, true) => {
                let steps = (0..12).map(|e| 10f64.powi(e / 3) * [1.0, 2.0, 5.0][e as usize % 3]);
                steps.filter(|v| *v >= self.min && *v <= self.max).collect()
            }
            (true, false) => {
                let span = self.max - self.min;
                let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
                    .into_iter()
                    .find(|s| span / s <= 8.0)
                    .unwrap_or(100.0);
                let count = (span / step).floor() as usize;
                (0..=count).map(|i| self.min + i as f64 * step).collect()
            }
            (false, true) => {
                let (lo, hi) = (
                    self.min.log10().ceil() as i32,
                    self.max.log10().floor() as i32,
                );
                let every = ((hi - lo) / 5 + 1).max(1);
                (lo..=hi)
                    .filter(|e| (e - lo) % every == 0)
                    .map(|e| 10f64.powi(e))
                    .collect()
            }
            (false, false) => (0..=4)
                .map(|i| self.min + i as f64 * (self.max - self.min) / 4.0)
                .collect(),
        };
        values.into_iter().map(|v| self.unit(v)).collect()
    }

    /// The unit coordinate of value `v`.
    fn unit(&self, v: f64) -> f64 {
        let u = if self.log {
            (v / self.min).ln() / (self.max / self.min).ln()
        } else {
            (v - self.min) / (self.max - self.min)
        };
        u.clamp(0.0, 1.0)
    }

    /// The value at unit coordinate `u`.
    pub fn value(&self, u: f64) -> f64 {
        if self.log {
            self.min * (self.max / self.min).powf(u)
        } else {
            self.min + u * (self.max - self.min)
        }
    }
}

/// Unit coordinates 0 … 1 along a searched axis, with its own label positions
/// ([`AxisView::key_points`]) instead of plotters' round numbers of the unit range.
struct UnitAxis {
    unit: RangedCoordf64,
    keys: Vec<f64>,
}

impl UnitAxis {
    fn of(axis: &AxisView) -> Self {
        UnitAxis {
            unit: (0.0..1.0).into(),
            keys: axis.key_points(),
        }
    }
}

impl Ranged for UnitAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.unit.map(value, limit)
    }

    /// The axis's label positions (none where the chart asks for no labels), every second or
    /// third of them where the chart has room for fewer (a phone's map: "100200" ran together).
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        match hint.max_num_points() {
            0 => Vec::new(),
            room => {
                let every = self.keys.len().div_ceil(room).max(1);
                self.keys.iter().step_by(every).copied().collect()
            }
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.unit.range()
    }
}

/// What the picture shows; points are in unit coordinates, one per axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    pub axes: Vec<AxisView>,
    /// The landscape's coordinates on each axis (where cells are centred).
    pub ticks: Vec<Vec<f64>>,
    /// Landscape cells computed so far: point and mean cross-validated error.
    pub cells: Vec<(Vec<f64>, f64)>,
    /// Trials in the order tried: point and mean cross-validated error.
    pub trials: Vec<(Vec<f64>, f64)>,
    /// Index of the best trial so far.
    pub best: Option<usize>,
    /// Bayesian optimization's surrogate over a lattice: point, mean, sd, expected improvement.
    pub surrogate: Vec<(Vec<f64>, f64, f64, f64)>,
    /// The settings Bayesian optimization can still try, with their expected improvement: on one
    /// axis the EI strip shows these (a smooth curve would peak between whole degrees, where no
    /// trial can go).
    pub candidates: Vec<(Vec<f64>, f64)>,
    /// Where its next trial goes, marked on the EI strip or map (none during the initial random
    /// trials and once the budget is spent).
    pub next: Option<Vec<f64>>,
    /// What the errors are: "CV error", or "test error" when the search selects by the test
    /// score (the mistake the Tuning lab shows).
    pub error: &'static str,
}

impl View {
    /// The error axis of the cells and trials.
    fn error_axis(&self) -> ErrorAxis {
        ErrorAxis::of(self.cells.iter().chain(&self.trials).map(|c| c.1))
    }

    /// Whether an error of exactly 0 is drawn (on the bottom edge; the page says so).
    pub fn draws_zero(&self) -> bool {
        self.error_axis().zero
    }

    /// The largest expected improvement at a setting the search can still try: the top of the
    /// one-axis panel's stems, and what the next trial goes to (0 when there is none).
    pub fn top_candidate_improvement(&self) -> f64 {
        self.candidates.iter().map(|c| c.1).fold(0.0, f64::max)
    }

    /// The largest expected improvement over the surrogate's lattice: the two-axis panel's
    /// deepest shade (0 when there is none).
    pub fn top_expected_improvement(&self) -> f64 {
        self.surrogate.iter().map(|s| s.3).fold(0.0, f64::max)
    }
}

/// A faint colour for log-error `v` in `lo … hi`: deepest blue at the lowest error, white at
/// the highest; grey for a model that blew up. At most 85 % of the full blue: 60 % read as one
/// pale wash on a projector (helper 45), and the black trial numbers stay legible on 85 %.
fn heat(v: f64, lo: f64, hi: f64) -> RGBColor {
    if !v.is_finite() || v < 0.0 {
        return RGBColor(200, 200, 200);
    }
    // An error of 0 is the lowest there can be.
    let t = if v == 0.0 {
        1.0
    } else {
        1.0 - ((v.log10() - lo) / (hi - lo)).clamp(0.0, 1.0)
    };
    let mix = |c: u8| (255.0 + (c as f64 - 255.0) * 0.85 * t).round() as u8;
    RGBColor(mix(TRAIN.0), mix(TRAIN.1), mix(TRAIN.2))
}

/// The span of the cell centred at `u` among `ticks`: halfway to each neighbour.
fn span(ticks: &[f64], u: f64) -> (f64, f64) {
    let i = ticks.iter().position(|t| *t == u).unwrap_or(0);
    let lo = if i == 0 {
        0.0
    } else {
        (ticks[i - 1] + u) / 2.0
    };
    let hi = ticks.get(i + 1).map_or(1.0, |n| (u + n) / 2.0);
    (lo, hi)
}

/// Draws the whole picture.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &View,
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    match view.axes.len() {
        1 => draw_curve(root, view, scale),
        2 => draw_map(root, view, scale),
        _ => Ok(()),
    }
}

/// The pictures' labels: tick labels, titles, trial numbers.
pub(super) fn label_style(scale: f64) -> TextStyle<'static> {
    TextStyle::from(("sans-serif", font(12.0, scale)).into_font())
}

/// One axis: error (log) against the axis; the expected improvement in a strip below.
fn draw_curve<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &View,
    scale: f64,
) -> DrawResult<DB> {
    let (_, h) = root.dim_in_pixel();
    let (top, bottom) = if view.surrogate.is_empty() {
        (root.clone(), None)
    } else {
        let (t, b) = root.split_vertically(h * 7 / 10);
        (t, Some(b))
    };
    let axis = &view.axes[0];
    let errors = view.error_axis();
    let (lo, hi) = (errors.lo, errors.hi);
    let mut chart = ChartBuilder::on(&top)
        .margin(px(8.0, scale))
        .x_label_area_size(px(if bottom.is_some() { 8.0 } else { 36.0 }, scale))
        .y_label_area_size(px(64.0, scale))
        .build_cartesian_2d(UnitAxis::of(axis), lo..errors.top())?;
    let x_label = |u: &f64| axis.tick(*u);
    let y_label = |v: &f64| errors.label(*v);
    let mut mesh = chart.configure_mesh();
    mesh.light_line_style(MINOR)
        .bold_line_style(GRID)
        .y_label_formatter(&y_label)
        .y_desc(format!("{} (log)", view.error))
        .label_style(label_style(scale))
        .axis_desc_style(("sans-serif", font(13.0, scale)));
    if bottom.is_some() {
        mesh.x_labels(0);
    } else {
        mesh.x_label_formatter(&x_label).x_desc(axis.label);
    }
    mesh.draw()?;
    if errors.blown {
        // The band above the top gridline: a line under it, "diverged" where its tick would be.
        let edge = MODEL.mix(0.5).stroke_width(px(1.0, scale));
        chart.draw_series(LineSeries::new([(0.0, hi), (1.0, hi)], edge))?;
        let (x, y) = chart.backend_coord(&(0.0, errors.y(f64::INFINITY)));
        let (bx, by) = top.get_base_pixel();
        let right = Pos::new(HPos::Right, VPos::Center);
        let at = (x - bx - px(6.0, scale) as i32, y - by);
        top.draw(&Text::new("diverged", at, label_style(scale).pos(right)))?;
    }
    let y = |e: f64| errors.y(e);
    // The surrogate's band and mean under everything else. An error below zero is none there
    // can be: the band (and the mean) stop at the bottom edge (helper 88: a mean − sd under zero
    // was drawn as no error at all, in the top band, and cut a notch out of the band).
    if !view.surrogate.is_empty() {
        let floor = |e: f64| y(e.max(0.0));
        let band: Vec<(f64, f64)> = view
            .surrogate
            .iter()
            .map(|(p, m, s, _)| (p[0], floor(m + s)))
            .chain(
                view.surrogate
                    .iter()
                    .rev()
                    .map(|(p, m, s, _)| (p[0], floor(m - s))),
            )
            .collect();
        chart.draw_series(std::iter::once(Polygon::new(band, TEST.mix(0.15).filled())))?;
        let mean = view.surrogate.iter().map(|(p, m, ..)| (p[0], floor(*m)));
        chart.draw_series(LineSeries::new(mean, TEST.stroke_width(px(1.5, scale))))?;
    }
    // A cell where a model diverged has no error: the curve breaks there, a ✕ in the band.
    let faint = MODEL.mix(0.35).stroke_width(px(2.0, scale));
    for run in view.cells.split(|(_, e)| diverged(*e)) {
        let land = run.iter().map(|(p, e)| (p[0], y(*e)));
        chart.draw_series(LineSeries::new(land, faint))?;
    }
    let (r, band) = (px(4.0, scale) as i32, errors.y(f64::INFINITY));
    let crosses: Vec<(f64, f64)> = (view.cells.iter())
        .filter(|(_, e)| diverged(*e))
        .map(|(p, _)| (p[0], band))
        .collect();
    chart.draw_series(crosses.iter().map(|&c| Cross::new(c, r, faint)))?;
    let at: Vec<(f64, f64)> = view.trials.iter().map(|(p, e)| (p[0], y(*e))).collect();
    trial_marks(&mut chart, &at, view.best, &crosses, scale)?;
    if let Some(bottom) = bottom {
        let top_ei = view.top_candidate_improvement();
        let mut ei = ChartBuilder::on(&bottom)
            .margin(px(8.0, scale))
            .x_label_area_size(px(36.0, scale))
            .y_label_area_size(px(64.0, scale))
            .build_cartesian_2d(UnitAxis::of(axis), 0.0..top_ei.max(1e-12) * 1.15)?;
        ei.configure_mesh()
            .light_line_style(MINOR)
            .bold_line_style(GRID)
            .y_labels(2)
            .y_label_formatter(&|v| short(*v))
            .y_desc("EI")
            .x_label_formatter(&|u| axis.tick(*u))
            .x_desc(axis.label)
            .label_style(label_style(scale))
            .axis_desc_style(("sans-serif", font(13.0, scale)))
            .draw()?;
        // A stem per setting the search can still try: EI exists only there.
        let stem = TEST.stroke_width(px(2.0, scale));
        ei.draw_series(
            view.candidates
                .iter()
                .map(|(p, e)| PathElement::new(vec![(p[0], 0.0), (p[0], *e)], stem)),
        )?;
        if let Some(next) = &view.next {
            let e = view
                .candidates
                .iter()
                .find(|c| &c.0 == next)
                .map_or(0.0, |c| c.1);
            let r = px(5.0, scale) as i32;
            ei.draw_series(std::iter::once(Circle::new((next[0], e), r, TEST.filled())))?;
            // Its word on the side with room: at the right end it ran off the chart (helper 94).
            let side = if next[0] > 0.5 {
                HPos::Right
            } else {
                HPos::Left
            };
            ei.draw_series(std::iter::once(Text::new(
                "next",
                (next[0], e),
                label_style(scale).pos(Pos::new(side, VPos::Bottom)),
            )))?;
        }
    }
    Ok(())
}

/// Two axes: the landscape as a heat map, the trials on it; the expected improvement beside.
fn draw_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &View,
    scale: f64,
) -> DrawResult<DB> {
    let (w, _) = root.dim_in_pixel();
    let (main, side) = if view.surrogate.is_empty() {
        (root.clone(), None)
    } else {
        let (m, s) = root.split_horizontally(w * 7 / 10);
        (m, Some(s))
    };
    let ErrorAxis { lo, hi, .. } = view.error_axis();
    let (ax, ay) = (&view.axes[0], &view.axes[1]);
    // Labels at least 30 px apart along the map's width (its label area and margins aside).
    let room = main.dim_in_pixel().0.saturating_sub(px(80.0, scale)) / px(30.0, scale).max(1);
    let mut chart = ChartBuilder::on(&main)
        .margin(px(8.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(64.0, scale))
        .build_cartesian_2d(UnitAxis::of(ax), UnitAxis::of(ay))?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(room.max(2) as usize)
        .x_label_formatter(&|u| ax.tick(*u))
        .y_label_formatter(&|u| ay.tick(*u))
        .x_desc(ax.label)
        .y_desc(ay.label)
        .label_style(label_style(scale))
        .axis_desc_style(("sans-serif", font(13.0, scale)))
        .draw()?;
    let (tx, ty) = (&view.ticks[0], &view.ticks[1]);
    chart.draw_series(view.cells.iter().map(|(p, e)| {
        let ((x0, x1), (y0, y1)) = (span(tx, p[0]), span(ty, p[1]));
        Rectangle::new([(x0, y0), (x1, y1)], heat(*e, lo, hi).filled())
    }))?;
    let at: Vec<(f64, f64)> = view.trials.iter().map(|(p, _)| (p[0], p[1])).collect();
    trial_marks(&mut chart, &at, view.best, &[], scale)?;
    // The next trial ringed in black on the map too, where the trials are (helper 62: a ring on
    // the side panel alone was read as another "best so far").
    let ring = BLACK.stroke_width(px(2.0, scale));
    let r = px(8.0, scale) as i32;
    if let (Some(next), Some(_)) = (&view.next, &side) {
        chart.draw_series(std::iter::once(Circle::new((next[0], next[1]), r, ring)))?;
    }
    if let Some(side) = side {
        let top_ei = view.top_expected_improvement();
        let (_, h) = side.dim_in_pixel();
        // The title drawn as plain text, under the panel where the map has its axis' label: a
        // plotters caption is measured through an inline-styled DOM element, which the page's
        // Content-Security-Policy forbids.
        // (On a phone the panel is narrower than the words: "expected improve" was cut. The
        // notes under the chart say what EI is.)
        let title = match side.dim_in_pixel().0 >= px(150.0, scale) {
            true => "expected improvement",
            false => "EI",
        };
        side.draw(&Text::new(
            title,
            (px(8.0, scale) as i32, h as i32 - px(30.0, scale) as i32),
            label_style(scale),
        ))?;
        // The same square as the map's: its margins, its unit range, its edge cells halved
        // (helper 62: the panel stood 13 px lower and 38 px taller than the map).
        let mut ei = ChartBuilder::on(&side)
            .margin(px(8.0, scale))
            .margin_bottom(px(8.0 + 36.0, scale))
            .build_cartesian_2d(0.0..1.0, 0.0..1.0)?;
        let n = (view.surrogate.len() as f64).sqrt().round().max(2.0);
        let half = 0.5 / (n - 1.0);
        let edge = |v: f64| v.clamp(0.0, 1.0);
        ei.draw_series(view.surrogate.iter().map(|(p, .., e)| {
            let t = if top_ei > 0.0 { e / top_ei } else { 0.0 };
            let mix = |c: u8| (255.0 + (c as f64 - 255.0) * t).round() as u8;
            let colour = RGBColor(mix(TEST.0), mix(TEST.1), mix(TEST.2));
            Rectangle::new(
                [
                    (edge(p[0] - half), edge(p[1] - half)),
                    (edge(p[0] + half), edge(p[1] + half)),
                ],
                colour.filled(),
            )
        }))?;
        // The next trial: the untried setting of largest EI, ringed.
        if let Some(next) = &view.next {
            ei.draw_series(std::iter::once(Circle::new((next[0], next[1]), r, ring)))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::best_so_far::{best_so_far_draws_zero, draw_best_so_far, STRATEGY_COLOURS};
    use super::*;

    fn axis(label: &'static str, log: bool) -> AxisView {
        AxisView {
            integer: false,
            label,
            min: if log { 1e-6 } else { 1.0 },
            max: if log { 10.0 } else { 15.0 },
            log,
        }
    }

    #[test]
    fn ticks_read_as_the_axis_values_and_integer_axes_skip_fractions() {
        let degree = AxisView {
            integer: true,
            ..axis("Polynomial degree", false)
        };
        assert_eq!(degree.tick(0.0), "1");
        assert_eq!(degree.tick(0.5), "8");
        assert_eq!(degree.tick(0.1), "", "degree 2.4 is not a degree");
        let lambda = axis("λ", true);
        assert_eq!(lambda.tick(0.0), "1e-6");
        assert_eq!(lambda.tick(1.0), "1e1");
        assert_eq!(lambda.tick(0.5), "3e-3", "λ = 10^-2.5 = 0.00316");
    }

    #[test]
    fn labels_are_evenly_spread_values_of_the_axis() {
        let values = |a: &AxisView| -> Vec<f64> {
            let v = a.key_points().into_iter().map(|u| a.value(u));
            v.map(|v| (v * 1e6).round() / 1e6).collect()
        };
        let integer = |label, min, max, log| AxisView {
            label,
            min,
            max,
            log,
            integer: true,
        };
        let degree = integer("degree", 1.0, 15.0, false);
        assert_eq!(values(&degree), [1.0, 3.0, 5.0, 7.0, 9.0, 11.0, 13.0, 15.0]);
        assert!(degree
            .key_points()
            .iter()
            .all(|u| !degree.tick(*u).is_empty()));
        let k = integer("k", 1.0, 50.0, false);
        assert_eq!(values(&k), [1.0, 11.0, 21.0, 31.0, 41.0]);
        let trees = integer("trees", 1.0, 200.0, true);
        assert_eq!(
            values(&trees),
            [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0]
        );
        let lambda = AxisView {
            min: 1e-6,
            ..axis("λ", true)
        };
        assert_eq!(values(&lambda), [1e-6, 1e-4, 0.01, 1.0]);
        let texts: Vec<String> = lambda
            .key_points()
            .iter()
            .map(|u| lambda.tick(*u))
            .collect();
        assert_eq!(
            texts,
            ["1e-6", "1e-4", "1e-2", "1e0"],
            "one format along the axis"
        );
    }

    fn svg_of(view: &View) -> String {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 360)).into_drawing_area();
            draw(&root, view, 1.0).unwrap();
        }
        svg
    }

    #[test]
    fn a_map_has_a_cell_per_result_and_numbered_dots_with_the_best_ringed() {
        let ticks = vec![0.0, 0.5, 1.0];
        let cells: Vec<(Vec<f64>, f64)> = (0..9)
            .map(|i| (vec![ticks[i / 3], ticks[i % 3]], 0.01 * (i + 1) as f64))
            .collect();
        let trials = vec![
            (vec![0.0, 0.5], 0.02),
            (vec![1.0, 1.0], 0.09),
            (vec![0.5, 0.0], 0.04),
        ];
        let view = View {
            axes: vec![axis("Polynomial degree", false), axis("λ", true)],
            ticks: vec![ticks.clone(), ticks],
            cells,
            trials,
            best: Some(0),
            surrogate: Vec::new(),
            candidates: Vec::new(),
            next: None,
            error: "CV error",
        };
        let svg = svg_of(&view);
        assert!(svg.contains("Polynomial degree") && svg.contains("λ"));
        // Three trial dots (filled) and one ring (stroked in the test colour) round the best.
        assert_eq!(svg.matches("<circle").count(), 4, "{svg}");
        let ring = format!("stroke=\"#{:02X}{:02X}{:02X}\"", TEST.0, TEST.1, TEST.2);
        assert_eq!(svg.matches(&ring).count(), 1, "the best is ringed once");
        // Numbered in order (the axis labels here are 1, 2.4, 3.8, …: no other 2 or 3).
        for n in ["2", "3"] {
            assert_eq!(
                svg.matches(&format!(">\n{n}\n</text>")).count(),
                1,
                "trial {n}"
            );
        }
        // The lowest error is the deepest blue, the highest white; halfway (on the log scale)
        // half as deep.
        assert_eq!(heat(0.01, -2.0, -1.0), RGBColor(38, 135, 190));
        assert_eq!(heat(10f64.powf(-1.5), -2.0, -1.0), RGBColor(147, 195, 222));
        assert_eq!(heat(0.1, -2.0, -1.0), WHITE);
        assert_eq!(span(&[0.0, 0.5, 1.0], 0.5), (0.25, 0.75));
    }

    /// The rectangles of an SVG (x, y, width, height), in drawing order.
    fn rects(svg: &str) -> Vec<[f64; 4]> {
        let attr = |tag: &str, name: &str| -> f64 {
            let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            tag[at..].split('"').next().unwrap().parse().unwrap()
        };
        (svg.split("<rect").skip(1))
            .map(|tag| ["x", "y", "width", "height"].map(|n| attr(tag, n)))
            .collect()
    }

    /// On a phone's width (340 px) the map keeps its tick labels apart (every second of the
    /// trees' 1 … 200) and the panel beside says "EI" (helper 82: "100200" ran together and
    /// "expected improve" was cut); at 600 px every label and the words are there.
    #[test]
    fn a_narrow_map_thins_its_labels_and_shortens_the_panels_title() {
        let trees = AxisView {
            integer: true,
            label: "Number of trees",
            min: 1.0,
            max: 200.0,
            log: true,
        };
        let ticks = vec![0.0, 0.5, 1.0];
        let view = View {
            axes: vec![trees, axis("λ", true)],
            ticks: vec![ticks.clone(), ticks.clone()],
            cells: (0..9)
                .map(|i| (vec![ticks[i / 3], ticks[i % 3]], 0.1))
                .collect(),
            trials: Vec::new(),
            best: None,
            surrogate: (0..9)
                .map(|i| (vec![ticks[i / 3], ticks[i % 3]], 0.1, 0.01, 1.0))
                .collect(),
            candidates: Vec::new(),
            next: None,
            error: "CV error",
        };
        let svg_at = |width: u32| {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (width, 360)).into_drawing_area();
                draw(&root, &view, 1.0).unwrap();
            }
            svg
        };
        let labels = |svg: &str, of: &[&str]| -> Vec<String> {
            of.iter()
                .filter(|t| svg.contains(&format!(">\n{t}\n</text>")))
                .map(|t| t.to_string())
                .collect()
        };
        let tree_ticks = ["1", "2", "5", "10", "20", "50", "100", "200"];
        let wide = svg_at(600);
        assert_eq!(labels(&wide, &tree_ticks), tree_ticks);
        assert!(wide.contains(">\nexpected improvement\n</text>"));
        let narrow = svg_at(340);
        assert_eq!(labels(&narrow, &tree_ticks), ["1", "5", "20", "100"]);
        assert!(narrow.contains(">\nEI\n</text>") && !narrow.contains("expected improvement"));
    }

    /// On two axes the expected improvement's panel covers the map's square: the same top and
    /// bottom (helper 62: 13 px lower and 38 px taller), its edge cells halved as the map's; the
    /// next trial is ringed in black on both.
    #[test]
    fn the_expected_improvement_panel_lines_up_with_the_map() {
        let ticks = vec![0.0, 0.5, 1.0];
        let grid = |i: usize| vec![ticks[i / 3], ticks[i % 3]];
        let view = View {
            axes: vec![axis("Polynomial degree", false), axis("λ", true)],
            ticks: vec![ticks.clone(), ticks.clone()],
            cells: (0..9).map(|i| (grid(i), 0.01 * (i + 1) as f64)).collect(),
            trials: vec![(vec![0.5, 0.5], 0.05)],
            best: Some(0),
            surrogate: (0..9).map(|i| (grid(i), 0.05, 0.01, i as f64)).collect(),
            candidates: Vec::new(),
            next: Some(vec![0.0, 1.0]),
            error: "CV error",
        };
        let svg = svg_of(&view);
        let all = rects(&svg);
        // Skip the background; then 9 map cells, then 9 panel cells.
        let (map, panel) = (&all[all.len() - 18..all.len() - 9], &all[all.len() - 9..]);
        let extent = |cells: &[[f64; 4]]| {
            let top = cells.iter().map(|r| r[1]).fold(f64::INFINITY, f64::min);
            let bottom = cells.iter().map(|r| r[1] + r[3]).fold(0.0, f64::max);
            (top, bottom)
        };
        let ((t0, b0), (t1, b1)) = (extent(map), extent(panel));
        assert!(
            (t0 - t1).abs() <= 1.0 && (b0 - b1).abs() <= 1.0,
            "{map:?}\n{panel:?}"
        );
        assert!(panel.iter().all(|r| r[0] > 600.0 * 0.7 - 1.0), "{panel:?}");
        let black_rings = (svg.split("<circle").skip(1))
            .filter(|tag| {
                tag.split('>')
                    .next()
                    .unwrap()
                    .contains("stroke=\"#000000\"")
            })
            .count();
        assert_eq!(black_rings, 2, "{svg}");
    }

    #[test]
    fn one_axis_draws_the_curve_and_the_surrogate_with_its_expected_improvement() {
        let cells: Vec<(Vec<f64>, f64)> = (0..15)
            .map(|i| {
                (
                    vec![i as f64 / 14.0],
                    0.05 + (i as f64 / 14.0 - 0.3).powi(2),
                )
            })
            .collect();
        let surrogate = (0..11)
            .map(|i| (vec![i as f64 / 10.0], 0.1, 0.05, 0.01 * i as f64))
            .collect();
        let view = View {
            axes: vec![axis("Polynomial degree", false)],
            ticks: vec![cells.iter().map(|c| c.0[0]).collect()],
            trials: vec![cells[2].clone(), cells[9].clone()],
            cells,
            best: Some(0),
            surrogate,
            candidates: vec![(vec![0.0], 0.0), (vec![0.5], 0.02), (vec![1.0], 0.01)],
            next: Some(vec![0.5]),
            error: "CV error",
        };
        let svg = svg_of(&view);
        // Two trial dots, the best's ring, and the next trial's dot on its stem.
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(svg.contains("EI") && svg.contains("CV error") && svg.contains("next"));
        // A stem per candidate: vertical two-point paths in the test colour.
        let stem = format!(
            "stroke=\"#{:02X}{:02X}{:02X}\" stroke-width=\"2\"",
            TEST.0, TEST.1, TEST.2
        );
        let two_points = |l: &&str| {
            let points = l.split("points=\"").nth(1).unwrap_or("");
            points
                .split('"')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .count()
                == 2
        };
        let stems = svg.lines().filter(|l| l.contains(&stem)).filter(two_points);
        assert_eq!(stems.count(), 3, "{svg}");
        // The next trial's word sits on the side with room: left of a dot in the right half
        // (helper 94: at the right end it ran off the chart as "ne").
        let ends_at_dot = |v: &View| {
            let svg = svg_of(v);
            let lines: Vec<&str> = svg.lines().collect();
            let word = lines.iter().position(|l| l.trim() == "next").unwrap();
            lines[word - 1].contains("text-anchor=\"end\"")
        };
        assert!(!ends_at_dot(&view));
        let mut right = view.clone();
        right.next = Some(vec![1.0]);
        assert!(ends_at_dot(&right));
        assert!(svg.contains("<polygon"), "the mean ± sd band");
        // A band reaching below zero stops at the bottom edge: its lower side lies below its
        // upper side everywhere, not in the band above the top (helper 88).
        let mut wide = view.clone();
        wide.surrogate = (0..11)
            .map(|i| {
                (
                    vec![i as f64 / 10.0],
                    0.05,
                    if i == 5 { 0.2 } else { 0.01 },
                    0.0,
                )
            })
            .collect();
        let svg = svg_of(&wide);
        let polygon = svg.split("<polygon").nth(1).unwrap();
        let polygon = polygon.split("points=\"").nth(1).unwrap();
        let ys: Vec<f64> = (polygon.split('"').next().unwrap().split_whitespace())
            .map(|xy| xy.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        let (upper, lower) = ys.split_at(ys.len() / 2);
        let highest_lower = lower.iter().copied().fold(f64::INFINITY, f64::min);
        let lowest_upper = upper.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert!(highest_lower > lowest_upper, "{ys:?}");
        let mut bests = String::new();
        {
            let root = SVGBackend::with_string(&mut bests, (400, 200)).into_drawing_area();
            let grid = ("grid", STRATEGY_COLOURS[0], vec![0.6, 0.3, 0.3, 0.3, 0.1]);
            draw_best_so_far(&root, &[0.5, 0.2, 0.2, 0.05], &[grid], 8, "CV error", 1.0).unwrap();
        }
        assert!(bests.contains("best CV error so far"));
        // This search's staircase (black) and the grid's mean, dashed: one segment per dash.
        assert_eq!(bests.matches("stroke=\"#1E1E1E\"").count(), 1, "{bests}");
        assert!(bests.matches("stroke=\"#6E6E6E\"").count() > 3);
    }

    /// A diverged trial has no error: its dot sits in a band labelled "diverged" above the top
    /// gridline, not on that gridline, where it read as an error of 1.0.
    #[test]
    fn diverged_trials_sit_in_a_band_of_their_own() {
        let cells: Vec<(Vec<f64>, f64)> = (0..5)
            .map(|i| {
                (
                    vec![i as f64 / 4.0],
                    if i < 4 { 0.05 } else { f64::INFINITY },
                )
            })
            .collect();
        let view = View {
            axes: vec![axis("Learning rate", true)],
            ticks: vec![cells.iter().map(|c| c.0[0]).collect()],
            trials: vec![cells[1].clone(), cells[4].clone()],
            cells,
            best: Some(0),
            error: "CV error",
            ..View::default()
        };
        let svg = svg_of(&view);
        assert!(svg.contains(">\ndiverged\n</text>"), "{svg}");
        // The trial dots: the diverged one is above the top gridline's label ("0.10") in pixels.
        let y_of = |needle: &str| -> f64 {
            let at = svg.find(needle).unwrap_or_else(|| panic!("{needle}"));
            let tag = &svg[svg[..at].rfind('<').unwrap()..];
            let y = tag
                .split(" y=\"")
                .nth(1)
                .or(tag.split(" cy=\"").nth(1))
                .unwrap();
            y.split('"').next().unwrap().parse().unwrap()
        };
        let top_label = y_of(">\n0.10\n</text>");
        let dots: Vec<f64> = svg
            .match_indices("<circle")
            .map(|(i, _)| {
                let cy = svg[i..].split(" cy=\"").nth(1).unwrap();
                cy.split('"').next().unwrap().parse().unwrap()
            })
            .collect();
        let highest = dots.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(
            highest < top_label - 8.0,
            "dot at {highest}, the 1.0 label at {top_label}"
        );
    }

    /// k-NN on well-separated classes: cross-validated errors of exactly 0, which the error axis
    /// puts on the bottom edge (`error_axis.rs`): the pictures draw them, labelled "0".
    #[test]
    fn an_error_of_0_is_drawn_on_the_bottom_edge_labelled_0() {
        // On the map a 0 is the deepest colour, not the grey of a diverged model.
        assert_eq!(heat(0.0, -2.0, -1.0), heat(0.01, -2.0, -1.0));
        assert_eq!(heat(f64::NAN, -2.0, -1.0), RGBColor(200, 200, 200));
        // This search's best so far is 0 from its first trial: its staircase is still drawn.
        let mut bests = String::new();
        {
            let root = SVGBackend::with_string(&mut bests, (400, 200)).into_drawing_area();
            draw_best_so_far(&root, &[0.0, 0.0, 0.0], &[], 3, "CV error", 1.0).unwrap();
        }
        assert_eq!(bests.matches("stroke=\"#1E1E1E\"").count(), 1, "{bests}");
        assert!(best_so_far_draws_zero(&[0.1, 0.0], &[]));
        let cells: Vec<(Vec<f64>, f64)> = (0..5)
            .map(|i| (vec![i as f64 / 4.0], [0.0, 0.0, 0.02, 0.05, 0.1][i]))
            .collect();
        let view = View {
            axes: vec![axis("k", false)],
            ticks: vec![cells.iter().map(|c| c.0[0]).collect()],
            trials: vec![cells[0].clone()],
            cells,
            best: Some(0),
            ..View::default()
        };
        assert!(view.draws_zero());
        let svg = svg_of(&view);
        let labels: Vec<&str> = svg
            .split("</text>")
            .map(|t| t.rsplit('>').next().unwrap_or("").trim())
            .collect();
        assert!(labels.contains(&"0"), "{labels:?}");
    }

    /// Selected by the test score, every error drawn is a test error, and the axes say so.
    #[test]
    fn the_axes_name_the_errors_drawn() {
        let mut bests = String::new();
        {
            let root = SVGBackend::with_string(&mut bests, (400, 200)).into_drawing_area();
            draw_best_so_far(&root, &[0.5, 0.2], &[], 2, "test error", 1.0).unwrap();
        }
        assert!(bests.contains("best test error so far"), "{bests}");
        assert!(!bests.contains("CV"));
        let labels: Vec<&str> = bests
            .split("</text>")
            .map(|t| t.rsplit('>').next().unwrap_or("").trim())
            .filter(|t| t.parse::<f64>().is_ok_and(|v| v >= 1.0))
            .collect();
        let mut unique = labels.clone();
        unique.dedup();
        assert_eq!(labels, unique, "each trial labelled once");
    }
}
