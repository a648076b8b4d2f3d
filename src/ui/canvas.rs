//! Small helpers every canvas chart uses.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Sizes every canvas's bitmap to the first one's CSS size × devicePixelRatio. Returns the bitmap
/// size and the drawing scale: the ratio times the page's text zoom ([`crate::web::text_zoom`]),
/// so labels and marks grow with the text in presenter view. `None` while the canvas is not laid
/// out (hidden).
pub fn fit_bitmap(canvases: &[&HtmlCanvasElement]) -> Option<(u32, u32, f64)> {
    let scale = crate::web::device_pixel_ratio();
    let first = canvases.first()?;
    let (w, h) = (first.client_width(), first.client_height());
    if w <= 0 || h <= 0 {
        return None;
    }
    let (bw, bh) = (
        ((w as f64) * scale).round() as u32,
        ((h as f64) * scale).round() as u32,
    );
    for canvas in canvases {
        if canvas.width() != bw || canvas.height() != bh {
            canvas.set_width(bw);
            canvas.set_height(bh);
        }
    }
    Some((bw, bh, scale * crate::web::text_zoom()))
}

pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
}

/// Makes a layer transparent again (plotters skips fully transparent fills).
pub fn clear(canvas: &HtmlCanvasElement) {
    if let Some(ctx) = context(canvas) {
        ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    }
}

/// Marks when a chart was last drawn and how long it took; the browser benchmark reads both.
pub fn stamp(canvas: &HtmlCanvasElement, started: f64) {
    let now = crate::web::now_ms();
    let _ = canvas.set_attribute("data-drawn-at", &format!("{now:.3}"));
    let _ = canvas.set_attribute("data-draw-ms", &format!("{:.3}", now - started));
}

/// A number that changes whenever the window's layout may have changed the charts' sizes, so a
/// chart can redraw at its new size (its bitmap is sized to its CSS box only when it draws).
#[yew::hook]
pub fn use_layout() -> u32 {
    use yew::prelude::*;
    let layout = use_state(|| 0u32);
    {
        let layout = layout.clone();
        use_effect_with((), move |_| {
            let count = std::rc::Rc::new(std::cell::Cell::new(0u32));
            let listener = crate::web::WindowListener::start("resize", move || {
                count.set(count.get().wrapping_add(1));
                layout.set(count.get());
            });
            move || drop(listener)
        });
    }
    *layout
}

/// Whether a chart's element is on screen or near it ([`crate::web::near_view`]): a chart
/// below the fold waits to be drawn until the reader gets near it, so a first load draws only
/// what it shows. Once true it stays true: a chart drawn once follows its input wherever the
/// reader scrolls.
#[yew::hook]
pub fn use_near_view(node: yew::NodeRef) -> bool {
    use crate::web::near_view::{is_near, NearWatch};
    use yew::prelude::*;
    let near = use_state(|| false);
    {
        let near = near.clone();
        use_effect_with(*near, move |&already| {
            let watch = node
                .cast::<web_sys::Element>()
                .filter(|_| !already)
                .and_then(|element| {
                    if is_near(&element) {
                        near.set(true);
                        None
                    } else {
                        NearWatch::start(&element, move || near.set(true))
                    }
                });
            move || drop(watch)
        });
    }
    *near
}

/// A small button that downloads a chart's stacked canvases (bottom first) as one PNG.
pub fn png_button(name: &'static str, layers: Vec<yew::NodeRef>) -> yew::Html {
    use yew::prelude::*;
    let onclick = Callback::from(move |_: MouseEvent| {
        let canvases: Vec<HtmlCanvasElement> = layers
            .iter()
            .filter_map(|l| l.cast::<HtmlCanvasElement>())
            .collect();
        crate::web::download_png(&format!("paramlab-{name}.png"), &canvases);
    });
    html! {
        <button class="png" type="button" {onclick} title="Save this chart as a PNG picture"
            aria-label={format!("Save the {} as PNG", name.replace('-', " "))}>{ "PNG" }</button>
    }
}
