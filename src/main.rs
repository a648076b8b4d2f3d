fn main() {
    // In the Tuning lab's search workers (static/search-worker.js) the module only answers
    // `tune_fold`: no window, nothing to mount.
    if web_sys::window().is_none() {
        return;
    }
    // First: a panic aborts the release build, so without this the page would freeze silently.
    paramlab::web::panic::install();
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
