//! Training and test loss (MSE) against epoch, both axes logarithmic: the loss falls fastest in the
//! first epochs and training may run a million, so each factor of ten gets the same room.
//! Step e (an epoch, or a tree level) is drawn at e + 1 so that step 0 has a place on the log axis.
//!
//! A log scale has no zero, and a training error of exactly 0 (a forest that fits every training
//! point) is common: when a value is 0 the range reaches one factor of ten below the smallest
//! positive value, zeros are drawn on that bottom edge, and its label reads "0", so a zero is
//! neither hidden nor mistaken for a small error.
//!
//! Two layers: [`draw_axes`] only when the frame (rounded to powers of ten) changes, and
//! [`draw_curves`] whenever the history grows; the curves layer draws no text.

use super::style::{font, px, GRID, MINOR, TEST, TRAIN};
use super::{ChartResult, DrawResult};
use crate::ml::history::Record;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The plotted ranges, each end a power of ten so they change rarely.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    epochs: f64,
    lo: f64,
    hi: f64,
    /// Some value is exactly 0: drawn on the bottom edge `lo`, labelled "0".
    zero: bool,
}

impl Frame {
    pub fn of(records: &[Record]) -> Self {
        let last = records.last().map_or(1, |r| r.epoch + 1) as f64;
        let values = records
            .iter()
            .flat_map(|r| [r.train, r.test])
            .filter(|v| v.is_finite() && *v > 0.0);
        let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
        let zero = records.iter().any(|r| r.train == 0.0 || r.test == 0.0);
        let (lo, hi) = if hi > 0.0 {
            (lo.max(hi * 1e-9), hi)
        } else {
            (0.1, 1.0)
        };
        let up = |v: f64| 10f64.powf(v.log10().ceil());
        let down = |v: f64| 10f64.powf(v.log10().floor());
        // (The largest power of ten a float holds caps the top: a loss of 1.4e308 is finite,
        // but the decade above it is not; helper 65.)
        let (lo, hi) = (down(lo), up(hi).min(1e308));
        let hi = if hi > lo { hi } else { lo * 10.0 };
        Frame {
            epochs: up(last.max(10.0)),
            // Zeros get a decade of their own below the smallest positive value.
            lo: if zero { lo / 10.0 } else { lo },
            hi,
            zero,
        }
    }
}

fn chart<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: f64,
) -> ChartResult<'a, DB, LogCoord<f64>, WithKeyPoints<LogCoord<f64>>> {
    let (bold, light) = frame.y_ticks();
    ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .margin_right(px(22.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(56.0, scale))
        .build_cartesian_2d(
            (1.0..frame.epochs).log_scale(),
            (frame.lo..frame.hi)
                .log_scale()
                .with_key_points(bold)
                .with_light_points(light),
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
        .y_label_formatter(&|v| y_label(frame, *v))
        .x_label_formatter(&|v| {
            if *v >= 1e4 {
                format!("{v:.0e}")
            } else {
                format!("{v:.0}")
            }
        })
        .x_labels(6)
        .label_style(("sans-serif", font(13.0, scale)))
        .axis_desc_style(("sans-serif", font(14.0, scale)))
        .draw()?;
    if frame.zero {
        // plotters does not always put a tick on the bottom edge: the "0" is drawn here.
        let (x, y) = chart.backend_coord(&(1.0, frame.lo));
        let style = ("sans-serif", font(13.0, scale))
            .into_text_style(root)
            .pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new("0", (x - px(6.0, scale) as i32, y), style))?;
    }
    Ok(())
}

impl Frame {
    /// Whether some value is 0, drawn on the bottom edge (the page says so under the chart).
    pub fn draws_zero(&self) -> bool {
        self.zero
    }

    /// The y axis's labelled gridlines and its faint ones. Labelled: every power of ten, and 2
    /// and 5 times each when the frame spans at most two decades, so that a chart within one
    /// decade (error rates of 0.2 to 0.6) still reads off; faint: the other whole multiples.
    fn y_ticks(&self) -> (Vec<f64>, Vec<f64>) {
        let decades = (self.hi / self.lo).log10().round() as i32;
        let first = self.lo.log10().round() as i32;
        let labelled: &[f64] = if decades <= 2 {
            &[1.0, 2.0, 5.0]
        } else {
            &[1.0]
        };
        let mut ticks = (Vec::new(), Vec::new());
        for e in first..=first + decades {
            for m in 1..10 {
                let v = f64::from(m) * 10f64.powi(e);
                if v > self.hi * (1.0 + 1e-9) {
                    break;
                }
                match labelled.contains(&f64::from(m)) {
                    true => ticks.0.push(v),
                    false => ticks.1.push(v),
                }
            }
        }
        ticks
    }
}

