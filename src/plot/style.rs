//! Colours and sizes shared by the charts. Okabe–Ito colours stay distinct for colour-blind eyes;
//! train and test also differ by marker shape.

use plotters::style::RGBColor;

pub const TRAIN: RGBColor = RGBColor(0, 114, 178); // blue
pub const TEST: RGBColor = RGBColor(213, 94, 0); // vermillion
pub const MODEL: RGBColor = RGBColor(30, 30, 30);
pub const POSITIVE: RGBColor = RGBColor(0, 114, 178);
pub const NEGATIVE: RGBColor = RGBColor(230, 159, 0); // orange
pub const GRID: RGBColor = RGBColor(225, 225, 225);
/// The fit chart's x beyond the training points: a faint grey under the grid.
pub const BEYOND: RGBColor = RGBColor(240, 240, 240);
/// Minor grid lines: drawn in the background colour, so only the labelled lines show.
pub const MINOR: RGBColor = RGBColor(255, 255, 255);

/// A value's colour: blue above zero, orange below, towards white near zero, saturating at ±1;
/// `strength` is the share of colour at ±1 (1 for points, paler for the map behind them).
pub fn value_colour(v: f64, strength: f64) -> RGBColor {
    let s = v.clamp(-1.0, 1.0);
    let c = if s >= 0.0 { POSITIVE } else { NEGATIVE };
    let mix = |ch: u8| (255.0 + (ch as f64 - 255.0) * s.abs() * strength).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// A tick of a linear axis spanning `span`: as many decimals as ticks about a tenth of the span
/// apart need, and never "-0.0" (plotters' own labels print a tick a rounding error below zero
/// with its sign).
pub fn linear_tick(value: f64, span: f64) -> String {
    let decimals = if span > 0.0 && span.is_finite() {
        (1.0 - span.log10().floor()).clamp(0.0, 6.0) as usize
    } else {
        1
    };
    let text = format!("{value:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

/// A tick of a logarithmic axis spanning `decades` powers of ten: "1e-3" when the axis spans
/// several (its ticks are powers of ten), otherwise two significant figures ("130", "0.016"), so
/// ticks inside one decade never read the same ("1e2, 1e2, 2e2").
pub fn log_tick(value: f64, decades: f64) -> String {
    if decades > 2.0 || !value.is_finite() || value <= 0.0 {
        return format!("{value:.0e}");
    }
    let exponent = value.log10().floor();
    let unit = 10f64.powf(exponent - 1.0);
    let rounded = (value / unit).round() * unit;
    if (1e-3..1e4).contains(&rounded) {
        format!("{rounded:.*}", (1.0 - exponent).max(0.0) as usize)
    } else {
        format!("{rounded:.1e}")
    }
}

/// Font size in device pixels for `css` CSS pixels.
pub fn font(css: f64, scale: f64) -> u32 {
    (css * scale).round().max(1.0) as u32
}

/// A length in device pixels.
pub fn px(css: f64, scale: f64) -> u32 {
    (css * scale).round().max(1.0) as u32
}

/// How many labels fit along an axis of `device_px` pixels (about one per 70 CSS pixels).
pub fn label_count(device_px: u32, scale: f64) -> usize {
    ((device_px as f64 / scale / 70.0) as usize).clamp(3, 11)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ticks_inside_a_decade_are_distinct() {
        let ticks: Vec<String> = (0..=10)
            .map(|i| log_tick(10f64.powf(2.0 + i as f64 / 10.0), 1.0))
            .collect();
        assert_eq!(
            ticks,
            ["100", "130", "160", "200", "250", "320", "400", "500", "630", "790", "1000"]
        );
        assert_eq!(log_tick(0.0158, 1.0), "0.016");
        assert_eq!(log_tick(1e-3, 5.0), "1e-3");
    }

    #[test]
    fn linear_ticks_have_the_decimals_their_span_needs_and_no_negative_zero() {
        assert_eq!(linear_tick(-1e-17, 2.0), "0.0");
        assert_eq!(linear_tick(-0.04, 2.0), "0.0"); // rounds to zero: no sign either
        assert_eq!(linear_tick(-0.4, 2.0), "-0.4");
        assert_eq!(linear_tick(1.5, 3.0), "1.5");
        assert_eq!(linear_tick(0.25, 0.5), "0.25");
        assert_eq!(linear_tick(10.0, 20.0), "10");
        assert_eq!(linear_tick(1.0, f64::NAN), "1.0");
    }
}
