//! The classes' names, shared by every component that names a class (the legend, the confusion
//! table, the learned parameters, the network's outputs, the map's hover text). Their colours are
//! `crate::plot::region::CLASS_COLOURS`, in the same order.

/// The class names, by class index: the colour each class is drawn in.
pub const CLASS_NAMES: [&str; 3] = ["blue", "orange", "green"];
