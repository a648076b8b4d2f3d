//! The network as a diagram of what it learned: every weight a link (blue solid if positive,
//! orange dashed if negative, wider when larger; a weight that is exactly zero, as L1 leaves
//! many, a faint grey dotted line, so it does not pass for a small positive one), every neuron a
//! circle filled by its bias, a class's output ringed in its class's colour.
//! Hovering a link shows its weight; focusing or hovering a neuron shows its bias, the weights
//! coming into it and its own activation map over the plane. Neurons are in the tab order, so
//! every weight is reachable from the keyboard through the neuron it feeds.

use super::canvas::context;
use crate::data::classification::CLASS_NAMES;
use crate::format::short;
use crate::ml::mlp::Mlp;
use crate::ml::plane_model::PlaneModel;
use crate::plot::neuron::neuron_map;
use crate::plot::style::{value_colour, NEGATIVE, POSITIVE};
use std::rc::Rc;
use wasm_bindgen::Clamped;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ImageData};
use yew::prelude::*;

/// Cells per side of a neuron's activation map.
const MAP_CELLS: usize = 40;
const WIDTH: f64 = 320.0;
const ROW: f64 = 28.0;
const RADIUS: f64 = 9.0;
/// The square a tap or click on a neuron lands in, wider than the neuron and just short of the
/// next one's (`ROW` apart): on a phone the diagram is drawn about 1 px a unit, and the 18-unit
/// neurons were targets under the 24 px that touch needs.
const HIT: f64 = 26.0;

#[derive(Properties)]
pub struct NetworkProps {
    pub model: Rc<PlaneModel>,
    pub version: u64,
}

