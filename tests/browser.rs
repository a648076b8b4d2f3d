//! Tests that need a real DOM, run by wasm-bindgen-test in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

#[path = "../crates/core/tests/fingerprint/mod.rs"]
mod fingerprint;
#[path = "../crates/core/tests/knn_case/mod.rs"]
mod knn_case;

use paramlab::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn wasm_gives_bit_identical_data_and_training() {
    assert_eq!(fingerprint::compute(), fingerprint::EXPECTED);
}

/// tanh and sigmoid two lanes at a time (WebAssembly SIMD, with their own exponential) give
/// exactly the bits of the scalar functions, from zero and tiny inputs through saturation.
#[wasm_bindgen_test]
fn simd_activations_are_bit_identical_to_the_scalar_ones() {
    use paramlab::ml::activation::Activation;
    let mut inputs: Vec<f64> = (-40_000..=40_000).map(|i| i as f64 * 1.37e-3).collect();
    inputs.extend([
        0.0, -0.0, 1e-300, -5e-324, 354.0, -354.1, 709.0, -745.2, 1e6, -1e6,
    ]);
    inputs.extend([f64::INFINITY, f64::NEG_INFINITY]);
    for g in Activation::ALL {
        let want: Vec<u64> = inputs.iter().map(|&z| g.apply(z).to_bits()).collect();
        let mut zs = inputs.clone();
        g.apply_all(&mut zs);
        let got: Vec<u64> = zs.iter().map(|a| a.to_bits()).collect();
        assert!(got == want, "{g:?}");
    }
}

