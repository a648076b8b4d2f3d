//! Parts of a lab built a few animation frames after it mounts. Opening a lab then takes several
//! short tasks — the plot first, each panel below it in a frame of its own (built, laid out and
//! drawn) — instead of one long task during which a slow phone cannot answer a tap (Lighthouse's
//! total blocking time counts every task over 50 ms).

use crate::web::FrameLoop;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Frames after which a lab's panels are all built: background work (the validation curve's
/// sweep) starts then, so that it does not share their frames.
pub const SETTLED_FRAMES: u32 = 4;

/// False until `frames` animation frames have passed since the calling component mounted, then
/// true for good.
#[hook]
pub fn use_after_frames(frames: u32) -> bool {
    let ready = use_state_eq(|| frames == 0);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let holder: Rc<RefCell<Option<FrameLoop>>> = Rc::default();
            if !*ready {
                let (inner, mut left) = (holder.clone(), frames);
                let frame_loop = FrameLoop::start(move |_| {
                    left -= 1;
                    if left == 0 {
                        ready.set(true);
                        // Stops the loop (safe from inside a frame, see `FrameLoop`).
                        inner.borrow_mut().take();
                    }
                });
                *holder.borrow_mut() = Some(frame_loop);
            }
            move || drop(holder.borrow_mut().take())
        });
    }
    *ready
}

#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    /// Animation frames after mounting before the children are built.
    pub frames: u32,
    pub children: Html,
}

/// Its children, from `frames` animation frames after it mounts (nothing before).
#[component]
pub fn Deferred(props: &DeferredProps) -> Html {
    if use_after_frames(props.frames) {
        props.children.clone()
    } else {
        Html::default()
    }
}
