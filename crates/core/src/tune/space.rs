//! What a search explores: one or two controls, each over a range. Strategies work in unit
//! coordinates — every axis from 0 to 1 — so grid, random and Bayesian search treat a learning
//! rate from 10⁻⁴ to 10 and a degree from 1 to 15 alike; an axis turns a coordinate into a value
//! (evenly on a linear scale, evenly in the exponent on a log scale) and back.
//!
//! A control only takes the values of its table ([`crate::state::table`]), so a point is
//! *snapped* to the nearest one before it is tried: the trial records the point it really ran,
//! and the hyperparameters are built from a [`Config`] as the labs build them, valid by
//! construction.

use crate::state::config::Config;
use crate::state::spec::{value_text, Domain, Key};

/// How unit coordinates spread over an axis' range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Equal steps in the value.
    Linear,
    /// Equal steps in the exponent: as far from 0.001 to 0.01 as from 0.1 to 1.
    Log,
}

/// Why an axis or a space was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum SpaceError {
    /// The control is a select (a choice of names), not a number.
    NotNumeric(Key),
    /// The range is empty, not finite, or (log scale) not above 0.
    Range { min: f64, max: f64 },
    /// An integer axis with a fractional end.
    NotInteger { min: f64, max: f64 },
    /// Fewer than two of the control's values lie in the range: nothing to search.
    TooFewValues(Key),
    /// A space has one or two axes.
    Axes(usize),
    /// The same control on both axes.
    SameKey(Key),
}

impl core::fmt::Display for SpaceError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SpaceError::NotNumeric(k) => write!(f, "{} is not a number", k.spec().label),
            SpaceError::Range { min, max } => write!(f, "cannot search from {min} to {max}"),
            SpaceError::NotInteger { min, max } => {
                write!(f, "an integer axis needs whole ends, got {min} and {max}")
            }
            SpaceError::TooFewValues(k) => {
                write!(f, "{} takes fewer than two values there", k.spec().label)
            }
            SpaceError::Axes(n) => write!(f, "a search has one or two axes, got {n}"),
            SpaceError::SameKey(k) => write!(f, "{} is on both axes", k.spec().label),
        }
    }
}

/// One searched control over `min … max`. Built only through [`Axis::new`] or
/// [`Axis::for_key`], so it always has at least two values to try.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    key: Key,
    min: f64,
    max: f64,
    scale: Scale,
    integer: bool,
}

impl Axis {
    /// `key` from `min` to `max` on `scale`; `integer` rounds the values (degree, k, neurons).
    pub fn new(
        key: Key,
        min: f64,
        max: f64,
        scale: Scale,
        integer: bool,
    ) -> Result<Self, SpaceError> {
        if matches!(key.spec().domain, Domain::Choices(_) | Domain::Flags(_)) {
            return Err(SpaceError::NotNumeric(key));
        }
        let positive = scale == Scale::Linear || min > 0.0;
        if !(min < max && min.is_finite() && max.is_finite() && positive) {
            return Err(SpaceError::Range { min, max });
        }
        if integer && (min.fract() != 0.0 || max.fract() != 0.0) {
            return Err(SpaceError::NotInteger { min, max });
        }
        let axis = Axis {
            key,
            min,
            max,
            scale,
            integer,
        };
        if axis.choices().nth(1).is_none() {
            return Err(SpaceError::TooFewValues(key));
        }
        Ok(axis)
    }

    /// The control's whole finite range: log scale over a listed (log-spaced) control's positive
    /// values, linear over an evenly stepped one; integer if every value is whole.
    pub fn for_key(key: Key) -> Result<Self, SpaceError> {
        let domain = key.spec().domain;
        let values: Vec<f64> = (0..domain.len()).map(|p| domain.number(p)).collect();
        let (scale, usable): (Scale, Vec<f64>) = match domain {
            Domain::Listed(_) => (
                Scale::Log,
                values
                    .into_iter()
                    .filter(|v| *v > 0.0 && v.is_finite())
                    .collect(),
            ),
            _ => (Scale::Linear, values),
        };
        let (min, max) = match (usable.first(), usable.last()) {
            (Some(&min), Some(&max)) => (min, max),
            _ => return Err(SpaceError::NotNumeric(key)),
        };
        let integer = usable.iter().all(|v| v.fract() == 0.0);
        Axis::new(key, min, max, scale, integer)
    }

