"""Independent check of the verdict's boosting overshoot (session 42): scikit-learn's
GradientBoostingClassifier, which also takes one Newton step per leaf, on noisy moons of 200
points (140 for training), 200 trees of depth 3. At a learning rate of 1 on a 10 % subsample its
training log-loss falls for a tree or a few and then climbs to 10-20; a learning rate of 0.1, or
every point each round, cures it. Run: /tmp/skvenv/bin/python scripts/sklearn-boosting-overshoot.py
(numpy and scikit-learn; the data are scikit-learn's moons, not the app's, so compare behaviour).
"""
import numpy as np
from sklearn.datasets import make_moons
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import log_loss

for seed in range(5):
    X, y = make_moons(n_samples=200, noise=0.5, random_state=seed)
    Xtr, ytr = X[:140], y[:140]
    for lr, sub in [(1.0, 0.1), (0.5, 0.1), (0.1, 0.1), (1.0, 1.0)]:
        gb = GradientBoostingClassifier(n_estimators=200, learning_rate=lr, max_depth=3,
                                        subsample=sub, random_state=seed).fit(Xtr, ytr)
        losses = [log_loss(ytr, p) for p in gb.staged_predict_proba(Xtr)]
        print(f"seed {seed} lr {lr} subsample {sub}: lowest {min(losses):.3f} after "
              f"{int(np.argmin(losses)) + 1} trees, last {losses[-1]:.3f}, "
              f"training accuracy {gb.score(Xtr, ytr):.2f}")
