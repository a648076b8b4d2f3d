//! What the page shows when the app panics. The release build aborts on a panic
//! (`panic = "abort"`): without this hook the page would just stop responding, with no word of
//! why. The hook logs the panic to the console and puts an alert at the top of the page: the app
//! hit an internal error and stopped, the panic's message and place, and the link that reproduces
//! it (the address bar holds every setting), with a request to reload.
//!
//! [`report`] builds the words (pure, tested natively); [`show`] writes them into the page as
//! text nodes, so a message containing markup stays text.

use wasm_bindgen::JsValue;

/// The id of the alert element.
pub const ID: &str = "panic";

/// The alert's words, in the order they are shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub title: String,
    /// What happened: the panic's message and where in the source it was raised.
    pub what: String,
    /// The sentence before the link.
    pub link_intro: String,
    /// The page's address: shown as a link and as text to copy.
    pub href: String,
    /// The words before the address as text to copy.
    pub copy_intro: String,
    /// The request to reload.
    pub reload: String,
    /// The single line for the browser's console.
    pub console: String,
}

/// The words for a panic with `message` raised at `location` (`file:line:column`, empty if
/// unknown) on the page at `href`.
pub fn report(message: &str, location: &str, href: &str) -> Report {
    let message = message.trim();
    let message = if message.is_empty() {
        "(no message)"
    } else {
        message
    };
    let place = if location.is_empty() {
        String::new()
    } else {
        format!(" (at {location})")
    };
    Report {
        title: "ParamLab hit an internal error and stopped.".into(),
        what: format!("What happened: {message}{place}"),
        link_intro: "This link reproduces it (every setting is in it) — please include it if you \
                     report the problem:"
            .into(),
        href: href.into(),
        copy_intro: "The same link as text, to copy:".into(),
        reload: "Please reload the page to start again.".into(),
        console: format!("ParamLab panicked: {message}{place} — page: {href}"),
    }
}

/// Makes a panic show [`report`] in the page and log it to the console, then run the hook that
/// was installed before (if any). Call first thing in `main`; later calls do nothing.
///
/// Installed through Yew: when it renders an app, Yew replaces any panic hook not set with
/// [`yew::set_custom_panic_hook`] by its own, which only logs to the console.
pub fn install() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    // After a panic (which aborts, so the thread stays "panicking") the hook cannot be changed.
    if std::thread::panicking() {
        return;
    }
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        yew::set_custom_panic_hook(Box::new(move |info| {
            let message = info.payload_as_str().unwrap_or("");
            let location = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            show(&report(message, &location, &href));
            previous(info);
        }));
    });
}

/// Logs `report` to the console and puts it into the page as the alert `#panic`, first in the
/// body. If an alert is already there (a second panic after the first), it is kept: the first
/// panic is the one that explains the rest. Never panics; without a document it only logs.
pub fn show(report: &Report) {
    // An Error object, so the console also shows the stack that led here.
    web_sys::console::error_1(&js_sys::Error::new(&report.console));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    let _ = write(&document, report);
}

fn write(document: &web_sys::Document, report: &Report) -> Result<(), JsValue> {
    // A new element under `parent`, its text set as text (never parsed as markup).
    let child = |parent: &web_sys::Element, tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e.set_text_content(Some(text));
        parent.append_child(&e)?;
        Ok::<_, JsValue>(e)
    };
    let alert = document.create_element("div")?;
    alert.set_id(ID);
    alert.set_class_name("panic");
    alert.set_attribute("role", "alert")?;
    child(&alert, "p", "panic-title", &report.title)?;
    child(&alert, "p", "panic-what", &report.what)?;
    if !report.href.is_empty() {
        // Each intro ends in a space, which shows before the inline element after it.
        let link = child(
            &alert,
            "p",
            "panic-link",
            &format!("{} ", report.link_intro),
        )?;
        child(&link, "a", "", &report.href)?.set_attribute("href", &report.href)?;
        // The same address as plain text, selected whole by one click (CSS `user-select: all`).
        let copy = child(
            &alert,
            "p",
            "panic-copy",
            &format!("{} ", report.copy_intro),
        )?;
        child(&copy, "code", "", &report.href)?;
    }
    child(&alert, "p", "panic-reload", &report.reload)?;
    let parent: web_sys::Node = match document.body() {
        Some(body) => body.into(),
        None => document
            .document_element()
            .ok_or_else(|| JsValue::from_str("no document element"))?
            .into(),
    };
    parent.insert_before(&alert, parent.first_child().as_ref())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HREF: &str = "https://example.org/lab/?lab=neural&seed=7&lr=0.1";

    #[test]
    fn report_names_the_error_the_message_the_place_and_the_link() {
        let r = report("index out of bounds", "src/ui/network.rs:12:5", HREF);
        assert_eq!(r.title, "ParamLab hit an internal error and stopped.");
        assert_eq!(
            r.what,
            "What happened: index out of bounds (at src/ui/network.rs:12:5)"
        );
        assert!(r.link_intro.contains("reproduces it"), "{}", r.link_intro);
        assert_eq!(r.href, HREF);
        assert!(r.reload.contains("reload"), "{}", r.reload);
        assert_eq!(
            r.console,
            format!(
                "ParamLab panicked: index out of bounds (at src/ui/network.rs:12:5) — page: {HREF}"
            )
        );
    }

    #[test]
    fn report_keeps_markup_as_text_and_fills_in_what_is_missing() {
        // The text goes into text nodes, so it is kept exactly, not escaped twice or dropped.
        let r = report("<img src=x onerror=alert(1)> & \"q\"", "", HREF);
        assert_eq!(
            r.what,
            "What happened: <img src=x onerror=alert(1)> & \"q\""
        );
        let r = report("  ", "", "");
        assert_eq!(r.what, "What happened: (no message)");
        assert_eq!(r.href, "");
    }
}
