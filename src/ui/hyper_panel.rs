//! The hyperparameters panel. On a phone (≤ 760 px wide) it is a drawer at the bottom of the
//! screen: closed, only its handle shows; open, it covers the lower two fifths with its controls
//! and brings the main plot (with Play under it) to the top of the screen, so a slider moved
//! there changes the plot in sight; Escape (or the handle) closes it. Elsewhere the handle is hidden and the panel is an ordinary panel of
//! the left column.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HyperPanelProps {
    pub title: AttrValue,
    pub tag: AttrValue,
    /// What the drawer's handle calls the controls.
    #[prop_or(AttrValue::Static("Hyperparameters"))]
    pub handle: AttrValue,
    /// Training stopped because the loss exploded: said at the top of the open drawer on a
    /// phone, in short, since the page's own notice, under the plot, lies under the drawer
    /// there (helper 53).
    #[prop_or_default]
    pub diverged: bool,
    /// A challenge under way: its status in one line, and whether it is met. Said at the top of
    /// the open drawer on a phone, where the challenge's bar lies out of sight above the plot
    /// (helper 95: moving k in the drawer, a learner could not see the challenge met).
    #[prop_or_default]
    pub challenge: Option<(AttrValue, bool)>,
    pub children: Html,
}

#[component]
pub fn HyperPanel(props: &HyperPanelProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| {
            let opening = !*open;
            open.set(opening);
            // The main plot is smaller while the drawer is open: it redraws at its new size.
            crate::web::announce_layout_change();
            if opening {
                // The main plot, with Play and the scores under it, to the top of the screen:
                // the open drawer covers the lower two fifths, and the plot it moves stays above.
                let plot = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(".plots > .panel").ok().flatten());
                if let Some(plot) = plot {
                    plot.scroll_into_view();
                }
            }
        })
    };
    // (The arrow hidden from a screen reader, which said "Hyperparameters up-pointing small
    // triangle"; `aria-expanded` says whether it is open.)
    let (handle, arrow) = if *open {
        (format!("Close the {}", props.handle.to_lowercase()), " ▾")
    } else {
        (props.handle.to_string(), " ▴")
    };
    // Every way of closing it: the main plot, larger again, redraws at its new size.
    let close = {
        let open = open.clone();
        move || {
            open.set(false);
            crate::web::announce_layout_change();
        }
    };
    let on_key = {
        let (open, close) = (open.clone(), close.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                close();
                // Back to the handle, which is where the drawer was opened.
                let handle = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("drawer-handle"))
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(handle) = handle {
                    let _ = handle.focus();
                }
            }
        })
    };
    // Escape closes the open drawer wherever the focus is: Play, which keeps it open, takes the
    // focus above it (helper 95: Escape after Play did nothing).
    {
        let close = close.clone();
        use_effect_with(*open, move |&is_open| {
            let listener = is_open.then(|| {
                crate::web::KeyListener::start(move |key| {
                    let escape = key == "Escape";
                    if escape {
                        close();
                    }
                    escape
                })
            });
            move || drop(listener)
        });
    }
    // Tab out of the open drawer to a control under it closes it (helper 49). A tap on the plot
    // moves no focus, and a tap on Play above the drawer moves it to a button in sight: the
    // drawer stays open for both, so the slider can be moved again (helper 53).
    let section = use_node_ref();
    let on_focus_out = {
        let (open, section) = (open.clone(), section.clone());
        Callback::from(move |e: FocusEvent| {
            if *open
                && crate::web::focus_moved_out(&e, section.cast())
                && crate::web::focus_went_under(&e, section.cast())
            {
                close();
            }
        })
    };
    html! {
        <section class={classes!("panel", "hyper", open.then_some("open"))} aria-labelledby="hyper-title" onkeydown={on_key}
            ref={section} onfocusout={on_focus_out}>
            <button type="button" id="drawer-handle" class="drawer-handle" aria-expanded={open.to_string()}
                aria-controls="hyper-body" onclick={toggle}>{ handle }<span aria-hidden="true">{ arrow }</span></button>
            <div id="hyper-body" class="drawer-body">
                if props.diverged {
                    // Shown only in the drawer (CSS); the notice under the plot is the one announced.
                    <p class="drawer-stopped" aria-hidden="true"><strong>{ "Diverged. " }</strong>
                        { "Training stopped: the loss exploded at this learning rate. Lower it; the whole story is under the plot, behind this drawer." }</p>
                }
                if let Some((line, met)) = props.challenge.clone() {
                    // (Shown only in the open drawer on a phone, CSS; the bar's status is the
                    // one announced.)
                    <p class={classes!("drawer-challenge", met.then_some("met"))} aria-hidden="true">{ line }</p>
                }
                <h2 id="hyper-title">{ props.title.clone() }{ super::heading_tag(props.tag.clone()) }</h2>
                { props.children.clone() }
            </div>
        </section>
    }
}