    pub fn key(&self) -> Key {
        self.key
    }
    pub fn min(&self) -> f64 {
        self.min
    }
    pub fn max(&self) -> f64 {
        self.max
    }
    pub fn scale(&self) -> Scale {
        self.scale
    }
    pub fn integer(&self) -> bool {
        self.integer
    }

    /// The value at unit coordinate `u` (clamped to 0 … 1), before snapping to the table.
    pub fn value(&self, u: f64) -> f64 {
        let u = u.clamp(0.0, 1.0);
        let v = match self.scale {
            Scale::Linear => self.min + u * (self.max - self.min),
            Scale::Log => self.min * libm::pow(self.max / self.min, u),
        };
        if self.integer {
            libm::round(v)
        } else {
            v
        }
    }

    /// The unit coordinate of `value` (clamped to the range).
    pub fn unit(&self, value: f64) -> f64 {
        let u = match self.scale {
            Scale::Linear => (value - self.min) / (self.max - self.min),
            Scale::Log => libm::log(value / self.min) / libm::log(self.max / self.min),
        };
        u.clamp(0.0, 1.0)
    }

    /// The control's values in the range, with their positions in the table, ascending.
    fn choices(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        let domain = self.key.spec().domain;
        (0..domain.len())
            .map(move |p| (p, domain.number(p)))
            .filter(|(_, v)| (self.min..=self.max).contains(v))
    }

    /// The control's values in the range, ascending: the settings this axis can take, each the
    /// snap of some coordinate (a test checks every table), so random search samples from them.
    pub fn table_values(&self) -> impl Iterator<Item = f64> + '_ {
        self.choices().map(|(_, v)| v)
    }

    /// The table position and value nearest to unit coordinate `u`, measured in unit
    /// coordinates (on a log scale, by ratio); the lower one on a tie.
    pub fn nearest(&self, u: f64) -> (usize, f64) {
        let u = u.clamp(0.0, 1.0);
        let mut best = (0, f64::NAN, f64::INFINITY);
        for (p, v) in self.choices() {
            let d = (self.unit(v) - u).abs();
            if d < best.2 {
                best = (p, v, d);
            }
        }
        (best.0, best.1)
    }
}

/// The axes of a search: one (a curve) or two (a map). Built only through [`Space::new`].
#[derive(Clone, Debug, PartialEq)]
pub struct Space {
    axes: Vec<Axis>,
}

impl Space {
    pub fn new(axes: Vec<Axis>) -> Result<Self, SpaceError> {
        match axes.as_slice() {
            [_] => {}
            [a, b] if a.key == b.key => return Err(SpaceError::SameKey(a.key)),
            [_, _] => {}
            _ => return Err(SpaceError::Axes(axes.len())),
        }
        Ok(Space { axes })
    }

    pub fn axes(&self) -> &[Axis] {
        &self.axes
    }

    /// 1 or 2.
    pub fn dims(&self) -> usize {
        self.axes.len()
    }

    /// How many distinct settings the space holds: every combination of the values each axis'
    /// table has in its range. Each of them is some point's snap (a test checks every table), so
    /// a search that tried this many distinct settings has tried them all.
    pub fn settings(&self) -> usize {
        self.axes.iter().map(|a| a.table_values().count()).product()
    }

    /// The unit point of the table values nearest to `point`: where a trial really runs.
    pub fn snap(&self, point: &[f64]) -> Vec<f64> {
        let axes = self.axes.iter().zip(point);
        axes.map(|(a, &u)| a.unit(a.nearest(u).1)).collect()
    }

    /// A trial's control values as the page names them: "Polynomial degree = 5, Regularization
    /// strength = 0.001".
    pub fn describe(&self, values: &[f64]) -> String {
        let pairs = self.axes.iter().zip(values);
        let pairs =
            pairs.map(|(a, &v)| format!("{} = {}", a.key.spec().label, value_text(a.key, v)));
        pairs.collect::<Vec<_>>().join(", ")
    }

    /// The control values a trial at `point` runs with (snapped to the table).
    pub fn values(&self, point: &[f64]) -> Vec<f64> {
        let axes = self.axes.iter().zip(point);
        axes.map(|(a, &u)| a.nearest(u).1).collect()
    }

    /// `config` with the searched controls set to the values nearest `point`: the lab's own
    /// configuration for one trial, from which its hyperparameters are built.
    pub fn apply(&self, config: &Config, point: &[f64]) -> Config {
        let mut config = config.clone();
        for (a, &u) in self.axes.iter().zip(point) {
            config.set(a.key, a.nearest(u).0);
        }
        config
    }

