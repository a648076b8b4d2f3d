//! The trials on the Tuning lab's search-space picture: a dot per trial, numbered in the order
//! tried, and a ring round the best so far.
//!
//! Each number sits clear of its dot (the best's clear of its ring too): on the dot's right, or on
//! its left where it would cross the plot's right edge or cover a dot, a ✕ or a number already placed (two
//! trials side by side read "15 16", not "1516"), else above or below it; never past the plot's
//! edges: a dot on the right border reads "16", not a clipped "1". Numbers are drawn after the
//! ring, so no ring covers one.

use super::landscape::label_style;
use super::style::{font, px, MODEL, TEST};
use super::DrawResult;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A digit's width in ems, on the wide side (sans-serif digits are 0.55 em wide in Arial and
/// Helvetica, 0.64 in DejaVu Sans), so that a number that might touch the right edge goes left.
const DIGIT_EM: f64 = 0.65;

/// A number's anchor point and anchor, and the box it covers: x₀, y₀, x₁, y₁ in pixels.
type Label = ((i32, i32), Pos, [i32; 4]);

/// Where a number of `digits` digits, `font_px` pixels high, may go beside a dot at `dot` in a
/// plot of `size` pixels, `clear` pixels from the dot's centre, in order of preference: right of
/// the dot (the text starting there), left of it (ending there), above it, below it — each level
/// with the dot or centred on it, moved to stay inside the plot; right and left only where the
/// number fits between the dot and the plot's edge.
fn places(
    dot: (i32, i32),
    clear: i32,
    digits: usize,
    font_px: i32,
    size: (u32, u32),
) -> Vec<Label> {
    let (w, h) = (size.0 as i32, size.1 as i32);
    let width = (digits as f64 * DIGIT_EM * f64::from(font_px)).ceil() as i32;
    let half = (font_px + 1) / 2;
    let y = dot.1.min(h - half).max(half);
    let x = dot.0.min(w - (width + 1) / 2).max((width + 1) / 2);
    let level = |x0: i32| [x0, y - half, x0 + width, y + half];
    let centred = |y0: i32| [x - (width + 1) / 2, y0, x + (width + 1) / 2, y0 + font_px];
    let mut out = Vec::new();
    if dot.0 + clear + width <= w {
        let left = Pos::new(HPos::Left, VPos::Center);
        out.push(((dot.0 + clear, y), left, level(dot.0 + clear)));
    }
    if dot.0 - clear - width >= 0 {
        let right = Pos::new(HPos::Right, VPos::Center);
        out.push(((dot.0 - clear, y), right, level(dot.0 - clear - width)));
    }
    // Above or below: also clear of the rows a number level with a dot takes (a dot on the
    // top edge has its level numbers moved down into the plot).
    let above = (dot.1 - clear).min(y - half);
    if above - font_px >= 0 {
        let bottom = Pos::new(HPos::Center, VPos::Bottom);
        out.push(((x, above), bottom, centred(above - font_px)));
    }
    let below = (dot.1 + clear).max(y + half);
    if below + font_px <= h {
        let top = Pos::new(HPos::Center, VPos::Top);
        out.push(((x, below), top, centred(below)));
    }
    out
}

/// The first of `places` that covers none of `taken` (boxes, each with what covering it costs:
/// more for a dot or a number than for a ✕), or else the one that costs least.
fn choose(places: Vec<Label>, taken: &[([i32; 4], u32)]) -> Option<Label> {
    let overlaps =
        |a: &[i32; 4], b: &[i32; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    let cost = |p: &Label| -> u32 {
        (taken.iter())
            .filter(|(t, _)| overlaps(&p.2, t))
            .map(|(_, c)| c)
            .sum()
    };
    // The first of equals: the order of preference.
    places.into_iter().min_by_key(cost)
}

/// What a number covering a dot or another number costs, against a ✕'s 1.
const COVERS_A_MARK: u32 = 10;

/// Numbered dots for the trials at `(x, y)` chart positions, and a ring round the best; no
/// number covers one of the `crosses` (a diverged cell's ✕, the size of a dot) either.
pub(super) fn trial_marks<DB: DrawingBackend, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    at: &[(f64, f64)],
    best: Option<usize>,
    crosses: &[(f64, f64)],
    scale: f64,
) -> DrawResult<DB>
where
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    let r = px(4.0, scale) as i32;
    let ring = px(2.5, scale);
    chart.draw_series(at.iter().map(|p| Circle::new(*p, r, MODEL.filled())))?;
    let best = best.filter(|b| *b < at.len());
    if let Some(b) = best {
        let circle = Circle::new(at[b], 2 * r, TEST.stroke_width(ring));
        chart.draw_series(std::iter::once(circle))?;
    }
    // The numbers in the plot's own pixels, each drawn on its own: text in a composed element
    // makes plotters measure it through an inline-styled DOM element, which the page's
    // Content-Security-Policy forbids. An anchored text is aligned by the canvas itself.
    let plot = chart.plotting_area().strip_coord_spec();
    let (xs, ys) = plot.get_pixel_range();
    let (font_px, gap) = (font(12.0, scale) as i32, px(2.0, scale) as i32);
    let outside_ring = 2 * r + (ring as i32 + 1) / 2;
    // No number covers a dot, or a number placed before it.
    let dot = |p: &(f64, f64)| {
        let (x, y) = chart.backend_coord(p);
        let (x, y) = (x - xs.start, y - ys.start);
        [x - r, y - r, x + r, y + r]
    };
    let mut taken: Vec<([i32; 4], u32)> = (at.iter().map(|p| (dot(p), COVERS_A_MARK)))
        .chain(crosses.iter().map(|p| (dot(p), 1)))
        .collect();
    for (i, p) in at.iter().enumerate() {
        let (x, y) = chart.backend_coord(p);
        let clear = gap + if best == Some(i) { outside_ring } else { r };
        let text = (i + 1).to_string();
        let dot = (x - xs.start, y - ys.start);
        let places = places(dot, clear, text.len(), font_px, plot.dim_in_pixel());
        let Some((point, pos, area)) = choose(places, &taken) else {
            continue;
        };
        taken.push((area, COVERS_A_MARK));
        let style = label_style(scale).color(&MODEL).pos(pos);
        plot.draw(&Text::new(text, point, style))?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "trial_marks_tests.rs"]
mod tests;
