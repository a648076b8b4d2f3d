//! The data with the fitted curve: train points as filled circles, test points as hollow
//! triangles, the model as a line. The y range follows the data, not the curve, so a wildly
//! overfitting curve leaves the frame (visibly cut, with an arrow on the edge where it leaves)
//! instead of squashing the points flat. The stretches of x beyond the training points are
//! shaded: there the model had no points to follow (the verdict's "beyond the training data").
//!
//! Drawn in two layers: [`draw_axes`] (axes, labels, points) changes only with the data,
//! [`draw_curve`] changes every epoch and draws no text, so a frame while training is cheap.

use super::style::{font, label_count, linear_tick, px, BEYOND, GRID, MODEL, TEST, TRAIN};
use super::{ChartResult, DrawResult};
use crate::data::regression::{span, Point};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Samples along x for the curve.
const SAMPLES: usize = 300;

/// The plotted ranges: fixed by the data alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    y0: f64,
    y1: f64,
}

impl Frame {
    pub fn of(train: &[Point], test: &[Point]) -> Self {
        let ys = train.iter().chain(test).map(|p| p.y);
        let (lo, hi) = (span(ys).filter(|(lo, _)| lo.is_finite())).unwrap_or((-1.0, 1.0));
        let pad = ((hi - lo) * 0.25).max(0.25);
        Frame {
            y0: lo - pad,
            y1: hi + pad,
        }
    }
}

fn chart<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: f64,
) -> ChartResult<'a, DB, RangedCoordf64, RangedCoordf64> {
    ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .margin_right(px(16.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(52.0, scale))
        .build_cartesian_2d(-1.0..1.0, frame.y0..frame.y1)
}

/// Axes, labels, the points, and the x beyond the training points shaded (the page shows the
/// legend as text below the chart).
pub fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    train: &[Point],
    test: &[Point],
    scale: f64,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let mut chart = chart(root, frame, scale)?;
    // (The range the verdict's "beyond the training data" reads, `Beyond::of`.)
    if let Some((lo, hi)) = span(train.iter().map(|p| p.x)) {
        let beyond = [(-1.0, lo), (hi, 1.0)].into_iter().filter(|(a, b)| a < b);
        chart.draw_series(
            beyond.map(|(a, b)| Rectangle::new([(a, frame.y0), (b, frame.y1)], BEYOND.filled())),
        )?;
    }
    chart
        .configure_mesh()
        // (No minor lines: drawn in white, they would stripe the shading.)
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(label_count(root.dim_in_pixel().0, scale))
        .y_label_formatter(&|v| linear_tick(*v, frame.y1 - frame.y0))
        .x_desc("x")
        .y_desc("y")
        .label_style(("sans-serif", font(13.0, scale)))
        .axis_desc_style(("sans-serif", font(14.0, scale)))
        .draw()?;
    let r = px(4.0, scale) as i32;
    chart.draw_series(
        train
            .iter()
            .map(|p| Circle::new((p.x, p.y), r, TRAIN.filled())),
    )?;
    let t = px(5.5, scale) as i32;
    let test_style = ShapeStyle::from(&TEST).stroke_width(px(2.0, scale));
    chart.draw_series(
        test.iter()
            .map(|p| TriangleMarker::new((p.x, p.y), t, test_style)),
    )?;
    Ok(())
}

/// Where a sample of the curve lies against the frame.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Inside,
    /// Above the frame (+∞ too).
    Above,
    /// Below it (−∞ too).
    Below,
    /// Not a number: nothing to draw, and no edge it left by.
    Nowhere,
}

