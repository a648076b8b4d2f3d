//! The interview-practice question bank (issue 13, item 4): static data, one [`Question`] per
//! entry of [`QUESTIONS`]. Each question has its explanation and a "show me" link — a URL query
//! in the app's own format ([`crate::state::url`]) that opens a lab in a state demonstrating the
//! answer. The tests below check that every link decodes without a fallback, that the bank covers
//! every concept the app teaches, and, for the key links, that the lab really shows what the
//! explanation claims.

/// The kind of question, for grouping and for the page's heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// Is this learned from the data, or chosen before training?
    ParameterOrHyper,
    /// What happens if a setting changes.
    WhatIf,
    /// Reading the curves, plots and verdicts.
    Diagnosis,
    /// Choosing hyperparameters: held-out data, cross-validation, search strategies.
    Tuning,
    /// How the models work.
    Models,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::ParameterOrHyper,
        Topic::WhatIf,
        Topic::Diagnosis,
        Topic::Tuning,
        Topic::Models,
    ];

    /// The topic's title as the page shows it.
    pub fn title(self) -> &'static str {
        match self {
            Topic::ParameterOrHyper => "Parameter or hyperparameter?",
            Topic::WhatIf => "What happens if…",
            Topic::Diagnosis => "Reading the plots",
            Topic::Tuning => "Tuning",
            Topic::Models => "How the models work",
        }
    }
}

/// A concept the app teaches. Every one is asked about by at least one question (a test checks),
/// so the bank cannot silently lose a topic of issue 13's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concept {
    Coefficients,
    Weights,
    SplitThresholds,
    K,
    Depth,
    Degree,
    Lambda,
    LearningRate,
    BatchSize,
    NumberOfTrees,
    Epochs,
    Seed,
    /// Underfitting and overfitting as the polynomial degree rises.
    DegreeFit,
    /// Which curves and numbers show overfitting.
    OverfittingPlot,
    ValidationCurve,
    TrainTestSplit,
    CrossValidation,
    /// Why hyperparameters must not be chosen by the test score.
    TestSetTuning,
    /// Grid, random and Bayesian search.
    SearchStrategies,
    /// k-NN learns no weights: its "parameters" are the stored training points.
    KnnStoresPoints,
    /// L1 zeroes weights, L2 only shrinks them.
    L1VsL2,
    /// SGD, momentum, Adam.
    Optimizers,
    /// A too high learning rate makes the loss explode.
    Divergence,
    /// More trees do not make a random forest overfit.
    ForestMoreTrees,
    OutOfBag,
    /// Boosting's learning rate × number of trees.
    BoostingShrinkage,
    /// Boosting can overfit as trees are added.
    BoostingOverfits,
    MaxFeaturesBootstrap,
    HiddenLayers,
    Activation,
    /// XOR needs a hidden layer (or a product feature).
    Xor,
    FeatureMaps,
    /// The test error cannot beat the noise σ².
    NoiseFloor,
    /// More data, less overfitting.
    DataSize,
}

impl Concept {
    /// Every concept, in declaration order.
    pub const ALL: [Concept; 34] = [
        Concept::Coefficients,
        Concept::Weights,
        Concept::SplitThresholds,
        Concept::K,
        Concept::Depth,
        Concept::Degree,
        Concept::Lambda,
        Concept::LearningRate,
        Concept::BatchSize,
        Concept::NumberOfTrees,
        Concept::Epochs,
        Concept::Seed,
        Concept::DegreeFit,
        Concept::OverfittingPlot,
        Concept::ValidationCurve,
        Concept::TrainTestSplit,
        Concept::CrossValidation,
        Concept::TestSetTuning,
        Concept::SearchStrategies,
        Concept::KnnStoresPoints,
        Concept::L1VsL2,
        Concept::Optimizers,
        Concept::Divergence,
        Concept::ForestMoreTrees,
        Concept::OutOfBag,
        Concept::BoostingShrinkage,
        Concept::BoostingOverfits,
        Concept::MaxFeaturesBootstrap,
        Concept::HiddenLayers,
        Concept::Activation,
        Concept::Xor,
        Concept::FeatureMaps,
        Concept::NoiseFloor,
        Concept::DataSize,
    ];
}

/// One question: a prompt, 2 to 4 choices, the right one, why, and a link that shows it.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable short name (kebab-case): what the browser's storage remembers.
    pub id: &'static str,
    pub topic: Topic,
    /// What it asks about.
    pub concepts: &'static [Concept],
    pub prompt: &'static str,
    pub choices: &'static [&'static str],
    /// Index of the right choice.
    pub answer: usize,
    /// What the learner should take away, right or wrong.
    pub explanation: &'static str,
    /// A URL query without the leading `?` that opens a lab in a state demonstrating the answer.
    pub show_me: &'static str,
}

/// The two answers of most "parameter or hyperparameter?" questions.
const PH: &[&str] = &[
    "A parameter: learned from the data during training",
    "A hyperparameter: a setting of the model or its training, chosen before training",
];
/// The same with the third answer some settings need.
const PHN: &[&str] = &[
    "A parameter: learned from the data during training",
    "A hyperparameter: a setting of the model or its training, chosen before training",
    "Neither: a setting of the experiment or the data, not of the model",
];
const PARAMETER: usize = 0;
const HYPERPARAMETER: usize = 1;
const NEITHER: usize = 2;

use Concept as C;

