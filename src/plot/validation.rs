//! A validation curve: training error and cross-validation error (with its spread across folds)
//! across a hyperparameter's whole range, the current value marked, and the underfitting and
//! overfitting sides named. The test points play no part: choosing a value by this curve is
//! choosing it on the training data, as it must be.
//!
//! Two layers like the other charts: [`draw_axes`] (axes, value labels, side names) when the frame
//! changes, [`draw_curves`] (the two error curves, the spread and the marker) otherwise.
//!
//! A value whose fold models diverged has no error ([`crate::tune::cv::DIVERGED`]): nothing is
//! drawn for it but a ✕ on the top edge, and the curves break around it.

use super::style::{font, px, GRID, MINOR, MODEL, TEST, TRAIN};
use super::{ChartResult, DrawResult};
use crate::state::sweep::SweepPoint;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the curve shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The hyperparameter's value at each position, as shown.
    pub labels: Vec<String>,
    /// Training error and cross-validation error (mean ± sd over folds) for the first positions
    /// computed so far.
    pub results: Vec<SweepPoint>,
    /// The indices of the points tied at the lowest cross-validation error
    /// ([`crate::state::sweep::Sweep::tied_lowest`]): ringed.
    pub lowest: Vec<usize>,
    /// Position of the current value, if the curve reaches it (k beyond what a fold model can
    /// use is not on the curve: no marker rather than one at the wrong value).
    pub current: Option<usize>,
    /// What the left and right ends mean ("← underfitting", "overfitting →", or a forest's
    /// number of trees, which never overfits).
    pub ends: (&'static str, &'static str),
    /// Mean squared error (log axis) or error rate (linear axis).
    pub log_y: bool,
}

/// Ranges of the plot; the top of the error axis is rounded up so it changes rarely.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    count: usize,
    lo: f64,
    hi: f64,
    log_y: bool,
}

impl Frame {
    pub fn of(curve: &Curve) -> Self {
        let values = curve
            .results
            .iter()
            .flat_map(|p| [p.train, p.cv.mean])
            .filter(|v| v.is_finite());
        let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
        let count = curve.labels.len().max(2);
        if curve.log_y {
            let hi = if hi > 0.0 {
                10f64.powf(hi.log10().ceil())
            } else {
                1.0
            };
            let lo = if lo.is_finite() && lo > 0.0 {
                10f64.powf(lo.log10().floor())
            } else {
                hi / 1e3
            };
            Frame {
                count,
                lo: lo.max(hi * 1e-8),
                hi,
                log_y: true,
            }
        } else {
            Frame {
                count,
                lo: 0.0,
                hi: ((hi * 10.0).ceil() / 10.0).max(0.1),
                log_y: false,
            }
        }
    }
}

/// The chart's margins and label areas (CSS pixels): [`chart`] lays them out, [`value_at`]
/// reads a click through them.
const MARGIN: f64 = 8.0;
const MARGIN_RIGHT: f64 = 16.0;
const Y_LABELS: f64 = 56.0;

fn chart<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: f64,
) -> ChartResult<'a, DB, RangedCoordf64, RangedCoordf64> {
    let (lo, hi) = if frame.log_y {
        (frame.lo.log10(), frame.hi.log10())
    } else {
        (frame.lo, frame.hi)
    };
    ChartBuilder::on(root)
        .margin(px(MARGIN, scale))
        .margin_top(px(24.0, scale))
        .margin_right(px(MARGIN_RIGHT, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(Y_LABELS, scale))
        .build_cartesian_2d(-0.5..frame.count as f64 - 0.5, lo..hi)
}

/// Which of the `count` values lies under `x` (device pixels from the left edge of a chart
/// `width` device pixels wide, drawn at `scale`): each value owns the stretch of the x axis
/// around its tick. `None` left or right of the plot area. (A click on the curve sets the control
/// to that value.)
pub fn value_at(width: f64, scale: f64, count: usize, x: f64) -> Option<usize> {
    let left = f64::from(px(MARGIN, scale) + px(Y_LABELS, scale));
    // (Plotters maps the axis onto the pixels up to the right margin's, exclusive.)
    let right = width - f64::from(px(MARGIN_RIGHT, scale)) - 1.0;
    if count == 0 || x < left || x > right {
        return None;
    }
    let i = ((x - left) / (right - left) * count as f64).floor() as usize;
    Some(i.min(count - 1))
}

