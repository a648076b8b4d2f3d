//! The trial numbers drawn into SVG stay inside the plot beside a dot on any edge, and the best
//! trial's number stays outside its ring.

use super::super::landscape::{draw, AxisView, View};
use super::*;

const WIDTH: u32 = 600;
const FONT_PX: f64 = 12.0;

/// A map of degree × λ with the trials at `trials` (unit coordinates), the best `best`.
fn svg_of(trials: &[(f64, f64)], best: usize) -> String {
    let axis = |label, min, max, log| AxisView {
        label,
        min,
        max,
        log,
        integer: false,
    };
    let ticks = vec![0.0, 0.5, 1.0];
    let cells = (0..9)
        .map(|i| (vec![ticks[i / 3], ticks[i % 3]], 0.01 * (i + 1) as f64))
        .collect();
    let view = View {
        axes: vec![
            axis("degree", 1.0, 15.0, false),
            axis("λ", 1e-6, 10.0, true),
        ],
        ticks: vec![ticks.clone(), ticks],
        cells,
        trials: trials.iter().map(|&(x, y)| (vec![x, y], 0.05)).collect(),
        best: Some(best),
        surrogate: Vec::new(),
        candidates: Vec::new(),
        next: None,
        error: "CV error",
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 360)).into_drawing_area();
        draw(&root, &view, 1.0).unwrap();
    }
    svg
}

/// The value of attribute `name` in an SVG tag.
fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let start = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    let len = tag[start..].find('"').unwrap();
    &tag[start..start + len]
}

fn number(tag: &str, name: &str) -> f64 {
    attr(tag, name).parse().unwrap()
}

/// The model colour of dots and trial numbers (the axes' labels are black).
fn model_colour() -> String {
    format!("#{:02X}{:02X}{:02X}", MODEL.0, MODEL.1, MODEL.2)
}

/// Each trial number's text and the box it covers (x₀, y₀, x₁, y₁), its width estimated from its
/// digits and its height the font's, placed as its anchor says.
fn numbers(svg: &str) -> Vec<(String, [f64; 4])> {
    let fill = format!("fill=\"{}\"", model_colour());
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (tag, rest) = t.split_once('>').unwrap();
            if !tag.contains(&fill) {
                return None;
            }
            let text = rest.split("</text>").next().unwrap().trim().to_string();
            let (x, y) = (number(tag, "x"), number(tag, "y"));
            let w = text.len() as f64 * DIGIT_EM * FONT_PX;
            let x0 = match attr(tag, "text-anchor") {
                "start" => x,
                "end" => x - w,
                _ => x - w / 2.0,
            };
            let y0 = match attr(tag, "dy") {
                "0.76em" => y, // the top
                "0.5ex" => y - FONT_PX / 2.0,
                _ => y - FONT_PX,
            };
            Some((text, [x0, y0, x0 + w, y0 + FONT_PX]))
        })
        .collect()
}

/// The centres of the circles drawn in `colour`, filled or (`stroke`) stroked, with their
/// radius and stroke width.
fn circles(svg: &str, colour: &str, stroke: bool) -> Vec<[f64; 4]> {
    let paint = format!("{}=\"{colour}\"", if stroke { "stroke" } else { "fill" });
    let tags = svg
        .split("<circle")
        .skip(1)
        .map(|t| t.split_once("/>").unwrap().0);
    tags.filter(|t| t.contains(&paint))
        .map(|t| {
            let get = |n| number(t, n);
            [get("cx"), get("cy"), get("r"), get("stroke-width")]
        })
        .collect()
}

