//! Charts as plain functions, generic over plotters' `DrawingBackend`: the app draws them on a
//! canvas, the tests draw them into SVG. `scale` is the device-pixel ratio: fonts and strokes grow
//! with it so charts stay sharp and readable on projectors and phones.

pub mod best_so_far;
pub mod coefficients;
mod error_axis;
pub mod fit;
pub mod landscape;
pub mod loss;
pub mod neuron;
pub mod region;
pub mod style;
mod trial_marks;
pub mod validation;

use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::{Cartesian2d, ChartContext, DrawingBackend};

/// What drawing functions return.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A chart's coordinate system over x range type `X` and y range type `Y`, or why it failed.
pub type ChartResult<'a, DB, X, Y> = Result<
    ChartContext<'a, DB, Cartesian2d<X, Y>>,
    DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>,
>;
