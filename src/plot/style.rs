//! Colours and sizes shared by the charts. Okabe–Ito colours stay distinct for colour-blind eyes;
//! train and test also differ by marker shape.

use plotters::style::RGBColor;

pub const TRAIN: RGBColor = RGBColor(0, 114, 178); // blue
pub const TEST: RGBColor = RGBColor(213, 94, 0); // vermillion
pub const MODEL: RGBColor = RGBColor(30, 30, 30);
pub const POSITIVE: RGBColor = RGBColor(0, 114, 178);
pub const NEGATIVE: RGBColor = RGBColor(230, 159, 0); // orange
pub const GRID: RGBColor = RGBColor(225, 225, 225);
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