#[test]
fn every_number_stays_inside_the_plot_beside_a_dot_on_any_edge() {
    // Twelve trials inside, then 13 … 16 down the right edge, and the four corners.
    let mut trials: Vec<(f64, f64)> = (0..12)
        .map(|i| (0.1 + 0.07 * i as f64, 0.2 + 0.05 * i as f64))
        .collect();
    trials.extend([
        (1.0, 0.0),
        (1.0, 0.35),
        (1.0, 0.7),
        (1.0, 1.0),
        (0.0, 0.0),
        (0.0, 1.0),
    ]);
    let svg = svg_of(&trials, 0);
    // The plot's pixels: from the dots in its corners to the pixel past them (a number's box
    // [x₀, x₁) × [y₀, y₁) ends where its last pixel does).
    let dots = circles(&svg, &model_colour(), false);
    assert_eq!(dots.len(), trials.len(), "{svg}");
    let extent = |k: usize| {
        let values = dots.iter().map(|d| d[k]);
        let (lo, last) = values.fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
        (lo, last + 1.0)
    };
    let ((left, right), (top, bottom)) = (extent(0), extent(1));
    assert!(
        right < f64::from(WIDTH) && right - left > 400.0,
        "{left} … {right}"
    );
    let numbers = numbers(&svg);
    let texts: Vec<&str> = numbers.iter().map(|(t, _)| t.as_str()).collect();
    let expected: Vec<String> = (1..=trials.len()).map(|n| n.to_string()).collect();
    assert_eq!(texts, expected);
    for (text, [x0, y0, x1, y1]) in &numbers {
        assert!(
            *x0 >= left && *x1 <= right && *y0 >= top && *y1 <= bottom,
            "trial {text} at {x0} … {x1} × {y0} … {y1}, outside {left} … {right} × {top} … {bottom}"
        );
    }
}

#[test]
fn the_best_trials_number_lies_outside_its_ring() {
    // The best inside the plot (its number on the right) and on the right edge (on the left).
    for (best, trials) in [
        (1, [(0.2, 0.3), (0.5, 0.5), (0.8, 0.1)]),
        (2, [(0.2, 0.3), (0.5, 0.5), (1.0, 0.6)]),
    ] {
        let svg = svg_of(&trials, best);
        let ring = format!("#{:02X}{:02X}{:02X}", TEST.0, TEST.1, TEST.2);
        let rings = circles(&svg, &ring, true);
        assert_eq!(rings.len(), 1, "{svg}");
        let [cx, cy, r, width] = rings[0];
        let (text, [x0, y0, x1, y1]) = numbers(&svg).swap_remove(best);
        assert_eq!(text, (best + 1).to_string());
        // The box's nearest point to the ring's centre is beyond the ring's outer edge.
        let (dx, dy) = (cx.clamp(x0, x1) - cx, cy.clamp(y0, y1) - cy);
        let distance = dx.hypot(dy);
        assert!(
            distance > r + width / 2.0,
            "trial {text}'s number {x0} … {x1} × {y0} … {y1} is {distance} from the ring's \
             centre ({cx}, {cy}), radius {r}"
        );
    }
}

/// Trials 15 and 16 side by side at the right edge: both numbers go left of their dots (no room
/// on the right), where 16's would cover dot 15 and touch 15's number ("1516"): it goes above or
/// below instead. No number covers another, or a dot.
#[test]
fn numbers_side_by_side_cover_no_number_and_no_dot() {
    let mut trials: Vec<(f64, f64)> = (0..14).map(|i| (0.05 * i as f64, 0.1)).collect();
    trials.extend([(0.97, 0.5), (1.0, 0.5)]);
    let svg = svg_of(&trials, 0);
    let numbers = numbers(&svg);
    assert_eq!(numbers.len(), 16);
    let apart =
        |p: &[f64; 4], q: &[f64; 4]| p[2] <= q[0] || q[2] <= p[0] || p[3] <= q[1] || q[3] <= p[1];
    for (i, (a, p)) in numbers.iter().enumerate() {
        for (b, q) in &numbers[i + 1..] {
            assert!(apart(p, q), "{a} at {p:?} covers {b} at {q:?}");
        }
        for [cx, cy, r, _] in circles(&svg, &model_colour(), false) {
            let dot = [cx - r, cy - r, cx + r, cy + r];
            assert!(
                apart(p, &dot),
                "{a} at {p:?} covers the dot at ({cx}, {cy})"
            );
        }
    }
}

