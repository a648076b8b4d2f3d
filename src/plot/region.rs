//! The Classification lab's plane: a decision map (each cell coloured by the predicted class
//! probabilities) behind the points. Train points are filled circles, test points triangles, in
//! their class's colour (Okabe–Ito, colour-blind safe) with a dark outline. For a regression set
//! (one output) the map and the points are coloured by value instead: blue above zero, orange
//! below, white at zero.
//!
//! The map is computed here as RGBA pixels ([`decision_map`]) and painted by the page straight into
//! a canvas (plotters' per-rectangle drawing is far too slow for 10,000 cells a frame); axes and
//! points go through plotters ([`draw_axes`]), on a transparent layer above the map.

use super::style::{font, px, value_colour, GRID};
use super::{ChartResult, DrawResult};
use crate::data::classification::{Point2, Targets2};
use crate::ml::plane_model::PlaneModel;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// Both axes span [−EXTENT, EXTENT].
pub use crate::data::classification::EXTENT;

/// The classes' colours (blue, orange, green: `data::classification::CLASS_NAMES`); the stylesheet's
/// `ring-N` rules, which ring the network's outputs, repeat them.
pub const CLASS_COLOURS: [RGBColor; 3] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
];

fn chart<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scale: f64,
) -> ChartResult<'a, DB, RangedCoordf64, RangedCoordf64> {
    ChartBuilder::on(root)
        .margin(px(8.0, scale))
        .margin_right(px(16.0, scale))
        .x_label_area_size(px(36.0, scale))
        .y_label_area_size(px(44.0, scale))
        .build_cartesian_2d(-EXTENT..EXTENT, -EXTENT..EXTENT)
}

/// The plotting area in backend pixels (x range, y range), where the map goes.
pub fn plot_area<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Option<(Range<i32>, Range<i32>)> {
    chart(root, scale)
        .ok()
        .map(|c| c.plotting_area().get_pixel_range())
}

/// Data coordinates of a backend pixel (for clicks); `None` outside `area`, on the axes' labels
/// (helper 66: a click there placed a point beyond the drawn square, which the link could not
/// carry, so it was lost on a reload).
pub fn to_data(area: &(Range<i32>, Range<i32>), px: f64, py: f64) -> Option<(f64, f64)> {
    let (xs, ys) = area;
    let fx = (px - xs.start as f64) / (xs.end - xs.start).max(1) as f64;
    let fy = (py - ys.start as f64) / (ys.end - ys.start).max(1) as f64;
    let inside = |f: f64| (0.0..=1.0).contains(&f);
    (inside(fx) && inside(fy)).then(|| (-EXTENT + 2.0 * EXTENT * fx, EXTENT - 2.0 * EXTENT * fy))
}

