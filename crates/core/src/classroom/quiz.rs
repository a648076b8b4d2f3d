//! Interview practice as a pure reducer: the questions of [`QUESTIONS`] in a seeded order, one
//! at a time; the learner picks an answer, reads the explanation, and goes on. A question answered
//! wrong comes back after [`COME_BACK_AFTER`] new questions (not already missed), again and
//! again until it is answered right; so new questions keep coming however many are missed.
//! No clock and no browser: the page sends [`QuizAction`]s and keeps [`Quiz::to_storage`]'s text
//! in the browser's storage, so the score and the missed questions survive a reload.
//!
//! Rules: an answer to a question already answered is ignored (the first pick counts); `Next`
//! before answering is ignored, so every question asked is scored and none can be skipped.

use super::questions::{Question, QUESTIONS};
use crate::data::rng::seeded;
use crate::state::session::Reduce;
use rand::seq::SliceRandom;
use std::collections::VecDeque;

/// A question answered wrong is asked again after this many questions not missed (at the end
/// when fewer remain).
pub const COME_BACK_AFTER: usize = 3;

/// The random stream of the question order (data, training and tuning use streams 0 … 7, a
/// forest's trees 2³² on and boosting's rounds 2·2³² on).
const ORDER_STREAM: u64 = 8;

/// The version tag that starts the storage text.
const VERSION: &str = "v1";

/// The quiz's whole state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    /// Questions still to ask, as indices into [`QUESTIONS`]; the current one first.
    queue: VecDeque<usize>,
    /// The choice picked for the current question, once answered.
    picked: Option<usize>,
    /// Answers that were right, and answers given (a question asked again counts again).
    right: u32,
    asked: u32,
    /// Questions answered wrong and not answered right since, in the order they were missed.
    /// Each is also in `queue`, so it comes back.
    missed: Vec<usize>,
}

/// What the learner can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizAction {
    /// Picks a choice (by index) for the current question.
    Answer(usize),
    /// Goes on to the next question, once the current one is answered.
    Next,
    /// Starts over with every question, in the order this seed shuffles them, and no score.
    Restart(u64),
}

impl Quiz {
    /// Every question once, in an order shuffled by `seed` (the same seed, the same order).
    pub fn new(seed: u64) -> Quiz {
        let mut order: Vec<usize> = (0..QUESTIONS.len()).collect();
        order.shuffle(&mut seeded(seed, ORDER_STREAM));
        Quiz {
            queue: order.into(),
            picked: None,
            right: 0,
            asked: 0,
            missed: Vec::new(),
        }
    }

