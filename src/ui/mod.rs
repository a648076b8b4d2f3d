//! Yew components, one per file. They read the lab state and send actions; all logic lives in
//! `crate::state`.

pub mod app;
pub mod chart;
pub mod choice;
pub mod controls;
pub mod diagnosis;
pub mod notices;
pub mod parameters;
pub mod playback;
pub mod slider;

use crate::state::lab::LabState;
use std::rc::Rc;

/// A snapshot of the lab state handed to components (taken once per render of the page); equal
/// only to itself, so a new snapshot always re-renders the charts and tables.
#[derive(Clone)]
pub struct Shared(pub Rc<LabState>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = LabState;
    fn deref(&self) -> &LabState {
        &self.0
    }
}