/// Axes, labels and points, on a transparent layer; `highlight` rings the given training points
/// and `cursor` marks the keyboard's position with a cross.
pub fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    train: &[Point2],
    test: &[Point2],
    values: Option<&Targets2>,
    highlight: &[usize],
    cursor: Option<(f64, f64)>,
    scale: f64,
) -> DrawResult<DB> {
    let mut chart = chart(root, scale)?;
    // On a small plot (under a lesson's bar, on a phone) the marks shrink with it, down to
    // 2.5 px, and the labels thin to −1, 0, 1: 4.5-px dots hid a 1-NN map's islands on a 170-px
    // plot, and five labels ran together (helper 93).
    let width = chart.plotting_area().dim_in_pixel().0 as f64 / scale;
    let shrink = (width / 360.0).clamp(2.5 / 4.5, 1.0);
    let labels = if width < 240.0 { 3 } else { 5 };
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.mix(0.5))
        .x_labels(labels)
        .y_labels(labels)
        .x_desc("x₁")
        .y_desc("x₂")
        .label_style(("sans-serif", font(13.0, scale)))
        .axis_desc_style(("sans-serif", font(14.0, scale)))
        .draw()?;
    let r = px(4.5 * shrink, scale) as i32;
    let outline = ShapeStyle::from(&BLACK.mix(0.75)).stroke_width(px(1.0, scale));
    let colours = |points: &[Point2], values: Option<&Vec<f64>>| -> Vec<RGBColor> {
        match values {
            Some(v) => v.iter().map(|y| value_colour(*y, 1.0)).collect(),
            None => points
                .iter()
                .map(|p| CLASS_COLOURS[p.class.min(2)])
                .collect(),
        }
    };
    let train_colours = colours(train, values.map(|v| &v.train));
    let test_colours = colours(test, values.map(|v| &v.test));
    chart.draw_series(
        train
            .iter()
            .zip(&train_colours)
            .map(|(p, c)| Circle::new((p.x1, p.x2), r, c.filled())),
    )?;
    chart.draw_series(train.iter().map(|p| Circle::new((p.x1, p.x2), r, outline)))?;
    let t = px(6.0 * shrink, scale) as i32;
    chart.draw_series(
        test.iter()
            .zip(&test_colours)
            .map(|(p, c)| TriangleMarker::new((p.x1, p.x2), t, c.filled())),
    )?;
    let ring = ShapeStyle::from(&BLACK).stroke_width(px(2.5, scale));
    chart.draw_series(
        highlight
            .iter()
            .filter_map(|&i| train.get(i))
            .map(|p| Circle::new((p.x1, p.x2), r + px(4.0, scale) as i32, ring)),
    )?;
    if let Some((x, y)) = cursor {
        let arm = 0.08;
        let cross = ShapeStyle::from(&BLACK).stroke_width(px(2.0, scale));
        chart.draw_series([
            PathElement::new(vec![(x - arm, y), (x + arm, y)], cross),
            PathElement::new(vec![(x, y - arm), (x, y + arm)], cross),
        ])?;
    }
    Ok(())
}

/// RGBA pixels of the decision map of `model`, `cells` × `cells`, top row first
/// (x₂ = +EXTENT), each cell coloured by the class probabilities at its centre: the mix of class
/// colours, paler where the model is unsure.
pub fn decision_map(model: &PlaneModel, cells: usize, classes: usize) -> Vec<u8> {
    let (x1s, x2s) = cell_centres(cells);
    let cells = model.predict_grid(&x1s, &x2s, classes);
    if classes == 1 {
        // A regression surface: the prediction's value.
        return cells
            .iter()
            .flat_map(|v| {
                let c = value_colour(*v, 0.6);
                [c.0, c.1, c.2, 255]
            })
            .collect();
    }
    cells.chunks(classes).flat_map(colour).collect()
}

/// The centres of `cells` × `cells` cells over the plane: x₁ left to right, x₂ top to bottom.
fn cell_centres(cells: usize) -> (Vec<f64>, Vec<f64>) {
    let step = 2.0 * EXTENT / cells as f64;
    let x1s = (0..cells)
        .map(|c| -EXTENT + (c as f64 + 0.5) * step)
        .collect();
    let x2s = (0..cells)
        .map(|r| EXTENT - (r as f64 + 0.5) * step)
        .collect();
    (x1s, x2s)
}

/// RGBA pixels, as [`decision_map`], of an ensemble's newest tree alone: a forest's newest tree's
/// vote, or the class boosting's newest round pushes towards (its contribution to the scores,
/// scaled so its largest push reads as a clear 95 %: a correction made small by the shrinkage
/// still shows its shape). `None` for other models or before the first tree.
pub fn newest_tree_map(model: &PlaneModel, cells: usize, classes: usize) -> Option<Vec<u8>> {
    let (x1s, x2s) = cell_centres(cells);
    match model {
        PlaneModel::Forest(f) => {
            let last = f.trees().len().checked_sub(1)?;
            let p = f.tree_proba_grid(last, &x1s, &x2s);
            Some(p.chunks(classes).flat_map(colour).collect())
        }
        PlaneModel::Boosting(b) => {
            let last = b.rounds().len().checked_sub(1)?;
            let c = b.contribution_grid(last, &x1s, &x2s);
            let top = c.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            // ln 19: a push of the largest size gives 95 % for two classes.
            let gain = if top > 0.0 && top.is_finite() {
                19f64.ln() / top
            } else {
                0.0
            };
            let outputs = b.outputs();
            Some(
                c.chunks(outputs)
                    .flat_map(|scores| {
                        let p = if outputs == 1 {
                            let one = 1.0 / (1.0 + (-gain * scores[0]).exp());
                            vec![1.0 - one, one]
                        } else {
                            let e: Vec<f64> = scores.iter().map(|s| (gain * s).exp()).collect();
                            let sum: f64 = e.iter().sum();
                            e.iter().map(|v| v / sum).collect()
                        };
                        colour(&p)
                    })
                    .collect(),
            )
        }
        _ => None,
    }
}