    /// `per_axis` evenly spaced coordinates on every axis, ends included (0.5 alone if
    /// `per_axis` is 1): with two axes, (u₀, u₁) with the second axis varying fastest.
    pub fn lattice(&self, per_axis: usize) -> Vec<Vec<f64>> {
        product(self.axes.iter().map(|_| ticks(per_axis)).collect())
    }

    /// Ticks per axis for [`Space::snapped_lattice`] to reach every value of every axis' table:
    /// `at_least`, or one per value of an axis with more values (k's whole range of up to 50).
    /// (Every log table here has at most 21 values, which 41 ticks reach.)
    pub fn ticks_for_every_value(&self, at_least: usize) -> usize {
        let counts = self.axes.iter().map(|a| a.table_values().count());
        counts.fold(at_least, usize::max)
    }

    /// The points of [`Space::lattice`] snapped to the tables, each once, in the lattice's order:
    /// what a grid runs and where Bayesian optimization looks. (Snapping is axis by axis, so this
    /// is the lattice of each axis' distinct snapped ticks.)
    pub fn snapped_lattice(&self, per_axis: usize) -> Vec<Vec<f64>> {
        let axis_ticks = self.axes.iter().map(|a| {
            let mut snapped: Vec<f64> = ticks(per_axis)
                .iter()
                .map(|&u| a.unit(a.nearest(u).1))
                .collect();
            snapped.dedup(); // ascending, so repeats are neighbours
            snapped
        });
        product(axis_ticks.collect())
    }
}

/// `m` evenly spaced coordinates from 0 to 1 (0.5 alone if `m` is 1).
fn ticks(m: usize) -> Vec<f64> {
    match m {
        0 => vec![],
        1 => vec![0.5],
        m => (0..m).map(|j| j as f64 / (m - 1) as f64).collect(),
    }
}

