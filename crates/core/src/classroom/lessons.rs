//! Lessons (issue 13, item 2): each a sequence of lab states with one or two sentences of prompt,
//! walked through with ← and →, and itself a link. A step's state is a lab link, so every step
//! opens exactly as a link does; the tests open each one and train it to check what its prompt
//! claims.

use super::panel::Panel;
use crate::state::spec::{Key, Lab};

/// One lesson: a title and its steps, in order.
#[derive(Debug, PartialEq)]
pub struct Lesson {
    /// Its name in the link.
    pub id: &'static str,
    pub title: &'static str,
    pub steps: &'static [Step],
}

/// One step: a lab's state and what to look at, do or ask the class there.
#[derive(Debug, PartialEq)]
pub struct Step {
    /// The lab link of the state, without the leading `?` (e.g. `lab=regression&degree=1`).
    pub query: &'static str,
    /// One or two sentences.
    pub prompt: &'static str,
    /// The panels whose figures the prompt quotes or asks the class to look at: with one hidden
    /// from the class, the bar says so and offers to show it (helper 105: in presenter view with
    /// Parameters hidden, a step still said "Look at the coefficient bars in the parameters
    /// panel").
    pub reads: &'static [Panel],
    /// What the prompt asks the class to look at or change where it lies below the fold on a
    /// projector: the lesson bar's button brings it into view.
    pub look: Option<Look>,
}

/// What a lesson bar's button brings into view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Look {
    /// The validation curve over this hyperparameter: its panel shown if hidden, that curve
    /// chosen in it, scrolled into view.
    Curve(Key),
    /// The control of this setting, which the prompt asks the class to change: focused, so the
    /// keyboard changes it at once (helper 93: "Select by" sat 400 px below a 720-px screen).
    Control(Key),
    /// The loss over training, which the prompt asks the class to watch: its panel shown if
    /// hidden, scrolled into view (helper 102: "the loss jumps up and down" with the loss chart
    /// starting at y = 1,180 on a 1920×1080 projector).
    LossCurve,
    /// The network's first hidden neuron, which the prompt asks the class to step through:
    /// focused, so its map shows and Tab goes on to the next (helper 102: 33 Tabs from the
    /// lesson bar, past the Data panel).
    Neurons,
}

impl Look {
    /// The panel the look's button shows if it is hidden.
    pub fn reveals(self) -> Option<Panel> {
        match self {
            Look::Curve(_) => Some(Panel::Validation),
            Look::LossCurve => Some(Panel::Loss),
            Look::Neurons => Some(Panel::Parameters),
            Look::Control(_) => None,
        }
    }
}

impl Step {
    /// The lab the step is set in.
    pub fn lab(&self) -> Lab {
        crate::state::url::decode(self.query).0.lab
    }

    /// The panels the prompt reads that are hidden from the class, but for the one the step's
    /// own button shows.
    pub fn hidden_reads(&self, hidden: &[Panel]) -> Vec<Panel> {
        let revealed = self.look.and_then(Look::reveals);
        (self.reads.iter().copied())
            .filter(|p| hidden.contains(p) && Some(*p) != revealed)
            .collect()
    }

    /// What the bar says of the hidden panels the prompt reads (from `hidden_reads`), naming
    /// each as its toggle does: "The prompt reads “Scores” and “Verdict”, hidden from the class."
    pub fn hidden_note(&self, hidden_reads: &[Panel]) -> Option<String> {
        let lab = self.lab();
        let names: Vec<String> = (hidden_reads.iter())
            .map(|p| format!("“{}”", p.label(lab)))
            .collect();
        match names.as_slice() {
            [] => None,
            [one] => Some(format!("The prompt reads {one}, hidden from the class.")),
            [first @ .., last] => Some(format!(
                "The prompt reads {} and {last}, hidden from the class.",
                first.join(", ")
            )),
        }
    }
}

