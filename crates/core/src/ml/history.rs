//! A thinned loss history for drawing on a logarithmic epoch axis.
//!
//! Training runs many thousands of epochs a second; a plot needs a few hundred points, spread
//! evenly on a log axis. So every epoch below 64 is kept, and within each later doubling
//! [2ᵏ, 2ᵏ⁺¹) one epoch in 2ᵏ⁻⁵: about 32 points per doubling, about 640 for a million epochs.
//! After a change to how the model learns, the epochs since it are kept too (the first 16, then 8
//! per doubling), so the verdict has records to read the new trend from at once (helper 86: after λ moved at epoch
//! 300,000 the next records came one in 8,192 epochs, and the verdict read "too early to tell"
//! for 60,000 epochs of a flat loss).

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
    /// The epoch of the last change ([`History::dense_from`]); 0 from the start.
    changed_at: u64,
}

/// Whether the thinning keeps the `epoch`th epoch from a start.
fn kept(epoch: u64) -> bool {
    let octave = 1u64 << (63 - epoch.max(1).leading_zeros()); // largest power of two ≤ epoch
    epoch.is_multiple_of((octave >> 5).max(1))
}

/// Whether the thinning keeps the `since`th epoch after a change: the first 16, then 8 per
/// doubling, enough for the verdict's trend (eight records, half of them in the second half)
/// at a quarter of the scoring (helper 86's change; at 32 per doubling the scores of some 180
/// epochs in the frame after each move of a slider made the repaint a frame late).
fn kept_since_change(since: u64) -> bool {
    let octave = 1u64 << (63 - since.max(1).leading_zeros());
    since.is_multiple_of((octave >> 3).max(1))
}

impl History {
    /// Whether `epoch` should be recorded (so the caller computes the test loss only then):
    /// thinned from the start, and more thinly from the last change.
    pub fn wants(&self, epoch: u64) -> bool {
        kept(epoch) || (epoch > self.changed_at && kept_since_change(epoch - self.changed_at))
    }

    /// Keeps the epochs after `epoch` densely again, as from a start: how the model learns
    /// changed there. The records kept only for the change before go: its trend is read no
    /// more, and a slider moved key by key while training would pile up some 200 records a
    /// change, drawn every frame (slider to repaint went from 9.5 to 15.4 ms at the median).
    pub fn dense_from(&mut self, epoch: u64) {
        let before = self.changed_at;
        (self.records).retain(|r| r.epoch <= before || r.epoch >= epoch || kept(r.epoch));
        self.changed_at = epoch;
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
    fn keeps_the_epochs_after_a_change_as_after_the_start() {
        let mut h = History::default();
        let record = |epoch| Record {
            epoch,
            train: 1.0,
            test: 1.0,
        };
        for epoch in 0..=300_000 {
            h.push(record(epoch));
        }
        // Thinned from the start alone, one epoch in 8,192 there.
        assert!(!h.wants(300_008));
        h.dense_from(300_000);
        for epoch in 300_001..=302_048 {
            h.push(record(epoch));
        }
        let after: Vec<u64> = (h.records().iter())
            .filter(|r| r.epoch > 300_000)
            .map(|r| r.epoch - 300_000)
            .collect();
        // Every epoch of the first 16 since the change, then 8 per doubling.
        assert_eq!(&after[..17], &(1..=16).chain([18]).collect::<Vec<_>>()[..]);
        assert_eq!(
            after.iter().filter(|&&e| (1024..2048).contains(&e)).count(),
            8
        );
        assert_eq!(*after.last().unwrap(), 2048);
        // The next change drops the records kept only for this one.
        h.dense_from(302_048);
        let thinned: Vec<u64> = (h.records().iter())
            .filter(|r| r.epoch > 300_000)
            .map(|r| r.epoch)
            .collect();
        assert_eq!(thinned, [302_048]);
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
