//! A canvas that draws one of the charts of `crate::plot` after every render. The bitmap is kept
//! at CSS size × devicePixelRatio so charts stay sharp on projectors and phones.

use super::Shared;
use crate::plot;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Fit,
    Loss,
    Coefficients,
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
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let (kind, state) = (props.kind, props.state.clone());
        use_effect(move || {
            if let Some(canvas) = canvas.cast::<HtmlCanvasElement>() {
                draw(&canvas, kind, &state);
            }
        });
    }
    html! { <canvas ref={canvas} id={props.id.clone()} class="chart" role="img" aria-label={props.label.clone()} /> }
}

fn draw(canvas: &HtmlCanvasElement, kind: ChartKind, state: &Shared) {
    let scale = crate::web::device_pixel_ratio();
    let (w, h) = (canvas.client_width(), canvas.client_height());
    if w <= 0 || h <= 0 {
        return; // Not laid out (hidden): nothing to draw into.
    }
    let (bw, bh) = (
        ((w as f64) * scale).round() as u32,
        ((h as f64) * scale).round() as u32,
    );
    if canvas.width() != bw || canvas.height() != bh {
        canvas.set_width(bw);
        canvas.set_height(bh);
    }
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let root = backend.into_drawing_area();
    let trainer = &state.trainer;
    // A drawing error only leaves this frame's chart incomplete; the next frame redraws it.
    let _ = match kind {
        ChartKind::Fit => {
            let model = trainer.model();
            let predict = |x| model.predict(x);
            let view = plot::fit::FitView {
                train: &state.data.train,
                test: &state.data.test,
                predict: &predict,
            };
            plot::fit::draw(&root, &view, scale)
        }
        ChartKind::Loss => plot::loss::draw(&root, state.history.records(), scale),
        ChartKind::Coefficients => plot::coefficients::draw(&root, &trainer.model().weights, scale),
    };
    // Read by the browser benchmark to time input-to-repaint.
    let _ = canvas.set_attribute("data-drawn-at", &format!("{:.3}", crate::web::now_ms()));
}
