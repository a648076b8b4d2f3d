//! What the app gives every lab page: the configuration read from the link (or chosen by a
//! lesson), the states of labs left earlier, and where to send the link as it changes.

use super::kept::Kept;
use crate::classroom::challenges::Challenge;
use crate::classroom::panel::Panel;
use crate::classroom::saved::Loaded;
use crate::state::config::Config;
use crate::state::spec::Key;
use yew::{Callback, Properties};

#[derive(Properties, PartialEq)]
pub struct LabProps {
    /// The configuration to start from, and what had to be fixed in it.
    pub config: Config,
    pub notices: Vec<String>,
    /// If this lab was left earlier, its state is here and the page starts from it instead.
    pub kept: Kept,
    /// Increases whenever a lab is opened afresh (see [`Kept`]).
    pub generation: u32,
    /// Opened by a question's "Show me in the lab": it plays (`Session::show_me`).
    pub play: bool,
    /// The lab's configuration as a query, whenever it changes (the app adds the view's keys and
    /// writes the address bar).
    pub on_query: Callback<String>,
    /// The challenge under way in this lab, which the lab checks as it changes.
    pub challenge: Option<&'static Challenge>,
    /// Back to the challenge's start; out of the challenge.
    pub on_restart: Callback<()>,
    pub on_leave: Callback<()>,
    /// Brings a validation curve into view (a challenge's goal reads it), its panel shown first.
    pub on_look: Callback<Key>,
    /// A saved model read from a file: the app opens its lab with it.
    pub on_load: Callback<Loaded>,
    /// The Tuning lab's "Best so far" hidden from the class: the best's ring leaves the map too
    /// (helper 88: with every panel hidden, the ring and the stats still told the choice).
    #[prop_or_default]
    pub hide_best: bool,
    /// The panels hidden from the class: a challenge's status does not quote them.
    #[prop_or_default]
    pub hidden: Vec<Panel>,
}
