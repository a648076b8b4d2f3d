//! The Classification lab's plane: the decision map painted pixel by pixel on the bottom canvas,
//! axes and points through plotters on a transparent canvas above it. Clicking adds a point of the
//! chosen class when the dataset is "Your own points"; Shift+click removes the nearest one.
//! Hovering over the plane with k-NN rings the k training points that vote there.

use super::canvas::{context, fit_bitmap, stamp};
use crate::data::classification::Dataset2;
use crate::data::classification::{class_name, tied_classes, CLASS_NAMES};
use crate::ml::metrics::argmax;
use crate::ml::plane_model::PlaneModel;
use crate::plot::region;
use crate::state::map_words::{ensemble_votes, point_words, prediction_words};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::Clamped;
use web_sys::{HtmlCanvasElement, ImageData, KeyboardEvent, MouseEvent};
use yew::prelude::*;

/// Cells per side of the decision map.
pub const CELLS: usize = 100;
/// Cells per side while training plays and a full map would take over half a frame.
const LIVE_CELLS: usize = 50;
/// Milliseconds a full map may take while training plays.
const LIVE_BUDGET_MS: f64 = 8.0;

#[derive(Properties)]
pub struct RegionProps {
    pub data: Rc<Dataset2>,
    pub model: Rc<PlaneModel>,
    /// Changes whenever the model does.
    pub version: u64,
    pub editable: bool,
    /// Training is playing: the map then repaints at most as often as keeps it to about a third
    /// of the time, at 50 × 50 cells if 100 × 100 would take over half a frame (a big network),
    /// and at full resolution once training stops.
    #[prop_or_default]
    pub running: bool,
    pub on_add: Callback<(f64, f64)>,
    pub on_remove: Callback<(f64, f64)>,
}

impl PartialEq for RegionProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && self.version == other.version
            && self.editable == other.editable
            && self.running == other.running
    }
}

type Area = (Range<i32>, Range<i32>);

