//! A thinned loss history for drawing on a logarithmic epoch axis.
//!
//! Training runs many thousands of epochs a second; a plot needs a few hundred points, spread
//! evenly on a log axis. So every epoch below 64 is kept, and within each later doubling
//! [2ᵏ, 2ᵏ⁺¹) one epoch in 2ᵏ⁻⁵: about 32 points per doubling, about 640 for a million epochs.

/// One recorded epoch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    pub epoch: u64,
    pub train: f64,
    pub test: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    records: Vec<Record>,
}

impl History {
    /// Whether `epoch` should be recorded (so the caller computes the test loss only then).
    pub fn wants(&self, epoch: u64) -> bool {
        let octave = 1u64 << (63 - epoch.max(1).leading_zeros()); // largest power of two ≤ epoch
        epoch.is_multiple_of((octave >> 5).max(1))
    }

    /// Adds a record for a wanted epoch later than the last one; others are ignored.
    pub fn push(&mut self, record: Record) {
        let later = self.records.last().is_none_or(|r| r.epoch < record.epoch);
        if later && self.wants(record.epoch) {
            self.records.push(record);
        }
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// Drops the records of epochs after `epoch`: training went back to it (after a divergence)
    /// and goes on from there.
    pub fn truncate_after(&mut self, epoch: u64) {
        while self.records.last().is_some_and(|r| r.epoch > epoch) {
            self.records.pop();
        }
    }
}

/// The medians of the training and of the test values of the last five records, if there are
/// five: what a verdict on mini-batch, momentum or Adam training judges, so that one epoch's jump
/// does not flip it.
pub fn recent_medians(records: &[Record]) -> Option<(f64, f64)> {
    medians(&records[records.len().checked_sub(5)?..])
}

/// The median training and test losses of `records` (the upper of the two middle ones for an
/// even count); `None` if there are none.
pub fn medians(records: &[Record]) -> Option<(f64, f64)> {
    if records.is_empty() {
        return None;
    }
    let middle = records.len() / 2;
    let median = |value: fn(&Record) -> f64| {
        let mut v: Vec<f64> = records.iter().map(value).collect();
        *v.select_nth_unstable_by(middle, f64::total_cmp).1
    };
    Some((median(|r| r.train), median(|r| r.test)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_early_epochs_and_about_32_per_doubling() {
        let mut h = History::default();
        for epoch in 0..=(1 << 20) {
            h.push(Record {
                epoch,
                train: 1.0,
                test: 2.0,
            });
        }
        let kept: Vec<u64> = h.records().iter().map(|r| r.epoch).collect();
        assert_eq!(&kept[..64], &(0..64).collect::<Vec<_>>()[..]);
        // Doubling [2¹⁹, 2²⁰): stride 2¹⁴, so exactly 32 epochs.
        assert_eq!(
            kept.iter()
                .filter(|&&e| (1 << 19..1 << 20).contains(&e))
                .count(),
            32
        );
        assert!(kept.len() < 700, "{}", kept.len());
        assert_eq!(*kept.last().unwrap(), 1 << 20);
    }

    #[test]
    fn ignores_repeats_and_unwanted_epochs() {
        let mut h = History::default();
        h.push(Record {
            epoch: 5,
            train: 1.0,
            test: 1.0,
        });
        h.push(Record {
            epoch: 5,
            train: 9.0,
            test: 9.0,
        });
        h.push(Record {
            epoch: 1001,
            train: 1.0,
            test: 1.0,
        }); // stride 16 there
        assert_eq!(h.records().len(), 1);
    }
}
