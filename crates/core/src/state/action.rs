//! What can happen to a lab: the actions its reducer takes.

use super::spec::Key;

/// What can happen to a lab. Every lab takes the common ones; the point actions are the plane
/// labs' (the Regression lab ignores them).
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Moves a control to a position.
    Set(Key, usize),
    /// New data with this seed (clamped to the seed range).
    SetSeed(u64),
    Play,
    Pause,
    /// Play if paused, Pause if playing (the Space key). The state at the time decides, not the
    /// page's last render: Yew may hand the browser a second key press before the listener has
    /// been renewed with the new state, and two quick presses then both played or both paused.
    PlayPause,
    /// Runs exactly one epoch and pauses.
    Step,
    /// Back to the starting weights and epoch 0, same data (the Neural-network lab draws new
    /// starting weights: the next initialization seed).
    Reset,
    /// Neural-network lab: back to the same starting weights, to compare settings from one start.
    ResetSame,
    /// Runs up to this many epochs (sent once per animation frame while playing).
    Tick(u32),
    DismissNotices,
    /// The Tuning lab, playing at a set speed: up to Speed more trials may be shown (sent every
    /// [`super::table::FRAMES_PER_TRIAL`] frames, so that a search can be watched).
    Reveal,
    /// Classification lab: adds a hand-placed point of the chosen class here.
    AddPoint(f64, f64),
    /// Classification lab: removes the hand-placed point nearest to here.
    RemoveNearest(f64, f64),
    /// Classification lab: removes every hand-placed point.
    ClearPoints,
    /// Classification lab: what a click on the plane does (adds a point of a class, or erases).
    SetBrush(Brush),
    /// A control got keyboard focus: its validation curve is shown if it has one.
    Focus(Key),
    /// Advances the validation curve by up to this many units of work (epochs, or model fits).
    SweepTick(u32),
    /// The Tuning lab: a worker's errors, each of fold `unit` of `point`, computed for the
    /// configuration `query` (dropped if the configuration has changed since).
    FoldsDone {
        query: String,
        /// (point, unit, error) of each job.
        done: Vec<(Vec<f64>, usize, f64)>,
    },
}

impl Action {
    /// This action as the lab at `running` takes it: [`Action::PlayPause`] is Play or Pause.
    pub fn resolved(self, running: bool) -> Action {
        match self {
            Action::PlayPause if running => Action::Pause,
            Action::PlayPause => Action::Play,
            action => action,
        }
    }
}

/// What a click on the plane does with hand-placed points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brush {
    /// Adds a point of this class (0, 1 or 2).
    Class(usize),
    /// Removes the point nearest the click: a touch screen has no Shift+click (helper 53).
    Erase,
}