#[component]
pub fn RegionChart(props: &RegionProps) -> Html {
    let map_canvas = use_node_ref();
    let axes_canvas = use_node_ref();
    let area = use_mut_ref(|| None::<Area>);
    let shown = use_mut_ref(Shown::default);
    // When the last repaint ended, how long it took, and what a full-resolution map costs (ms).
    let last_draw = use_mut_ref(|| (0.0f64, 0.0f64, 0.0f64));
    let hover = use_state(|| None::<(f64, f64)>);
    // The keyboard's pointer on the plane, moved with the arrow keys while the plane has focus.
    let layout = super::canvas::use_layout();
    let cursor = use_state(|| None::<(f64, f64)>);

    let highlight: Vec<usize> = match (&*props.model, hover.or(*cursor)) {
        (PlaneModel::Knn(knn), Some((x1, x2))) => {
            let mut scratch = Vec::new();
            knn.neighbours(x1, x2, &mut scratch);
            scratch.iter().map(|(_, i)| *i).collect()
        }
        _ => Vec::new(),
    };

    {
        let (map_canvas, axes_canvas, area, shown) = (
            map_canvas.clone(),
            axes_canvas.clone(),
            area.clone(),
            shown.clone(),
        );
        let (data, model, last_draw) = (props.data.clone(), props.model.clone(), last_draw.clone());
        use_effect_with(
            (
                props.version,
                Rc::as_ptr(&props.data),
                highlight.clone(),
                *cursor,
                props.running,
                layout,
            ),
            move |(version, _, highlight, cursor, running, _)| {
                let (ended, took, full_cost) = *last_draw.borrow();
                let now = crate::web::now_ms();
                if *running && now - ended < 2.0 * took {
                    return;
                }
                let cells = if *running && full_cost > LIVE_BUDGET_MS {
                    LIVE_CELLS
                } else {
                    CELLS
                };
                if let (Some(m), Some(a)) = (
                    map_canvas.cast::<HtmlCanvasElement>(),
                    axes_canvas.cast::<HtmlCanvasElement>(),
                ) {
                    let wanted = Shown {
                        map: Some(MapKey {
                            version: *version,
                            cells,
                            bitmap: (0, 0),
                        }),
                        axes: Some(AxesKey {
                            data: data.clone(),
                            highlight: highlight.clone(),
                            cursor: *cursor,
                            bitmap: (0, 0),
                        }),
                    };
                    let (painted, map_drawn) = draw(&m, &a, &model, wanted, &shown);
                    *area.borrow_mut() = painted;
                    let end = crate::web::now_ms();
                    // Cost grows with the number of cells; a repaint of the points alone says
                    // nothing about the map's.
                    let full = if map_drawn {
                        (end - now) * (CELLS * CELLS) as f64 / (cells * cells) as f64
                    } else {
                        full_cost
                    };
                    *last_draw.borrow_mut() = (end, end - now, full);
                }
            },
        );
    }

    let point_at = {
        let area = area.clone();
        move |e: &MouseEvent| {
            let scale = crate::web::device_pixel_ratio();
            area.borrow().as_ref().and_then(|a| {
                region::to_data(a, e.offset_x() as f64 * scale, e.offset_y() as f64 * scale)
            })
        }
    };
    let onclick = {
        let (add, remove, editable, point_at) = (
            props.on_add.clone(),
            props.on_remove.clone(),
            props.editable,
            point_at.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            if let (true, Some(p)) = (editable, point_at(&e)) {
                if e.shift_key() {
                    remove.emit(p)
                } else {
                    add.emit(p)
                }
            }
        })
    };
    let onmousemove = {
        let (hover, point_at) = (hover.clone(), point_at.clone());
        // The pointer rings k-NN's neighbours and counts an ensemble's votes (helper 54: the votes
        // showed only for the keyboard's cross); for other models it changes nothing shown.
        let tells = matches!(
            &*props.model,
            PlaneModel::Knn(_) | PlaneModel::Forest(_) | PlaneModel::Boosting(_)
        );
        Callback::from(move |e: MouseEvent| {
            if tells {
                hover.set(point_at(&e));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };
    let onkeydown = {
        let (cursor, add, remove, editable) = (
            cursor.clone(),
            props.on_add.clone(),
            props.on_remove.clone(),
            props.editable,
        );
        Callback::from(move |e: KeyboardEvent| {
            let (x, y) = cursor.unwrap_or((0.0, 0.0));
            let step = if e.shift_key() { 0.2 } else { 0.05 };
            let limit = region::EXTENT;
            let moved = match e.key().as_str() {
                "ArrowLeft" => Some((x - step, y)),
                "ArrowRight" => Some((x + step, y)),
                "ArrowUp" => Some((x, y + step)),
                "ArrowDown" => Some((x, y - step)),
                _ => None,
            };
            if let Some((x, y)) = moved {
                e.prevent_default();
                cursor.set(Some((x.clamp(-limit, limit), y.clamp(-limit, limit))));
            } else if editable && (e.key() == "Enter" || e.key() == " ") {
                e.prevent_default();
                add.emit((x, y));
                cursor.set(Some((x, y)));
            } else if editable && (e.key() == "Delete" || e.key() == "Backspace") {
                e.prevent_default();
                remove.emit((x, y));
            }
        })
    };
    let onfocus = {
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| cursor.set(Some(cursor.unwrap_or((0.0, 0.0)))))
    };
    let onblur = {
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| cursor.set(None))
    };
    // The ringed neighbours in words, for whoever cannot see the rings.
    let neighbours = hover
        .or(*cursor)
        .filter(|_| !highlight.is_empty())
        .map(|(x1, x2)| {
            let mut counts = [0usize; CLASS_NAMES.len()];
            for &i in &highlight {
                if let Some(c) = props
                    .data
                    .train
                    .get(i)
                    .and_then(|p| counts.get_mut(p.class))
                {
                    *c += 1;
                }
            }
            let votes: Vec<String> = counts
                .iter()
                .zip(CLASS_NAMES)
                .filter(|(n, _)| **n > 0)
                .map(|(n, name)| format!("{n} {name}"))
                .collect();
            // Which class the vote gives (distance weighting may outvote the count: helper 55
            // could not tell), or that it ties, and which class the lab scores a tie as.
            let mut shares = vec![0.0; props.data.classes.max(1)];
            props.model.predict(x1, x2, &mut Vec::new(), &mut shares);
            let winner = class_name(argmax(&shares));
            let outcome = match tied_classes(&shares) {
                Some(tied) => format!("the vote ties between {tied} (scored as {winner})"),
                None => format!("the vote goes to {winner}"),
            };
            format!(
                "The {} nearest training points to {}: {}; {outcome}.",
                highlight.len(),
                point_words(x1, x2),
                votes.join(", "),
            )
        });
    let votes = hover
        .or(*cursor)
        .and_then(|(x1, x2)| ensemble_votes(&props.model, x1, x2))
        // Any other model under the keyboard's cross: the map's colour there, in words (helper
        // 97: the arrow keys moved a cross a screen reader said nothing of).
        .or_else(|| {
            let (x1, x2) = (*cursor).filter(|_| neighbours.is_none())?;
            Some(prediction_words(&props.model, &props.data, x1, x2))
        });
    let pointed = neighbours.is_some() || votes.is_some();
    let (keys_hint, tap_hint) = match &*props.model {
        _ if props.editable => (
            "With the plot focused: arrow keys move the cross (Shift: faster), Enter adds a point there, Delete removes the nearest.",
            Some("Tap the plot: a tap does what “A click on the plot” says."),
        ),
        PlaneModel::Knn(_) => (
            "With the plot focused, arrow keys move a cross; its k nearest neighbours are ringed.",
            Some("Tap the plot to ring the k nearest training points of the place tapped."),
        ),
        PlaneModel::Forest(_) | PlaneModel::Boosting(_) => (
            "With the plot focused, arrow keys move a cross.",
            Some("Tap the plot to see what the trees say there."),
        ),
        _ => ("With the plot focused, arrow keys move a cross.", None),
    };
    let says_more = matches!(
        &*props.model,
        PlaneModel::Knn(_) | PlaneModel::Forest(_) | PlaneModel::Boosting(_)
    );
    html! {
        <>
        <div class={classes!("chart", "plane", props.editable.then_some("editable"))} id="region-chart-box">
            <canvas ref={map_canvas.clone()} id="region-map" aria-hidden="true" />
            { super::canvas::png_button("decision-map", vec![map_canvas.clone(), axes_canvas.clone()]) }
            <canvas ref={axes_canvas} id="region-chart" role="img" tabindex="0" aria-describedby="plane-keys"
                {onclick} {onmousemove} {onmouseleave} {onkeydown} {onfocus} {onblur}
                aria-label={if props.data.values.is_some() {
                    // (A number to predict, as the Neural lab's Plane and Bumps: no classes; helper 97.)
                    "Predicted surface: the background colour is the number the network predicts there (blue above zero, orange below, white at zero); training points are circles, test points triangles, coloured by the number to predict."
                } else {
                    "Decision map: the background colour is the class the model predicts there, paler where it is unsure; training points are circles, test points triangles, coloured by their class."
                }} />
        </div>
        <super::map_table::MapTable model={props.model.clone()} classes={props.data.classes} version={props.version} running={props.running} />
        // One slot for what the pointer (or the keyboard's cross) shows, the keys' hint until
        // then: hovering the plot no longer pushes Play and the verdict down (helper 55). Room
        // for two lines where the model has something to say there.
        <div class={classes!("pointer-lines", says_more.then_some("says-more"))}>
            // (On a touch screen, what a tap does instead of the keys: helper 105 read "arrow
            // keys" on a tablet. The one not shown is not read out either.)
            <p class={classes!("help", pointed.then_some("covered"))} id="plane-keys">
                <span class="keys-hint">{ keys_hint }</span>
                if let Some(tap) = tap_hint {
                    <span class="tap-hint">{ tap }</span>
                }
            </p>
            <p class="help" id="neighbours" aria-live="polite">{ neighbours.unwrap_or_default() }</p>
            <p class="help" id="votes" aria-live="polite">{ votes.unwrap_or_default() }</p>
        </div>
        </>
    }
}

