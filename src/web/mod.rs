//! Browser glue: the clock, the address bar, the animation-frame loop, focus and scrolling,
//! storage; page-wide listeners in `listeners.rs`, downloads and chosen files in `files.rs`. Called only from the UI
//! in a browser; everything above it stays testable natively.

mod files;
pub mod fold_entry;
mod listeners;
pub mod near_view;
pub mod panic;
pub mod pool;

pub use files::{chosen_file_text, download_png, download_text};
pub use listeners::{KeyListener, OutsideListener, WindowListener};

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// Milliseconds from a monotonic clock.
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

pub fn device_pixel_ratio() -> f64 {
    window().device_pixel_ratio().max(1.0)
}

thread_local! {
    /// The measured text zoom, until the layout changes.
    static TEXT_ZOOM: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
    /// Forgets it on every resize (presenter view announces its change as one).
    static TEXT_ZOOM_WATCH: std::cell::RefCell<Option<WindowListener>> =
        const { std::cell::RefCell::new(None) };
}

/// The page's text size against the usual 16 CSS pixels: above 1 in presenter view on a wide
/// screen (its root font grows with the window) or when the reader set a larger default font.
/// The charts scale their labels by it, so they stay as legible as the text beside them.
/// Measured once per layout: reading a computed style in every chart's draw forced a style
/// recalculation each time (slider → repaint p50 9.8 → 17.9 ms).
pub fn text_zoom() -> f64 {
    if let Some(zoom) = TEXT_ZOOM.with(|z| z.get()) {
        return zoom;
    }
    let zoom = measure_text_zoom();
    TEXT_ZOOM.with(|z| z.set(Some(zoom)));
    TEXT_ZOOM_WATCH.with(|watch| {
        watch.borrow_mut().get_or_insert_with(|| {
            WindowListener::start("resize", || TEXT_ZOOM.with(|z| z.set(None)))
        });
    });
    zoom
}

fn measure_text_zoom() -> f64 {
    let root = window().document().and_then(|d| d.document_element());
    let size = root
        .and_then(|e| window().get_computed_style(&e).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|px| px.trim_end_matches("px").parse::<f64>().ok());
    size.map_or(1.0, |px| (px / 16.0).clamp(1.0, 2.0))
}

/// The query string of the address bar, with its leading `?`.
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's title (its tab, and what a screen reader says of the page).
pub fn set_title(title: &str) {
    if let Some(doc) = window().document() {
        doc.set_title(title);
    }
}

