//! Where the Tuning lab links to: the lab its result belongs to, with the chosen settings, and
//! the search a diverging Regression lab sends a learner to.

use super::*;

/// The lab a search's model belongs to: the Regression lab (polynomial regression), the
/// Neural-network lab (the network: the Classification lab's select does not offer it), or
/// the Classification lab.
pub fn result_lab(config: &Config) -> Lab {
    match config.tuned() {
        None => Lab::Regression,
        Some(ModelKind::Mlp) => Lab::Neural,
        Some(_) => Lab::Classification,
    }
}

/// The Tuning lab's settings as [`result_lab`]'s: the same model and data (Speed at the lab's
/// default: [`default_speed`]).
pub fn result_config(config: &Config) -> Config {
    let mut lab = match config.tuned() {
        None => {
            let mut config = config.clone();
            config.lab = Lab::Regression;
            config
        }
        Some(ModelKind::Mlp) => neural_config(config),
        Some(_) => classification_config(config),
    };
    default_speed(&mut lab);
    lab
}

/// Speed back at its default on a move between the Tuning lab and another: it counts trials
/// there and epochs (or a tree's levels, an ensemble's trees) in the others, so a speed set in
/// one lab means something else in the other.
pub(super) fn default_speed(config: &mut Config) {
    config.set(Key::Speed, Key::Speed.spec().default);
}

/// The Tuning lab set to search the learning rate of the Regression lab's model as `config` has
/// it (its curve, seed and other hyperparameters), one axis: where a divergence there sends a
/// learner to see which rates train (helper 60 opened the Tuning lab on its own defaults, Adam
/// and L2, and would have searched another optimizer's rates). `None` for the other labs.
pub fn learning_rate_search(config: &Config) -> Option<Config> {
    if config.lab != Lab::Regression {
        return None;
    }
    let mut config = config.clone();
    config.lab = Lab::Tuning;
    config.set_choice(Key::TuneModel, TuneModel::Polynomial);
    config.set_choice(Key::AxisX, TuneAxis::LearningRate);
    config.set_choice(Key::AxisY, TuneAxis::None);
    default_speed(&mut config);
    Some(config)
}
