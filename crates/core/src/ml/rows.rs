//! Points of the plane as rows of features, what the tree models split on.
//!
//! A [`FeatureMap`] of degree 1 gives the point itself, (x₁, x₂); degree d gives logistic
//! regression's polynomial map (every monomial x₁ᵃx₂ᵇ with 1 ≤ a + b ≤ d, from
//! [`logistic::exponents`](super::logistic::exponents)) without its constant, which no tree can
//! split on. A random forest on more than two features can then draw which features each split
//! may consider.

use super::logistic::{exponents, features};
use crate::data::classification::Point2;

/// The features of a point: x₁ᵃx₂ᵇ for each exponent pair, by total degree.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureMap {
    exps: Vec<(u32, u32)>,
}

impl FeatureMap {
    /// The monomials of total degree 1 … `degree` (the caller validates `degree` ≥ 1).
    pub fn new(degree: usize) -> Self {
        FeatureMap {
            exps: exponents(degree)[1..].to_vec(),
        }
    }

    /// How many features a point has.
    pub fn width(&self) -> usize {
        self.exps.len()
    }

    /// True for degree 1: the features are (x₁, x₂) themselves.
    pub fn is_plane(&self) -> bool {
        self.exps.len() == 2
    }

    /// The features of (x₁, x₂) into `out` (`width()` long).
    pub fn map(&self, x1: f64, x2: f64, out: &mut [f64]) {
        features(&self.exps, x1, x2, out);
    }

    /// The rows of `points`, in their order.
    pub fn rows(&self, points: &[Point2]) -> Rows {
        let width = self.width();
        let mut values = vec![0.0; points.len() * width];
        for (row, p) in values.chunks_mut(width).zip(points) {
            self.map(p.x1, p.x2, row);
        }
        Rows::new(width, values)
    }

    /// Feature `f` in words: "x₁", "x₂", "x₁²·x₂".
    pub fn name(&self, f: usize) -> String {
        let (a, b) = self.exps[f];
        let power = |base: &str, n: u32| match n {
            1 => base.to_string(),
            n => format!("{base}{}", superscript(n)),
        };
        [("x₁", a), ("x₂", b)]
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|&(base, n)| power(base, n))
            .collect::<Vec<_>>()
            .join("·")
    }
}

fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|d| DIGITS[(d - b'0') as usize])
        .collect()
}

/// Feature rows, one per point: row i is `values[i·width .. (i+1)·width]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    width: usize,
    values: Vec<f64>,
    /// For each feature, the row indices by increasing value (ties by index): sorted once, so
    /// that a tree never sorts (see [`Rows::sorted`]).
    orders: Vec<Vec<usize>>,
}

impl Rows {
    fn new(width: usize, values: Vec<f64>) -> Self {
        let n = values.len() / width;
        let orders = (0..width)
            .map(|f| {
                let mut order: Vec<(f64, usize)> =
                    (0..n).map(|i| (values[i * width + f], i)).collect();
                // (k-NN's ranking: by value, then by index; one copy of the sort in the bundle.)
                order.sort_unstable_by(super::knn::by_distance);
                order.into_iter().map(|(_, i)| i).collect()
            })
            .collect();
        Rows {
            width,
            values,
            orders,
        }
    }

    /// For each feature, `members` by increasing value of that feature, ties by index (an index
    /// that repeats in `members` repeats here): what a tree's split search scans.
    pub fn sorted(&self, members: &[usize]) -> Vec<Vec<usize>> {
        let mut copies = vec![0usize; self.len()];
        members.iter().for_each(|&i| copies[i] += 1);
        (self.orders.iter())
            .map(|order| {
                (order.iter())
                    .flat_map(|&i| std::iter::repeat_n(i, copies[i]))
                    .collect()
            })
            .collect()
    }

    pub fn width(&self) -> usize {
        self.width
    }
    pub fn len(&self) -> usize {
        self.values.len() / self.width
    }
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
    pub fn row(&self, i: usize) -> &[f64] {
        &self.values[i * self.width..(i + 1) * self.width]
    }
    /// Feature `f` of row `i`.
    pub fn get(&self, i: usize, f: usize) -> f64 {
        self.values[i * self.width + f]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degree_one_is_the_point_and_degree_two_adds_the_squares_and_product() {
        let p = [Point2 {
            x1: 0.5,
            x2: -3.0,
            class: 0,
        }];
        let plane = FeatureMap::new(1);
        assert!(plane.is_plane());
        assert_eq!(plane.rows(&p).row(0), &[0.5, -3.0]);
        let quadratic = FeatureMap::new(2);
        // x₁, x₂, x₁², x₁x₂, x₂²
        assert_eq!(quadratic.rows(&p).row(0), &[0.5, -3.0, 0.25, -1.5, 9.0]);
        let names: Vec<String> = (0..5).map(|f| quadratic.name(f)).collect();
        assert_eq!(names, ["x₁", "x₂", "x₁²", "x₁·x₂", "x₂²"]);
        assert_eq!(FeatureMap::new(3).name(7), "x₁·x₂²");
    }

    #[test]
    fn members_sorted_by_each_feature_with_repeats() {
        let pts: Vec<Point2> = [(0.3, 2.0), (-1.0, 2.0), (0.3, -5.0)]
            .iter()
            .map(|&(x1, x2)| Point2 { x1, x2, class: 0 })
            .collect();
        let rows = FeatureMap::new(1).rows(&pts);
        // By x₁: −1 (row 1), then 0.3 twice (rows 0, 2, by index); by x₂: −5 (row 2), 2, 2.
        assert_eq!(rows.sorted(&[0, 1, 2]), [vec![1, 0, 2], vec![2, 0, 1]]);
        assert_eq!(rows.sorted(&[2, 0, 2]), [vec![0, 2, 2], vec![2, 2, 0]]);
    }
}