    /// The question being asked, or `None` when every question has been answered right.
    pub fn current(&self) -> Option<&'static Question> {
        self.queue.front().map(|&i| &QUESTIONS[i])
    }

    /// The choice picked for the current question, once answered (then the page shows the
    /// explanation and the "show me" link).
    pub fn picked(&self) -> Option<usize> {
        self.picked
    }

    /// Whether the current question was answered right (`None` before answering).
    pub fn is_right(&self) -> Option<bool> {
        let question = self.current()?;
        self.picked.map(|p| p == question.answer)
    }

    /// (answers right, answers given).
    pub fn score(&self) -> (u32, u32) {
        (self.right, self.asked)
    }

    /// The questions answered wrong and not yet answered right, in the order they were missed.
    pub fn missed(&self) -> impl Iterator<Item = &'static Question> + '_ {
        self.missed.iter().map(|&i| &QUESTIONS[i])
    }

    /// How many questions are still to ask, the current one and the missed ones included.
    /// A question just answered right no longer counts: it will not be asked again.
    pub fn remaining(&self) -> usize {
        self.queue.len() - usize::from(self.is_right() == Some(true))
    }

    /// Whether every question has been answered right.
    pub fn is_finished(&self) -> bool {
        self.queue.is_empty()
    }

    /// The state as text for the browser's storage:
    /// `v1;score=RIGHT/ASKED;missed=ID,…;queue=ID,…[;picked=N]` — the score, the missed
    /// questions' ids, the ids still to ask in order (current first), and the choice picked for
    /// the current question once answered: coming back to the quiz (Back from its "show me", or a
    /// reload) shows the explanation being read, not the next question.
    pub fn to_storage(&self) -> String {
        let ids = |indices: &mut dyn Iterator<Item = &usize>| {
            let ids: Vec<&str> = indices.map(|&i| QUESTIONS[i].id).collect();
            ids.join(",")
        };
        let picked = self
            .picked
            .map(|p| format!(";picked={p}"))
            .unwrap_or_default();
        format!(
            "{VERSION};score={}/{};missed={};queue={}{picked}",
            self.right,
            self.asked,
            ids(&mut self.missed.iter()),
            ids(&mut self.queue.iter())
        )
    }

    /// The quiz [`Quiz::to_storage`] wrote. Ids the bank no longer has are dropped (and
    /// duplicates), a missed question missing from the queue is put back at its front; any
    /// other damage (another version, a missing field, a score that is not two numbers below
    /// 2³² with right ≤ asked) gives a new quiz shuffled by `seed`. Never panics.
    pub fn from_storage(text: &str, seed: u64) -> Quiz {
        Quiz::restore(text).unwrap_or_else(|| Quiz::new(seed))
    }

    /// The quiz [`Quiz::to_storage`] wrote, or `None` if the text is damaged: the page then says
    /// that the kept score could not be read, rather than dropping it without a word.
    pub fn restore(text: &str) -> Option<Quiz> {
        let mut fields = text.trim().split(';');
        if fields.next()? != VERSION {
            return None;
        }
        let (right, asked) = fields.next()?.strip_prefix("score=")?.split_once('/')?;
        let (right, asked) = (right.parse::<u32>().ok()?, asked.parse::<u32>().ok()?);
        let missed = indices(fields.next()?.strip_prefix("missed=")?);
        let mut queue: VecDeque<usize> = indices(fields.next()?.strip_prefix("queue=")?).into();
        let picked = match fields.next() {
            Some(field) => Some(field.strip_prefix("picked=")?.parse::<usize>().ok()?),
            None => None,
        };
        if right > asked || fields.next().is_some() {
            return None;
        }
        for &i in missed.iter().rev() {
            if !queue.contains(&i) {
                queue.push_front(i);
            }
        }
        // A pick is kept only for a question that has such a choice.
        let first = queue.front().map(|&i| &QUESTIONS[i]);
        let picked = picked.filter(|&p| first.is_some_and(|q| p < q.choices.len()));
        Some(Quiz {
            queue,
            picked,
            right,
            asked,
            missed,
        })
    }
}