/// Every combination of one coordinate per axis, the last axis varying fastest.
fn product(axes: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
    let mut points: Vec<Vec<f64>> = vec![vec![]];
    for coords in &axes {
        points = points
            .iter()
            .flat_map(|p| coords.iter().map(|&u| [p.as_slice(), &[u]].concat()))
            .collect();
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::spec::Lab;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn unit_coordinates_and_values_round_trip() {
        let log = Axis::new(Key::LearningRate, 1e-3, 10.0, Scale::Log, false).unwrap();
        assert!(close(log.value(0.0), 1e-3) && close(log.value(1.0), 10.0));
        assert!(close(log.value(0.5), 0.1)); // halfway in the exponent: 10^−1
        assert!(close(log.unit(0.01), 0.25) && log.unit(1e9) == 1.0);
        let lin = Axis::new(Key::Degree, 1.0, 9.0, Scale::Linear, true).unwrap();
        assert_eq!(
            (lin.value(0.5), lin.value(0.3), lin.value(-2.0)),
            (5.0, 3.0, 1.0)
        );
        for u in [0.0, 0.125, 0.5, 1.0] {
            assert!(close(lin.unit(lin.value(u)), u));
        }
    }

    #[test]
    fn points_snap_to_the_nearest_value_of_the_table() {
        // λ's table: …, 1e-3, 3e-3, 0.01, …; on a log axis 2e-3 is nearer 3e-3 than 1e-3.
        let lambda = Axis::new(Key::Lambda, 1e-4, 1.0, Scale::Log, false).unwrap();
        let (pos, v) = lambda.nearest(lambda.unit(2e-3));
        assert_eq!((pos, v), (8, 3e-3));
        let space = Space::new(vec![lambda, Axis::for_key(Key::Degree).unwrap()]).unwrap();
        let values = space.values(&[lambda.unit(2e-3), 0.5]);
        assert_eq!(values, vec![3e-3, 8.0]);
        let config = space.apply(&Config::for_lab(Lab::Regression), &[lambda.unit(2e-3), 0.5]);
        assert_eq!(
            (config.number(Key::Lambda), config.number(Key::Degree)),
            (3e-3, 8.0)
        );
        assert_eq!(config.regression_hyper().degree(), 8);
        // Snapping is idempotent, and a snapped point gives the same values.
        let snapped = space.snap(&[0.37, 0.61]);
        assert_eq!(space.snap(&snapped), snapped);
        assert_eq!(space.values(&snapped), space.values(&[0.37, 0.61]));
    }

    #[test]
    fn whole_control_axes() {
        let lr = Axis::for_key(Key::LearningRate).unwrap();
        assert_eq!(
            (lr.min(), lr.max(), lr.scale(), lr.integer()),
            (1e-4, 10.0, Scale::Log, false)
        );
        // λ's 0 and batch size's "all" cannot sit on a log axis: they are left out.
        assert_eq!(Axis::for_key(Key::Lambda).unwrap().min(), 1e-6);
        assert_eq!(Axis::for_key(Key::BatchSize).unwrap().max(), 256.0);
        let k = Axis::for_key(Key::K).unwrap();
        assert_eq!(
            (k.min(), k.max(), k.scale(), k.integer()),
            (1.0, 450.0, Scale::Linear, true)
        );
        assert_eq!(
            Axis::for_key(Key::Optimizer),
            Err(SpaceError::NotNumeric(Key::Optimizer))
        );
    }

    #[test]
    fn invalid_axes_and_spaces_are_refused() {
        let bad = |min, max, scale| Axis::new(Key::Lambda, min, max, scale, false);
        assert!(matches!(
            bad(0.0, 1.0, Scale::Log),
            Err(SpaceError::Range { .. })
        ));
        assert!(matches!(
            bad(1.0, 1.0, Scale::Linear),
            Err(SpaceError::Range { .. })
        ));
        assert!(matches!(
            bad(0.0, f64::NAN, Scale::Linear),
            Err(SpaceError::Range { .. })
        ));
        assert_eq!(
            bad(0.4, 0.9, Scale::Linear),
            Err(SpaceError::TooFewValues(Key::Lambda))
        );
        assert!(matches!(
            Axis::new(Key::Degree, 1.5, 4.0, Scale::Linear, true),
            Err(SpaceError::NotInteger { .. })
        ));
        let lr = Axis::for_key(Key::LearningRate).unwrap();
        assert_eq!(
            Space::new(vec![lr, lr]),
            Err(SpaceError::SameKey(Key::LearningRate))
        );
        assert_eq!(Space::new(vec![]), Err(SpaceError::Axes(0)));
        assert_eq!(Space::new(vec![lr; 3]), Err(SpaceError::Axes(3)));
        assert!(SpaceError::SameKey(Key::LearningRate)
            .to_string()
            .contains("Learning rate"));
    }

    #[test]
    fn lattices_cover_the_corners() {
        let lr = Axis::for_key(Key::LearningRate).unwrap();
        let one = Space::new(vec![lr]).unwrap();
        assert_eq!(one.lattice(3), vec![vec![0.0], vec![0.5], vec![1.0]]);
        assert_eq!(one.lattice(1), vec![vec![0.5]]);
        let two = Space::new(vec![lr, Axis::for_key(Key::Lambda).unwrap()]).unwrap();
        let l = two.lattice(3);
        assert_eq!(l.len(), 9);
        assert_eq!(
            (l[0].clone(), l[1].clone(), l[8].clone()),
            (vec![0.0, 0.0], vec![0.0, 0.5], vec![1.0, 1.0])
        );
    }

    #[test]
    fn the_snapped_lattice_is_the_lattice_snapped_without_repeats() {
        let degree = Axis::new(Key::Degree, 1.0, 6.0, Scale::Linear, true).unwrap();
        let space = Space::new(vec![Axis::for_key(Key::Lambda).unwrap(), degree]).unwrap();
        for m in [1, 2, 5, 9, 41] {
            let mut slow: Vec<Vec<f64>> = Vec::new();
            for p in space.lattice(m) {
                let p = space.snap(&p);
                if !slow.contains(&p) {
                    slow.push(p);
                }
            }
            assert_eq!(space.snapped_lattice(m), slow, "{m}");
        }
        // 41 ticks reach every value of both tables: λ's 15 positive ones and degrees 1 … 6.
        assert_eq!(space.snapped_lattice(41).len(), 15 * 6);
        assert_eq!(space.settings(), 15 * 6);
    }

    #[test]
    fn every_value_of_every_table_is_the_snap_of_its_own_coordinate() {
        // So a space's settings() are all reachable: random search can try each of them.
        let numeric = Key::all().filter_map(|k| Axis::for_key(k).ok());
        for axis in numeric {
            for (p, v) in axis.choices() {
                assert_eq!(axis.nearest(axis.unit(v)), (p, v), "{:?}", axis.key());
            }
        }
    }
}
