//! The hyperparameters panel. On a phone (≤ 760 px wide) it is a drawer at the bottom of the
//! screen: closed, only its handle shows; open, it covers the lower half with its controls and
//! leaves the plot above in view, so a slider moved there changes the plot in sight. Elsewhere the
//! handle is hidden and the panel is an ordinary panel of the left column.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HyperPanelProps {
    pub title: AttrValue,
    pub tag: AttrValue,
    pub children: Html,
}

#[component]
pub fn HyperPanel(props: &HyperPanelProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let handle = if *open {
        "Close the hyperparameters ▾"
    } else {
        "Hyperparameters ▴"
    };
    html! {
        <section class={classes!("panel", "hyper", open.then_some("open"))} aria-labelledby="hyper-title">
            <button type="button" id="drawer-handle" class="drawer-handle" aria-expanded={open.to_string()}
                aria-controls="hyper-body" onclick={toggle}>{ handle }</button>
            <div id="hyper-body" class="drawer-body">
                <h2 id="hyper-title">{ props.title.clone() }<span class="tag">{ props.tag.clone() }</span></h2>
                { props.children.clone() }
            </div>
        </section>
    }
}