/// The element that has the keyboard focus, if any besides the page itself.
pub fn focused_element() -> Option<web_sys::HtmlElement> {
    let active = window().document()?.active_element()?;
    active.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Marks (or unmarks) the pointer as over the validation chart. The browser keeps the page
/// still by an element in view when content above it grows (scroll anchoring), and it picks the
/// first in the page's order: one in the settings column, beside the charts, or in the panel
/// above the chart. While the pointer is over the chart the style leaves it no other choice than
/// the chart, so the chart stays under the pointer as the panels above it change length: while
/// training runs (the network's moved it about 400 px in 4 s), and after a click on the chart
/// sets its control and restarts training (40 px; helper 80: the next click set another value).
/// See also [`hold_height`].
pub fn pointing_at_curve(on: bool) {
    if let Some(body) = window().document().and_then(|d| d.body()) {
        let _ = match on {
            true => body.set_attribute("data-pointing", "curve"),
            false => body.remove_attribute("data-pointing"),
        };
    }
}

/// Gives the keyboard focus to `element` if nothing has it in the next frame (a button that had
/// it is gone: the menu item that opened a lesson or a challenge, hidden as the menu closed), so
/// that Tab goes on from there, not from the top of the page (helper 81).
pub fn take_lost_focus(element: &yew::NodeRef) {
    let element = element.clone();
    let callback = Closure::once_into_js(move || {
        if focused_element().is_some_and(|f| f.tag_name() != "BODY") {
            return;
        }
        if let Some(element) = element.cast::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// Whether a `focusout` from inside `container` moved the focus to an element outside it (not
/// to nothing: a tap on the page's background, or on a canvas, takes the focus nowhere). A
/// drawer or a menu closes then: what the focus went on to may lie under it.
pub fn focus_moved_out(event: &web_sys::FocusEvent, container: Option<web_sys::Node>) -> bool {
    let to = (event.related_target()).and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    to.is_some() && !container.is_some_and(|c| c.contains(to.as_ref()))
}

/// Whether the element a `focusout` moved the focus to lies (partly) under `cover`, a drawer
/// fixed at the bottom of the screen: below its top edge. Play above an open drawer does not.
pub fn focus_went_under(event: &web_sys::FocusEvent, cover: Option<web_sys::Element>) -> bool {
    let to = (event.related_target()).and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    match (to, cover) {
        (Some(to), Some(cover)) => {
            to.get_bounding_client_rect().bottom() > cover.get_bounding_client_rect().top()
        }
        _ => false,
    }
}

/// Scrolls the page to its top: a lab opened from the quiz starts there, with its plot, Play
/// and verdict, not at the quiz's scroll position (helper 95: on a phone "Show me in the lab"
/// opened 3,600 px down, at the Save buttons). (A lab that diverges at once then scrolls to its
/// divergence's first lines, as it should: that was the 260 px a CI run once found.)
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Focuses the control whose link name is `url` (its element is `ctl-{url}`), which scrolls it
/// into view: a lesson step's "Go to …" button, for a control below the fold.
pub fn focus_control(url: &str) {
    let control = (window().document())
        .and_then(|d| d.get_element_by_id(&format!("ctl-{url}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(control) = control {
        let _ = control.focus();
    }
}

/// Moves the keyboard focus to the first control of the page's main part (the skip link: eight
/// Tab stops of header come before it; helper 49).
pub fn focus_first_control() {
    let Some(all) =
        (window().document()).and_then(|d| d.query_selector_all("main input, main select").ok())
    else {
        return;
    };
    // The first one shown (on a phone the closed drawer hides the hyperparameters).
    let first = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|e| e.offset_parent().is_some());
    if let Some(element) = first {
        let _ = element.focus();
    }
}

/// Replaces the query in the address bar without a new history entry.
pub fn replace_query(query: &str) {
    write_query(query, false);
}

/// Puts `query` in the address bar as a new history entry, so the browser's Back button returns
/// to the one before (a switch of lab).
pub fn push_query(query: &str) {
    write_query(query, true);
}

/// The path is kept, so the app works from any sub-path.
fn write_query(query: &str, new_entry: bool) {
    let w = window();
    let url = format!("{}?{query}", w.location().pathname().unwrap_or_default());
    if let Ok(history) = w.history() {
        let null = wasm_bindgen::JsValue::NULL;
        // Failure (e.g. a sandboxed frame) only means the link is not updated.
        let _ = if new_entry {
            history.push_state_with_url(&null, "", Some(&url))
        } else {
            history.replace_state_with_url(&null, "", Some(&url))
        };
    }
}

/// Calls `on_frame(timestamp)` once per animation frame until dropped.
///
/// Each frame's callback is a one-shot closure that frees itself after running, so dropping the
/// loop from inside `on_frame` (pausing re-renders the page) is safe: the loop just stops.
pub struct FrameLoop {
    alive: Rc<Cell<bool>>,
}

impl FrameLoop {
    pub fn start(on_frame: impl FnMut(f64) + 'static) -> Self {
        let alive = Rc::new(Cell::new(true));
        schedule(alive.clone(), Rc::new(RefCell::new(on_frame)));
        FrameLoop { alive }
    }
}

fn schedule(alive: Rc<Cell<bool>>, on_frame: Rc<RefCell<dyn FnMut(f64)>>) {
    let callback = Closure::once_into_js(move |ts: f64| {
        if alive.get() {
            (on_frame.borrow_mut())(ts);
            if alive.get() {
                schedule(alive, on_frame);
            }
        }
    });
    // Without a frame there is nothing to animate; the page stays usable.
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        self.alive.set(false);
    }
}

thread_local! {
    static SCRATCH: RefCell<Option<web_sys::HtmlCanvasElement>> = const { RefCell::new(None) };
}

/// A detached canvas of `size` × `size` pixels, created once and reused (for painting pixel
/// maps before scaling them onto a visible canvas).
pub fn scratch_canvas(size: u32) -> Option<web_sys::HtmlCanvasElement> {
    SCRATCH.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let canvas = window()
                .document()?
                .create_element("canvas")
                .ok()?
                .dyn_into()
                .ok()?;
            *cell = Some(canvas);
        }
        let canvas = cell.clone()?;
        if canvas.width() != size || canvas.height() != size {
            canvas.set_width(size);
            canvas.set_height(size);
        }
        Some(canvas)
    })
}

/// A value from the browser's local storage, if storage is available and holds it.
pub fn stored(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Keeps a value in local storage; returns whether it was kept (storage may be off or full).
pub fn store(key: &str, value: &str) -> bool {
    window()
        .local_storage()
        .ok()
        .flatten()
        .is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Where the choice to turn single-character shortcuts off is kept.
const CHARACTER_KEYS: &str = "paramlab.character-keys";

/// Whether single-character shortcuts (Space, S, R, P, ?) act: on unless turned off in the list
/// of keys. Speech input types words as key presses, which would play, step and reset the lab
/// (WCAG 2.1.4; helper 49).
pub fn character_keys_on() -> bool {
    stored(CHARACTER_KEYS).as_deref() != Some("off")
}

/// Turns single-character shortcuts on or off, in this browser.
pub fn set_character_keys(on: bool) {
    store(CHARACTER_KEYS, if on { "on" } else { "off" });
}

/// Keeps the page at least as tall as it is now, until [`release_height`]: at the page's end a
/// click on the validation chart shortened the text above it and pulled the page up past where
/// any scroll (or scroll anchoring) could put it back. Another view or lab lets go of it.
pub fn hold_height() {
    if let Some(body) = window().document().and_then(|d| d.body()) {
        let height = body.get_bounding_client_rect().height();
        let _ = body
            .style()
            .set_property("min-height", &format!("{height}px"));
    }
}

/// Lets go of the page's height that a click on a chart kept ([`hold_height`]): another view
/// or lab has a height of its own.
pub fn release_height() {
    if let Some(body) = window().document().and_then(|d| d.body()) {
        let _ = body.style().remove_property("min-height");
    }
}

/// Tells every chart that the layout changed (as a window resize does), so it redraws at its
/// new size: presenter view changes the charts' sizes without resizing the window.
pub fn announce_layout_change() {
    release_height();
    dispatch_resize();
}

/// A window's resize event, which every chart redraws on at its box's size.
fn dispatch_resize() {
    if let Ok(event) = web_sys::Event::new("resize") {
        let _ = window().dispatch_event(&event);
    }
}

/// Keeps the page's `--bar` at `height` px: the room a lesson's or challenge's bar takes above
/// the lab, which the main plot below gives up (style.css). When it changed, the charts redraw at
/// their new sizes, in the next frame: the bar is measured on the window's resize too, and a
/// resize dispatched from inside that listener called it again while it ran ("closure invoked
/// recursively", on turning a phone-sized window with a lesson or challenge to a wide one).
/// (The page's height held by a click on a chart stays held: the chart under the pointer does
/// not move.)
pub fn set_bar_room(height: f64) {
    let Some(root) = (window().document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let value = format!("{}px", height.round());
    if root.style().get_property_value("--bar").ok().as_deref() != Some(value.as_str()) {
        let _ = root.style().set_property("--bar", &value);
        let redraw = Closure::once_into_js(dispatch_resize);
        let _ = window().request_animation_frame(redraw.unchecked_ref());
    }
}

/// Once the page has drawn (a panel just shown is laid out): picks the option labelled `option`
/// in the select `select` as a person would (its change event fires), then scrolls the panel
/// named `panel` (its `data-panel`) to the top of the screen.
pub fn choose_and_scroll(select: &'static str, option: &'static str, panel: &'static str) {
    let callback = Closure::once_into_js(move || {
        let Some(document) = window().document() else {
            return;
        };
        let menu = (document.get_element_by_id(select))
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok());
        if let Some(menu) = menu {
            let labelled =
                |i: &u32| menu.item(*i).and_then(|o| o.text_content()).as_deref() == Some(option);
            let at = (0..menu.length()).find(labelled);
            if let Some(at) = at.filter(|&i| i as i32 != menu.selected_index()) {
                menu.set_selected_index(at as i32);
                if let Ok(change) = web_sys::Event::new("change") {
                    let _ = menu.dispatch_event(&change);
                }
            }
        }
        scroll_panel(&document, panel);
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// Once the page has drawn (a panel just shown is laid out): scrolls the panel named `panel`
/// (its `data-panel`) to the top of the screen.
pub fn scroll_when_drawn(panel: &'static str) {
    let callback = Closure::once_into_js(move || {
        if let Some(document) = window().document() {
            scroll_panel(&document, panel);
        }
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// Once the page has drawn (a panel just shown is laid out): focuses the element with the id
/// `id`, an SVG one too, which scrolls it into view; then, once what the focus shows is drawn,
/// scrolls on until the element `shown` ends on screen too, as far as `id` stays on it (helper
/// 104: a neuron's weights half below a tablet's edge).
pub fn focus_when_drawn(id: &'static str, shown: &'static str) {
    let callback = Closure::once_into_js(move || {
        let element = (window().document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
        let then = Closure::once_into_js(move || {
            let document = window().document();
            let rect = |id| {
                (document.as_ref()?.get_element_by_id(id)).map(|e| e.get_bounding_client_rect())
            };
            let height = window().inner_height().ok().and_then(|h| h.as_f64());
            if let (Some(focused), Some(shown), Some(height)) = (rect(id), rect(shown), height) {
                // (8 px clear of the edge, as a person would stop.)
                let below = (shown.bottom() + 8.0 - height).min(focused.top());
                if below > 0.0 {
                    window().scroll_by_with_x_and_y(0.0, below);
                }
            }
        });
        let _ = window().request_animation_frame(then.unchecked_ref());
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// Scrolls the panel named `panel` (its `data-panel`) to the top of the screen.
fn scroll_panel(document: &web_sys::Document, panel: &str) {
    let selector = format!("[data-panel={panel}]");
    if let Ok(Some(panel)) = document.query_selector(&selector) {
        panel.scroll_into_view();
    }
}

/// A fresh random number below 2³² (from the browser's random source; the clock without one).
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 4];
    match getrandom::getrandom(&mut bytes) {
        Ok(()) => u32::from_le_bytes(bytes) as u64,
        Err(_) => 1 + now_ms() as u64 % u32::MAX as u64,
    }
}