/// Axes, the hyperparameter's values, and which side is which.
pub fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    curve: &Curve,
    name: &str,
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let mut chart = chart(root, frame, scale)?;
    let labels = curve.labels.clone();
    let log_y = frame.log_y;
    let decades = (frame.hi / frame.lo).log10();
    chart
        .configure_mesh()
        .light_line_style(MINOR)
        .bold_line_style(GRID)
        .x_labels(labels.len().min(8))
        .x_label_formatter(&|x| {
            labels
                .get(x.round().max(0.0) as usize)
                .cloned()
                .unwrap_or_default()
        })
        .y_label_formatter(&|v| {
            if log_y {
                super::style::log_tick(10f64.powf(*v), decades)
            } else {
                format!("{:.0} %", 100.0 * v)
            }
        })
        .x_desc(name)
        .y_desc(if log_y { "MSE (log)" } else { "error rate" })
        .label_style(("sans-serif", font(12.0, scale)))
        .axis_desc_style(("sans-serif", font(13.0, scale)))
        .draw()?;
    let (left, right) = curve.ends;
    let style = TextStyle::from(("sans-serif", font(13.0, scale)).into_font()).color(&MODEL);
    let (w, _) = root.dim_in_pixel();
    root.draw(&Text::new(
        left,
        (px(64.0, scale) as i32, px(4.0, scale) as i32),
        style.clone(),
    ))?;
    let right_style = style.pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Right,
        plotters::style::text_anchor::VPos::Top,
    ));
    root.draw(&Text::new(
        right,
        (w as i32 - px(16.0, scale) as i32, px(4.0, scale) as i32),
        right_style,
    ))?;
    Ok(())
}

/// The two curves (training solid, cross-validation dashed over a band of ± one standard
/// deviation across folds), a ring around the lowest cross-validation error, and the current
/// value's marker. A value whose fold models diverged
/// has no error: the curves break there and a ✕ on the top edge marks it.
pub fn draw_curves<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    curve: &Curve,
    scale: f64,
) -> DrawResult<DB> {
    let mut chart = chart(root, frame, scale)?;
    let (lo, hi) = if frame.log_y {
        (frame.lo.log10(), frame.hi.log10())
    } else {
        (frame.lo, frame.hi)
    };
    let y = |v: f64| {
        let v = if frame.log_y {
            v.max(frame.lo).log10()
        } else {
            v
        };
        v.clamp(lo, hi)
    };
    let marker = ShapeStyle::from(&MODEL.mix(0.6)).stroke_width(px(2.0, scale));
    if let Some(current) = curve.current {
        let x = current as f64;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, lo), (x, hi)],
            marker,
        )))?;
    }
    let runs = runs(&curve.results);
    for run in runs.iter().filter(|r| r.len() > 1) {
        let upper = run.iter().map(|(i, p)| (*i as f64, y(p.cv.mean + p.cv.sd)));
        let lower = run
            .iter()
            .rev()
            .map(|(i, p)| (*i as f64, y(p.cv.mean - p.cv.sd)));
        let band: Vec<(f64, f64)> = upper.chain(lower).collect();
        chart.draw_series(std::iter::once(Polygon::new(band, TEST.mix(0.15).filled())))?;
    }
    let w = px(2.5, scale);
    let dash = px(6.0, scale);
    let points = |run: &[(usize, SweepPoint)], pick: fn(&SweepPoint) -> f64| {
        run.iter()
            .map(|(i, r)| (*i as f64, y(pick(r))))
            .collect::<Vec<_>>()
    };
    for run in &runs {
        chart.draw_series(LineSeries::new(
            points(run, |r| r.train),
            TRAIN.stroke_width(w),
        ))?;
        chart.draw_series(DashedLineSeries::new(
            points(run, |r| r.cv.mean),
            dash,
            dash,
            TEST.stroke_width(w),
        ))?;
    }
    let r = px(3.5, scale) as i32;
    let all: Vec<(usize, SweepPoint)> = runs.concat();
    chart.draw_series(
        points(&all, |r| r.train)
            .into_iter()
            .map(|p| Circle::new(p, r, TRAIN.filled())),
    )?;
    chart.draw_series(
        points(&all, |r| r.cv.mean)
            .into_iter()
            .map(|p| TriangleMarker::new(p, r + 1, TEST.filled())),
    )?;
    // A ring around the lowest cross-validation error, around each value tied there: where the
    // curve, on the training points alone, would choose (helper 77 could not read a six-way tie
    // of k-NN's curve from the dots).
    let ring = MODEL.stroke_width(px(2.0, scale));
    let tied = (curve.lowest.iter()).map(|&i| (i as f64, y(curve.results[i].cv.mean)));
    chart.draw_series(tied.map(|p| Circle::new(p, r + 3, ring)))?;
    let top = hi - 0.05 * (hi - lo);
    let diverged = (curve.results.iter().enumerate()).filter(|(_, p)| p.diverged());
    let cross = MODEL.stroke_width(px(2.0, scale));
    chart.draw_series(diverged.map(|(i, _)| Cross::new((i as f64, top), r + 1, cross)))?;
    Ok(())
}

