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
    let root = doc.create_element("div").unwrap();
    root.set_attribute("style", "width: 1280px").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;

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
        assert!(doc.get_element_by_id(id).is_some(), "{id}");
    }

    // Moving the degree slider changes the value shown and the number of weights in the table.
    let degree: HtmlInputElement = doc
        .get_element_by_id("ctl-degree")
        .unwrap()
        .dyn_into()
        .unwrap();
    degree.set_value("5"); // degree 6
    degree
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        doc.get_element_by_id("ctl-degree-value")
            .unwrap()
            .text_content()
            .unwrap(),
        "6"
    );
    let rows = root
        .query_selector_all("#weights tbody tr")
        .unwrap()
        .length();
    assert_eq!(rows, 7);

    // The fit chart drew into a bitmap sized by its layout.
    let canvas: HtmlCanvasElement = doc
        .get_element_by_id("fit-chart")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(canvas.width() > 100 && canvas.height() > 100);
    assert!(canvas.get_attribute("data-drawn-at").is_some());
}
