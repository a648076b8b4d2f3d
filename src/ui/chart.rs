//! A chart drawn on two stacked canvases: an axes layer (axes, labels, static points), redrawn
//! only when its frame or size changes, and a transparent series layer redrawn after every render.
//! Text is by far the slowest thing to draw in the browser (plotters measures each label through
//! the DOM), so a frame while training draws no text at all. Bitmaps are kept at CSS size ×
//! devicePixelRatio so charts stay sharp on projectors and phones.

use super::Shared;
use crate::plot::{coefficients, fit, loss};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Fit,
    Loss,
    Coefficients,
}

/// Everything the axes layer depends on; it is redrawn only when this changes.
#[derive(Clone, PartialEq)]
enum Axes {
    Fit(fit::Frame, *const crate::data::regression::Dataset),
    Loss(loss::Frame),
    Coefficients(coefficients::Frame),
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub kind: ChartKind,
    pub state: Shared,
    /// Text alternative for screen readers (the same numbers are on the page as text).
    pub label: AttrValue,
    pub id: AttrValue,
}

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let axes_canvas = use_node_ref();
    let series_canvas = use_node_ref();
    let drawn: Rc<RefCell<Option<(u32, u32, Axes)>>> = use_mut_ref(|| None);
    {
        let (axes_canvas, series_canvas) = (axes_canvas.clone(), series_canvas.clone());
        let (kind, state) = (props.kind, props.state.clone());
        use_effect(move || {
            if let (Some(a), Some(s)) = (
                axes_canvas.cast::<HtmlCanvasElement>(),
                series_canvas.cast::<HtmlCanvasElement>(),
            ) {
                draw(&a, &s, kind, &state, &mut drawn.borrow_mut());
            }
        });
    }
    html! {
        <div class="chart" id={format!("{}-box", props.id)}>
            <canvas ref={axes_canvas} id={format!("{}-axes", props.id)} aria-hidden="true" />
            <canvas ref={series_canvas} id={props.id.clone()} role="img" aria-label={props.label.clone()} />
        </div>
    }
}

fn draw(
    axes: &HtmlCanvasElement,
    series: &HtmlCanvasElement,
    kind: ChartKind,
    state: &Shared,
    drawn: &mut Option<(u32, u32, Axes)>,
) {
    let scale = crate::web::device_pixel_ratio();
    let (w, h) = (series.client_width(), series.client_height());
    if w <= 0 || h <= 0 {
        return; // Not laid out (hidden): nothing to draw into.
    }
    let started = crate::web::now_ms();
    let (bw, bh) = (
        ((w as f64) * scale).round() as u32,
        ((h as f64) * scale).round() as u32,
    );
    for canvas in [axes, series] {
        if canvas.width() != bw || canvas.height() != bh {
            canvas.set_width(bw);
            canvas.set_height(bh);
        }
    }
    let weights = &state.trainer.model().weights;
    let records = state.history.records();
    let wanted = match kind {
        ChartKind::Fit => Axes::Fit(
            fit::Frame::of(&state.data.train, &state.data.test),
            Rc::as_ptr(&state.data),
        ),
        ChartKind::Loss => Axes::Loss(loss::Frame::of(records)),
        ChartKind::Coefficients => Axes::Coefficients(coefficients::Frame::of(weights)),
    };
    // A drawing error only leaves this frame's chart incomplete; the next frame redraws it.
    if drawn.as_ref() != Some(&(bw, bh, wanted.clone())) {
        if let Some(root) =
            CanvasBackend::with_canvas_object(axes.clone()).map(|b| b.into_drawing_area())
        {
            let _ = match &wanted {
                Axes::Fit(frame, _) => {
                    fit::draw_axes(&root, frame, &state.data.train, &state.data.test, scale)
                }
                Axes::Loss(frame) => loss::draw_axes(&root, frame, scale),
                Axes::Coefficients(frame) => coefficients::draw_axes(&root, frame, scale),
            };
        }
        *drawn = Some((bw, bh, wanted.clone()));
    }
    clear(series);
    if let Some(root) =
        CanvasBackend::with_canvas_object(series.clone()).map(|b| b.into_drawing_area())
    {
        let _ = match &wanted {
            Axes::Fit(frame, _) => {
                let model = state.trainer.model();
                fit::draw_curve(&root, frame, &|x| model.predict(x), scale)
            }
            Axes::Loss(frame) => loss::draw_curves(&root, frame, records, scale),
            Axes::Coefficients(frame) => coefficients::draw_bars(&root, frame, weights, scale),
        };
    }
    // Read by the browser benchmark: when the chart was last drawn and how long drawing took.
    let now = crate::web::now_ms();
    let _ = series.set_attribute("data-drawn-at", &format!("{now:.3}"));
    let _ = series.set_attribute("data-draw-ms", &format!("{:.3}", now - started));
}

/// Makes the series layer transparent again (plotters skips fully transparent fills).
fn clear(canvas: &HtmlCanvasElement) {
    if let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    {
        ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    }
}