/// The bank's indices of comma-separated ids, unknown ids and repeats left out.
fn indices(ids: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids.split(',') {
        if let Some(i) = QUESTIONS.iter().position(|q| q.id == id.trim()) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

impl Reduce for Quiz {
    type Action = QuizAction;

    fn apply(&mut self, action: QuizAction) {
        match action {
            QuizAction::Answer(choice) => {
                let Some(question) = self.current() else {
                    return;
                };
                if self.picked.is_some() || choice >= question.choices.len() {
                    return;
                }
                let index = self.queue[0];
                self.picked = Some(choice);
                self.asked = self.asked.saturating_add(1);
                if choice == question.answer {
                    self.right = self.right.saturating_add(1);
                    self.missed.retain(|&i| i != index);
                } else if !self.missed.contains(&index) {
                    self.missed.push(index);
                }
            }
            QuizAction::Next => {
                let Some(choice) = self.picked.take() else {
                    return;
                };
                let Some(index) = self.queue.pop_front() else {
                    return;
                };
                if choice != QUESTIONS[index].answer {
                    // After COME_BACK_AFTER questions not missed (counting only missed ones,
                    // four misses in a row would keep coming back among themselves and no new
                    // question would ever be asked); at the end when fewer are left.
                    let fresh = self.queue.iter().enumerate();
                    let mut fresh = fresh.filter(|(_, i)| !self.missed.contains(i));
                    let at = fresh
                        .nth(COME_BACK_AFTER - 1)
                        .map_or(self.queue.len(), |(at, _)| at + 1);
                    self.queue.insert(at, index);
                }
            }
            QuizAction::Restart(seed) => *self = Quiz::new(seed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrong(q: &Question) -> usize {
        (q.answer + 1) % q.choices.len()
    }

    /// Answers the current question (right or wrong) and goes on; returns its id.
    fn answer(quiz: &mut Quiz, right: bool) -> &'static str {
        let q = quiz.current().expect("a question");
        quiz.apply(QuizAction::Answer(if right { q.answer } else { wrong(q) }));
        assert_eq!(quiz.is_right(), Some(right));
        quiz.apply(QuizAction::Next);
        q.id
    }

    fn missed_ids(quiz: &Quiz) -> Vec<&'static str> {
        quiz.missed().map(|q| q.id).collect()
    }

    #[test]
    fn the_order_is_a_seeded_shuffle_of_every_question() {
        let ids = |seed| {
            let mut quiz = Quiz::new(seed);
            let mut ids = Vec::new();
            while !quiz.is_finished() {
                ids.push(answer(&mut quiz, true));
            }
            ids
        };
        let order = ids(1);
        assert_eq!(order, ids(1));
        assert_ne!(order, ids(2));
        let in_bank: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
        assert_ne!(order, in_bank, "not shuffled");
        let mut sorted = order.clone();
        sorted.sort_unstable();
        let mut bank = in_bank;
        bank.sort_unstable();
        assert_eq!(sorted, bank);
    }

    #[test]
    fn a_missed_question_comes_back_until_answered_right() {
        let mut quiz = Quiz::new(7);
        let first = answer(&mut quiz, false);
        assert_eq!(missed_ids(&quiz), [first]);
        // Three others, then it is back.
        for _ in 0..COME_BACK_AFTER {
            assert_ne!(answer(&mut quiz, true), first);
        }
        assert_eq!(answer(&mut quiz, false), first, "missed twice");
        for _ in 0..COME_BACK_AFTER {
            assert_ne!(answer(&mut quiz, true), first);
        }
        assert_eq!(answer(&mut quiz, true), first);
        assert!(missed_ids(&quiz).is_empty());
        while !quiz.is_finished() {
            assert_ne!(answer(&mut quiz, true), first, "asked after a right answer");
        }
        let n = QUESTIONS.len() as u32;
        assert_eq!(quiz.score(), (n, n + 2));
    }

    /// Helper 40 missed four in a row: from then on only those four came back, and no new
    /// question was asked. Every miss now waits for three questions not missed.
    #[test]
    fn missing_every_answer_still_brings_new_questions() {
        let mut quiz = Quiz::new(11);
        let mut seen: Vec<&str> = Vec::new();
        // (Each new question waits behind the misses due before it: about n²/6 answers.)
        for _ in 0..QUESTIONS.len() * QUESTIONS.len() {
            let id = answer(&mut quiz, false);
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        assert_eq!(seen.len(), QUESTIONS.len(), "every question asked");
        // Four missed in a row: the next 20 answers, all wrong, still meet new questions (they
        // once met only those four, over and over).
        let mut quiz = Quiz::new(11);
        let missed: Vec<&str> = (0..4).map(|_| answer(&mut quiz, false)).collect();
        let next: Vec<&str> = (0..20).map(|_| answer(&mut quiz, false)).collect();
        let new = next.iter().filter(|id| !missed.contains(id)).count();
        assert!(new >= 5, "{next:?}");
    }

    #[test]
    fn a_miss_near_the_end_comes_back_before_the_end() {
        let mut quiz = Quiz::new(3);
        while quiz.remaining() > 2 {
            answer(&mut quiz, true);
        }
        let late = answer(&mut quiz, false);
        assert_eq!(quiz.remaining(), 2);
        answer(&mut quiz, true);
        assert_eq!(quiz.current().map(|q| q.id), Some(late));
        answer(&mut quiz, true);
        assert!(quiz.is_finished() && quiz.current().is_none());
    }

    #[test]
    fn answering_twice_next_first_and_bad_choices_are_ignored() {
        let mut quiz = Quiz::new(5);
        let start = quiz.clone();
        quiz.apply(QuizAction::Next);
        assert_eq!(quiz, start, "Next before answering");
        quiz.apply(QuizAction::Answer(4));
        assert_eq!(quiz, start, "no fifth choice");
        let q = quiz.current().unwrap();
        let before = quiz.remaining();
        quiz.apply(QuizAction::Answer(wrong(q)));
        quiz.apply(QuizAction::Answer(q.answer));
        assert_eq!(quiz.picked(), Some(wrong(q)));
        assert_eq!(quiz.remaining(), before, "a miss is still to go");
        let mut right = Quiz::new(5);
        right.apply(QuizAction::Answer(q.answer));
        assert_eq!(
            right.remaining(),
            before - 1,
            "answered right: one fewer to go at once"
        );
        assert_eq!(quiz.score(), (0, 1));
        assert_eq!(quiz.is_right(), Some(false));
    }

    #[test]
    fn a_finished_quiz_ignores_answers_and_restarts() {
        let mut quiz = Quiz::new(9);
        while !quiz.is_finished() {
            answer(&mut quiz, true);
        }
        let done = quiz.clone();
        quiz.apply(QuizAction::Answer(0));
        quiz.apply(QuizAction::Next);
        assert_eq!(quiz, done);
        assert_eq!(quiz.is_right(), None);
        quiz.apply(QuizAction::Restart(9));
        assert_eq!(quiz, Quiz::new(9));
        assert_eq!(quiz.score(), (0, 0));
    }

    #[test]
    fn storage_keeps_the_score_the_misses_and_the_order() {
        let mut quiz = Quiz::new(11);
        answer(&mut quiz, false);
        answer(&mut quiz, true);
        answer(&mut quiz, false);
        let text = quiz.to_storage();
        assert!(text.starts_with("v1;score=1/3;missed="), "{text}");
        let back = Quiz::from_storage(&text, 0);
        assert_eq!(back, quiz);
        assert_eq!(back.to_storage(), text);

        // Answered but not moved on: stored with the pick, so coming back shows the explanation
        // being read, the result counted once; Next then goes on as it would have.
        let q = quiz.current().unwrap();
        quiz.apply(QuizAction::Answer(wrong(q)));
        let text = quiz.to_storage();
        assert!(text.ends_with(&format!(";picked={}", wrong(q))), "{text}");
        let mut back = Quiz::from_storage(&text, 0);
        assert_eq!(back, quiz);
        assert_eq!(back.current().unwrap().id, q.id);
        assert_eq!(back.score(), (1, 4));
        assert_eq!(missed_ids(&back).len(), 3);
        back.apply(QuizAction::Next);
        quiz.apply(QuizAction::Next);
        assert_eq!(back, quiz);
        // A pick the question cannot have is dropped; a damaged pick field is damage.
        let unanswered = text.replace(&format!(";picked={}", wrong(q)), ";picked=9");
        assert_eq!(Quiz::from_storage(&unanswered, 0).picked(), None);
        let damaged = text.replace(";picked=", ";chose=");
        assert_eq!(Quiz::from_storage(&damaged, 5), Quiz::new(5));
        assert_eq!(Quiz::restore(&damaged), None);
        assert!(Quiz::restore(&text).is_some());

        let mut finished = Quiz::new(1);
        while !finished.is_finished() {
            answer(&mut finished, true);
        }
        assert_eq!(Quiz::from_storage(&finished.to_storage(), 0), finished);
    }

    #[test]
    fn damaged_storage_gives_a_fresh_or_cleaned_quiz() {
        let fresh = Quiz::new(4);
        for text in [
            "",
            "garbage",
            ";;;;",
            "v1",
            "v2;score=1/2;missed=;queue=",
            "v1;score=3/2;missed=;queue=",
            "v1;score=1;missed=;queue=",
            "v1;score=-1/2;missed=;queue=",
            "v1;score=1/99999999999999999999999;missed=;queue=",
            "v1;score=1/2;queue=;missed=",
            "v1;score=1/2;missed=;queue=;more=1",
            "v1;score=1/2;missed=é,ü;queue=\u{0}",
        ] {
            let quiz = Quiz::from_storage(text, 4);
            if text.ends_with('\u{0}') {
                // Readable, with nothing known in it: the score alone survives.
                assert_eq!(quiz.score(), (1, 2));
                assert!(quiz.is_finished());
            } else {
                assert_eq!(quiz, fresh, "{text:?}");
            }
        }

        // Unknown ids are dropped, repeats too; a miss missing from the queue is put back first.
        let (a, b) = (QUESTIONS[0].id, QUESTIONS[1].id);
        let text = format!("v1;score=2/5;missed=gone,{a},{a};queue={b},old,{b}");
        let quiz = Quiz::from_storage(&text, 4);
        assert_eq!(quiz.score(), (2, 5));
        assert_eq!(missed_ids(&quiz), [a]);
        assert_eq!(quiz.current().map(|q| q.id), Some(a));
        assert_eq!(quiz.remaining(), 2);
        assert_eq!(
            quiz.to_storage(),
            format!("v1;score=2/5;missed={a};queue={a},{b}")
        );

        // The largest scores read, and answering there does not overflow.
        let max = u32::MAX;
        let mut quiz = Quiz::from_storage(&format!("v1;score={max}/{max};missed=;queue={a}"), 4);
        answer(&mut quiz, true);
        assert_eq!(quiz.score(), (max, max));
    }
}