/// The colour of one cell: class colours mixed by probability, blended toward white by how
/// uncertain the prediction is (all classes equally likely → white).
pub fn colour(p: &[f64]) -> [u8; 4] {
    let k = p.len().max(2) as f64;
    let top = p.iter().cloned().fold(0.0, f64::max);
    let confidence = ((top - 1.0 / k) / (1.0 - 1.0 / k)).clamp(0.0, 1.0);
    let strength = 0.15 + 0.45 * confidence;
    let mut rgb = [0.0; 3];
    for (pk, c) in p.iter().zip(CLASS_COLOURS) {
        rgb[0] += pk * c.0 as f64;
        rgb[1] += pk * c.1 as f64;
        rgb[2] += pk * c.2 as f64;
    }
    let mix = |v: f64| {
        (255.0 * (1.0 - strength) + v * strength)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    [mix(rgb[0]), mix(rgb[1]), mix(rgb[2]), 255]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_tree_alone_is_drawn_for_ensembles_only() {
        use crate::data::classification::{generate, Pattern};
        use crate::ml::model::Model;
        use crate::state::url::decode;
        let d = generate(Pattern::Moons, 200, 0.3, 0.7, 3);
        for query in [
            "lab=classification&model=forest&trees=3",
            "lab=classification&model=boosting&trees=3",
        ] {
            let hyper = decode(query).0.plane_hyper();
            let mut m = PlaneModel::new(&hyper, &d.train_set(), 1);
            assert_eq!(newest_tree_map(&m, 8, 2), None, "{query}: no tree yet");
            m.step();
            let one = newest_tree_map(&m, 8, 2).unwrap();
            assert_eq!(one.len(), 8 * 8 * 4);
            // With one tree, the forest's map is the tree's map.
            if query.contains("forest") {
                assert_eq!(one, decision_map(&m, 8, 2));
            }
            m.step();
            assert_ne!(
                newest_tree_map(&m, 8, 2).unwrap(),
                one,
                "{query}: the second tree differs"
            );
        }
        let knn = decode("lab=classification&model=knn").0.plane_hyper();
        assert_eq!(
            newest_tree_map(&PlaneModel::new(&knn, &d.train_set(), 1), 8, 2),
            None
        );
    }

    #[test]
    fn map_is_row_major_from_the_top() {
        // 1-NN of a class-0 point below and a class-1 point above: class 1 where x₂ > 0.
        use crate::ml::knn::{Knn, KnnHyper, Weighting};
        let at = |x2, class| Point2 { x1: 0.0, x2, class };
        let hyper = KnnHyper::new(1, Weighting::Uniform).unwrap();
        let model = PlaneModel::Knn(Knn::fit(hyper, &[at(-1.0, 0), at(1.0, 1)], 2));
        let px = decision_map(&model, 4, 2);
        assert_eq!(px.len(), 4 * 4 * 4);
        assert_eq!(&px[0..4], &[240, 197, 102, 255]); // top left: class 1, certain (orange)
        assert_eq!(&px[60..64], &[102, 170, 209, 255]); // bottom right: class 0, certain (blue)
    }

    /// The colours worked out by hand: a cell is the class colours mixed by probability, laid
    /// over white at 15 % (all classes equally likely) up to 60 % (one class certain).
    #[test]
    fn cells_mix_the_class_colours_and_pale_with_uncertainty() {
        // Certain: 0.4 · 255 + 0.6 · colour, blue (0, 114, 178) and orange (230, 159, 0).
        assert_eq!(colour(&[1.0, 0.0]), [102, 170, 209, 255]);
        assert_eq!(colour(&[0.0, 1.0]), [240, 197, 102, 255]);
        // An even split: the half-and-half mix (115, 136.5, 89) at 15 % over white — nearly white.
        assert_eq!(colour(&[0.5, 0.5]), [234, 237, 230, 255]);
        // Three classes equally likely: the mean (76.7, 143.7, 97.7) of the three, at 15 %.
        let third = 1.0 / 3.0;
        assert_eq!(colour(&[third, third, third]), [228, 238, 231, 255]);
        // Halfway to certain (confidence ½ → 37.5 %): 0.625 · 255 + 0.375 · mix.
        // p = (0.75, 0.25): mix (57.5, 125.25, 133.5).
        assert_eq!(colour(&[0.75, 0.25]), [181, 206, 209, 255]);
    }

    #[test]
    fn uncertain_cells_are_paler_than_certain_ones() {
        let pale = colour(&[0.55, 0.45]);
        let sure = colour(&[1.0, 0.0]);
        let lightness = |c: [u8; 4]| c[0] as u32 + c[1] as u32 + c[2] as u32;
        assert!(lightness(pale) > lightness(sure));
    }

    #[test]
    fn clicks_map_back_to_data() {
        let area = (10..110, 20..220);
        assert_eq!(to_data(&area, 10.0, 20.0), Some((-EXTENT, EXTENT)));
        let (x, y) = to_data(&area, 60.0, 120.0).unwrap();
        assert!(x.abs() < 1e-12 && y.abs() < 1e-12);
        // On the labels beside or under the square: no point.
        assert_eq!(to_data(&area, 5.0, 120.0), None);
        assert_eq!(to_data(&area, 60.0, 221.0), None);
    }

    #[test]
    fn points_draw_to_svg() {
        let train = [
            Point2 {
                x1: 0.0,
                x2: 0.0,
                class: 0,
            },
            Point2 {
                x1: 0.5,
                x2: 0.5,
                class: 1,
            },
        ];
        let test = [Point2 {
            x1: -0.5,
            x2: 0.5,
            class: 2,
        }];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (300, 300)).into_drawing_area();
            draw_axes(&root, &train, &test, None, &[1], Some((0.2, 0.2)), 1.0).unwrap();
            assert!(plot_area(&root, 1.0).is_some());
        }
        assert_eq!(svg.matches("<circle").count(), 2 + 2 + 1); // fills, outlines, one ring
        assert_eq!(svg.matches("<polygon").count(), 1);
    }

    /// A small plot draws smaller dots and three labels a side (helper 93: 4.5-px dots hid a
    /// 1-NN map's islands on a 170-px plot, and "-1.0-0.50.0 0.5 1.0" ran together).
    #[test]
    fn a_small_plot_draws_smaller_dots_and_fewer_labels() {
        let train = [Point2 {
            x1: 0.0,
            x2: 0.0,
            class: 0,
        }];
        let draw = |size: u32| {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (size, size)).into_drawing_area();
                draw_axes(&root, &train, &[], None, &[], None, 1.0).unwrap();
            }
            let at = svg.find("<circle").unwrap();
            let r = svg[at..]
                .split("r=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let labels = ["-1.0", "-0.5", "0.0", "0.5", "1.0", "-1", "0", "1"];
            let texts: Vec<&str> = (svg.lines().map(str::trim))
                .filter(|l| labels.contains(l))
                .collect();
            (r.parse::<f64>().unwrap(), texts.len())
        };
        assert_eq!(draw(560), (5.0, 10));
        let (r, labels) = draw(200);
        assert!(r < 4.0, "{r}");
        assert_eq!(labels, 6);
    }
}
