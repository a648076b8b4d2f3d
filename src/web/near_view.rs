//! Whether an element is on screen or about to be: charts below the fold are not drawn until the
//! reader gets near them, so a first load draws only what it shows.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far beyond the viewport counts as near, as a share of its height: a chart half a screen
/// below the fold is drawn before the reader scrolls to it.
const MARGIN: f64 = 0.5;

/// The window and its viewport's height in CSS pixels (0 if the browser gives none).
fn viewport() -> Option<(web_sys::Window, f64)> {
    let window = web_sys::window()?;
    let height = window.inner_height().ok().and_then(|h| h.as_f64());
    Some((window, height.unwrap_or(0.0)))
}

/// Whether `element` is within the viewport grown by [`MARGIN`] (forces a layout, which the
/// chart's drawing needs anyway). An element that is not displayed counts as near: it has no box
/// to wait for, and its chart draws nothing until it has one.
pub fn is_near(element: &Element) -> bool {
    let Some((_, height)) = viewport() else {
        return true;
    };
    let rect = element.get_bounding_client_rect();
    if rect.width() == 0.0 && rect.height() == 0.0 {
        return true;
    }
    rect.top() < height * (1.0 + MARGIN) && rect.bottom() > -height * MARGIN
}

/// Scrolls the page down just enough to show the first `lead` pixels of `element` when they are
/// below the bottom edge, and no further: what made it appear (a slider, Play) stays on screen.
/// (Helper 60: at 1024×768 a divergence appeared under the fold, and a class saw nothing happen.)
pub fn reveal_top(element: &Element, lead: f64) {
    let Some((window, height)) = viewport() else {
        return;
    };
    let rect = element.get_bounding_client_rect();
    let below = rect.top() + lead.min(rect.height()) - visible_bottom(&window, height);
    if height > 0.0 && below > 0.0 {
        window.scroll_by_with_x_and_y(0.0, below + 8.0);
    }
}

/// Where the page stops being visible: the viewport's bottom, or — on a phone, where the
/// hyperparameters drawer lies over the bottom of the page — the top of its handle (helper 79:
/// the verdict shown by its chip ended under the handle).
fn visible_bottom(window: &web_sys::Window, height: f64) -> f64 {
    let handle = (window.document())
        .and_then(|d| d.get_element_by_id("drawer-handle"))
        .map(|h| h.get_bounding_client_rect())
        .filter(|r| r.height() > 0.0);
    handle.map_or(height, |r| r.top().clamp(0.0, height))
}

/// Calls `on_near` (once or more) when `element` comes near the viewport, however it gets
/// there: scrolling, a resize, or the page's layout changing above it. Stops when dropped.
pub struct NearWatch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearWatch {
    pub fn start(element: &Element, mut on_near: impl FnMut() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if near {
                on_near();
            }
        });
        let options = IntersectionObserverInit::new();
        let margin = format!("{}%", (MARGIN * 100.0).round());
        options.set_root_margin(&format!("{margin} 0px {margin} 0px"));
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok()?;
        observer.observe(element);
        Some(NearWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for NearWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
