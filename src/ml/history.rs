//! A thinned loss history for drawing.
//!
//! Training runs thousands of epochs a second; a plot needs a few hundred points. The history keeps
//! every `stride`-th epoch; when it fills up it drops every other point and doubles the stride, so
//! it always spans the whole run with at most `capacity` points.

/// One recorded epoch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    pub epoch: u64,
    pub train: f64,
    pub test: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct History {
    stride: u64,
    capacity: usize,
    records: Vec<Record>,
}

impl History {
    /// `capacity` is at least 4.
    pub fn new(capacity: usize) -> Self {
        History {
            stride: 1,
            capacity: capacity.max(4),
            records: Vec::new(),
        }
    }

    /// Whether `epoch` should be recorded (so the caller computes the test loss only then).
    pub fn wants(&self, epoch: u64) -> bool {
        epoch % self.stride == 0
    }

    pub fn push(&mut self, record: Record) {
        if !self.wants(record.epoch) {
            return;
        }
        if self.records.len() == self.capacity {
            self.stride *= 2;
            let stride = self.stride;
            self.records.retain(|r| r.epoch % stride == 0);
            if !self.wants(record.epoch) {
                return;
            }
        }
        self.records.push(record);
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_at_most_capacity_and_spans_the_run() {
        let mut h = History::new(8);
        for epoch in 0..=1000 {
            h.push(Record {
                epoch,
                train: 1.0,
                test: 2.0,
            });
        }
        assert!(h.records().len() <= 8);
        assert_eq!(h.records()[0].epoch, 0);
        assert!(h.records().last().unwrap().epoch >= 1000 - 256);
        assert!(h.records().windows(2).all(|w| w[0].epoch < w[1].epoch));
    }
}