/// The learning-rate search's last trials diverge: their dots sit on the top edge, the last on
/// the right edge, 30 pixels apart; 16's number cannot go right, left (15's is there) or above,
/// so it goes below, clear of 15's.
#[test]
fn numbers_on_the_top_edge_do_not_cover_each_other() {
    let xs: Vec<f64> = (0..16).map(|i| f64::from(i) / 15.0).collect();
    let trials: Vec<(Vec<f64>, f64)> = (xs.iter().enumerate())
        .map(|(i, &x)| (vec![x], if i >= 12 { f64::INFINITY } else { 0.05 }))
        .collect();
    let view = View {
        axes: vec![lr_axis()],
        ticks: vec![xs.clone()],
        cells: trials.clone(),
        trials,
        best: Some(6),
        ..View::default()
    };
    let svg = curve_svg(&view);
    let numbers = numbers(&svg);
    assert_eq!(numbers.len(), 16);
    let crosses = crosses(&svg);
    assert_eq!(crosses.len(), 2 * 4, "a ✕ for each of the 4 diverged cells");
    let apart =
        |p: &[f64; 4], q: &[f64; 4]| p[2] <= q[0] || q[2] <= p[0] || p[3] <= q[1] || q[3] <= p[1];
    for (i, (a, p)) in numbers.iter().enumerate() {
        for (b, q) in &numbers[i + 1..] {
            assert!(apart(p, q), "{a} at {p:?} covers {b} at {q:?}");
        }
        // 16, in the corner, has nowhere else: a ✕ rather than 15's number.
        if a != "16" {
            for c in &crosses {
                assert!(apart(p, c), "{a} at {p:?} covers a ✕ at {c:?}");
            }
        }
    }
}

/// Diverged cells close together, 14 pixels apart: a trial's number right of its dot on the
/// top edge would sit on the next cell's ✕; it goes left, over a cell that did not diverge.
#[test]
fn a_number_on_the_top_edge_keeps_off_the_next_cells_cross() {
    let xs: Vec<f64> = (0..31).map(|i| f64::from(i) / 30.0).collect();
    let error = |i: usize| if i >= 20 { f64::INFINITY } else { 0.05 };
    let cells: Vec<(Vec<f64>, f64)> = (xs.iter().enumerate())
        .map(|(i, &x)| (vec![x], error(i)))
        .collect();
    let view = View {
        axes: vec![lr_axis()],
        ticks: vec![xs.clone()],
        trials: vec![cells[5].clone(), cells[20].clone()],
        cells,
        best: Some(0),
        ..View::default()
    };
    let svg = curve_svg(&view);
    let crosses = crosses(&svg);
    assert_eq!(crosses.len(), 2 * 11);
    let numbers = numbers(&svg);
    assert_eq!(numbers.len(), 2);
    for (a, p) in &numbers {
        for c in &crosses {
            let apart = p[2] <= c[0] || c[2] <= p[0] || p[3] <= c[1] || c[3] <= p[1];
            assert!(apart, "{a} at {p:?} covers a ✕ at {c:?}");
        }
    }
}

/// The learning-rate curve `view` drawn into a 520 × 380 SVG.
fn curve_svg(view: &View) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (520, 380)).into_drawing_area();
        draw(&root, view, 1.0).unwrap();
    }
    svg
}

/// The diverged cells' ✕s in an SVG (two faint strokes each), as boxes x₀, y₀, x₁, y₁.
fn crosses(svg: &str) -> Vec<[f64; 4]> {
    (svg.split('<'))
        .filter(|t| t.starts_with("line") && t.contains("opacity=\"0.35\""))
        .map(|t| ["x1", "y1", "x2", "y2"].map(|n| number(t, n)))
        .map(|[x1, y1, x2, y2]| [x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2)])
        .collect()
}

/// The learning rate's axis, 10⁻⁴ … 30 on a log scale.
fn lr_axis() -> AxisView {
    AxisView {
        label: "Learning rate",
        min: 1e-4,
        max: 30.0,
        log: true,
        integer: false,
    }
}