/// What the two layers show, so each is repainted only when its own content changes: the map
/// for a new model (not when the pointer highlights neighbours), the axes and points for new
/// data or highlights (not for every new model: 1 – 2 ms a repaint).
#[derive(Clone, Default, PartialEq)]
struct Shown {
    map: Option<MapKey>,
    axes: Option<AxesKey>,
}

/// What the map layer shows: the model at `version`, at `cells` × `cells`.
#[derive(Clone, Copy, PartialEq)]
struct MapKey {
    version: u64,
    cells: usize,
    /// The canvases' bitmap size (a new size clears them).
    bitmap: (u32, u32),
}

/// What the axes layer (axes, labels, points, highlights, the cross) shows.
#[derive(Clone)]
struct AxesKey {
    data: Rc<Dataset2>,
    highlight: Vec<usize>,
    cursor: Option<(f64, f64)>,
    /// The canvases' bitmap size (a new size clears them).
    bitmap: (u32, u32),
}

impl PartialEq for AxesKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && self.highlight == other.highlight
            && self.cursor == other.cursor
            && self.bitmap == other.bitmap
    }
}

/// Repaints what changed of `wanted` since `shown`; returns the plotting area and whether the
/// map itself was recomputed.
fn draw(
    map: &HtmlCanvasElement,
    axes: &HtmlCanvasElement,
    model: &PlaneModel,
    wanted: Shown,
    shown: &RefCell<Shown>,
) -> (Option<Area>, bool) {
    let started = crate::web::now_ms();
    let Some((bw, bh, scale)) = fit_bitmap(&[axes, map]) else {
        return (None, false);
    };
    let (Some(mut map_key), Some(mut axes_key)) = (wanted.map, wanted.axes) else {
        return (None, false);
    };
    (map_key.bitmap, axes_key.bitmap) = ((bw, bh), (bw, bh));
    let Some(root) = CanvasBackend::with_canvas_object(axes.clone()).map(|b| b.into_drawing_area())
    else {
        return (None, false);
    };
    let Some(area) = region::plot_area(&root, scale) else {
        return (None, false);
    };
    let data = axes_key.data.clone();
    // Map layer: white page, then the map stretched over the plotting area.
    let map_drawn = shown.borrow().map != Some(map_key)
        && paint_map(map, model, &area, (bw, bh), map_key.cells, data.classes).is_some();
    if map_drawn {
        shown.borrow_mut().map = Some(map_key);
    }
    // Axes and points layer.
    if shown.borrow().axes.as_ref() != Some(&axes_key) {
        super::canvas::clear(axes);
        let _ = region::draw_axes(
            &root,
            &data.train,
            &data.test,
            data.values.as_ref(),
            &axes_key.highlight,
            axes_key.cursor,
            scale,
        );
        shown.borrow_mut().axes = Some(axes_key);
    }
    stamp(axes, started);
    (Some(area), map_drawn)
}

/// The decision map at `cells` × `cells`, stretched over the plotting area of the map canvas.
fn paint_map(
    map: &HtmlCanvasElement,
    model: &PlaneModel,
    area: &Area,
    (bw, bh): (u32, u32),
    cells: usize,
    classes: usize,
) -> Option<()> {
    let ctx = context(map)?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, bw as f64, bh as f64);
    let pixels = region::decision_map(model, cells, classes);
    let image =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), cells as u32, cells as u32)
            .ok()?;
    let scratch = crate::web::scratch_canvas(cells as u32)?;
    context(&scratch)?.put_image_data(&image, 0.0, 0.0).ok()?;
    let (xs, ys) = area;
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
        &scratch,
        xs.start as f64,
        ys.start as f64,
        (xs.end - xs.start) as f64,
        (ys.end - ys.start) as f64,
    )
    .ok()
}