/// A y tick's label: `1e-2` on a frame of more than two decades or beyond 10⁻³ … 10⁴ (a loaded
/// model's weights of 10¹² made 25-digit labels; helper 46), the plain number (`0.2`, `1`)
/// on a narrower one, whose labels are 1, 2 and 5 times the powers of ten ([`Frame::y_ticks`]);
/// none on the bottom edge when zeros are drawn there ([`draw_axes`] labels it "0").
fn y_label(frame: &Frame, v: f64) -> String {
    if frame.zero && (v / frame.lo - 1.0).abs() < 1e-6 {
        String::new()
    } else if frame.hi / frame.lo > 100.5 || !(1e-3..1e4).contains(&v) {
        format!("{v:.0e}")
    } else {
        // One significant figure: 0.2, not 0.20000000000000001.
        let unit = 10f64.powf(v.log10().floor());
        format!("{}", (v / unit).round() * unit)
    }
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

    /// 50 epochs at a constant training and test loss.
    fn flat(train: f64, test: f64) -> Vec<Record> {
        (0..50).map(|epoch| Record { epoch, train, test }).collect()
    }

    /// The texts of an SVG's `<text>` elements.
    fn text_of(svg: &str) -> Vec<&str> {
        (svg.split("</text>"))
            .map(|t| t.rsplit('>').next().unwrap_or("").trim())
            .collect()
    }

    #[test]
    fn frame_is_rounded_to_powers_of_ten() {
        let r = |epoch, train, test| Record { epoch, train, test };
        let f = Frame::of(&[r(0, 0.5, 0.6), r(120, 0.003, 2.5)]);
        assert_eq!(
            f,
            Frame {
                epochs: 1000.0,
                lo: 1e-3,
                hi: 10.0,
                zero: false
            }
        );
        assert_eq!(
            Frame::of(&[]),
            Frame {
                epochs: 10.0,
                lo: 0.1,
                hi: 1.0,
                zero: false
            }
        );
    }

    /// A training error of 0 below errors of 0.05 and more: the bottom edge is 0.001, a decade
    /// below the smallest positive value's 0.01, and its tick is not labelled "1e-3".
    #[test]
    fn a_loss_near_the_largest_float_keeps_a_finite_frame() {
        let r = |epoch, train, test| Record { epoch, train, test };
        let f = Frame::of(&[r(0, 1.4e308, 3.0), r(9, 2.0e307, 2.0)]);
        assert_eq!((f.lo, f.hi), (1e299, 1e308));
        let (labelled, _) = f.y_ticks();
        assert_eq!(labelled.len(), 10);
        assert!(labelled.iter().all(|v| v.is_finite()));
        let records = [r(0, 1.4e308, 3.0), r(1, 1.0e300, 2.0)];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            draw_axes(&root, &f, "MSE", "epoch", 1.0).unwrap();
            draw_curves(&root, &f, &records, 1.0).unwrap();
        }
        assert!(svg.contains("1e308"), "the top labelled");
    }

    #[test]
    fn zeros_get_a_labelled_bottom_edge_of_their_own() {
        let r = |epoch, train, test| Record { epoch, train, test };
        let f = Frame::of(&[r(0, 0.3, 0.35), r(5, 0.05, 0.2), r(9, 0.0, 0.15)]);
        assert_eq!(
            f,
            Frame {
                epochs: 10.0,
                lo: 1e-3,
                hi: 1.0,
                zero: true
            }
        );
        assert_eq!(y_label(&f, 1e-3), "", "the bottom edge is labelled 0 apart");
        assert_eq!(y_label(&f, 1e-2), "1e-2");
        let positive = Frame::of(&[r(0, 0.3, 0.35), r(5, 0.05, 0.2)]);
        assert_eq!(
            y_label(&positive, 1e-2),
            "0.01",
            "two decades: plain numbers"
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
        let labels = text_of(&svg);
        assert!(
            labels.contains(&"0"),
            "the bottom edge is labelled 0: {labels:?}"
        );
    }

    /// Error rates of 0.23 and 0.6 fit in one decade, 0.1 to 1: its labels are 0.1, 0.2, 0.5
    /// and 1, not a lone "1e0" at the top.
    #[test]
    fn a_frame_within_one_decade_is_labelled_inside_it() {
        let records = flat(0.23, 0.6);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            draw_axes(&root, &Frame::of(&records), "Error rate", "epoch", 1.0).unwrap();
        }
        let labels = text_of(&svg);
        for want in ["0.1", "0.2", "0.5", "1"] {
            assert!(labels.contains(&want), "{want} in {labels:?}");
        }
    }

    /// Losses of 10²⁴ within one decade (a loaded model with weights of 10¹²) are labelled
    /// `2e24`, not with 25 digits.
    #[test]
    fn huge_losses_are_labelled_in_powers_of_ten() {
        let records = flat(2.3e24, 6e24);
        let frame = Frame::of(&records);
        for v in frame.y_ticks().0 {
            let label = y_label(&frame, v);
            assert!(label.len() <= 6, "{label}");
        }
    }
}