/// The positions with their points, in runs of consecutive points that did not diverge.
fn runs(results: &[SweepPoint]) -> Vec<Vec<(usize, SweepPoint)>> {
    let mut runs: Vec<Vec<(usize, SweepPoint)>> = Vec::new();
    let mut run = Vec::new();
    for (i, p) in results.iter().enumerate() {
        if p.diverged() {
            runs.extend((!run.is_empty()).then(|| std::mem::take(&mut run)));
        } else {
            run.push((i, *p));
        }
    }
    runs.extend((!run.is_empty()).then_some(run));
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tune::cv::{MeanSd, DIVERGED};

    fn curve(log_y: bool) -> Curve {
        Curve {
            labels: (1..=5).map(|d| d.to_string()).collect(),
            results: [(0.3, 0.35), (0.05, 0.06), (0.01, 0.2)]
                .map(|(train, mean)| SweepPoint {
                    train,
                    cv: MeanSd { mean, sd: 0.02 },
                })
                .to_vec(),
            lowest: vec![1],
            current: Some(1),
            ends: ("← underfitting", "overfitting →"),
            log_y,
        }
    }

    /// A click finds the value plotters draws there: at each value's tick, and 0.4 of the way to
    /// the next on either side (a pixel from the boundary is either), on charts of several widths
    /// and scales.
    #[test]
    fn a_click_reads_the_value_drawn_under_it() {
        use plotters::backend::SVGBackend;
        for (width, scale, count) in [(540, 1.0, 5), (1080, 2.0, 50), (333, 1.5, 15)] {
            let mut svg = String::new();
            let root = SVGBackend::with_string(&mut svg, (width, 300)).into_drawing_area();
            let frame = Frame {
                count,
                lo: 0.0,
                hi: 1.0,
                log_y: false,
            };
            let chart = chart(&root, &frame, scale).unwrap();
            let at = |v: f64| f64::from(chart.backend_coord(&(v, 0.5)).0);
            for i in 0..count {
                let v = i as f64;
                for x in [at(v), at(v - 0.4), at(v + 0.4)] {
                    assert_eq!(
                        value_at(f64::from(width), scale, count, x),
                        Some(i),
                        "{width} {x}"
                    );
                }
            }
            assert_eq!(
                value_at(f64::from(width), scale, count, at(-0.5) - 2.0),
                None
            );
            assert_eq!(
                value_at(f64::from(width), scale, count, at(count as f64 - 0.5) + 2.0),
                None
            );
        }
    }

    #[test]
    fn frames_round_outward() {
        assert_eq!(
            Frame::of(&curve(true)),
            Frame {
                count: 5,
                lo: 0.01,
                hi: 1.0,
                log_y: true
            }
        );
        assert_eq!(
            Frame::of(&curve(false)),
            Frame {
                count: 5,
                lo: 0.0,
                hi: 0.4,
                log_y: false
            }
        );
    }

    #[test]
    fn names_the_sides_and_draws_both_curves() {
        let c = curve(true);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (500, 260)).into_drawing_area();
            let frame = Frame::of(&c);
            draw_axes(&root, &frame, &c, "Polynomial degree", 1.0).unwrap();
            draw_curves(&root, &frame, &c, 1.0).unwrap();
        }
        assert!(
            svg.contains("underfitting")
                && svg.contains("overfitting")
                && svg.contains("Polynomial degree")
        );
        // Three training points, and a ring around the lowest cross-validation error.
        assert_eq!(svg.matches("<circle").count(), 4);
        // Three triangles and the band of the folds' spread.
        assert_eq!(svg.matches("<polygon").count(), 4);
    }

    #[test]
    fn a_diverged_value_breaks_the_curves_and_is_marked_not_drawn() {
        let mut c = curve(true);
        let diverged = SweepPoint {
            train: DIVERGED,
            cv: MeanSd::of(&[0.1, DIVERGED]),
        };
        c.results.insert(1, diverged);
        // The frame is that of the errors that exist.
        assert_eq!(Frame::of(&c), Frame::of(&curve(true)));
        assert_eq!(
            runs(&c.results).iter().map(Vec::len).collect::<Vec<_>>(),
            [1, 2]
        );
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (500, 260)).into_drawing_area();
            let frame = Frame::of(&c);
            draw_axes(&root, &frame, &c, "Polynomial degree", 1.0).unwrap();
            draw_curves(&root, &frame, &c, 1.0).unwrap();
        }
        // Three points of each curve, and one band: the single point before the gap has none.
        // Three training points, and a ring around the lowest cross-validation error.
        assert_eq!(svg.matches("<circle").count(), 4);
        assert_eq!(svg.matches("<polygon").count(), 4);
    }

    #[test]
    fn every_value_tied_at_the_lowest_is_ringed() {
        let mut c = curve(false);
        c.results[2].cv.mean = 0.06;
        c.lowest = vec![1, 2];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (500, 260)).into_drawing_area();
            draw_curves(&root, &Frame::of(&c), &c, 1.0).unwrap();
        }
        assert_eq!(svg.matches("<circle").count(), 3 + 2);
    }
}
