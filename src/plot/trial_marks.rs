//! The trials on the Tuning lab's search-space picture: a dot per trial, numbered in the order
//! tried, and a ring round the best so far.
//!
//! Each number sits level with its dot and clear of it (the best's clear of its ring too), on the
//! dot's right, or on its left where it would cross the plot's right edge, and never past the
//! plot's top or bottom edge: a dot on the right border reads "16", not a clipped "1". Numbers are
//! drawn after the ring, so no ring covers one.

use super::landscape::label_style;
use super::style::{font, px, MODEL, TEST};
use super::DrawResult;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A digit's width in ems, on the wide side (sans-serif digits are 0.55 em wide in Arial and
/// Helvetica, 0.64 in DejaVu Sans), so that a number that might touch the right edge goes left.
const DIGIT_EM: f64 = 0.65;

/// A number's anchor point and anchor.
type Label = ((i32, i32), Pos);

/// Where a number of `digits` digits, `font_px` pixels high, goes beside a dot at `dot` in a plot
/// of `size` pixels, `clear` pixels from the dot's centre: its anchor point and how it is
/// anchored there. Right of the dot (the text starting there) if it fits, otherwise left of it
/// (the text ending there); level with the dot, but moved down or up to stay inside the plot.
fn beside(dot: (i32, i32), clear: i32, digits: usize, font_px: i32, size: (u32, u32)) -> Label {
    let width = (digits as f64 * DIGIT_EM * f64::from(font_px)).ceil() as i32;
    let half = (font_px + 1) / 2;
    let y = dot.1.min(size.1 as i32 - half).max(half);
    if dot.0 + clear + width <= size.0 as i32 {
        ((dot.0 + clear, y), Pos::new(HPos::Left, VPos::Center))
    } else {
        ((dot.0 - clear, y), Pos::new(HPos::Right, VPos::Center))
    }
}

/// Numbered dots for the trials at `(x, y)` chart positions, and a ring round the best.
pub(super) fn trial_marks<DB: DrawingBackend, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    at: &[(f64, f64)],
    best: Option<usize>,
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
    for (i, p) in at.iter().enumerate() {
        let (x, y) = chart.backend_coord(p);
        let clear = gap + if best == Some(i) { outside_ring } else { r };
        let text = (i + 1).to_string();
        let dot = (x - xs.start, y - ys.start);
        let (point, pos) = beside(dot, clear, text.len(), font_px, plot.dim_in_pixel());
        let style = label_style(scale).color(&MODEL).pos(pos);
        plot.draw(&Text::new(text, point, style))?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "trial_marks_tests.rs"]
mod tests;