impl Lesson {
    /// What the Lessons menu says beside its title: "5 steps · Regression, Neural network".
    pub fn summary(&self) -> String {
        let mut labs: Vec<Lab> = Vec::new();
        for step in self.steps {
            let lab = step.lab();
            if !labs.contains(&lab) {
                labs.push(lab);
            }
        }
        let names: Vec<&str> = labs.iter().map(|l| l.short_title()).collect();
        format!("{} steps · {}", self.steps.len(), names.join(", "))
    }
}

/// The lesson named `id` in a link.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    // (Whatever the case, as the labs' settings are read: helper 109's `lesson=FIT`.)
    LESSONS.iter().find(|l| l.id.eq_ignore_ascii_case(id))
}

/// Every lesson, in teaching order.
pub const LESSONS: &[Lesson] = &[
    Lesson {
        id: "fit",
        title: "Underfitting and overfitting by degree",
        steps: &[
            Step {
                query: "lab=regression&degree=1&data=sine&seed=8",
                prompt: "A straight line (degree 1: two coefficients) meets one wave of a sine. \
                         Press Play: why do both errors stay well above the noise floor σ² \
                         however long it trains?",
                reads: &[Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=regression&degree=3&data=sine&seed=8",
                prompt: "Degree 3 learns four coefficients and can bend twice: both errors come \
                         down towards σ². Only a hyperparameter changed, not the data.",
                reads: &[Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=regression&degree=15&n=20&speed=max",
                prompt: "Degree 15 on 20 points: 14 to learn from, 16 coefficients. The \
                         training error falls far below σ², the floor no model beats on average on \
                         new points, while the test error stays far above it: the curve memorises \
                         the noise.",
                reads: &[Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=regression&degree=15&n=200&speed=max",
                prompt: "The same degree with 200 points: the noise averages out and the fit is \
                         good. Overfitting is a model too flexible for the data it has.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=regression&degree=3&n=20&data=sine",
                // (Helper 104: "falls, then rises" where degree 2 is above degree 1, and a
                // degree-15 point of about 0.1 beside step 3's test error of 10: the curve's
                // models stop at 1,000 epochs, and step 3's erred more the longer it trained.)
                prompt: "The validation curve: training error falls with every degree; \
                         cross-validation error (noisy: each fold holds about three of the 14 \
                         training points) is far higher at degrees 1 and 2, lowest at 6. Each \
                         point trained 1,000 epochs: step 3's degree 15 erred more the longer it \
                         trained. Which degree would you pick, and from which curve?",
                reads: &[Panel::Validation],
                look: Some(Look::Curve(Key::Degree)),
            },
        ],
    },
    Lesson {
        id: "penalty",
        title: "Regularization: L2 against L1",
        steps: &[
            Step {
                query: "lab=regression&degree=15&n=30&opt=adam&lr=0.03&speed=max&seed=8",
                prompt: "Press Play: degree 15 trained by Adam on 21 points swings wildly \
                         between them. Look at the weights' bars in the parameters panel (a \
                         dark cap: cut at the chart's edge; the table gives each): how large are \
                         they?",
                reads: &[Panel::Parameters],
                look: None,
            },
            Step {
                query: "lab=regression&degree=15&n=30&opt=adam&lr=0.03&reg=l2&lambda=0.1\
                        &speed=max&seed=8",
                prompt: "Press Play: L2 adds λ·Σw² to the loss. The bars shrink as a whole, none \
                         reaches zero, and the test error falls to within three times the noise \
                         floor.",
                reads: &[Panel::Parameters, Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=regression&degree=15&n=30&opt=adam&lr=0.03&reg=l2&lambda=10\
                        &speed=max&seed=8",
                prompt: "Press Play: at λ = 10 the penalty outweighs the error and the curve \
                         flattens — underfitting again. λ is a hyperparameter to tune, not to max \
                         out.",
                reads: &[Panel::Verdict],
                look: None,
            },
            Step {
                query: "lab=regression&degree=15&n=30&opt=adam&lr=0.03&reg=l1&lambda=0.1\
                        &speed=max&seed=8",
                prompt: "Press Play: L1 adds λ·Σ|w|. Most weights become exactly zero (the page \
                         counts them) and the fit stays good. Lasso chooses features; ridge only \
                         shrinks them.",
                reads: &[Panel::Parameters],
                look: None,
            },
            Step {
                query: "lab=neural&data=circles&layers=1&l1=4\
                        &inputs=x1,x2,x1sq,x2sq,x1x2,sin1,sin2&opt=sgd&lr=0.1&reg=l1&lambda=0.01",
                prompt: "The same penalty on a network: play, and L1 drives many of its 36 \
                         weights to exactly zero (grey dotted links) while the accuracy stays. \
                         Which links does it keep longest?",
                reads: &[Panel::Parameters, Panel::Scores],
                look: None,
            },
        ],
    },
    Lesson {
        id: "learning-rate",
        title: "The learning rate and the optimizers",
        steps: &[
            Step {
                query: "lab=regression&lr=0.0001",
                prompt: "Plain SGD with learning rate 0.0001: each step is the learning rate \
                         times the gradient, so tiny. After half a minute the verdict still says \
                         Still training.",
                reads: &[Panel::Verdict],
                look: None,
            },
            Step {
                query: "lab=regression",
                prompt: "Learning rate 0.01: the same model settles within seconds (a few \
                         hundred epochs). The learning rate changes how training goes, not what \
                         the model can learn.",
                reads: &[],
                look: None,
            },
            Step {
                // (At 1 the loss grows about 3.7× a step and explodes in the seventh: steps a
                // learner can watch one by one. At 10 the first step explodes, and the page
                // goes straight back to the flat starting line.)
                query: "lab=regression&opt=sgd&lr=1",
                prompt: "Learning rate 1: press Step a few times. Each step overshoots the \
                         minimum by more than the last: the curve swings to the other side, \
                         further each time, and the loss grows. When it explodes the page stops, \
                         goes back to the best parameters it had and says so; lower the rate \
                         and press Reset.",
                reads: &[Panel::Loss],
                look: None,
            },
            Step {
                query: "lab=regression&lr=0.001",
                prompt: "Learning rate 0.001 with plain SGD: watch how far the loss has come \
                         after about five seconds (300 epochs) — still training, and the verdict \
                         says so.",
                reads: &[Panel::Loss, Panel::Verdict],
                look: Some(Look::LossCurve),
            },
            Step {
                query: "lab=regression&lr=0.001&opt=momentum",
                prompt: "The same learning rate with momentum, which keeps 90 % of the previous \
                         step: steps in a steady direction add up (to ten times the learning rate, \
                         about what plain SGD did at 0.01), and it has settled within the same \
                         300 epochs.",
                reads: &[Panel::Loss],
                look: None,
            },
            Step {
                query: "lab=neural&opt=adam&lr=10",
                prompt: "Adam gives each weight its own step size, but it is not immune: at \
                         learning rate 10 the network's loss jumps up and down.",
                reads: &[Panel::Loss],
                look: Some(Look::LossCurve),
            },
        ],
    },
    Lesson {
        id: "k-and-trees",
        title: "k and trees: how flexible a model is",
        steps: &[
            Step {
                query: "lab=classification&model=knn&data=moons&noise=0.4&k=1",
                prompt: "k = 1: each point takes its nearest training point's class. Every noisy \
                         point gets its own island (a small patch round the dot, in its colour), \
                         and test accuracy falls far below training accuracy.",
                reads: &[Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=classification&model=knn&data=moons&noise=0.4&k=11",
                prompt: "k = 11, the first of the values (11 to 16) where the validation curve \
                         (cross-validation on the training points alone) has its lowest error: \
                         each extra neighbour averages away noise. The test points played no part in choosing it, so its test \
                         accuracy is a fair estimate. k-NN learns no weights; k is its main \
                         hyperparameter.",
                reads: &[Panel::Validation, Panel::Scores],
                look: Some(Look::Curve(Key::K)),
            },
            Step {
                query: "lab=classification&model=knn&data=moons&noise=0.4&k=140",
                prompt: "k = 140, all the training points: every vote is the whole training set, \
                         so every point gets the same class (its majority, or a tie's winner). Large k \
                         underfits.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=classification&model=tree&data=circles&depth=1",
                prompt: "A tree of depth 1 asks one question: one straight cut cannot separate a \
                         disc from the ring around it.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=classification&model=tree&data=circles&depth=4",
                prompt: "Depth 4: up to 16 boxes, enough to box in the disc. Depth makes a tree \
                         more flexible as a smaller k makes k-NN more flexible.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=classification&model=tree&data=moons&noise=0.4&depth=15",
                prompt: "Depth 15 on noisy moons carves a box around every stray point: \
                         overfitting. Which other control would hold the tree back?",
                reads: &[],
                look: None,
            },
        ],
    },
    // 500 points, so 150 test points: one test point is under a point of accuracy, and the
    // differences the prompts name (5 to 16 points on this seed) stand out of the test set's own
    // chance (about 3). The tests check them here and, on average, over other seeds.
    Lesson {
        id: "ensembles",
        title: "Many trees: random forests and gradient boosting",
        steps: &[
            Step {
                query: "lab=classification&model=tree&data=moons&noise=0.4&n=500&depth=15&seed=9",
                prompt: "One decision tree grown to depth 15 on noisy moons boxes in every stray \
                         point: nearly all its training points right, far fewer of the test \
                         points. Note its test accuracy.",
                reads: &[Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=classification&model=forest&data=moons&noise=0.4&n=500&depth=15\
                        &features=1&seed=9",
                prompt: "A random forest of 50 such trees, each grown on its own bootstrap \
                         sample of the points and looking at one random feature, x₁ or x₂, per \
                         split. Each tree still overfits, each differently, so their vote averages \
                         the accidents away: test accuracy rises as trees are added, above the \
                         single tree's on most draws of the points.",
                reads: &[Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=classification&model=forest&data=moons&noise=0.4&n=500&depth=15\
                        &features=1&bootstrap=off&maxfeat=all&seed=9",
                prompt: "Bootstrap off and both features at every split: now every tree is the \
                         tree of the first step, and 50 copies vote like one. The forest's gain \
                         came from its trees' differences.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=classification&model=boosting&data=moons&noise=0.4&n=500&depth=1\
                        &trees=200&speed=5&seed=9",
                prompt: "Gradient boosting grows small trees one after another, each fitting the \
                         errors the ones before leave (the loss's gradient), its correction added at a tenth of its \
                         size (the learning rate). Stumps of one question each add up, round by \
                         round, to a boundary that follows the moons' curve in small steps.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=classification&model=boosting&data=moons&noise=0.4&n=500&depth=2\
                        &shrinkage=1&trees=200&seed=9",
                // (One tree a fifth of a second: at 5 the peak, at 6 trees, came and went in half
                // a second; helper 93.)
                prompt: "Depth-2 trees added at full size (learning rate 1): test accuracy peaks \
                         within a few rounds, then falls as later rounds fit the noise; the \
                         validation curve over Number of trees rises too. Adding trees to a forest \
                         does not do that: its error settles. Cures: a lower learning rate, shallower or fewer trees.",
                reads: &[Panel::Scores, Panel::Validation],
                look: Some(Look::Curve(Key::Trees)),
            },
        ],
    },
    Lesson {
        id: "network",
        title: "A network: from no hidden layer to XOR",
        steps: &[
            Step {
                query: "lab=neural&data=circles&layers=0",
                prompt: "No hidden layer: the boundary is a straight line however long it \
                         trains, and a straight line cannot separate a disc from a ring.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=neural&data=circles&layers=0&inputs=x1,x2,x1sq,x2sq",
                prompt: "Still no hidden layer, but x₁² and x₂² as inputs: a circle is a straight \
                         line in the squares, so it separates them at once.",
                reads: &[],
                look: None,
            },
            Step {
                query: "lab=neural&data=xor&noise=0&layers=0",
                prompt: "XOR: opposite quadrants alike. No straight line separates them: the \
                         best, cutting off a corner, gets about two thirds right, and trained on \
                         the log-loss this one stays near half on the test points.",
                reads: &[Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=neural&data=xor&noise=0&layers=1&l1=4",
                prompt: "One hidden layer of four neurons: each draws a line of its own, and the \
                         output combines them into the quadrants. Go to the neurons, then Tab (or \
                         tap) through them to see each one's map.",
                reads: &[Panel::Parameters],
                look: Some(Look::Neurons),
            },
            Step {
                query: "lab=neural&data=xor&noise=0&act=relu&init=8&speed=max",
                prompt: "Two hidden layers of ReLU from initialization 8 settle at about three \
                         quarters right and stay there however long they train: the verdict says \
                         Stuck. Is the network too small, or the start poor?",
                reads: &[Panel::Verdict, Panel::Scores],
                look: None,
            },
            Step {
                query: "lab=neural&data=xor&noise=0&act=relu&init=9",
                prompt: "The same network from initialization 9 (what Reset draws next) solves \
                         it: from 8, the second layer's two ReLUs are off on about half the points, \
                         so nothing bends the boundary towards them. The initialization seed is chosen before \
                         training like a hyperparameter, but you average over seeds rather than \
                         tune them.",
                reads: &[],
                look: None,
            },
        ],
    },
    Lesson {
        id: "tuning",
        title: "Tuning by search and cross-validation",
        steps: &[
            Step {
                query: "lab=tuning&strategy=grid&budget=16",
                prompt: "A 4 × 4 grid over degree and λ: each trial is a 5-fold cross-validation \
                         on the training points alone. Press Play and watch the best so far; \
                         then note its choice's error on fresh points.",
                reads: &[Panel::Loss, Panel::Verdict],
                look: None,
            },
            Step {
                query: "lab=tuning&strategy=random&budget=16",
                // (Helper 88: "find a lower cross-validated error than the grid" read as a
                // better model, though within one standard error and worse on fresh points.)
                prompt: "Sixteen random trials try about ten different values of each axis \
                         instead of four, and find a lower cross-validated error than the grid: \
                         0.0492 against 0.0549. Lower, not better: the gap is within one standard \
                         error, and on fresh points the grid's choice errs less, 0.0672 against \
                         0.0731.",
                reads: &[Panel::Verdict],
                look: None,
            },
            Step {
                query: "lab=tuning&strategy=bayes&budget=16",
                prompt: "Bayesian optimization: after three random trials, each next one goes \
                         where a model of the results so far expects the most improvement. It \
                         finds the lowest estimate, 0.0485, and the choice that errs most on \
                         fresh points, 0.0958: pressed down hard enough, the lowest of noisy \
                         estimates is partly the folds' luck (Cawley & Talbot, 2010).",
                reads: &[Panel::Verdict],
                look: None,
            },
            Step {
                query: "lab=tuning&strategy=random&budget=16&folds=all",
                prompt: "Leave-one-out: as many folds as training points, each holding out one. \
                         The estimate uses nearly all the points for each fit, at many times the \
                         cost, yet no fold tests the model beyond the training points' range: \
                         see what its choice does on fresh points there.",
                reads: &[Panel::Verdict],
                look: None,
            },
            Step {
                query: TEST_SCORE_MISTAKE,
                prompt: "The mistake: choosing by the test score picks degree 13, whose test \
                         error is the lowest of all trials partly by the luck of 12 test points. \
                         On fresh points its error is several times what they promised; set \
                         Select by back to cross-validation and compare its choice.",
                reads: &[Panel::Scores, Panel::Verdict],
                look: Some(Look::Control(Key::Selection)),
            },
        ],
    },
];

/// A search that selects by the test score where that visibly breaks its promise (seed 12:
/// degree 13, several times worse on fresh points than its test error says). At most seeds the
/// mistake costs little on one search, so the lesson and the quiz's "Show me" both open this one.
pub const TEST_SCORE_MISTAKE: &str = "lab=tuning&strategy=random&budget=16&select=test&seed=12";

#[cfg(test)]
#[path = "lessons_tests.rs"]
mod tests;
