//! Tests that need a real DOM, run by wasm-bindgen-test in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

mod fingerprint;

use paramlab::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn wasm_gives_bit_identical_data_and_training() {
    assert_eq!(fingerprint::compute(), fingerprint::EXPECTED);
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn settle() {
    yew::platform::time::sleep(std::time::Duration::from_millis(60)).await;
}

#[wasm_bindgen_test]
async fn app_renders_labelled_controls_and_reacts_to_a_slider() {
    let doc = document();
    // Other tests share this page and its address: start from a link with no settings.
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?"))
        .unwrap();
    let root = doc.create_element("div").unwrap();
    root.set_attribute("style", "width: 1280px").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
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

    // The fit chart drew into a bitmap sized by its layout.
    let canvas: HtmlCanvasElement = by_id("fit-chart").unwrap().dyn_into().unwrap();
    assert!(canvas.width() > 100 && canvas.height() > 100);
    assert!(canvas.get_attribute("data-drawn-at").is_some());
}
#[wasm_bindgen_test]
async fn classification_lab_paints_its_decision_map() {
    use paramlab::state::config::Config;
    use paramlab::state::spec::Lab;
    use paramlab::ui::classification::ClassificationLab;
    use paramlab::ui::regression::LabProps;

    let doc = document();
    let root = doc.create_element("div").unwrap();
    root.set_attribute("style", "width: 1280px").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = LabProps {
        config: Config::for_lab(Lab::Classification),
        notices: Vec::new(),
    };
    yew::Renderer::<ClassificationLab>::with_root_and_props(root.clone(), props).render();
    settle().await;

    // k-NN is the default model, and its panel says it learns no parameters.
    let learned = doc
        .get_element_by_id("learned")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(learned.contains("k-NN learns no parameters"), "{learned}");
    // The map layer holds coloured pixels, not just the white page.
    let map: HtmlCanvasElement = doc
        .get_element_by_id("region-map")
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
