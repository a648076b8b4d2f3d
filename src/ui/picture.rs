//! A plotters picture on one canvas, redrawn whenever its input changes: the Tuning lab's
//! search-space picture and its best-so-far chart. Unlike [`super::chart::Chart`] there is no
//! separate axes layer: the input changes once per trial or landscape row, not every frame.

use super::canvas::{fit_bitmap, stamp};
use crate::plot::best_so_far::{draw_best_so_far, Compared};
use crate::plot::landscape::{draw, View};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// What to draw.
#[derive(Clone, PartialEq)]
pub enum PictureInput {
    /// The landscape, the trials and the surrogate.
    Landscape(View),
    /// The best error after each trial, the strategies compared, out of the budget, and what
    /// the errors are ("CV error" or "test error").
    BestSoFar(Vec<f64>, Vec<Compared>, usize, &'static str),
}

#[derive(Properties, PartialEq)]
pub struct PictureProps {
    pub input: PictureInput,
    /// Text alternative (the same numbers are on the page as text).
    pub label: AttrValue,
    pub id: AttrValue,
}

#[component]
pub fn Picture(props: &PictureProps) -> Html {
    let canvas = use_node_ref();
    let layout = super::canvas::use_layout();
    let near = super::canvas::use_near_view(canvas.clone());
    {
        let canvas = canvas.clone();
        use_effect_with(
            (props.input.clone(), layout, near),
            move |(input, _, near)| {
                if !near {
                    return;
                }
                if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                    paint(&c, input);
                }
            },
        );
    }
    html! {
        <div class="chart picture" id={format!("{}-box", props.id)}>
            <canvas ref={canvas} id={props.id.clone()} role="img" aria-label={props.label.clone()} />
        </div>
    }
}

fn paint(canvas: &HtmlCanvasElement, input: &PictureInput) {
    let started = crate::web::now_ms();
    let Some((_, _, scale)) = fit_bitmap(&[canvas]) else {
        return;
    };
    let Some(root) =
        CanvasBackend::with_canvas_object(canvas.clone()).map(|b| b.into_drawing_area())
    else {
        return;
    };
    // A drawing error only leaves this picture incomplete; the next change redraws it.
    let _ = match input {
        PictureInput::Landscape(view) => draw(&root, view, scale),
        PictureInput::BestSoFar(best, compared, budget, error) => {
            draw_best_so_far(&root, best, compared, *budget, error, scale)
        }
    };
    stamp(canvas, started);
}