/// The k-NN map with its WebAssembly SIMD sum of distance votes gives every cell the plain
/// per-query answer (the same check runs natively on the scalar sum).
#[wasm_bindgen_test]
fn simd_knn_map_equals_one_query_at_a_time() {
    knn_case::map_equals_one_query_at_a_time();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A projector-wide element of its own for one test to render into (tests share the page).
fn new_root() -> web_sys::Element {
    let doc = document();
    let root = doc.create_element("div").unwrap();
    root.set_attribute("style", "width: 1280px").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    yew::platform::time::sleep(std::time::Duration::from_millis(60)).await;
}

#[wasm_bindgen_test]
async fn app_renders_labelled_controls_and_reacts_to_a_slider() {
    // Other tests share this page and its address: start from a link with no settings.
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?"))
        .unwrap();
    let root = new_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let by_id = |id: &str| root.query_selector(&format!("#{id}")).unwrap();

    // Every control has a label naming it, tied to the input by `for`.
    for (id, name) in [
        ("ctl-lr", "Learning rate"),
        ("ctl-degree", "Polynomial degree"),
        ("ctl-lambda", "Regularization strength"),
        ("ctl-batch", "Batch size"),
        ("ctl-n", "Number of points"),
        ("ctl-seed", "Seed"),
    ] {
        let label = root
            .query_selector(&format!("label[for={id}]"))
            .unwrap()
            .expect(name);
        assert_eq!(label.text_content().unwrap(), name);
        assert!(by_id(id).is_some(), "{id}");
    }

    // Moving the degree slider changes the value shown and the number of weights in the table.
    let degree: HtmlInputElement = by_id("ctl-degree").unwrap().dyn_into().unwrap();
    degree.set_value("5"); // degree 6
    degree
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    // Yew renders when the page gives it time: wait for it (up to 2 s) rather than a fixed pause,
    // which a loaded machine can outlast.
    for _ in 0..100 {
        if by_id("ctl-degree-value").unwrap().text_content().unwrap() == "6" {
            break;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    settle().await;
    assert_eq!(
        by_id("ctl-degree-value").unwrap().text_content().unwrap(),
        "6"
    );
    let rows = root
        .query_selector_all("#weights tbody tr")
        .unwrap()
        .length();
    assert_eq!(rows, 7);

    // The fit chart drew into a bitmap sized by its layout, once in view (a chart below the
    // fold waits for the reader, and the test page may mount the app below its own output).
    let canvas: HtmlCanvasElement = by_id("fit-chart").unwrap().dyn_into().unwrap();
    canvas.scroll_into_view();
    for _ in 0..100 {
        if canvas.get_attribute("data-drawn-at").is_some() {
            break;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(canvas.width() > 100 && canvas.height() > 100);
    assert!(canvas.get_attribute("data-drawn-at").is_some());
}
/// A lab page's props as the app would give them to a lab shown on its own.
fn lab_props(
    config: paramlab::state::config::Config,
    notices: Vec<String>,
) -> paramlab::ui::lab_props::LabProps {
    use yew::Callback;
    paramlab::ui::lab_props::LabProps {
        config,
        notices,
        kept: Default::default(),
        generation: 0,
        play: false,
        on_query: Callback::noop(),
        challenge: None,
        on_restart: Callback::noop(),
        on_leave: Callback::noop(),
        on_look: Callback::noop(),
        on_load: Callback::noop(),
        hide_best: false,
        hidden: Vec::new(),
    }
}

#[wasm_bindgen_test]
async fn classification_lab_paints_its_decision_map() {
    use paramlab::state::config::Config;
    use paramlab::state::spec::Lab;
    use paramlab::ui::classification::ClassificationLab;

    let root = new_root();
    let props = lab_props(Config::for_lab(Lab::Classification), Vec::new());
    yew::Renderer::<ClassificationLab>::with_root_and_props(root.clone(), props).render();
    settle().await;

    // Logistic regression (with squares and product) is the default model: its panel lists the
    // weights it will learn. (Tests share one page: look inside this test's root only.)
    let learned = root
        .query_selector("#learned")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(learned.starts_with("12 learned weights"), "{learned}");
    // The map layer holds coloured pixels, not just the white page.
    let map: HtmlCanvasElement = root
        .query_selector("#region-map")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let ctx: web_sys::CanvasRenderingContext2d =
        map.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (w, h) = (map.width() as f64, map.height() as f64);
    let pixels = ctx
        .get_image_data(w / 4.0, h / 4.0, w / 2.0, h / 2.0)
        .unwrap()
        .data();
    let coloured = pixels
        .chunks(4)
        .filter(|p| p[0] < 240 || p[2] < 240)
        .count();
    assert!(coloured > pixels.len() / 8, "{coloured} coloured pixels");
}

#[wasm_bindgen_test]
async fn network_diagram_draws_every_weight_and_shows_a_focused_neuron() {
    use paramlab::state::spec::Lab;
    use paramlab::state::url::decode;
    use paramlab::ui::classification::ClassificationLab;

    let root = new_root();
    let (config, notices) = decode("lab=neural&layers=1&l1=3&inputs=x1,x2,x1x2");
    assert_eq!(config.lab, Lab::Neural);
    yew::Renderer::<ClassificationLab>::with_root_and_props(
        root.clone(),
        lab_props(config, notices),
    )
    .render();
    settle().await;

    // 3 inputs → 3 neurons → 2 outputs: 9 + 6 links, 8 neurons, 15 weights + 5 biases.
    let count = |selector: &str| root.query_selector_all(selector).unwrap().length();
    assert_eq!(count("#network line"), 15);
    assert_eq!(count("#network .neuron"), 8);
    let sentence = root
        .query_selector("#param-count")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        sentence.ends_with("→ 20 parameters: 15 weights + 5 biases"),
        "{sentence}"
    );
    // Focusing the first hidden neuron shows its bias and its three incoming weights.
    // (An SVG element: call its focus() through JavaScript.)
    let neuron = root
        .query_selector_all("#network .neuron")
        .unwrap()
        .get(3)
        .unwrap();
    let focus: js_sys::Function = js_sys::Reflect::get(&neuron, &"focus".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    focus.call0(&neuron).unwrap();
    settle().await;
    let info = root
        .query_selector("#neuron-info")
        .unwrap()
        .expect("details of the focused neuron");
    assert_eq!(info.query_selector_all("tbody tr").unwrap().length(), 3);
    assert!(info.text_content().unwrap().contains("bias b ="));
}

/// What a panic shows: an alert first in the page saying the app stopped, what happened (markup in
/// the message stays text), and the link that reproduces it, to click and to copy.
#[wasm_bindgen_test]
fn a_panic_report_shows_the_message_and_the_link_at_the_top_of_the_page() {
    use paramlab::web::panic::{report, show, ID};
    let doc = document();
    if let Some(old) = doc.get_element_by_id(ID) {
        old.remove();
    }
    let href = "http://127.0.0.1:8000/app/?lab=neural&seed=7&l1=3";
    show(&report(
        "weights went <b>NaN</b> & \"stopped\"",
        "src/ui/network.rs:12:5",
        href,
    ));

    let alert = doc.get_element_by_id(ID).expect("the alert");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        doc.body().unwrap().first_element_child(),
        Some(alert.clone())
    );
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("ParamLab hit an internal error and stopped."),
        "{text}"
    );
    assert!(
        text.contains(
            "What happened: weights went <b>NaN</b> & \"stopped\" (at src/ui/network.rs:12:5)"
        ),
        "{text}"
    );
    assert!(alert.query_selector("b").unwrap().is_none(), "markup ran");
    assert!(text.contains("reload"), "{text}");
    let link = alert.query_selector("a").unwrap().expect("a link");
    assert_eq!(link.get_attribute("href").as_deref(), Some(href));
    assert_eq!(link.text_content().unwrap(), href);
    let copy = alert
        .query_selector("code")
        .unwrap()
        .expect("the link as text");
    assert_eq!(copy.text_content().unwrap(), href);
    assert!(alert.get_bounding_client_rect().height() > 0.0);

    // A later panic (the app is already stopped) leaves the first, which explains it, in place.
    show(&report("a second panic", "", href));
    assert_eq!(doc.query_selector_all("#panic").unwrap().length(), 1);
    assert!(!alert.text_content().unwrap().contains("second"));
    alert.remove();
}

/// The installed hook runs on a real panic and hands on to the test harness's hook (which marks
/// the panic as expected): installing it breaks no one's panic reporting.
#[wasm_bindgen_test]
#[should_panic(expected = "a deliberate panic")]
fn the_panic_hook_lets_the_panic_through() {
    paramlab::web::panic::install();
    if let Some(old) = document().get_element_by_id("panic") {
        old.remove();
    }
    panic!("a deliberate panic");
}

/// The installed hook on a real panic: the alert names the panic's message and its place in this
/// file, and links to the page's address. (The panic is raised in a callback called from
/// JavaScript, which sees the abort as an exception, so this test goes on to look at the page.)
#[wasm_bindgen_test]
fn an_installed_hook_shows_a_real_panic_in_the_page() {
    paramlab::web::panic::install();
    let doc = document();
    if let Some(old) = doc.get_element_by_id("panic") {
        old.remove();
    }
    let panics = wasm_bindgen::closure::Closure::once_into_js::<_, _, ()>(|| {
        panic!("a deliberate panic in a callback")
    });
    let panics: js_sys::Function = panics.dyn_into().unwrap();
    assert!(panics.call0(&wasm_bindgen::JsValue::NULL).is_err());

    let alert = doc.get_element_by_id("panic").expect("the alert");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("a deliberate panic in a callback (at tests/browser.rs:"),
        "{text}"
    );
    let href = web_sys::window().unwrap().location().href().unwrap();
    let link = alert.query_selector("a").unwrap().expect("a link");
    assert_eq!(link.get_attribute("href"), Some(href));
    alert.remove();
}
