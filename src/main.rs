use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    // In the Tuning lab's search workers (static/search-worker.js) the module only answers
    // `tune_fold`: no window, nothing to mount.
    let Some(window) = web_sys::window() else {
        return;
    };
    // First: a panic aborts the release build, so without this the page would freeze silently.
    paramlab::web::panic::install();
    // The first render runs in a task of its own, after the one that compiled and instantiated
    // the module: two shorter tasks instead of one long one (see `ui::deferred`).
    let start = Closure::once_into_js(render);
    if window
        .set_timeout_with_callback(start.unchecked_ref())
        .is_err()
    {
        render();
    }
}

fn render() {
    // The app renders into its own element (Yew clears the element it is given), so the page's
    // notices beside it — no JavaScript, no WebAssembly SIMD — stay in place.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<paramlab::ui::app::App>::with_root(root).render(),
        None => yew::Renderer::<paramlab::ui::app::App>::new().render(),
    };
}