impl PartialEq for NetworkProps {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

/// The id of the first neuron of the first hidden layer (a lesson step's "Go to the neurons").
pub const FIRST_HIDDEN: &str = "neuron-1-1";
/// The id of what the neuron picked shows: its map, bias and weights.
pub const INFO: &str = "neuron-info";

/// A neuron by (layer, unit); layer 0 is the inputs.
type Neuron = (usize, usize);

#[component]
pub fn Network(props: &NetworkProps) -> Html {
    let selected = use_state(|| None::<Neuron>);
    let link = use_state(|| None::<(usize, usize, usize)>);
    let map = use_node_ref();
    let PlaneModel::Mlp(net) = &*props.model else {
        return html! {};
    };
    let sizes = net.sizes();
    {
        let (map, model, selected) = (map.clone(), props.model.clone(), *selected);
        use_effect_with((props.version, selected), move |_| {
            if let (Some((layer, unit)), PlaneModel::Mlp(net)) = (selected, &*model) {
                let index = net.sizes()[..layer].iter().sum::<usize>() + unit;
                paint(&map, net, index);
            }
        });
    }
    let tallest = sizes.iter().copied().max().unwrap_or(1) as f64;
    let height = tallest * ROW + 2.0 * ROW;
    let x = |layer: usize| 64.0 + layer as f64 * (WIDTH - 64.0 - 64.0) / (sizes.len() - 1) as f64;
    let y = |layer: usize, unit: usize| {
        height / 2.0 + (unit as f64 - (sizes[layer] as f64 - 1.0) / 2.0) * ROW
    };
    let names = net.architecture().inputs().names();
    let name = |(layer, unit): Neuron| neuron_name(&names, &sizes, layer, unit);
    let top = net.params().iter().fold(0.0f64, |m, w| m.max(w.abs()));

    let all_nodes = (0..sizes.len()).flat_map(|layer| (0..sizes[layer]).map(move |u| (layer, u)));
    // A big network has 1,632 links: what does not depend on the weights (which neurons a link
    // joins, its position, its index) is made once per shape, and each render only picks a sign
    // and one of 36 widths (no text per link), so redrawing stays cheap.
    let shapes = use_memo(sizes.clone(), |sizes| {
        let mut links = Vec::new();
        for layer in 1..sizes.len() {
            for to in 0..sizes[layer] {
                for from in 0..sizes[layer - 1] {
                    let at = [x(layer - 1), y(layer - 1, from), x(layer), y(layer, to)];
                    let index = AttrValue::from(links.len().to_string());
                    links.push((
                        (layer, to, from),
                        at.map(|v| AttrValue::from(fmt(v))),
                        index,
                    ));
                }
            }
        }
        links
    });
    let (positive, negative, zero) = (
        AttrValue::from(rgb(POSITIVE)),
        AttrValue::from(rgb(NEGATIVE)),
        AttrValue::from("#aaa"),
    );
    let links = shapes.iter().map(|((layer, to, from), at, index)| {
        let w = net.weight(layer - 1, *to, *from);
        let step = (35.0 * (w.abs() / top.max(1e-12)).sqrt()).round();
        let (class, stroke, width) = if w == 0.0 {
            ("link zero", zero.clone(), WIDTHS[2])
        } else if w < 0.0 {
            ("link negative", negative.clone(), WIDTHS[step_index(step)])
        } else {
            ("link positive", positive.clone(), WIDTHS[step_index(step)])
        };
        html! {
            <line x1={at[0].clone()} y1={at[1].clone()} x2={at[2].clone()} y2={at[3].clone()}
                class={class} stroke={stroke} stroke-width={width}
                data-link={index.clone()} />
        }
    });
    // One listener for every link: the hovered line says which weight it draws.
    let on_link = {
        let (link, shapes) = (link.clone(), shapes.clone());
        Callback::from(move |e: MouseEvent| {
            let index = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|line| line.get_attribute("data-link"))
                .and_then(|i| i.parse::<usize>().ok());
            if let Some((ends, _, _)) = index.and_then(|i| shapes.get(i)) {
                link.set(Some(*ends));
            }
        })
    };
    let nodes = all_nodes.map(|(layer, unit)| {
        let bias = (layer > 0).then(|| net.bias(layer - 1, unit));
        let fill = bias.map_or("#ffffff".to_string(), |b| shade(b, top));
        // The name alone is what a screen reader says on focus: a name holding the bias changed
        // with every frame of training (helper 97). The tooltip shows the bias, and the panel
        // below the diagram lists it with the weights coming in.
        let (label, tip) = match bias {
            Some(b) => (
                name((layer, unit)),
                format!("{}: bias {}", name((layer, unit)), short(b)),
            ),
            None => {
                let input = format!("{} (an input)", name((layer, unit)));
                (input.clone(), input)
            }
        };
        let pick = {
            let selected = selected.clone();
            move || selected.set(Some((layer, unit)))
        };
        let (p1, p2) = (pick.clone(), pick);
        let current = *selected == Some((layer, unit));
        let text_x = if layer == 0 { x(0) - RADIUS - 4.0 } else { x(layer) + RADIUS + 4.0 };
        let anchor = if layer == 0 { "end" } else { "start" };
        let caption = match layer {
            0 => names[unit],
            l if l + 1 == sizes.len() => output_name(&sizes, unit),
            _ => "",
        };
        // A class's output is ringed in its class's colour: its fill, like every neuron's, is
        // its bias (blue positive, orange negative), which need not match the class it names.
        // (The colours are the stylesheet's `ring-N`, the classes' `CLASS_COLOURS`: the page's
        // security policy allows no inline style.)
        let ring = (layer + 1 == sizes.len() && sizes[layer] > 1 && unit < CLASS_NAMES.len())
            .then(|| format!("ring-{unit}"));
        html! {
            <g class={classes!("neuron", current.then_some("current"))} tabindex="0" role="img" aria-label={label}
                id={format!("neuron-{layer}-{}", unit + 1)}
                onfocus={Callback::from(move |_: FocusEvent| p1())} onmouseenter={Callback::from(move |_: MouseEvent| p2())}>
                <title>{ tip }</title>
                <rect class="hit" x={fmt(x(layer) - HIT / 2.0)} y={fmt(y(layer, unit) - HIT / 2.0)}
                    width={fmt(HIT)} height={fmt(HIT)} fill="transparent" />
                <circle cx={fmt(x(layer))} cy={fmt(y(layer, unit))} r={fmt(RADIUS)} fill={fill}
                    class={classes!(ring)} />
                <text x={fmt(text_x)} y={fmt(y(layer, unit) + 4.0)} text-anchor={anchor}>{ caption }</text>
            </g>
        }
    });

