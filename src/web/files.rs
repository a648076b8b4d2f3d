//! Files in and out with no server: a download made in the page, a file chosen in an input.

use super::*;

/// Offers `text` as a file download named `name` (no server: a blob made in the page).
pub fn download_text(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
            download_url(name, &url);
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }
}

/// Offers the picture of stacked canvases (a chart's layers, bottom first) as a PNG download.
pub fn download_png(name: &str, layers: &[web_sys::HtmlCanvasElement]) {
    let Some(first) = layers.first() else { return };
    let Some(doc) = window().document() else {
        return;
    };
    let Ok(out) = doc
        .create_element("canvas")
        .map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>())
    else {
        return;
    };
    out.set_width(first.width());
    out.set_height(first.height());
    let Some(ctx) = crate::ui::canvas::context(&out) else {
        return;
    };
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, out.width() as f64, out.height() as f64);
    for layer in layers {
        let _ = ctx.draw_image_with_html_canvas_element(layer, 0.0, 0.0);
    }
    if let Ok(url) = out.to_data_url_with_type("image/png") {
        download_url(name, &url);
    }
}

fn download_url(name: &str, url: &str) {
    let Some(doc) = window().document() else {
        return;
    };
    if let Ok(a) = doc
        .create_element("a")
        .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(url);
        a.set_download(name);
        a.click();
    }
}

/// The text of the first file chosen in a file input, if any.
pub async fn chosen_file_text(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    text.as_string()
}
