//! Listeners on the whole page, each removed when dropped: keys, a click outside an element,
//! a window event.

use super::*;

/// Listens to key presses on the whole page until dropped. `handler` returns whether it used
/// the key (then the browser's default action is prevented). Keys typed into a field, a slider
/// or a select, Space and Enter on a button or link (they click it), and keys with Ctrl, Alt or
/// Meta never reach it: they belong to the control that has focus, or to the browser. Nor do
/// single characters when they are turned off ([`character_keys_on`]); named keys (arrows,
/// Escape) still do.
pub struct KeyListener {
    callback: Closure<dyn FnMut(web_sys::KeyboardEvent)>,
}

impl KeyListener {
    pub fn start(mut handler: impl FnMut(&str) -> bool + 'static) -> Self {
        let callback = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(
            move |event: web_sys::KeyboardEvent| {
                if event.ctrl_key()
                    || event.alt_key()
                    || event.meta_key()
                    || focus_takes_keys(&event)
                    || (event.key().chars().count() == 1 && !character_keys_on())
                {
                    return;
                }
                if handler(&event.key()) {
                    event.prevent_default();
                }
            },
        );
        if let Some(doc) = window().document() {
            let _ =
                doc.add_event_listener_with_callback("keydown", callback.as_ref().unchecked_ref());
        }
        KeyListener { callback }
    }
}

impl Drop for KeyListener {
    fn drop(&mut self) {
        if let Some(doc) = window().document() {
            let _ = doc.remove_event_listener_with_callback(
                "keydown",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `on_outside` when a press (mouse, pen or finger) lands outside `container`, or Escape
/// is pressed anywhere, until dropped: a menu closes when one taps beside it (a tap on plain
/// text moves the focus to no element, so `focusout` alone left it open over the panel under
/// it, and Escape, which the menu heard only with the focus inside it, then did nothing; helper
/// 105).
pub struct OutsideListener {
    press: Closure<dyn FnMut(web_sys::Event)>,
    _escape: KeyListener,
}

impl OutsideListener {
    pub fn start(container: web_sys::Node, on_outside: impl Fn() + 'static) -> Self {
        let on_outside = std::rc::Rc::new(on_outside);
        let on_press = on_outside.clone();
        let press = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let target = (event.target()).and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if !container.contains(target.as_ref()) {
                on_press();
            }
        });
        if let Some(doc) = window().document() {
            let _ =
                doc.add_event_listener_with_callback("pointerdown", press.as_ref().unchecked_ref());
        }
        let escape = KeyListener::start(move |key| {
            let escape = key == "Escape";
            if escape {
                on_outside();
            }
            escape
        });
        OutsideListener {
            press,
            _escape: escape,
        }
    }
}

impl Drop for OutsideListener {
    fn drop(&mut self) {
        if let Some(doc) = window().document() {
            let _ = doc.remove_event_listener_with_callback(
                "pointerdown",
                self.press.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Whether the key went to an element that uses it itself: every key typed into a field, a
/// slider or a select; Space and Enter pressed on a button or a link (they click it).
fn focus_takes_keys(event: &web_sys::KeyboardEvent) -> bool {
    let key = event.key();
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| match e.tag_name().as_str() {
            "INPUT" | "SELECT" | "TEXTAREA" => true,
            "BUTTON" | "A" | "SUMMARY" => key == " " || key == "Enter",
            _ => e.get_attribute("contenteditable").is_some(),
        })
}

/// Calls `on_event` whenever the window receives the event `name` ("resize", "popstate"),
/// until dropped.
pub struct WindowListener {
    name: &'static str,
    callback: Closure<dyn FnMut()>,
}

impl WindowListener {
    pub fn start(name: &'static str, on_event: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(on_event);
        let _ = window().add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        WindowListener { name, callback }
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        let _ = window()
            .remove_event_listener_with_callback(self.name, self.callback.as_ref().unchecked_ref());
    }
}