/// The model's curve, split wherever it leaves the frame and ended exactly on the edge, on a
/// transparent layer; where it crosses the top or bottom edge, an arrowhead on that edge points
/// the way it went. A curve that never comes into the frame nor crosses it gets one arrowhead,
/// at x = 0.
pub fn draw_curve<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    predict: &dyn Fn(f64) -> f64,
    scale: f64,
) -> DrawResult<DB> {
    let mut chart = chart(root, frame, scale)?;
    let stroke = ShapeStyle::from(&MODEL).stroke_width(px(2.5, scale));
    let place = |y: f64| match y {
        y if y.is_nan() => Place::Nowhere,
        y if y > frame.y1 => Place::Above,
        y if y < frame.y0 => Place::Below,
        _ => Place::Inside,
    };
    let edge = |way: Place| {
        if way == Place::Above {
            frame.y1
        } else {
            frame.y0
        }
    };
    // Where the straight line between two samples meets the height `at`; at the finite sample
    // when the other is infinite (from +∞ the share is ∞/∞, not a number: the second sample).
    let crossing = |(x0, y0): (f64, f64), (x1, y1): (f64, f64), at: f64| {
        let t = (at - y0) / (y1 - y0);
        let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
        (x0 + t * (x1 - x0), at)
    };
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut arrows: Vec<(f64, Place)> = Vec::new();
    let (mut before, mut previous, mut inside) = (Place::Nowhere, (0.0, 0.0), false);
    for i in 0..=SAMPLES {
        let x = -1.0 + 2.0 * i as f64 / SAMPLES as f64;
        let y = predict(x);
        let now = place(y);
        match (before, now) {
            (Place::Inside, Place::Above | Place::Below) => {
                let end = crossing(previous, (x, y), edge(now));
                run.push(end);
                arrows.push((end.0, now));
            }
            (Place::Above | Place::Below, Place::Inside) => {
                let start = crossing(previous, (x, y), edge(before));
                run.push(start);
                arrows.push((start.0, before));
            }
            (Place::Above, Place::Below) | (Place::Below, Place::Above) => {
                for way in [before, now] {
                    arrows.push((crossing(previous, (x, y), edge(way)).0, way));
                }
            }
            _ => {}
        }
        if now == Place::Inside {
            inside = true;
            run.push((x, y));
        } else if !run.is_empty() {
            chart.draw_series(LineSeries::new(run.drain(..), stroke))?;
        }
        (before, previous) = (now, (x, y));
    }
    if !run.is_empty() {
        chart.draw_series(LineSeries::new(run, stroke))?;
    }
    let middle = place(predict(0.0));
    if !inside && arrows.is_empty() && matches!(middle, Place::Above | Place::Below) {
        arrows.push((0.0, middle));
    }
    // (Offsets in pixels from the tip on the edge: y grows downwards.)
    let r = px(6.0, scale) as i32;
    chart.draw_series(arrows.into_iter().map(|(x, way)| {
        let back = if way == Place::Above { r } else { -r };
        EmptyElement::at((x, edge(way)))
            + Polygon::new(vec![(0, 0), (-r, back), (r, back)], MODEL.filled())
    }))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(train: &[Point], test: &[Point], predict: &dyn Fn(f64) -> f64) -> String {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            let frame = Frame::of(train, test);
            draw_axes(&root, &frame, train, test, 1.0).unwrap();
            draw_curve(&root, &frame, predict, 1.0).unwrap();
        }
        svg
    }

    #[test]
    fn draws_points_and_a_curve_to_svg() {
        let train = [Point { x: -0.5, y: 0.1 }, Point { x: 0.5, y: 0.9 }];
        let test = [Point { x: 0.0, y: 0.4 }];
        let svg = render(&train, &test, &|x| 0.5 + 0.3 * x);
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}"); // the two train points
        assert_eq!(svg.matches("<polygon").count(), 1, "{svg}"); // the test point's triangle
        assert_eq!(model_polylines(&svg).len(), 1);
        assert!(arrows(&svg).is_empty(), "{svg}"); // the line stays inside
    }

    /// The vertices (backend pixels) of each `element` (polyline, polygon) drawn in the model's
    /// colour (the grid and the points use others).
    fn model_shapes(svg: &str, element: &str) -> Vec<Vec<(i32, i32)>> {
        svg.lines()
            .filter(|l| l.contains(&format!("<{element}")) && l.contains("#1E1E1E"))
            .map(|l| {
                let points = l.split("points=\"").nth(1).expect("a points attribute");
                let points = &points[..points.find('"').expect("a closing quote")];
                points
                    .split_whitespace()
                    .map(|xy| {
                        let (x, y) = xy.split_once(',').expect("x,y");
                        (x.parse().unwrap(), y.parse().unwrap())
                    })
                    .collect()
            })
            .collect()
    }

    fn model_polylines(svg: &str) -> Vec<Vec<(i32, i32)>> {
        model_shapes(svg, "polyline")
    }

    /// The arrowheads on the frame's edges: each one's tip (backend pixels) and whether it
    /// points up.
    fn arrows(svg: &str) -> Vec<((i32, i32), bool)> {
        (model_shapes(svg, "polygon").into_iter())
            .map(|xy| {
                assert_eq!(xy.len(), 3, "{xy:?}");
                (xy[0], xy[1].1 > xy[0].1)
            })
            .collect()
    }

    /// The x beyond the training points is shaded, from the frame's edge to the outermost
    /// training point on each side; none where the points reach the edge.
    #[test]
    fn shades_the_x_beyond_the_training_points() {
        let rects = |train: &[Point]| -> Vec<(i32, i32)> {
            let svg = render(train, &[], &|_| 0.0);
            svg.lines()
                .filter(|l| l.contains("<rect") && l.contains("#F0F0F0"))
                .map(|l| {
                    let attr = |name: &str| -> i32 {
                        let v = l.split(&format!(" {name}=\"")).nth(1).expect(name);
                        v[..v.find('"').unwrap()].parse().unwrap()
                    };
                    (attr("x"), attr("x") + attr("width"))
                })
                .collect()
        };
        let inner = [Point { x: -0.5, y: 0.0 }, Point { x: 0.5, y: 1.0 }];
        let shaded = rects(&inner);
        assert_eq!(shaded.len(), 2, "{shaded:?}");
        // Each band is a quarter of the x axis (−1 to −0.5, 0.5 to 1), the left one left of the
        // right one.
        let (left, right) = (shaded[0], shaded[1]);
        assert!(left.1 < right.0, "{shaded:?}");
        let (w0, w1) = (left.1 - left.0, right.1 - right.0);
        assert!((w0 - w1).abs() <= 2 && w0 > 50, "{shaded:?}");
        let edge = [Point { x: -1.0, y: 0.0 }, Point { x: 1.0, y: 1.0 }];
        assert!(rects(&edge).is_empty());
        let one_side = [Point { x: -1.0, y: 0.0 }, Point { x: 0.5, y: 1.0 }];
        assert_eq!(rects(&one_side).len(), 1);
    }

    #[test]
    fn a_curve_that_leaves_the_frame_is_cut_not_drawn_through() {
        // The data span y ∈ [−1, 1], so the frame is [−1.5, 1.5]. The curve 10 (x² − ½) is above
        // the frame at both ends and below it in the middle: it is inside only on two stretches
        // (|x| between about 0.59 and 0.81), and must be drawn as those two pieces — nothing
        // above or below the plotting area, and no line across the gap between them.
        let train = [Point { x: -1.0, y: -1.0 }, Point { x: 1.0, y: 1.0 }];
        let predict = |x: f64| 10.0 * (x * x - 0.5);
        let mut svg = String::new();
        let area = {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            let frame = Frame::of(&train, &[]);
            assert_eq!(frame, Frame { y0: -1.5, y1: 1.5 });
            draw_curve(&root, &frame, &predict, 1.0).unwrap();
            let chart = chart(&root, &frame, 1.0).unwrap();
            chart.plotting_area().get_pixel_range()
        };
        let pieces = model_polylines(&svg);
        assert_eq!(pieces.len(), 2, "{svg}");
        // Plotters pins a point outside the plotting area onto its border, so a piece that went
        // on outside the frame would show as vertices on the edge: each piece ends on the edge,
        // where it crosses it, and every vertex between lies strictly inside.
        let (xs, ys) = area;
        let (top, bottom) = (ys.start, ys.end - 1);
        for piece in &pieces {
            assert!(piece.len() > 10, "{piece:?}");
            for end in [piece[0], piece[piece.len() - 1]] {
                assert!(end.1 == top || end.1 == bottom, "{end:?} not on an edge");
            }
            for &(x, y) in &piece[1..piece.len() - 1] {
                assert!(
                    xs.start < x && x < xs.end && ys.start < y && y < ys.end,
                    "({x}, {y}) not inside {xs:?} × {ys:?}"
                );
            }
        }
        // Left piece entirely left of the middle, right piece entirely right of it.
        let middle = (xs.start + xs.end) / 2;
        assert!(pieces[0].iter().all(|&(x, _)| x < middle));
        assert!(pieces[1].iter().all(|&(x, _)| x > middle));
        // Four crossings, an arrowhead on the edge at each: the outer two point up (the curve
        // leaves by the top), the inner two down (it dips below the bottom).
        // Each tip is where a piece ends, on the same edge.
        let marks = arrows(&svg);
        assert_eq!(marks.len(), 4, "{marks:?}");
        let ends: Vec<(i32, i32)> = (pieces.iter())
            .flat_map(|p| [p[0], p[p.len() - 1]])
            .collect();
        for (i, &(tip, up)) in marks.iter().enumerate() {
            let outer = i == 0 || i == 3;
            assert_eq!(up, outer, "{marks:?}");
            assert_eq!(tip.1, if up { top } else { bottom }, "{marks:?} {ys:?}");
            assert_eq!(tip, ends[i], "{marks:?} {ends:?}");
        }
    }

    /// A jump from above the frame to below it between two samples is two crossings; a curve
    /// that never comes into the frame still shows the way it went; infinities count as above
    /// or below, not as nothing.
    #[test]
    fn a_curve_off_the_frame_still_shows_where_it_went() {
        let train = [Point { x: -1.0, y: -1.0 }, Point { x: 1.0, y: 1.0 }];
        let ways = |predict: &dyn Fn(f64) -> f64| -> Vec<bool> {
            let svg = render(&train, &[], predict);
            assert!(model_polylines(&svg).is_empty(), "{svg}");
            arrows(&svg).into_iter().map(|(_, up)| up).collect()
        };
        assert_eq!(ways(&|x| if x < 0.0 { 9.0 } else { -9.0 }), [true, false]);
        assert_eq!(ways(&|_| 100.0), [true]);
        assert_eq!(ways(&|_| f64::NEG_INFINITY), [false]);
        assert!(ways(&|_| f64::NAN).is_empty());
    }

    /// A curve that comes down from +∞ into the frame starts on the top edge at the first
    /// sample inside, with its arrowhead there (not at a position that is not a number).
    #[test]
    fn a_curve_from_infinity_starts_on_the_edge() {
        let train = [Point { x: -1.0, y: -1.0 }, Point { x: 1.0, y: 1.0 }];
        let svg = render(&train, &[], &|x| if x < 0.0 { f64::INFINITY } else { 0.0 });
        let pieces = model_polylines(&svg);
        let marks = arrows(&svg);
        assert_eq!((pieces.len(), marks.len()), (1, 1), "{svg}");
        let (tip, up) = marks[0];
        assert!(up);
        assert_eq!(tip, pieces[0][0]);
        // At x = 0, the middle of the plotting area (a position that is not a number would be
        // drawn at the canvas's edge).
        let mut unused = String::new();
        let root = SVGBackend::with_string(&mut unused, (400, 300)).into_drawing_area();
        let frame = Frame::of(&train, &[]);
        let (xs, _) = chart(&root, &frame, 1.0)
            .unwrap()
            .plotting_area()
            .get_pixel_range();
        assert!(
            (tip.0 - (xs.start + xs.end) / 2).abs() <= 2,
            "{tip:?} {xs:?}"
        );
    }

    #[test]
    fn frame_follows_the_data_with_a_margin() {
        let f = Frame::of(&[Point { x: 0.0, y: -1.0 }], &[Point { x: 0.5, y: 1.0 }]);
        assert_eq!(f, Frame { y0: -1.5, y1: 1.5 }); // span 2, a quarter of it each side
    }
}