/// The bank.
pub static QUESTIONS: &[Question] = &[
    // Parameter or hyperparameter?
    Question {
        id: "poly-coefficients",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Coefficients],
        prompt: "In the Regression lab, the coefficients of the fitted degree-3 polynomial are…",
        choices: PH,
        answer: PARAMETER,
        explanation: "Training moves the coefficients, epoch after epoch, to lower the error on \
                      the training points: they are parameters. You never set them; you only \
                      chose how many there are (degree + 1).",
        show_me: "lab=regression&degree=3&data=sine&speed=max",
    },
    Question {
        id: "poly-degree",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Degree],
        prompt: "The degree of the polynomial in the Regression lab is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "You choose the degree before training and training never changes it; it \
                      fixes how many coefficients there are to learn (degree + 1) and so how \
                      bendy the curve may be.",
        show_me: "lab=regression&degree=1&data=sine&speed=max",
    },
    Question {
        id: "nn-weights",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Weights],
        prompt: "The weight on each link of a neural network is…",
        choices: PH,
        answer: PARAMETER,
        explanation: "Every weight is moved by gradient descent to lower the training loss: the \
                      weights are the network's parameters. How many there are follows from \
                      hyperparameters (layers, neurons, inputs).",
        // (Played, not at max: at max it trained the curve's 300 epochs and paused on "Stuck"
        // at 81 %; played, the weights are watched moving to a good fit. Helper 81. At Speed 10
        // its plateau, where the verdict reads "Stuck", passes in about a second, not ten:
        // helper 96.)
        show_me: "lab=neural&data=circles&layers=1&l1=4&speed=10",
    },
    Question {
        id: "nn-biases",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Weights],
        prompt: "The bias of each neuron in a neural network is…",
        choices: PH,
        answer: PARAMETER,
        explanation: "A bias is learned like a weight, by gradient descent on the training loss; \
                      it shifts where the neuron switches on. It is a parameter (often left out \
                      of the penalty, as here and in scikit-learn's MLP; PyTorch's weight decay \
                      takes in every parameter it is given, biases too).",
        // (Played, not at max: at max it trained the curve's 300 epochs and paused on "Stuck"
        // at 81 %; played, the weights are watched moving to a good fit. Helper 81. At Speed 10
        // its plateau, where the verdict reads "Stuck", passes in about a second, not ten:
        // helper 96.)
        show_me: "lab=neural&data=circles&layers=1&l1=4&speed=10",
    },
    Question {
        id: "logistic-weights",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Weights],
        prompt: "The weights of a logistic regression (here one per feature and class) are…",
        choices: PH,
        answer: PARAMETER,
        explanation: "ParamLab's logistic regression (a softmax; scikit-learn's two-class one \
                      keeps one weight per feature) learns one weight per feature and class by minimizing \
                      the log-loss on the training points: parameters. The features it weighs \
                      are chosen beforehand, a hyperparameter.",
        show_me: "lab=classification&model=logistic&data=blobs&lr=0.1&speed=max",
    },
    Question {
        id: "tree-thresholds",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::SplitThresholds],
        prompt: "A decision tree's question “x₁ ≤ 0.37?”: the threshold 0.37 is…",
        choices: PH,
        answer: PARAMETER,
        explanation: "The tree picks each split's feature and threshold from the training points, \
                      choosing the one that best separates the classes: split thresholds are \
                      learned parameters. Only the rules that limit the tree are set by you.",
        show_me: "lab=classification&model=tree&data=circles&depth=3",
    },
    Question {
        id: "tree-depth",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Depth],
        prompt: "The maximum depth of a decision tree is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "You set the maximum depth before the tree grows; it limits how many \
                      questions the tree may ask in a row. The splits themselves are learned, the \
                      limit is not.",
        show_me: "lab=classification&model=tree&data=moons&noise=0.6&depth=15",
    },
    Question {
        id: "tree-min-leaf",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Depth],
        prompt: "The minimum number of training points per leaf of a decision tree is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "It is a rule set before growing: a split is allowed only if each side keeps \
                      that many points. Raising it stops the tree from carving out single noisy \
                      points, like a lower depth does.",
        show_me: "lab=classification&model=tree&data=moons&noise=0.6&depth=15&leaf=10",
    },
    Question {
        id: "knn-k",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::K],
        prompt: "The k of k-nearest neighbours is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "You choose how many neighbours vote; training does not set it (choose it \
                      on validation data: cross-validation, not the test set). Small k \
                      follows every point (k = 1 memorises the noise), large k smooths \
                      everything.",
        show_me: "lab=classification&model=knn&k=1&data=moons&noise=0.6",
    },
    Question {
        id: "lambda",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Lambda],
        prompt: "λ, the regularization strength, is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "λ weighs the penalty on large weights against the error; you choose it, and \
                      training minimizes error + λ·penalty with it held fixed. If training could \
                      choose λ it would pick 0, the lowest training loss.",
        show_me: "lab=regression&degree=15&n=20&reg=l2&lambda=0.001&speed=max",
    },
    Question {
        id: "learning-rate",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::LearningRate],
        prompt: "The learning rate of gradient descent is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "The learning rate is how big a step each update takes; you set it and it \
                      controls how training moves the parameters. Too small crawls, too large \
                      diverges.",
        show_me: "lab=regression&opt=sgd&lr=10",
    },
    Question {
        id: "batch-size",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::BatchSize],
        prompt: "The batch size (how many points each update uses) is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "The batch size is a setting of the training procedure, chosen before \
                      training: small batches give many noisy steps per epoch, all points one \
                      exact step. It changes how the parameters are found, and is not one of \
                      them.",
        show_me: "lab=regression&degree=3&data=sine&batch=1&lr=0.05",
    },
    Question {
        id: "number-of-trees",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::NumberOfTrees],
        prompt: "The number of trees in a random forest is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "You decide how many trees the forest grows; each tree's splits are the \
                      learned parameters. In a forest it is a budget more than a dial: adding \
                      trees does not make the forest overfit more (deep trees can overfit \
                      already; more of them only steady the average), they cost time.",
        show_me: "lab=classification&model=forest&data=moons&noise=0.3&n=500&depth=15&trees=200&speed=max",
    },
    Question {
        id: "epochs",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Epochs],
        prompt: "The number of epochs (full passes over the training data) you let a model train for is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "How long to train is a training budget you choose, not something learned: \
                      stopping early or late gives different parameters. Early stopping is \
                      choosing this hyperparameter with a validation set.",
        show_me: "lab=regression&opt=sgd&lr=0.0001&degree=3&data=sine",
    },
    Question {
        id: "data-seed",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Seed],
        prompt: "The seed in the link (seed=42), which draws the data and splits it into training \
                 and test points, is…",
        choices: PHN,
        answer: NEITHER,
        explanation: "The seed is not learned, and it is not a property of the model you would \
                      tune either: it fixes which random data and split the experiment uses, so \
                      the experiment can be repeated. A result that holds for one seed only is \
                      luck; try another.",
        show_me: "lab=regression&degree=3&data=sine&seed=7&speed=max",
    },
    Question {
        id: "init-seed",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Seed],
        prompt: "On XOR, a ReLU network from initialization 8 gets stuck and from \
                 initialization 9 solves it. The initialization seed of a network is…",
        choices: &[
            "A hyperparameter like any other: the seed that scores best here is best for other \
             settings and new data too",
            "A parameter: training refines the seed along with the starting weights it drew",
            "Chosen before training, like a hyperparameter, but not tuned for a better score: \
             results are reported over several seeds",
        ],
        answer: 2,
        explanation: "The seed draws the starting weights and training never changes it, so it \
                      is not a parameter; the app lists it with the hyperparameters. Restarting \
                      from a new one when training is stuck is fair (random restarts). What is \
                      not fair is crediting a setting with a lucky start, or reporting the best \
                      seed's score as the method's: compare settings from the same start, and \
                      check that a result holds over several seeds.",
        show_me: "lab=neural&data=xor&noise=0&act=relu&init=8&speed=max",
    },
    Question {
        id: "noise-level",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::NoiseFloor],
        prompt: "The noise σ the Regression lab's points are drawn with is…",
        choices: PHN,
        answer: NEITHER,
        explanation: "Noise belongs to the data, not the model: no training learns it and no \
                      tuning can change it. It sets the noise floor σ², the smallest test error \
                      any model can expect.",
        show_me: "lab=regression&degree=3&data=sine&noise=0.5&n=200&speed=max",
    },
    Question {
        id: "train-fraction",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::TrainTestSplit],
        prompt: "The training fraction (the share of points used for training, the rest held \
                 out for testing) is…",
        choices: PHN,
        answer: NEITHER,
        explanation: "It shares the data between fitting and measuring: more training points \
                      give a better model, more test points a more reliable estimate of the \
                      error on new data. It is fixed before \
                      any tuning and is not tuned to make the score look better.",
        show_me: "lab=regression&degree=15&n=20&train=0.7&speed=max",
    },
    Question {
        id: "boosting-shrinkage-kind",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::BoostingShrinkage],
        prompt: "Gradient boosting's learning rate (shrinkage) is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "Shrinkage is how much of each new tree's correction is added; you set it \
                      before boosting starts. The trees' splits and leaf values are the learned \
                      parameters.",
        // (The README's link, whose cross-validated curve over trees rises, if by less than the
        // folds' spread: at noise 0.6 and 500 points it cannot tell 200 trees from 20.)
        show_me: "lab=classification&model=boosting&data=moons&noise=0.5&n=300&depth=1&shrinkage=1\
                  &trees=200&speed=max",
    },
    Question {
        id: "hidden-layers-kind",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::HiddenLayers],
        prompt: "The number of hidden layers of a network is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "The architecture is chosen before training: it decides how many weights \
                      there are to learn. Training fills in the weights; it never adds or \
                      removes a layer.",
        show_me: "lab=neural&data=circles&layers=0",
    },
    Question {
        id: "activation-kind",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Activation],
        prompt: "The activation function of the hidden neurons (ReLU, tanh, sigmoid, linear) \
                 is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "You choose what each neuron does with its weighted sum; training only \
                      changes the weights and biases that feed it.",
        show_me: "lab=neural&data=circles&act=linear",
    },
    Question {
        id: "optimizer-kind",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::Optimizers],
        prompt: "The choice of optimizer (SGD, momentum, Adam) is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "The optimizer is the update rule training uses, chosen beforehand. It \
                      changes how quickly (and sometimes where) the parameters settle, not what \
                      they are for. In the demonstration (a cubic fitted by least squares: its \
                      loss over the four weights is a bowl with one minimum) set Optimizer \
                      to Momentum or SGD and press Reset: all three end at the same four \
                      weights, momentum within 300 epochs, Adam within 1,000, SGD after \
                      several thousand (Adam, at its fixed learning rate, then keeps wobbling \
                      in the third decimal).",
        // (Watched, not at max: the point is the pace. Helper 80 found nothing to compare.)
        show_me: "lab=regression&degree=3&data=sine&opt=adam&speed=10",
    },
    Question {
        id: "model-kind",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::KnnStoresPoints],
        prompt: "The choice of model itself (k-NN, a tree, a forest…) is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "Which family of models to fit is decided before training and can be \
                      compared on validation data like any other hyperparameter. Each family \
                      then learns its own kind of parameters.",
        show_me: "lab=classification&model=forest&data=moons&noise=0.6",
    },
    Question {
        id: "feature-map-kind",
        topic: Topic::ParameterOrHyper,
        concepts: &[C::FeatureMaps],
        prompt: "Which features logistic regression weighs (x₁, x₂ only, or also x₁², x₁x₂, \
                 x₂²) is…",
        choices: PH,
        answer: HYPERPARAMETER,
        explanation: "The feature map is chosen before training and fixes how many weights there \
                      are; the weights on those features are the parameters. With squares, a \
                      linear model can draw a circle.",
        show_me: "lab=classification&model=logistic&data=circles&lr=0.1&features=2&speed=max",
    },
    // What happens if…
    Question {
        id: "lr-too-high",
        topic: Topic::WhatIf,
        concepts: &[C::Divergence, C::LearningRate],
        prompt: "Plain SGD with a learning rate of 10 in the Regression lab: what happens?",
        choices: &[
            "It converges in a single step: a large rate jumps straight to the minimum",
            "It trains slowly but surely: SGD reaches the minimum whatever the rate",
            "Nothing much: the learning rate only changes how fast the loss falls",
            "The loss explodes: each step overshoots the minimum further than the last",
        ],
        answer: 3,
        explanation: "A step that is too large jumps past the minimum to a point where the \
                      gradient is even larger, so the next jump is larger still: the loss \
                      diverges. The app stops training, undoes the epoch that exploded and goes \
                      back to the parameters with the lowest training loss recorded — \
                      here the starting ones: the loss rose from the very first step.",
        show_me: "lab=regression&opt=sgd&lr=10",
    },
    Question {
        id: "lr-too-small",
        topic: Topic::WhatIf,
        concepts: &[C::LearningRate, C::Epochs],
        prompt: "Plain SGD with a learning rate of 0.0001, fitting a cubic to a sine wave in the \
                 Regression lab: what does the loss do after 2,000 epochs?",
        choices: &[
            "It is still falling: each step is tiny, so training crawls",
            "It reached the minimum long ago: 2,000 steps are plenty",
            "It has stalled at a poor value: tiny steps cannot leave a local minimum",
        ],
        answer: 0,
        explanation: "Tiny steps go in the right direction but cover little ground, so the loss \
                      keeps falling slowly and the fit is still poor. The verdict says “still \
                      training”: more epochs or a larger learning rate would help.",
        // (At Speed 10, epoch 2,000 comes after about 3 s; at 1, after 33 s. Helper 96.)
        show_me: "lab=regression&opt=sgd&lr=0.0001&degree=3&data=sine&speed=10",
    },
    Question {
        id: "degree-15-few-points",
        topic: Topic::WhatIf,
        concepts: &[C::DegreeFit, C::DataSize],
        prompt: "Degree 15 (16 coefficients) on 20 points, 14 of them for training: what \
                 happens?",
        choices: &[
            "A smooth curve near the true one: 14 points pin the shape down well",
            "Underfitting: too few points to set 16 coefficients, so the curve stays flat",
            "Overfitting: it bends through the training points and misses the test points",
        ],
        answer: 2,
        explanation: "With more coefficients than training points, many curves pass through every \
                      training point, noise included; the training error is tiny, the test \
                      error large. More data, a simpler model or a penalty (λ) cures it.",
        show_me: "lab=regression&degree=15&n=20&speed=max",
    },
    Question {
        id: "degree-1-sine",
        topic: Topic::WhatIf,
        concepts: &[C::DegreeFit],
        prompt: "Degree 1 (a straight line) on a sine wave: what happens?",
        choices: &[
            "Overfitting: the line fits the training points but misses the test points",
            "Underfitting: training and test errors both stay high",
            "A good fit after enough epochs: the slope and intercept follow the wave",
        ],
        answer: 1,
        explanation: "A line cannot follow a wave however long it trains: the training error \
                      itself stays well above the noise, and the test error with it. That is \
                      high bias; a higher degree fixes it.",
        show_me: "lab=regression&degree=1&data=sine&speed=max",
    },
    Question {
        id: "degree-3-sine",
        topic: Topic::WhatIf,
        concepts: &[C::DegreeFit],
        prompt: "Between degree 1 and degree 15 on 40 points of a sine wave, what does degree 3 \
                 give?",
        choices: &[
            "A good fit: the training and test errors both end up near the noise level",
            "Underfitting, like degree 1: a cubic bends too little to follow a wave",
            "Overfitting, like degree 15 on few points: a cubic already chases the noise",
        ],
        answer: 0,
        explanation: "A cubic bends enough to follow one wave and not enough to chase the noise: \
                      training and test errors both end near σ² (0.04 here). The best degree \
                      lies between too simple and too flexible. Test points beyond the training \
                      points' range are another matter: no degree knows the wave there. At the \
                      default seed (set Seed to 42) three such points lift the test error above \
                      0.1, and the verdict says that is where it comes from.",
        show_me: "lab=regression&degree=3&data=sine&seed=8&speed=max",
    },
    Question {
        id: "more-data",
        topic: Topic::WhatIf,
        concepts: &[C::DataSize],
        prompt: "Keep degree 15 but go from 20 points to 200: what happens to overfitting?",
        choices: &[
            "It shrinks: 16 coefficients cannot pass through 140 noisy points",
            "It gets worse: ten times the points means ten times the noise to memorise",
            "Nothing changes: overfitting depends on the degree alone",
        ],
        answer: 0,
        explanation: "Overfitting is flexibility relative to the data: with many more training \
                      points than coefficients, the noise averages out and the curve follows \
                      the pattern. More data is the most reliable cure.",
        show_me: "lab=regression&degree=15&n=200&opt=adam&speed=max",
    },
    Question {
        id: "lambda-too-strong",
        topic: Topic::WhatIf,
        concepts: &[C::Lambda],
        prompt: "L2 with λ = 10 on a degree-3 fit of the sine wave: what happens?",
        choices: &[
            "A better fit: a stronger penalty always means less overfitting and lower test error",
            "Underfitting: the penalty shrinks the weights until the curve flattens",
            "Overfitting: with λ this large the curve chases every noisy training point",
        ],
        answer: 1,
        explanation: "λ trades error for small weights; too large a λ makes small weights matter \
                      more than fitting the points, so the curve flattens and both errors rise. \
                      The verdict says “too strongly regularized”.",
        show_me: "lab=regression&degree=3&data=sine&reg=l2&lambda=10&speed=max",
    },
    Question {
        id: "l1-zeros",
        topic: Topic::WhatIf,
        concepts: &[C::L1VsL2],
        prompt: "L1 (lasso) with λ = 0.1 on a degree-15 fit: what happens to its weights?",
        choices: &[
            "They all shrink by the same factor, and none reaches exactly zero",
            "Only the largest shrink; the small ones are too small to be penalized",
            "Several become exactly zero: lasso switches those terms off",
        ],
        answer: 2,
        // (Helper 106: at λ = 0.01 on 14 points the link's curve still wiggled through its points,
        // and "coefficients" read as the powers of x, which are not sparse.)
        explanation: "L1's penalty λ·Σ|w| pulls every weight towards zero by the same amount \
                      whatever its size, so a weight is held at exactly zero as long as the \
                      error pulls on it less strongly than λ: lasso selects features. Here the \
                      weights are those of the Legendre terms φₖ, and the parameters panel \
                      counts the exact zeros (11 of 15 in the demonstration, still a good fit). \
                      Zeros belong to the terms the penalty is put on: the same curve written \
                      in powers of x is not sparse, each Legendre term mixing several powers.",
        show_me: "lab=regression&degree=15&n=30&opt=adam&lr=0.03&reg=l1&lambda=0.1&speed=max&seed=8",
    },
    Question {
        id: "l2-shrinks",
        topic: Topic::WhatIf,
        concepts: &[C::L1VsL2],
        prompt: "L2 (ridge) with λ = 0.001 on a degree-15 fit: how many of its weights become \
                 exactly zero?",
        choices: &[
            "Most of them: ridge zeroes every weight the fit does not need",
            "None: they shrink towards zero but never reach it",
            "A few: the smallest ones reach exactly zero",
        ],
        answer: 1,
        explanation: "L2's pull λ·2w is proportional to the weight, so it weakens as the weight \
                      shrinks: weights get small but not zero. Exact zeros are L1's doing.",
        show_me: "lab=regression&degree=15&n=20&reg=l2&lambda=0.001&speed=max",
    },
    Question {
        id: "l1-vs-l2",
        topic: Topic::Models,
        concepts: &[C::L1VsL2, C::Lambda],
        prompt: "Which penalty can switch weights off entirely (exactly zero)?",
        choices: &[
            "L2 (ridge)",
            "Both, if λ is large enough",
            "L1 (lasso)",
            "Neither: penalties only shrink",
        ],
        answer: 2,
        explanation: "L1 adds λ·Σ|w| and sets a weight exactly to zero wherever, at zero, \
                      the error's slope along that weight is smaller than λ in size; L2 adds λ·Σw² and only shrinks them. In a \
                      network, L1 can switch many links off and still classify well.",
        show_me: "lab=neural&data=circles&layers=1&l1=4&inputs=x1,x2,x1sq,x2sq,x1x2,sin1,sin2\
                  &opt=sgd&lr=0.1&reg=l1&lambda=0.01",
    },
    Question {
        id: "momentum",
        topic: Topic::Models,
        concepts: &[C::Optimizers],
        prompt: "What does momentum add to plain SGD?",
        choices: &[
            "Each step adds part (here 90 %) of the previous step, speeding up in long valleys",
            "A separate learning rate for each weight, divided by the size of its recent \
             gradients",
            "A penalty on large weights, which keeps the steps from growing too big",
        ],
        answer: 0,
        explanation: "Momentum carries the previous step along: consistent gradients add up to \
                      faster progress and zig-zags partly cancel. It is still one learning rate \
                      for all weights.",
        show_me: "lab=regression&degree=3&data=sine&opt=momentum&speed=max",
    },
    Question {
        id: "adam",
        topic: Topic::Models,
        concepts: &[C::Optimizers],
        prompt: "Why does Adam usually train a degree-15 polynomial faster than plain SGD at \
                 the same learning rate?",
        choices: &[
            "It gives each weight its own step size from running averages of its gradients",
            "It uses more training points per step, so each gradient is more accurate",
            "It uses second derivatives to step straight to the minimum, like Newton's method",
        ],
        answer: 0,
        // (Helper 106: not "divides each weight's step by the root-mean-square": a running mean
        // of the gradient over its RMS, about 1 only while the gradient keeps its sign.)
        explanation: "Adam divides a running mean of each weight's gradient by the \
                      root-mean-square of its recent gradients, so while a gradient keeps its \
                      sign the weight moves about the learning rate per step, however small the \
                      gradient. Plain \
                      SGD's steps are the learning rate times the gradient, crawling where \
                      gradients are small. In the demonstration (10 epochs a frame) Adam reaches the \
                      minimum within 3,000 epochs, about 5 seconds, and on 40 points that \
                      minimum overfits; set Optimizer to SGD and Reset, and at epoch 3,000 SGD \
                      still reads a good fit: it is still on its way (left to run, it gets \
                      there too).",
        show_me: "lab=regression&degree=15&n=40&opt=adam&lr=0.01&speed=10",
    },
    Question {
        id: "batch-one",
        topic: Topic::WhatIf,
        concepts: &[C::BatchSize],
        prompt: "Batch size 1 instead of all points: what changes?",
        choices: &[
            "Many small noisy steps per epoch: the loss jitters on its way down",
            "The same exact steps, only slower: each epoch still makes a single update",
            "The model gets more parameters, since each point now gets its own update",
        ],
        answer: 0,
        explanation: "Each update uses one point's gradient, a noisy estimate of the full one: \
                      there are as many updates per epoch as training points, and the loss \
                      wobbles. The number of parameters does not change.",
        show_me: "lab=regression&degree=3&data=sine&batch=1&lr=0.05",
    },
    Question {
        id: "no-hidden-layer",
        topic: Topic::WhatIf,
        concepts: &[C::HiddenLayers],
        prompt: "A network with no hidden layer on x₁ and x₂, trained on circles: what boundary \
                 does it draw?",
        choices: &[
            "A circle, after enough epochs: the softmax output bends the boundary",
            "A straight line, however long it trains: it is logistic regression",
            "None at all: without a hidden layer the network cannot train",
        ],
        answer: 1,
        explanation: "Without hidden layers the network is logistic regression on its inputs: \
                      its boundary is a straight line in them. Circles need a hidden layer or \
                      squared features.",
        show_me: "lab=neural&data=circles&layers=0",
    },
    Question {
        id: "squares-as-inputs",
        topic: Topic::WhatIf,
        concepts: &[C::FeatureMaps],
        prompt: "Still no hidden layer on circles, but now x₁² and x₂² are inputs too: what \
                 happens?",
        choices: &[
            "Still a straight line: without a hidden layer the boundary cannot bend",
            "It separates the circles: a feature does what a hidden layer would",
            "It diverges: squared inputs make the gradients too large",
        ],
        answer: 1,
        explanation: "The circle x₁² + x₂² = r² is a straight line in (x₁², x₂²): the feature map \
                      bends the boundary, so the weights only have to find the radius.",
        show_me: "lab=neural&data=circles&layers=0&inputs=x1,x2,x1sq,x2sq",
    },
    Question {
        id: "linear-activation",
        topic: Topic::WhatIf,
        concepts: &[C::Activation],
        prompt: "Two hidden layers, all with the linear activation, on circles: what boundary?",
        choices: &[
            "A straight line: layers of linear maps add up to one linear map",
            "A circle: two hidden layers bend the boundary whatever their activation",
            "A jagged boundary: each linear neuron adds another straight piece to it",
        ],
        answer: 0,
        explanation:
            "Without a bend in each neuron, stacking layers only multiplies matrices, and \
                      the result is still linear. The nonlinearity of the activation is what \
                      lets depth help.",
        show_me: "lab=neural&data=circles&act=linear",
    },
    Question {
        id: "xor-needs-hidden",
        topic: Topic::Models,
        concepts: &[C::Xor, C::HiddenLayers],
        prompt: "Why can a network with no hidden layer on x₁, x₂ not solve XOR?",
        choices: &[
            "It needs more epochs: XOR is harder, so its loss falls more slowly",
            "No single straight line can separate XOR's opposite corners",
            "Its learning rate is too small to leave the flat start",
        ],
        answer: 1,
        explanation: "XOR's classes sit in opposite corners, so no straight line separates \
                      them: the best cuts off a corner and still gets about a third wrong, and \
                      a trained linear model often stays near half. A hidden layer combines \
                      several lines into a bent boundary.",
        show_me: "lab=neural&data=xor&noise=0&layers=0",
    },
    Question {
        id: "xor-product-feature",
        topic: Topic::Models,
        concepts: &[C::Xor, C::FeatureMaps],
        prompt: "No hidden layer, but the product x₁x₂ as an extra input: can it solve XOR?",
        choices: &[
            "Yes: the class is the sign of x₁x₂, which one weight can read",
            "No: XOR always needs a hidden layer, whatever inputs it gets",
        ],
        answer: 0,
        explanation: "XOR is “x₁·x₂ > 0 or not”, so with x₁x₂ as a feature a single linear \
                      boundary separates it. Good features can replace hidden neurons.",
        show_me: "lab=neural&data=xor&noise=0&layers=0&inputs=x1,x2,x1x2",
    },
    Question {
        id: "stuck-xor",
        topic: Topic::WhatIf,
        concepts: &[C::Seed, C::HiddenLayers],
        prompt: "A 4-2 ReLU network on XOR from initialization 8 stalls at about 77 % \
                 accuracy. What is most likely to help?",
        choices: &[
            "Training for many more epochs: a plateau always ends if you wait",
            "Removing the hidden layers: a simpler network has no poor regions",
            "A new initialization (Reset): the start was poor, the network is not too simple",
        ],
        answer: 2,
        explanation: "The network is flexible enough (other starts solve XOR) and the learning \
                      rate is not too small (other starts train at it), so here the plateau \
                      means a poor start. Here both ReLU neurons of the second hidden layer \
                      output zero on about half the points, so nothing bends the boundary \
                      towards them; 30,000 epochs later it is still stuck (a flat region may end \
                      by itself, but nothing says when). Reset draws new \
                      starting weights and it solves the problem.",
        show_me: "lab=neural&data=xor&noise=0&act=relu&init=8&speed=max",
    },
    Question {
        id: "knn-k1",
        topic: Topic::WhatIf,
        concepts: &[C::K],
        prompt: "k = 1 on noisy moons: what is the training accuracy?",
        choices: &[
            "About 50 %: one neighbour's vote is a coin flip",
            "100 %: each training point is its own nearest neighbour",
            "The same as the test accuracy: k-NN fits nothing to the training points",
        ],
        answer: 1,
        explanation: "With k = 1 every training point votes for itself, so the training error \
                      says nothing; the test accuracy is clearly lower. That gap is overfitting, \
                      and the k validation curve shows it at the left end.",
        show_me: "lab=classification&model=knn&k=1&data=moons&noise=0.6",
    },
    Question {
        id: "knn-k-all",
        topic: Topic::WhatIf,
        concepts: &[C::K],
        prompt: "k = 140 when there are exactly 140 training points: what does k-NN predict?",
        choices: &[
            "A very detailed boundary: with every point voting, no point is ignored",
            "It refuses to predict: k must be smaller than the number of training points",
            "The majority class everywhere: every vote counts all the training points",
        ],
        answer: 2,
        explanation: "With k equal to the training set, every vote counts the whole set (with \
                      uniform weights), so the prediction is its majority class everywhere (a tie \
                      if the classes are even, broken the same way at every point): \
                      extreme underfitting. Good k lie in between.",
        show_me: "lab=classification&model=knn&k=140&data=moons",
    },
    Question {
        id: "deep-tree",
        topic: Topic::WhatIf,
        concepts: &[C::Depth],
        prompt: "A tree of depth 15 on noisy moons: what happens?",
        choices: &[
            "It carves out single points: training accuracy near 100 %, test lower",
            "It stops early: no split beyond depth 5 improves the fit",
            "A cleaner boundary: extra depth only refines the fit, so test accuracy rises",
        ],
        answer: 0,
        explanation: "Enough questions in a row can isolate every training point, noise \
                      included: that is overfitting. Lower depth or more points per leaf keep \
                      the boundary simple. (In the demonstration the tree stops growing at \
                      depth 12: by then every leaf holds points of one class, and no question \
                      is left to ask.)",
        show_me: "lab=classification&model=tree&data=moons&noise=0.6&depth=15",
    },
    Question {
        id: "stump-circles",
        topic: Topic::WhatIf,
        concepts: &[C::Depth, C::SplitThresholds],
        prompt: "A tree of depth 1 on circles: what can it do?",
        choices: &[
            "Separate them: one well-placed threshold isolates the disc",
            "One cut along one axis: it cannot separate a disc from a ring",
        ],
        answer: 1,
        explanation: "Depth 1 is one question, one threshold on one feature: a single straight \
                      cut parallel to an axis. Circles need several cuts to box the disc in.",
        show_me: "lab=classification&model=tree&depth=1&data=circles",
    },
    Question {
        id: "forest-more-trees",
        topic: Topic::WhatIf,
        concepts: &[C::ForestMoreTrees, C::NumberOfTrees],
        prompt: "A random forest of deep trees on moons grows from 10 to 200 trees: what \
                 happens to its test error?",
        choices: &[
            "It rises: each extra deep tree adds flexibility, so the forest overfits more",
            "It settles: adding trees does not make a forest overfit more",
            "It keeps falling to zero: each tree removes more error",
        ],
        answer: 1,
        explanation: "Each tree is grown on its own random version of the data and the forest \
                      averages their votes; more trees only make that average steadier. The \
                      test error levels off — the extra trees cost time, not accuracy.",
        show_me: "lab=classification&model=forest&data=moons&noise=0.3&n=500&depth=15&trees=200&speed=max",
    },
    Question {
        id: "boosting-overfits",
        topic: Topic::WhatIf,
        concepts: &[C::BoostingOverfits, C::NumberOfTrees],
        prompt: "Gradient boosting of one-question trees with shrinkage 1 on noisy moons goes \
                 from 20 to 200 trees: can adding trees overfit?",
        choices: &[
            "No: like a forest's, its error only levels off as trees are added",
            "Yes: each tree fits the errors left so far, noise included",
        ],
        answer: 1,
        explanation: "Boosting adds trees one after another, each correcting the previous ones' \
                      errors on the training points; once the pattern is learned the \
                      corrections chase noise. Unlike a forest, its number of trees must be \
                      tuned. In the lab the test points barely show it: from 20 trees to 200 \
                      the training accuracy rises to 100 % and the test accuracy falls from \
                      81 % to 77 %, about what chance moves 90 test points by. The validation \
                      curve over Number of trees settles it: its error is lowest at 10 trees and \
                      higher at 200 by more than one standard error, so the verdict reads \
                      Overfitting: too flexible.",
        // (The README's link, whose cross-validated curve over trees rises, if by less than the
        // folds' spread: at noise 0.6 and 500 points it cannot tell 200 trees from 20.)
        show_me: "lab=classification&model=boosting&data=moons&noise=0.5&n=300&depth=1&shrinkage=1\
                  &trees=200&speed=max",
    },
    Question {
        id: "boosting-rate-times-trees",
        topic: Topic::Models,
        concepts: &[C::BoostingShrinkage, C::NumberOfTrees],
        prompt: "Boosting's shrinkage goes from 0.1 to 0.05. To get a similar fit you need…",
        choices: &[
            "Half as many trees: smaller steps are more precise",
            "The same number: shrinkage changes smoothness, not reach",
            "About twice as many trees",
        ],
        answer: 2,
        explanation: "Each tree's correction is scaled by the shrinkage, so shrinkage × number of \
                      trees roughly sets how far the ensemble moves. Smaller steps with more \
                      trees are usually smoother and generalize better, at the cost of time.",
        show_me: "lab=classification&model=boosting&data=moons&noise=0.6&n=500&depth=1\
                  &shrinkage=0.05&trees=200&speed=max",
    },
    Question {
        id: "out-of-bag",
        topic: Topic::Models,
        concepts: &[C::OutOfBag],
        prompt: "What is a random forest's out-of-bag error?",
        choices: &[
            "Each training point scored only by the trees whose bootstrap sample left it out",
            "The error on the test points, which no tree in the forest was trained on",
            "The error on the points no tree sampled, about a third of the training set",
        ],
        answer: 0,
        explanation: "A bootstrap sample leaves out about a third of the points, so every point \
                      has trees that never saw it (with enough trees); their votes give an estimate of the error on \
                      unseen data from the training points alone, for free.",
        show_me: "lab=classification&model=forest&data=moons&noise=0.3&n=500&depth=15&trees=200\
                  &bootstrap=on&speed=max",
    },
    Question {
        id: "bootstrap-off",
        topic: Topic::Models,
        concepts: &[C::MaxFeaturesBootstrap, C::OutOfBag],
        prompt: "A random forest with bootstrap off and max features = all: what is left of the \
                 randomness?",
        choices: &[
            "Nothing much: every tree sees the same points and features, so the trees are alike",
            "More: without bootstrap each tree draws its own features, so the trees differ more",
        ],
        answer: 0,
        explanation: "A forest's strength is trees that differ, so their errors partly cancel in \
                      the vote; bootstrap samples and random feature subsets are what make them \
                      differ. Without either, voting gains little over one tree, and there is no \
                      out-of-bag error.",
        show_me: "lab=classification&model=forest&data=moons&noise=0.6&bootstrap=off&maxfeat=all",
    },
    Question {
        id: "max-features",
        topic: Topic::Models,
        concepts: &[C::MaxFeaturesBootstrap],
        prompt: "Why does a random forest let each split look at only a random √p of the p \
                 features (scikit-learn's default for classification)?",
        choices: &[
            "To train each tree on fewer points, so none memorises the data",
            "To pick the best features: the √p with the highest scores are kept for every split",
            "To make the trees differ, so their errors partly cancel when they vote",
        ],
        answer: 2,
        explanation: "If every tree could always pick the strongest feature, all trees would look \
                      alike. Restricting each split to a random subset decorrelates them, and \
                      the average of different trees varies less than any one of them. The gain \
                      is largest when one or two strong features would otherwise lead every \
                      tree's splits while the others still carry signal (with many features and \
                      few of them relevant, a small subset often holds only noise): on the \
                      lab's noisy moons with 5 features, √ of them (2 per split) and all of \
                      them score within a point or two of each other on the test points. Watch \
                      the newest tree's map change from tree to tree.",
        // (Not the circles: every setting scores 100 % there, and the page says so; helper 91.)
        show_me: "lab=classification&model=forest&data=moons&noise=0.4&features=2&maxfeat=sqrt",
    },
    Question {
        id: "knn-learns-nothing",
        topic: Topic::Models,
        concepts: &[C::KnnStoresPoints],
        prompt: "What does k-NN learn during training?",
        choices: &[
            "One weight per feature, saying how much each counts in the distance",
            "Split thresholds that cut the plane into one region per class",
            "The best value of k, by trying each k on the training points",
            "Nothing: it stores the training points, and the stored set is its whole model",
        ],
        answer: 3,
        explanation: "k-NN's “training” is keeping the points; a prediction lets the k nearest \
                      of them vote. It learns no weights, so its model grows with the data, and \
                      k remains a hyperparameter you choose.",
        show_me: "lab=classification&model=knn&k=5&data=moons",
    },
    Question {
        id: "noise-floor",
        topic: Topic::Models,
        concepts: &[C::NoiseFloor],
        prompt: "The points were made with noise σ = 0.5. Can any model reach a test MSE well \
                 below 0.25 on many test points?",
        choices: &[
            "Yes, with a degree high enough to follow every noisy point exactly",
            "No: σ² = 0.25 is the noise floor, the error even the true curve has",
            "Yes: with enough epochs the loss keeps falling below any level",
        ],
        answer: 1,
        explanation: "New points carry new noise no model can predict, so the expected squared \
                      error is at least σ². A test MSE far below it on few points is luck; a \
                      training MSE far below it is overfitting.",
        show_me: "lab=regression&degree=3&data=sine&noise=0.5&n=200&speed=max",
    },
    // Reading the plots
    Question {
        id: "overfitting-plot",
        topic: Topic::Diagnosis,
        concepts: &[C::OverfittingPlot],
        prompt: "Which picture of the loss over epochs shows overfitting?",
        choices: &[
            "Training and test loss fall together to about the noise level",
            "Both losses stay high and flat, however long it trains",
            "The training loss jumps up and down and climbs",
            "Training loss keeps falling; test loss stays far above it or rises",
        ],
        answer: 3,
        explanation: "Overfitting is the gap: the model keeps improving on the points it learns \
                      from while getting no better, or worse, on new ones. Both high is \
                      underfitting; a climbing training loss is usually a too high learning rate.",
        show_me: "lab=regression&degree=15&n=20&speed=max",
    },
    Question {
        id: "underfitting-plot",
        topic: Topic::Diagnosis,
        concepts: &[C::OverfittingPlot, C::DegreeFit],
        prompt: "Training and test error are both well above the noise floor and close to each \
                 other, and no longer \
                 falling. The diagnosis?",
        choices: &[
            "Underfitting: too simple (or too strongly regularized)",
            "Overfitting: the model memorised the noise",
            "Not converged yet: a few more epochs will bring both errors down",
        ],
        answer: 0,
        explanation: "If the model cannot describe even its training points, the test points \
                      fare no better: high bias. A more flexible model, more features or less \
                      regularization help; more data does not. This assumes training has really \
                      converged: a network can also stall on a plateau with both errors high \
                      (the lab's “Stuck” verdict), where a new start, not a bigger model, helps.",
        show_me: "lab=regression&degree=1&data=sine&speed=max",
    },
    Question {
        id: "accuracy-gap",
        topic: Topic::Diagnosis,
        concepts: &[C::OverfittingPlot],
        prompt: "Training accuracy 100 %, test accuracy 80 % on many test points. This gap \
                 means…",
        choices: &[
            "High bias: the model is too simple to capture the pattern of the test points",
            "High variance: the model learned the training points' noise",
            "Nothing worrying: test accuracy always sits about 20 points below training",
        ],
        answer: 1,
        explanation: "A large, reliable gap between training and test accuracy means the model \
                      learned its training points' noise, and that does not carry over: high \
                      variance. Whether a less flexible model would do better on new points \
                      depends on what the data allow: where noise caps any model near 80 %, a \
                      random forest can show this gap and still be among the best, so compare \
                      settings on a validation curve, not the gap alone. On a few test points a \
                      small gap can be chance, which is why the verdict weighs the gap against \
                      the test set's size.",
        show_me: "lab=classification&model=knn&k=1&data=moons&noise=0.4&n=300",
    },
    Question {
        id: "divergence-plot",
        topic: Topic::Diagnosis,
        concepts: &[C::Divergence, C::LearningRate],
        prompt: "The training loss climbs far above its lowest value and jumps around. The \
                 most likely cause?",
        choices: &[
            "Too many hidden neurons: the network overfits",
            "A learning rate too high: the steps overshoot the minimum",
            "Too little data: the few points give gradients that point every which way",
        ],
        answer: 1,
        explanation: "Gradient descent with sensible steps lowers the training loss; a training \
                      loss that rises means the steps overshoot. Lower the learning rate. In the \
                      demonstration (Adam at 10 in the Neural-network lab) the verdict reads \
                      “Learning rate too high” while the loss jumps about and training goes on; \
                      where the loss truly explodes (the Regression lab at a learning rate of \
                      10), the lab stops training and names the exact rate below which gradient \
                      descent on all the points converges.",
        show_me: "lab=neural&opt=adam&lr=10",
    },
    Question {
        id: "still-training-plot",
        topic: Topic::Diagnosis,
        concepts: &[C::Epochs],
        prompt: "Both errors are high, the training loss is still falling steadily, and other \
                 runs show that a model of this form can fit these points well. The diagnosis?",
        choices: &[
            "Underfitting: the model is too simple, so use a more flexible one",
            "Overfitting: the training loss is falling faster than the test loss",
            "Not converged yet: train longer or take larger steps",
        ],
        answer: 2,
        explanation: "A falling training loss means training is still making progress; judging \
                      the model now would blame its capacity for a short budget. Let it run, or \
                      raise the learning rate. Without the last clue it could be either: a \
                      straight line on a sine curve also has a falling loss, but even trained \
                      to the end it stays far off, and the app calls that too simple.",
        show_me: "lab=neural&data=circles&opt=sgd&lr=0.0001",
    },
    Question {
        id: "validation-curve-best",
        topic: Topic::Diagnosis,
        concepts: &[C::ValidationCurve, C::DegreeFit],
        prompt: "On a validation curve (error against degree), which degree do you pick?",
        choices: &[
            "The one with the lowest held-out error",
            "The one with the lowest training error",
            "The highest degree, since it can fit any shape",
        ],
        answer: 0,
        explanation: "Training error falls as the degree rises, so it always points at the most \
                      flexible model. Held-out error falls, then rises once the model fits noise; \
                      its minimum is the best estimate of the degree that generalizes best \
                      (with a wide band, many pick the simplest degree within one standard \
                      error).",
        show_me: "lab=regression&degree=3&data=sine&speed=max",
    },
    Question {
        id: "validation-curve-k",
        topic: Topic::Diagnosis,
        concepts: &[C::ValidationCurve, C::K],
        prompt: "On k-NN's validation curve, the left end (k = 1) is…",
        choices: &[
            "The underfitting side: one neighbour is the simplest possible vote",
            "The overfitting side: small k is the most flexible model",
        ],
        answer: 1,
        explanation: "Complexity falls as k rises: k = 1 follows every point, large k averages \
                      everything. So k's curve is the mirror of degree's — overfitting on the \
                      left, underfitting on the right.",
        show_me: "lab=classification&model=knn&k=1&data=moons&noise=0.6",
    },
    Question {
        id: "training-error-misleads",
        topic: Topic::Diagnosis,
        concepts: &[C::TrainTestSplit, C::ValidationCurve],
        prompt: "Why is the training error a poor guide to the degree?",
        choices: &[
            "It stays flat as the degree rises, so it cannot tell the degrees apart",
            "It keeps falling as the degree rises, even when new points are fit worse",
            "It is noisier than the test error, because it is computed on fewer points",
        ],
        answer: 1,
        explanation: "A more flexible model can always fit its own training points at least as \
                      well, noise included. Only error on points it did not learn from shows \
                      when extra flexibility stops helping.",
        show_me: "lab=regression&degree=15&n=20&speed=max",
    },
    // Tuning
    Question {
        id: "why-hold-out",
        topic: Topic::Tuning,
        concepts: &[C::TrainTestSplit],
        prompt: "Why hold out test points the model never trains on?",
        choices: &[
            "To train faster: fewer training points make each epoch quicker",
            "To keep the training set small enough that the model cannot memorise it",
            "Their error estimates the error on new data; training error is optimistic",
        ],
        answer: 2,
        explanation: "The model was fitted to its training points, so its error there is biased \
                      low. Points it never saw are a fair sample of new data: their error \
                      estimates how it will do in use.",
        show_me: "lab=regression&degree=15&n=20&train=0.7&speed=max",
    },
    Question {
        id: "tune-on-test",
        topic: Topic::Tuning,
        concepts: &[C::TestSetTuning],
        prompt: "Why not pick hyperparameters by their score on the test set?",
        choices: &[
            "The score then helped choose, so it is optimistic about unseen data",
            "It is too slow: scoring the test set costs more than scoring the training set",
            "The test points were used in training, so their score means nothing",
        ],
        answer: 0,
        explanation: "Choosing the best of many trials by the test score picks, in part, the \
                      trial that was lucky on those test points; the same score then understates \
                      the error on new data. Choose with validation data or cross-validation, \
                      and use the test set once at the end.",
        show_me: super::lessons::TEST_SCORE_MISTAKE,
    },
    Question {
        id: "test-once",
        topic: Topic::Tuning,
        concepts: &[C::TestSetTuning, C::TrainTestSplit],
        prompt: "When should the test set be used?",
        choices: &[
            "Once, at the end, to report the error of the chosen model",
            "After every change, to check that each change really helped",
            "Whenever choosing hyperparameters like λ",
        ],
        answer: 0,
        explanation: "Every look at the test score that influences a decision leaks it into the \
                      model. Kept locked away until the end, it gives an honest estimate of the \
                      final model's error.",
        show_me: "lab=tuning&select=cv",
    },
    Question {
        id: "cv-folds",
        topic: Topic::Tuning,
        concepts: &[C::CrossValidation],
        prompt: "In 5-fold cross-validation, how many times is the model trained to score one \
                 setting?",
        choices: &["5 times", "Once", "25 times"],
        answer: 0,
        explanation: "The training points are cut into 5 folds; each is held out once while the \
                      model trains on the other 4, and the 5 held-out errors are averaged. Every \
                      point is used for validation exactly once.",
        show_me: "lab=tuning&folds=5",
    },
    Question {
        id: "leave-one-out",
        topic: Topic::Tuning,
        concepts: &[C::CrossValidation],
        prompt: "Leave-one-out cross-validation on 28 training points trains the model how many \
                 times per setting?",
        choices: &["Once", "28 times", "27 times"],
        answer: 1,
        explanation: "Leave-one-out is k-fold with one point per fold: each of the 28 points is \
                      held out once. The most data per fit, and the most fits.",
        show_me: "lab=tuning&folds=all",
    },
    Question {
        id: "cv-blind-beyond",
        topic: Topic::Tuning,
        concepts: &[C::CrossValidation],
        prompt: "Cross-validation chose a polynomial at an error of 0.043; on new points it errs \
                 0.17, most of it where x lies beyond the training points' range. Why did \
                 cross-validation not warn?",
        choices: &[
            "Too few folds: leave-one-out would have caught it",
            "Every held-out point is a training point, so no fold tests the model beyond them",
            "Cross-validation always reads about four times too low",
        ],
        answer: 1,
        explanation: "Cross-validation estimates the error on points like the training points: \
                      it holds out training points, so every one lies within their range. A \
                      polynomial's ends can swing far beyond it, and only points out there show \
                      that. In the lab this is leave-one-out itself (the most folds there are): \
                      it chose a cubic at 0.043, and 79 % of its error on 2,000 fresh points \
                      comes from the 444 beyond its 28 training points. That is this sample's \
                      luck: its 28 points left x from 0.68 to 1 empty, where 28 points drawn \
                      evenly leave about 7 % of the range. Averaged over samples, \
                      cross-validation's estimate is nearly unbiased (a little pessimistic, \
                      each fit having fewer points; the lowest of many trials' estimates is \
                      optimistic), but on one sample it cannot see a region no training point \
                      covers.",
        show_me: "lab=tuning&strategy=random&budget=16&folds=all&speed=max",
    },
    Question {
        id: "cv-uses",
        topic: Topic::Tuning,
        concepts: &[C::CrossValidation, C::TestSetTuning],
        prompt: "Which points does cross-validation score each trial on?",
        choices: &[
            "The test points, so that every trial is judged on data it never saw",
            "Held-out folds of the training points; the test points stay locked away",
            "The same points it trained on, averaged over the folds to reduce the noise",
        ],
        answer: 1,
        explanation: "Cross-validation makes validation sets out of the training points, so the \
                      choice of hyperparameters never sees the test points, and the test score \
                      of the chosen model stays honest.",
        show_me: "lab=tuning&select=cv",
    },
    Question {
        id: "grid-vs-random",
        topic: Topic::Tuning,
        concepts: &[C::SearchStrategies],
        prompt: "Two hyperparameters, only one of which matters much. Why does random search \
                 with 16 trials often beat a 4 × 4 grid?",
        choices: &[
            "Random search moves its trials towards the best scores found so far",
            "A 4 × 4 grid tests only 4 pairs of values; random search tests all 16",
            "Random trials try up to 16 values of the one that matters; the grid tries only 4",
        ],
        answer: 2,
        explanation: "A grid repeats each value of one axis for every value of the other, so \
                      most trials re-test the same few values of the important one. Random \
                      trials each draw a value of both (Bergstra & Bengio, 2012): here both axes \
                      have 15 values, so 16 draws give about 10 different ones of each (on a \
                      continuous axis they would give 16).",
        show_me: "lab=tuning&strategy=random&budget=16",
    },
    Question {
        id: "bayes",
        topic: Topic::Tuning,
        concepts: &[C::SearchStrategies],
        prompt: "What does Bayesian optimization do that random search does not?",
        choices: &[
            "It tries every value on a fine grid, so it cannot miss the best setting",
            "It uses the trials so far to place the next where it expects most improvement",
            "It needs no cross-validation: its model of the score replaces held-out data",
        ],
        answer: 1,
        explanation: "After a few random trials it fits a model of the score (here a Gaussian \
                      process) \
                      and places the next trial where improvement is most expected, trading off \
                      promising and unexplored regions. Random and grid search ignore earlier \
                      results.",
        show_me: "lab=tuning&strategy=bayes&budget=16",
    },
    Question {
        id: "log-scale",
        topic: Topic::Tuning,
        concepts: &[C::SearchStrategies, C::Lambda],
        prompt: "Why is λ searched on a log scale (10⁻⁶ … 10) rather than evenly?",
        choices: &[
            "Its effect scales by orders of magnitude; even steps would put nearly all trials \
             above 1",
            "Because λ cannot be 0: a log scale keeps the penalty switched on",
            "Log scales are faster: small values of λ make each fit converge in fewer epochs",
        ],
        answer: 0,
        explanation: "λ acts by its order of magnitude: 9 and 10 hardly differ, while 0.1, 1 \
                      and 10 give very different fits (on the linked search the cross-validated \
                      error climbs from 0.05 to 0.16 to 0.49 across them, and hardly moves from \
                      10⁻⁶ to 10⁻³). Evenly spaced values from 10⁻⁶ to 10 would put almost all \
                      trials above 1; a log scale gives each order of magnitude its share.",
        show_me: "lab=tuning&x=lambda&y=none&strategy=grid",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::regression::generate;
    use crate::ml::diagnosis::Fit;
    use crate::ml::model::{Model, Samples};
    use crate::ml::optimizer::OptimizerKind;
    use crate::ml::plane_model::PlaneModel;
    use crate::state::action::Action;
    use crate::state::choice::MaxFeatures;
    use crate::state::config::Config;
    use crate::state::plane::PlaneLab;
    use crate::state::regression::RegressionLab;
    use crate::state::session::Reduce;
    use crate::state::spec::{Key, Lab};
    use crate::state::url::decode;

    fn question(id: &str) -> &'static Question {
        let found = QUESTIONS.iter().find(|q| q.id == id);
        found.unwrap_or_else(|| panic!("no question {id}"))
    }

    #[test]
    fn the_bank_is_large_and_well_formed() {
        assert!(QUESTIONS.len() >= 60, "{} questions", QUESTIONS.len());
        for q in QUESTIONS {
            assert_eq!(
                QUESTIONS.iter().filter(|p| p.id == q.id).count(),
                1,
                "{} twice",
                q.id
            );
            assert!(
                !q.id.is_empty()
                    && !q.id.starts_with('-')
                    && !q.id.ends_with('-')
                    && q.id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}: not kebab-case",
                q.id
            );
            assert!((2..=4).contains(&q.choices.len()), "{}", q.id);
            assert!(q.answer < q.choices.len(), "{}", q.id);
            for (i, c) in q.choices.iter().enumerate() {
                assert!(!c.trim().is_empty(), "{}: empty choice", q.id);
                assert!(!q.choices[..i].contains(c), "{}: {c} twice", q.id);
            }
            assert!(!q.prompt.trim().is_empty(), "{}", q.id);
            assert!(!q.explanation.trim().is_empty(), "{}", q.id);
            assert!(!q.concepts.is_empty(), "{}", q.id);
            // Line continuations in the source must not leave double spaces behind.
            for text in [q.prompt, q.explanation].iter().chain(q.choices) {
                assert!(!text.contains("  "), "{}: {text}", q.id);
            }
        }
    }

    /// A test-wise candidate must not score well without knowing the answers: among questions
    /// with three or more choices, the right one is rarely strictly the longest (or the
    /// shortest) choice, and no position holds most of the right answers.
    #[test]
    fn the_right_answer_is_not_given_away_by_its_length_or_position() {
        let many: Vec<&Question> = QUESTIONS.iter().filter(|q| q.choices.len() >= 3).collect();
        assert!(many.len() >= 30, "{} questions with 3+ choices", many.len());
        let len = |c: &str| c.chars().count();
        let strictly = |q: &Question, beats: fn(usize, usize) -> bool| {
            let right = len(q.choices[q.answer]);
            q.choices
                .iter()
                .enumerate()
                .all(|(i, c)| i == q.answer || beats(right, len(c)))
        };
        let longest: Vec<&str> = many
            .iter()
            .filter(|q| strictly(q, |a, b| a > b))
            .map(|q| q.id)
            .collect();
        let shortest: Vec<&str> = many
            .iter()
            .filter(|q| strictly(q, |a, b| a < b))
            .map(|q| q.id)
            .collect();
        assert!(
            longest.len() * 3 <= many.len(),
            "the right answer is the longest choice in {} of {}: {longest:?}",
            longest.len(),
            many.len()
        );
        assert!(
            shortest.len() * 3 <= many.len(),
            "the right answer is the shortest choice in {} of {}: {shortest:?}",
            shortest.len(),
            many.len()
        );
        for position in 0..4 {
            let at = many.iter().filter(|q| q.answer == position).count();
            assert!(
                at * 5 <= many.len() * 2,
                "{at} of {} right answers at position {position}",
                many.len()
            );
        }
    }

    #[test]
    fn every_link_opens_its_lab_without_a_fallback() {
        for q in QUESTIONS {
            assert!(!q.show_me.starts_with('?'), "{}", q.id);
            let lab = q
                .show_me
                .split('&')
                .find_map(|pair| pair.strip_prefix("lab="));
            let lab = lab.unwrap_or_else(|| panic!("{}: no lab=", q.id));
            let (config, notices) = decode(q.show_me);
            assert!(notices.is_empty(), "{}: {notices:?}", q.id);
            assert_eq!(config.lab.url(), lab, "{}", q.id);
        }
    }

    #[test]
    fn show_me_plays_to_be_watched_or_trains_the_curves_steps_at_max_speed() {
        use crate::state::plane::PlaneLab;
        use crate::state::session::{LabKind, Session};
        fn check<K: LabKind>(q: &Question) {
            let (config, notices) = decode(q.show_me);
            let s = Session::<K>::new(config.clone(), notices).show_me();
            let steps = s.model.steps();
            match config.speed() {
                Some(_) => assert!(s.running || s.model.is_finished() == Some(true), "{}", q.id),
                None => {
                    assert!(!s.running, "{}", q.id);
                    // (Or fewer: finished, or diverged and fell back.)
                    let stopped = s.divergence.is_some() || s.model.is_finished() == Some(true);
                    assert!(
                        steps == u64::from(K::SWEEP_STEPS) || stopped,
                        "{} {steps}",
                        q.id
                    );
                }
            }
        }
        for q in QUESTIONS {
            match decode(q.show_me).0.lab {
                Lab::Regression => check::<crate::state::regression::Regression>(q),
                Lab::Classification | Lab::Neural => check::<crate::state::plane::Plane>(q),
                Lab::Tuning => {}
            }
        }
        // A set speed plays on; max trained the curve's 1,000 epochs and stopped there.
        let (config, notices) = decode(question("tree-thresholds").show_me);
        assert!(PlaneLab::new(config, notices).show_me().running);
        let (config, notices) = decode(question("poly-coefficients").show_me);
        assert_eq!(
            RegressionLab::new(config, notices).show_me().model.steps(),
            1000
        );
    }

    /// "Batch size 1: the loss jitters on its way down": its demonstration's training loss goes
    /// up from one epoch to the next again and again, the full batch's at the same learning rate
    /// never does (helper 80: at speed max it ran smooth for a million epochs).
    #[test]
    fn the_batch_of_one_demonstration_jitters_and_the_full_batch_does_not() {
        let ups = |change: fn(&mut Config)| {
            let mut s = regression_with("batch-one", change, 0);
            let mut losses = Vec::new();
            for _ in 0..150 {
                s.apply(Action::Tick(1));
                losses.push(s.train_score.loss);
            }
            losses[50..].windows(2).filter(|w| w[1] > w[0]).count()
        };
        assert!(ups(|_| {}) >= 20, "{}", ups(|_| {}));
        assert_eq!(
            ups(|c| c.set(Key::BatchSize, Key::BatchSize.spec().domain.len() - 1)),
            0
        );
    }

    #[test]
    fn every_concept_and_topic_is_asked_about() {
        for (i, c) in Concept::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i, "Concept::ALL is out of order");
            assert!(
                QUESTIONS.iter().any(|q| q.concepts.contains(c)),
                "no question on {c:?}"
            );
        }
        assert_eq!(Concept::ALL.len(), Concept::DataSize as usize + 1);
        for t in Topic::ALL {
            assert!(QUESTIONS.iter().any(|q| q.topic == t), "no {t:?} question");
        }
        // Issue 13's "is this a parameter or a hyperparameter" list, one question each.
        for c in [
            C::Coefficients,
            C::Weights,
            C::SplitThresholds,
            C::K,
            C::Depth,
            C::Lambda,
            C::LearningRate,
            C::BatchSize,
            C::NumberOfTrees,
            C::Epochs,
            C::Seed,
        ] {
            assert!(
                QUESTIONS
                    .iter()
                    .any(|q| q.topic == Topic::ParameterOrHyper && q.concepts.contains(&c)),
                "no parameter-or-hyperparameter question on {c:?}"
            );
        }
    }

    /// Opens a Regression-lab link and plays `epochs` epochs.
    fn regression(id: &str, epochs: u32) -> RegressionLab {
        regression_with(id, |_| {}, epochs)
    }

    /// The same, with a change to the link's configuration first.
    fn regression_with(id: &str, change: impl Fn(&mut Config), epochs: u32) -> RegressionLab {
        let (mut config, notices) = decode(question(id).show_me);
        assert_eq!(config.lab, Lab::Regression, "{id}");
        change(&mut config);
        let mut s = RegressionLab::new(config, notices);
        // (The curve done, as the page has it within a second of opening a link: the verdict
        // cites it; helper 91: an answer named the verdict read before the curve.)
        s.finish_curve();
        s.apply(Action::Play);
        s.apply(Action::Tick(epochs));
        s
    }

    /// Opens a plane-lab link and plays `epochs` epochs (or grows trees), ten per frame.
    fn plane(id: &str, epochs: u32) -> PlaneLab {
        plane_with(id, |_| {}, epochs)
    }

    /// The same, with a change to the link's configuration first.
    fn plane_with(id: &str, change: impl Fn(&mut Config), epochs: u32) -> PlaneLab {
        let (mut config, notices) = decode(question(id).show_me);
        assert_ne!(config.lab, Lab::Regression, "{id}");
        change(&mut config);
        let mut s = PlaneLab::new(config, notices);
        s.finish_curve();
        s.apply(Action::Play);
        for _ in 0..epochs / 10 {
            s.apply(Action::Tick(10));
        }
        s
    }

    /// The log-scale answer's figures are its link's: the grid over λ scores 0.1, 1 and 10 at
    /// 0.05, 0.16 and 0.49, and 10⁻⁶ … 10⁻³ within 0.001 of each other (it said 0.001 and 0.01
    /// "behave very differently" where they score 0.0522 and 0.0502; helper 62).
    #[test]
    fn the_log_scale_answer_quotes_its_search() {
        let (config, notices) = decode(question("log-scale").show_me);
        assert!(notices.is_empty(), "{notices:?}");
        let mut t = crate::state::tuning::Tuning::new(config, notices);
        t.apply(Action::Play);
        while !t.is_done() {
            t.apply(Action::Tick(1000));
            t.apply(Action::Reveal);
        }
        let error = |lambda: f64| {
            let trial = (t.search.trials().iter()).find(|x| (x.values[0] - lambda).abs() < 1e-12);
            trial.expect("every λ of the grid").error.mean
        };
        let quoted: Vec<String> = [0.1, 1.0, 10.0]
            .iter()
            .map(|&l| format!("{:.2}", error(l)))
            .collect();
        assert_eq!(quoted, ["0.05", "0.16", "0.49"]);
        let small: Vec<f64> = [1e-6, 1e-5, 1e-4, 1e-3].iter().map(|&l| error(l)).collect();
        assert!(
            small.iter().all(|e| (e - small[0]).abs() < 0.001),
            "{small:?}"
        );
    }

    /// The validation-curve question's link shows the curve its answer describes: the
    /// cross-validated error falls to its lowest at degree 3 or 4, then rises to degree 15. (On
    /// 20 points its curve was jagged, lowest at 6 with no clear rise; helper 62.)
    #[test]
    fn the_validation_curve_link_falls_then_rises() {
        let s = regression("validation-curve-best", 0);
        assert_eq!(s.sweep.key, Key::Degree);
        let cv: Vec<f64> = s.sweep.results.iter().map(|p| p.cv.mean).collect();
        let lowest = s.sweep.lowest_at().unwrap();
        let degree = |i: usize| s.sweep.positions[i] + 1;
        assert!((3..=4).contains(&degree(lowest)), "{cv:?}");
        assert!(
            cv[0] > 4.0 * cv[lowest] && cv[1] > 4.0 * cv[lowest],
            "{cv:?}"
        );
        assert!(cv[cv.len() - 1] > 1.5 * cv[lowest], "{cv:?}");
    }

    /// The gap question's link shows its figures: k = 1 at 100 % training and about 80 % test
    /// accuracy, called overfitting (it showed 68 % test; helper 59).
    #[test]
    fn the_accuracy_gap_link_shows_its_gap() {
        let s = plane("accuracy-gap", 10);
        let (train, test) = accuracies(&s);
        assert_eq!(train, 1.0);
        assert!((0.78..=0.82).contains(&test), "{test}");
        assert_eq!(s.diagnosis().unwrap().fit, Fit::TooFlexible);
    }

    /// The link's ensemble with `trees` trees instead (a position of the control).
    fn trees(id: &str, position: usize) -> PlaneLab {
        plane_with(id, |c| c.set(Key::Trees, position), 300)
    }

    fn accuracies(s: &PlaneLab) -> (f64, f64) {
        (
            s.train_score.accuracy.unwrap(),
            s.test_score.accuracy.unwrap(),
        )
    }

    fn oob(s: &PlaneLab) -> Option<f64> {
        match &*s.model {
            PlaneModel::Forest(f) => f.oob_error(),
            _ => panic!("not a forest"),
        }
    }

    fn fit(diagnosis: Option<crate::ml::diagnosis::Diagnosis>) -> Fit {
        diagnosis.expect("a verdict").fit
    }

    #[test]
    fn the_regression_links_show_what_the_explanations_claim() {
        let few = regression("degree-15-few-points", 3000);
        assert_eq!(
            (few.model.parameters().len(), few.train_set().len()),
            (16, 14)
        );
        assert!(fit(few.diagnosis()).is_overfitting());
        assert_eq!(
            fit(regression("degree-1-sine", 3000).diagnosis()),
            Fit::TooSimple
        );
        let cubic = regression("degree-3-sine", 3000);
        assert_eq!(fit(cubic.diagnosis()), Fit::GoodFit);
        let near_floor = |e: f64| (0.03..0.05).contains(&e);
        assert!(near_floor(cubic.train_score.loss) && near_floor(cubic.test_score.loss));
        // At the default seed three test points lie beyond the training points and lift the
        // test error above 0.1; the verdict still reads a good fit (helper 96: the link's seed
        // 8 flattered the claim, and the explanation now says so).
        let seed_42 = regression_with("degree-3-sine", |c| c.seed = 42, 3000);
        let xs = || seed_42.train_set().iter().map(|p| p.x);
        let (lo, hi) = (
            xs().fold(f64::INFINITY, f64::min),
            xs().fold(-f64::INFINITY, f64::max),
        );
        let beyond = (seed_42.test_set().iter())
            .filter(|p| p.x < lo || p.x > hi)
            .count();
        assert_eq!(beyond, 3);
        assert!(seed_42.test_score.loss > 0.1 && near_floor(seed_42.train_score.loss));
        assert_eq!(fit(seed_42.diagnosis()), Fit::GoodFit);
        assert!(question("degree-3-sine")
            .explanation
            .contains("three such points lift the test error above 0.1"));
        assert!(!fit(regression("more-data", 3000).diagnosis()).is_overfitting());
        assert_eq!(
            fit(regression("lambda-too-strong", 3000).diagnosis()),
            Fit::TooStronglyRegularized
        );
        assert_eq!(
            fit(regression("lr-too-small", 2000).diagnosis()),
            Fit::StillTraining
        );
        // As the explanation says: stopped, and back at the start (the lowest training loss).
        let blown = regression("lr-too-high", 100);
        assert!(blown.divergence.is_some() && blown.model.steps() == 0);
        let start = blown.history.records()[0].train;
        assert_eq!(blown.train_score.loss, start);
        assert!(blown.history.records().iter().all(|r| r.train >= start));

        // Adam against SGD on the Adam question's link: lower training error after 100 epochs,
        // and at 3,000 the overfitted minimum reached where SGD still reads a good fit.
        let with_sgd = |epochs| {
            regression_with(
                "adam",
                |c| c.set_choice(Key::Optimizer, OptimizerKind::Sgd),
                epochs,
            )
        };
        // The optimizer question's claims: the same minimum, reached at three paces.
        let weights = |opt: OptimizerKind, epochs: u32| -> Vec<f64> {
            let lab = regression_with(
                "optimizer-kind",
                |c| c.set_choice(Key::Optimizer, opt),
                epochs,
            );
            lab.model.parameters().iter().map(|p| p.value).collect()
        };
        let end = weights(OptimizerKind::Adam, 20_000);
        let near = |w: Vec<f64>| w.iter().zip(&end).all(|(a, b)| (a - b).abs() < 2e-3);
        assert!(near(weights(OptimizerKind::Sgd, 20_000)));
        assert!(near(weights(OptimizerKind::Momentum, 300)));
        assert!(!near(weights(OptimizerKind::Adam, 300)));
        assert!(near(weights(OptimizerKind::Adam, 1000)));
        assert!(!near(weights(OptimizerKind::Sgd, 1000)));
        let (adam, sgd) = (regression("adam", 100), with_sgd(100));
        assert!(adam.train_score.loss < 0.85 * sgd.train_score.loss);
        assert_eq!(fit(regression("adam", 3000).diagnosis()), Fit::TooFlexible);
        assert_eq!(fit(with_sgd(3000).diagnosis()), Fit::GoodFit);

        // The L1 answer's demonstration: 11 of 15 weights exactly zero, and still a good fit.
        let lasso = regression("l1-zeros", 3000);
        assert_eq!(lasso.zero_weights(), Some((11, 15)));
        assert_eq!(fit(lasso.diagnosis()), Fit::GoodFit);
        assert!(question("l1-zeros").explanation.contains("11 of 15"));
        let ridge = regression("l2-shrinks", 3000);
        assert!(ridge.model.parameters().iter().all(|p| p.value != 0.0));

        // The test error stays above (a fraction of) the noise floor σ² = 0.25 on 60 test
        // points; the training error, fitted to the noise, may dip lower.
        let floor = regression("noise-floor", 3000);
        assert_eq!(floor.test_set().len(), 60);
        assert!(
            floor.test_score.loss > 0.6 * 0.25,
            "{}",
            floor.test_score.loss
        );
    }

    #[test]
    fn the_plane_links_show_what_the_explanations_claim() {
        let knn = plane("knn-k1", 0);
        assert_eq!(knn.train_score.accuracy, Some(1.0));
        assert_eq!(fit(knn.diagnosis()), Fit::TooFlexible);
        assert!(plane("knn-learns-nothing", 0).model.parameters().is_empty());
        assert_eq!(fit(plane("stump-circles", 10).diagnosis()), Fit::TooSimple);
        assert_eq!(
            fit(plane("no-hidden-layer", 2000).diagnosis()),
            Fit::TooSimple
        );
        assert_eq!(
            fit(plane("xor-needs-hidden", 2000).diagnosis()),
            Fit::TooSimple
        );
        assert_eq!(
            fit(plane("xor-product-feature", 2000).diagnosis()),
            Fit::GoodFit
        );
        assert_eq!(
            fit(plane("squares-as-inputs", 2000).diagnosis()),
            Fit::GoodFit
        );
        assert_eq!(fit(plane("stuck-xor", 3000).diagnosis()), Fit::Stuck);
        // Adam at 10 in the Neural-network lab: the verdict names the learning rate and training
        // goes on (helper 96: the explanation said the lab stops it, which only the Regression
        // lab does, where the loss explodes).
        let jumpy = plane("divergence-plot", 1000);
        assert_eq!(fit(jumpy.diagnosis()), Fit::LearningRateTooHigh);
        assert!(jumpy.divergence.is_none() && jumpy.model.steps() == 1000);
        // The weights and biases links reach a good fit as they play (at 300 epochs they read
        // "Stuck", which is why they are not at max speed).
        for id in ["nn-weights", "nn-biases"] {
            assert_eq!(fit(plane(id, 3000).diagnosis()), Fit::GoodFit, "{id}");
        }
        // Linear activations: a straight boundary, so circles stay about half wrong.
        let (train, _) = accuracies(&plane("linear-activation", 500));
        assert!(train < 0.7, "{train}");
    }

    #[test]
    fn the_tree_and_neighbour_links_show_what_the_explanations_claim() {
        let deep = plane("deep-tree", 300);
        let (train, test) = accuracies(&deep);
        assert!(train == 1.0 && test < 0.8, "{train} {test}");
        // Set to 15, it stops at 12: every leaf holds one class by then.
        match &*deep.model {
            PlaneModel::Tree(tree) => assert_eq!(tree.depth(), 12),
            _ => panic!("not a tree"),
        }
        assert!(question("deep-tree")
            .explanation
            .contains("stops growing at depth 12"));
        // k = all 140 training points: one class everywhere, the training set's majority.
        let all = plane("knn-k-all", 0);
        assert_eq!(all.train_set().count(), 140);
        let ones = (all.train_set().points.iter())
            .filter(|p| p.class == 1)
            .count() as f64;
        let majority = ones.max(140.0 - ones) / 140.0;
        assert_eq!(all.train_score.accuracy, Some(majority));
        assert_eq!(fit(all.diagnosis()), Fit::TooSimple);
    }

    /// The max-features answer's claim: on its link's moons, √ of the 5 features and all of them
    /// score within two points of each other on the test points, seed after seed.
    #[test]
    fn max_features_barely_moves_the_accuracy_on_five_features() {
        for seed in [1, 2, 3, 42] {
            let test = |all: bool| {
                let s = plane_with(
                    "max-features",
                    |c| {
                        c.seed = seed;
                        if all {
                            c.set_choice(Key::MaxFeatures, MaxFeatures::All);
                        }
                    },
                    300,
                );
                s.test_score.accuracy.unwrap()
            };
            let (sqrt, all) = (test(false), test(true));
            assert!(
                (sqrt - all).abs() <= 0.02 + 1e-9,
                "seed {seed}: {sqrt} against {all}"
            );
        }
    }

    #[test]
    fn the_ensemble_links_show_what_the_explanations_claim() {
        // A forest: 10 → 200 trees, the test accuracy does not fall.
        let (_, few) = accuracies(&trees("forest-more-trees", 4));
        let (_, many) = accuracies(&plane("forest-more-trees", 300));
        assert!(many >= few, "{few} → {many}");
        // Its out-of-bag error is near its test error (150 test points).
        let forest = plane("out-of-bag", 300);
        let gap = oob(&forest).unwrap() - (1.0 - forest.test_score.accuracy.unwrap());
        assert!(gap.abs() < 0.05, "{gap}");
        assert_eq!(oob(&plane("bootstrap-off", 300)), None);
        // Boosting stumps at shrinkage 1: 20 → 200 trees, training up, test down.
        let (train_20, test_20) = accuracies(&trees("boosting-overfits", 5));
        let (train_200, test_200) = accuracies(&plane("boosting-overfits", 300));
        assert!(
            train_200 > train_20 + 0.05 && test_200 < test_20,
            "train {train_20} → {train_200}, test {test_20} → {test_200}"
        );
        // The explanation's figures: 81 % → 77 %, within chance on the test points (helper 81
        // read "Good fit" and expected a demonstration of overfitting).
        let percent = |a: f64| (a * 100.0).round();
        assert_eq!((percent(test_20), percent(test_200)), (81.0, 77.0));
        assert_eq!(train_200, 1.0);
        // The verdict once the curve is done, as the page reads it (helper 91: the answer said
        // "still reads Good fit (a close call)", the verdict before the curve).
        let verdict = plane("boosting-overfits", 300).diagnosis().unwrap();
        assert_eq!(verdict.fit, Fit::TooFlexible, "{verdict:?}");
        assert!(!verdict.close_call, "{verdict:?}");
        assert!(
            verdict
                .reason
                .contains("The validation curve does better at Number of trees = 10:"),
            "{verdict:?}"
        );
        assert!(question("boosting-overfits").explanation.contains(
            "lowest at 10 trees and higher at 200 by more than one standard error, so \
                       the verdict reads Overfitting: too flexible."
        ));
    }

    /// The question's figures are the search's its link opens: leave-one-out's choice errs over
    /// three times its estimate on fresh points, 79 % of it beyond the training points.
    #[test]
    fn cross_validation_is_blind_beyond_the_training_points() {
        use crate::state::folds_note::beyond_note;
        use crate::state::tuning::Tuning;
        let (config, notices) = decode(question("cv-blind-beyond").show_me);
        assert!(notices.is_empty());
        let mut t = Tuning::new(config, Vec::new());
        t.apply(Action::Play);
        while !t.is_done() {
            t.apply(Action::Tick(1000));
            t.apply(Action::Reveal);
        }
        let o = t.outcome.unwrap();
        assert_eq!(crate::format::short(o.cv.mean), "0.0426");
        assert_eq!(format!("{:.2}", o.fresh_error), "0.17");
        let b = o.beyond.unwrap();
        assert_eq!((b.outside, libm::round(100.0 * b.share())), (444, 79.0));
        // This sample left x from 0.68 to 1 empty; 28 points leave 2/29 of the range on average.
        assert_eq!(format!("{:.2}", b.range.1), "0.68");
        assert!(beyond_note(&o).is_some());
    }

    #[test]
    fn the_tuning_links_name_the_right_counts() {
        // 40 points, 70 % for training: leave-one-out fits 28 times.
        let (config, _) = decode(question("leave-one-out").show_me);
        assert_eq!(generate(&config.data_spec()).train.len(), 28);
    }
}
