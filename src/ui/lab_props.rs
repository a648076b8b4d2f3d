//! What the app gives every lab page: the configuration read from the link.

use crate::state::config::Config;
use yew::Properties;

#[derive(Properties, PartialEq)]
pub struct LabProps {
    /// The configuration read from the link, and what had to be fixed in it.
    pub config: Config,
    pub notices: Vec<String>,
}