    let info = selected.map(|(layer, unit)| {
        let incoming = (layer > 0).then(|| {
            (0..sizes[layer - 1])
                .map(|from| (name((layer - 1, from)), net.weight(layer - 1, unit, from)))
                .collect::<Vec<_>>()
        });
        html! {
            // Only the neuron's name is live: announced when another neuron is picked, not the
            // figures, which change with every frame while training plays (helper 97: 283
            // announcements in 5 s).
            <div class="neuron-info" id={INFO}>
                <canvas ref={map.clone()} class="neuron-map" width={MAP_CELLS.to_string()} height={MAP_CELLS.to_string()}
                    aria-label={format!("Output of {} over the plane: blue positive, orange negative", name((layer, unit)))} role="img" />
                <div>
                    <p aria-live="polite"><strong>{ name((layer, unit)) }</strong></p>
                    if let Some(weights) = incoming {
                        <p>{ format!("bias b = {}", short(net.bias(layer - 1, unit))) }</p>
                        <table class="weights">
                            <caption>{ "weights coming in" }</caption>
                            <tbody>
                                { for weights.into_iter().map(|(from, w)| html! {
                                    <tr><th scope="row">{ format!("from {from}") }</th><td class="num">{ short(w) }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    } else {
                        <p>{ "An input: it learns nothing, it passes its feature on." }</p>
                    }
                </div>
            </div>
        }
    });
    let hovered = link.map(|(layer, to, from)| {
        format!(
            "Weight from {} to {}: {}",
            name((layer - 1, from)),
            name((layer, to)),
            short(net.weight(layer - 1, to, from))
        )
    });

    // Outputs are ringed only where there is one per class (see `ring` above).
    let ringed = sizes.last().is_some_and(|&n| n > 1);
    html! {
        <div id="learned" class="network">
            <svg viewBox={format!("0 0 {WIDTH} {}", fmt(height))} class="network-diagram" id="network"
                role="group" aria-label="The network: inputs on the left, outputs on the right. Tab to a neuron to read its weights.">
                <g class="links" onmouseover={on_link.clone()} onclick={on_link}>{ for links }</g>
                <g class="nodes">{ for nodes }</g>
            </svg>
            // The key stays while a link's weight is read (on a touch screen nothing un-hovers it).
            <p class="help" id="link-legend">{ format!("Links: blue solid positive, orange dashed negative, grey dotted exactly zero. Neurons are filled by their bias in the same colours{}.", if ringed { "; a class's output is ringed in the class's colour" } else { "" }) }</p>
            <p class="help" id="link-info">{ hovered.unwrap_or_else(|| "Hover or tap a link to read its weight; focus, hover or tap a neuron for its bias, incoming weights and output map.".to_string()) }</p>
            // Always there, so that the first neuron picked does not shift the children Yew
            // matches up: the diagram was redrawn anew, and the focus of the first Tab lost.
            <div class="neuron-info-slot">{ for info }</div>
        </div>
    }
}

/// "x₁", "layer 2, neuron 3" or "output blue".
fn neuron_name(inputs: &[&str], sizes: &[usize], layer: usize, unit: usize) -> String {
    if layer == 0 {
        inputs.get(unit).unwrap_or(&"?").to_string()
    } else if layer + 1 == sizes.len() {
        format!("output {}", output_name(sizes, unit))
    } else {
        format!("layer {layer}, neuron {}", unit + 1)
    }
}

/// A class's colour name, or ŷ for a regression network's single output.
fn output_name(sizes: &[usize], unit: usize) -> &'static str {
    if sizes.last() == Some(&1) {
        "ŷ"
    } else {
        CLASS_NAMES.get(unit).unwrap_or(&"?")
    }
}

/// A bias as a fill: white at zero, towards blue (positive) or orange (negative), by the square
/// root of its size relative to the largest parameter (as the links' widths).
fn shade(b: f64, top: f64) -> String {
    let s = (b.abs() / top.max(1e-12)).sqrt();
    rgb(value_colour(s.copysign(b), 1.0))
}

/// Link widths 0.5 … 4.0 in tenths: 0.5 + 3.5·√(|w| / largest |w|), rounded.
const WIDTHS: [&str; 36] = [
    "0.5", "0.6", "0.7", "0.8", "0.9", "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7",
    "1.8", "1.9", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "3.0",
    "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "4.0",
];

fn rgb(c: plotters::style::RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// Which of the 36 widths a link of relative size `step` (0 … 35, or NaN) gets.
fn step_index(step: f64) -> usize {
    if step.is_finite() {
        (step as usize).min(35)
    } else {
        0
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// Paints neuron `index`'s activation map into the canvas.
fn paint(canvas: &NodeRef, net: &Mlp, index: usize) -> Option<()> {
    let canvas = canvas.cast::<HtmlCanvasElement>()?;
    let pixels = neuron_map(net, index, MAP_CELLS);
    let image = ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(&pixels),
        MAP_CELLS as u32,
        MAP_CELLS as u32,
    )
    .ok()?;
    context(&canvas)?.put_image_data(&image, 0.0, 0.0).ok()
}
