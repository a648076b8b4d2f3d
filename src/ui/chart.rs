//! A chart drawn on two stacked canvases: an axes layer (axes, labels, static points), redrawn
//! only when its frame or size changes, and a transparent series layer redrawn whenever the input
//! changes. Text is the slowest thing to draw on a canvas, so a frame while training draws no text
//! at all. Bitmaps are kept at CSS size × devicePixelRatio so charts stay sharp on projectors and
//! phones. A chart below the fold is first drawn when the reader gets near it.

use super::canvas::{clear, fit_bitmap, stamp};
use crate::data::regression::Dataset;
use crate::ml::history::Record;
use crate::ml::polynomial::Polynomial;
use crate::plot::{coefficients, fit, loss, validation};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Said under the loss charts of a model that has steps but no recorded history: a loaded model
/// (helper 46 saw empty grids beside "Epoch 95" and no word why).
pub const NO_HISTORY: &str = "A loaded model brings its parameters, not its history: these \
                              curves start with the next step it trains.";

/// Whether a model of `steps` steps has no history before its current step: loaded, not trained
/// here (its one record is the step it was loaded at).
pub fn no_history(records: &[Record], steps: u64) -> bool {
    steps > 0 && records.first().is_none_or(|r| r.epoch == steps)
}

/// What to draw. Yew skips a chart whose input did not change.
#[derive(Clone, PartialEq)]
pub enum ChartInput {
    /// Regression data with the fitted polynomial.
    Fit(Rc<Dataset>, Polynomial),
    /// A loss history, the loss's name (y axis) and the step's name (x axis). Shared, so a
    /// page can keep a snapshot and hand it on without copying it every render.
    Loss(Rc<[Record]>, &'static str, &'static str),
    /// Weights as bars, on an axis fixed by the targets' root mean square.
    Coefficients(Vec<f64>, f64),
    /// A validation curve and the hyperparameter's name.
    Validation(validation::Curve, &'static str),
}

/// Everything the axes layer depends on; it is redrawn only when this changes.
#[derive(Clone, PartialEq)]
enum Axes {
    Fit(fit::Frame, *const Dataset),
    Loss(loss::Frame, &'static str, &'static str),
    Coefficients(coefficients::Frame),
    Validation(validation::Frame, &'static str, usize),
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub input: ChartInput,
    /// Text alternative for screen readers (the same numbers are on the page as text).
    pub label: AttrValue,
    pub id: AttrValue,
}

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let axes_canvas = use_node_ref();
    let series_canvas = use_node_ref();
    let drawn: Rc<RefCell<Option<(u32, u32, Axes)>>> = use_mut_ref(|| None);
    let layout = super::canvas::use_layout();
    let near = super::canvas::use_near_view(axes_canvas.clone());
    {
        let (axes_canvas, series_canvas) = (axes_canvas.clone(), series_canvas.clone());
        use_effect_with(
            (props.input.clone(), layout, near),
            move |(input, _, near)| {
                if !near {
                    return;
                }
                if let (Some(a), Some(s)) = (
                    axes_canvas.cast::<HtmlCanvasElement>(),
                    series_canvas.cast::<HtmlCanvasElement>(),
                ) {
                    draw(&a, &s, input, &mut drawn.borrow_mut());
                }
            },
        );
    }
    html! {
        <div class="chart" id={format!("{}-box", props.id)}>
            <canvas ref={axes_canvas.clone()} id={format!("{}-axes", props.id)} aria-hidden="true" />
            <canvas ref={series_canvas.clone()} id={props.id.clone()} role="img" aria-label={props.label.clone()} />
            { super::canvas::png_button(png_name(&props.id), vec![axes_canvas, series_canvas]) }
        </div>
    }
}

fn draw(
    axes: &HtmlCanvasElement,
    series: &HtmlCanvasElement,
    input: &ChartInput,
    drawn: &mut Option<(u32, u32, Axes)>,
) {
    let started = crate::web::now_ms();
    let Some((bw, bh, scale)) = fit_bitmap(&[axes, series]) else {
        return;
    };
    let wanted = match input {
        ChartInput::Fit(data, _) => {
            Axes::Fit(fit::Frame::of(&data.train, &data.test), Rc::as_ptr(data))
        }
        ChartInput::Loss(records, measure, step) => {
            Axes::Loss(loss::Frame::of(records), measure, step)
        }
        ChartInput::Coefficients(weights, rms) => {
            Axes::Coefficients(coefficients::Frame::of(weights.len(), *rms))
        }
        ChartInput::Validation(curve, name) => {
            Axes::Validation(validation::Frame::of(curve), name, curve.labels.len())
        }
    };
    // A drawing error only leaves this chart incomplete; the next change redraws it.
    if drawn.as_ref() != Some(&(bw, bh, wanted.clone())) {
        if let Some(root) =
            CanvasBackend::with_canvas_object(axes.clone()).map(|b| b.into_drawing_area())
        {
            let _ = match (&wanted, input) {
                (Axes::Fit(frame, _), ChartInput::Fit(data, _)) => {
                    fit::draw_axes(&root, frame, &data.train, &data.test, scale)
                }
                (Axes::Loss(frame, measure, step), _) => {
                    loss::draw_axes(&root, frame, measure, step, scale)
                }
                (Axes::Coefficients(frame), _) => coefficients::draw_axes(&root, frame, scale),
                (Axes::Validation(frame, name, _), ChartInput::Validation(curve, _)) => {
                    validation::draw_axes(&root, frame, curve, name, scale)
                }
                _ => Ok(()),
            };
        }
        *drawn = Some((bw, bh, wanted.clone()));
    }
    clear(series);
    if let Some(root) =
        CanvasBackend::with_canvas_object(series.clone()).map(|b| b.into_drawing_area())
    {
        let _ = match (&wanted, input) {
            (Axes::Fit(frame, _), ChartInput::Fit(_, model)) => {
                fit::draw_curve(&root, frame, &|x| model.predict(x), scale)
            }
            (Axes::Loss(frame, ..), ChartInput::Loss(records, ..)) => {
                loss::draw_curves(&root, frame, records, scale)
            }
            (Axes::Coefficients(frame), ChartInput::Coefficients(weights, _)) => {
                coefficients::draw_bars(&root, frame, weights, scale)
            }
            (Axes::Validation(frame, ..), ChartInput::Validation(curve, _)) => {
                validation::draw_curves(&root, frame, curve, scale)
            }
            _ => Ok(()),
        };
    }
    stamp(series, started);
}

/// The file name of a chart's picture, from its id.
fn png_name(id: &str) -> &'static str {
    match id {
        "fit-chart" => "fitted-curve",
        "loss-chart" => "loss-curve",
        "error-chart" => "error-rate",
        "validation-chart" => "validation-curve",
        "coef-chart" => "coefficients",
        _ => "chart",
    }
}
