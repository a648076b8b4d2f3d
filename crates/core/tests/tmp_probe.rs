use paramlab_core::ml::model::Model;
use paramlab_core::state::action::Action;
use paramlab_core::state::plane::PlaneLab;
use paramlab_core::state::session::Reduce;
use paramlab_core::state::url::decode;

#[test]
fn probe() {
    for q in std::env::var("Q").unwrap().split(' ') {
        let (config, notices) = decode(q);
        assert!(notices.is_empty(), "{notices:?}");
        let mut s = PlaneLab::new(config, notices);
        s.apply(Action::Play);
        s.apply(Action::Tick(
            std::env::var("E").map_or(800, |e| e.parse().unwrap()),
        ));
        let d = s.diagnosis().unwrap();
        println!(
            "{q}: steps {} {:?} | {}\n",
            s.model.steps(),
            d.fit,
            d.reason
        );
    }
}
