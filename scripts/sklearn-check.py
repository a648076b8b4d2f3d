#!/usr/bin/env python3
"""ParamLab's models checked against numpy and scikit-learn (a manual check, not part of CI).

    cargo run -j1 --release -p paramlab-core --example sklearn_dump -- /tmp/sk-dump
    python3 scripts/sklearn-check.py /tmp/sk-dump

The Rust example trains ParamLab's models through the core's public API and dumps data, learned
parameters, predictions and reported metrics as JSON; this script recomputes each from its
definition (numpy) or with the scikit-learn estimator the Tuning lab's generated code names, and
prints one line per comparison: PASS / FAIL with the largest absolute difference and the
tolerance, or INFO for a known difference of convention (not a failure; the line says which).
Exits 1 if anything FAILs. Needs numpy, scipy and scikit-learn (tested with 2.4, 1.17 and 1.9).
"""

import json
import re
import sys
import warnings
from pathlib import Path

import numpy as np
from numpy.polynomial import legendre as npleg
from scipy.stats import norm
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge, SGDClassifier
from sklearn.metrics import (accuracy_score, confusion_matrix, log_loss,
                             mean_squared_error, r2_score)
from sklearn.model_selection import KFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

warnings.filterwarnings("ignore", category=UserWarning)
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=ConvergenceWarning)

FAILS = []


def maxdiff(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.max(np.abs(a - b))) if a.size else 0.0


def check(what, diff, tol):
    ok = diff <= tol
    print(f"{'PASS' if ok else 'FAIL'}  {what:<78} max|Δ| {diff:9.2e}  (tol {tol:.0e})")
    if not ok:
        FAILS.append(what)


def info(what, diff, why):
    print(f"INFO  {what:<78} max|Δ| {diff:9.2e}  ({why})")


def section(title):
    print(f"\n== {title}")


def load(d, name):
    return json.loads((Path(d) / f"{name}.json").read_text())


# ------------------------------------------------------------------------------------------------
# Polynomial regression: Legendre features, MSE + λ·Σw² / λ·Σ|w| over w₁…w_d (w₀ unpenalized)


def phi(x, degree):
    """Orthonormal Legendre features φₖ = √(2k+1)·Pₖ(x), as ml/legendre.rs documents them."""
    return npleg.legvander(np.asarray(x), degree) * np.sqrt(2 * np.arange(degree + 1) + 1)


def regression(dump):
    section("Polynomial regression (regression.json)")
    for c in load(dump, "regression"):
        name, d, lam, pen = c["name"], c["degree"], c["lambda"], c["penalty"]
        xtr, ytr = np.array(c["train"]["x"]), np.array(c["train"]["y"])
        xte, yte = np.array(c["test"]["x"]), np.array(c["test"]["y"])
        w = np.array(c["weights"])
        P, Pt = phi(xtr, d), phi(xte, d)
        n = len(ytr)
        print(f"-- {name}: {c['epochs']} epochs, converged={c['converged']}")
        check(f"{name}: predictions = Σ wₖ·φₖ(x) (numpy Legendre)", maxdiff(c["test_predictions"], Pt @ w), 1e-12)
        coef = npleg.leg2poly(w * np.sqrt(2 * np.arange(d + 1) + 1))
        check(f"{name}: powers() = numpy leg2poly", maxdiff(c["powers"], coef), 1e-9 * max(1, np.abs(coef).max()))
        check(f"{name}: train MSE = sklearn mean_squared_error", abs(c["train_mse"] - mean_squared_error(ytr, P @ w)), 1e-12)
        check(f"{name}: test MSE = sklearn mean_squared_error", abs(c["test_mse"] - mean_squared_error(yte, Pt @ w)), 1e-12)
        check(f"{name}: test R² = sklearn r2_score", abs(c["test_r2"] - r2_score(yte, Pt @ w)), 1e-12)
        pen_value = {"None": 0.0, "L2": lam * np.sum(w[1:] ** 2), "L1": lam * np.sum(np.abs(w[1:]))}[pen]
        check(f"{name}: objective = MSE + penalty", abs(c["objective"] - (mean_squared_error(ytr, P @ w) + pen_value)), 1e-12)
        # Plain gradient descent on the objective (Hessian (2/n)·ΦᵀΦ + 2λD under L2, D the
        # identity without the intercept's entry) is stable below 2 / its top eigenvalue; L1's
        # kink has no curvature to bound.
        if pen == "L1" and lam > 0:
            check(f"{name}: no stable learning rate under L1", 0.0 if c["stable_learning_rate"] is None else 1.0, 0)
        else:
            D = np.eye(d + 1)
            D[0, 0] = 0
            ridge = lam if pen == "L2" else 0.0
            limit = 2 / np.linalg.eigvalsh(2 / n * P.T @ P + 2 * ridge * D).max()
            check(f"{name}: stable learning rate = 2 / top eigenvalue of the objective's Hessian (numpy eigvalsh)",
                  abs(c["stable_learning_rate"] - limit), 1e-9 * limit)
        tol = 1e-6 if c["optimizer"] != "Adam" else 1e-4
        if pen in ("None", "L2"):
            # Closed form: (ΦᵀΦ/n + λD) w = Φᵀy/n, D = I without the intercept's entry.
            D = np.eye(d + 1)
            D[0, 0] = 0
            w_exact = np.linalg.solve(P.T @ P / n + (lam if pen == "L2" else 0) * D, P.T @ ytr / n)
            check(f"{name}: weights = numpy closed form", maxdiff(w, w_exact), tol)
            if pen == "None" or lam == 0:
                est = LinearRegression()
            else:
                est = Ridge(alpha=n * lam, solver="cholesky")  # code.rs: alpha = n·λ
            est.fit(P[:, 1:], ytr)
            label = type(est).__name__ + ("" if pen == "None" else "(alpha=n·λ)")
        else:
            est = Lasso(alpha=lam / 2, tol=1e-15, max_iter=1_000_000)  # code.rs: alpha = λ/2
            est.fit(P[:, 1:], ytr)
            label = "Lasso(alpha=λ/2)"
            zeros_pl = np.abs(w[1:]) == 0
            zeros_sk = np.abs(est.coef_) < 1e-12
            check(f"{name}: same weights exactly zero as {label}", float(np.sum(zeros_pl != zeros_sk)), 0)
        sk_w = np.concatenate([[est.intercept_], est.coef_])
        check(f"{name}: weights = sklearn {label} on φ₁…φ_d", maxdiff(w, sk_w), tol)
        # The generated code (tune/code.rs): plain powers, standardized, the same alpha.
        feats = PolynomialFeatures(d, include_bias=False)
        if pen == "None" or lam == 0:
            gen = LinearRegression()
        elif pen == "L2":
            gen = Ridge(alpha=n * lam)
        else:
            gen = Lasso(alpha=lam / 2, tol=1e-12, max_iter=1_000_000)
        pipe = make_pipeline(feats, StandardScaler(), gen).fit(xtr[:, None], ytr)
        diff = maxdiff(pipe.predict(xte[:, None]), Pt @ w)
        if pen == "None":
            check(f"{name}: generated pipeline (powers, scaled) predicts the same", diff, 1e-6)
        else:
            info(f"{name}: generated pipeline (powers, scaled) vs ParamLab", diff,
                 "convention: penalty on standardized powers ≠ on Legendre weights; code says 'Approximate'")


# ------------------------------------------------------------------------------------------------
# Logistic regression: softmax on monomials, mean cross-entropy + λ·Σw² (intercepts unpenalized)


def monomials(X, exps):
    X = np.asarray(X)
    return np.stack([X[:, 0] ** a * X[:, 1] ** b for a, b in exps], axis=1)


def softmax(S):
    S = S - S.max(axis=1, keepdims=True)
    E = np.exp(S)
    return E / E.sum(axis=1, keepdims=True)


def classification_metrics(name, y, proba, score, classes):
    """ParamLab's reported accuracy, log-loss and confusion against sklearn.metrics."""
    proba = np.asarray(proba)
    pred = np.argmax(proba, axis=1)
    check(f"{name}: accuracy = sklearn accuracy_score", abs(score["accuracy"] - accuracy_score(y, pred)), 1e-15)
    cm = confusion_matrix(y, pred, labels=list(range(classes)))
    check(f"{name}: confusion = sklearn confusion_matrix", maxdiff(score["confusion"], cm), 0)
    p_true = proba[np.arange(len(y)), y]
    sk = log_loss(y, proba, labels=list(range(classes)))
    # Both clip p to [eps, 1 − eps], eps the machine epsilon (a confident miss costs about 36).
    eps = np.finfo(float).eps
    ours = float(np.mean(-np.log(np.clip(p_true, eps, 1 - eps))))
    check(f"{name}: log-loss = mean −ln clip(p, eps, 1 − eps) (numpy)", abs(score["loss"] - ours), 1e-12)
    check(f"{name}: log-loss = sklearn log_loss", abs(score["loss"] - sk), 1e-12)


def logistic(dump):
    section("Logistic regression (logistic.json)")
    for c in load(dump, "logistic"):
        name, K, lam, pen = c["name"], c["classes"], c["lambda"], c["penalty"]
        Xtr, ytr = np.array(c["train"]["X"]), np.array(c["train"]["y"])
        Xte, yte = np.array(c["test"]["X"]), np.array(c["test"]["y"])
        W = np.array(c["weights"])  # K × F, feature 0 the intercept
        F, Ft = monomials(Xtr, c["exponents"]), monomials(Xte, c["exponents"])
        n = len(ytr)
        print(f"-- {name}: {c['epochs']} epochs, converged={c['converged']}")
        check(f"{name}: probabilities = softmax(W·φ) (numpy)", maxdiff(c["test_proba"], softmax(Ft @ W.T)), 1e-12)
        check(f"{name}: training loss = sklearn log_loss", abs(c["train_loss"] - log_loss(ytr, c["train_proba"], labels=list(range(K)))), 1e-12)
        classification_metrics(name + " test", yte, c["test_proba"], c["test_score"], K)
        check(f"{name}: optimality (KKT) of ParamLab's stated objective (numpy)", kkt(F, ytr, W, lam, pen), 1e-6)
        # scikit-learn on the same features (PolynomialFeatures without the bias = the monomials).
        X1, Xt1 = F[:, 1:], Ft[:, 1:]
        candidates, right = sklearn_logistic(K, n, lam, pen)
        tol = 1e-5 if c["converged"] else 1e-3
        for label, est in candidates.items():
            est.fit(X1, ytr)
            diff = maxdiff(est.predict_proba(Xt1), c["test_proba"])
            if label != right:
                info(f"{name}: test proba vs LogisticRegression({label})", diff, f"the wrong conversion for {K} classes")
                continue
            check(f"{name}: test proba = sklearn LogisticRegression({label})", diff, tol)
            if K == 2:
                v = W[1] - W[0]
                sk = np.concatenate([est.intercept_, est.coef_[0]])
            else:  # intercepts are fixed only up to a shared constant
                v = np.column_stack([W[:, 0] - W[:, 0].mean(), W[:, 1:]])
                sk = np.column_stack([est.intercept_ - est.intercept_.mean(), est.coef_])
            check(f"{name}: weights = sklearn LogisticRegression({label})", maxdiff(v, sk), 100 * tol)
        if K == 2 and pen == "L2" and c["degree"] <= 2:
            # SGDClassifier (the Tuning lab's estimator when the learning rate is searched):
            # mean log-loss + alpha·½‖v‖², so alpha = λ for two classes. Averaged SGD only gets
            # within about 1e-2 of the minimum, enough to tell λ from 2λ.
            for f in (1, 2):
                sgd = SGDClassifier(loss="log_loss", penalty="l2", alpha=f * lam, learning_rate="constant",
                                    eta0=0.001, average=True, max_iter=20_000, tol=None, random_state=0)
                diff = maxdiff(sgd.fit(X1, ytr).predict_proba(X1), c["train_proba"])
                if f == 1:
                    check(f"{name}: train proba ≈ averaged SGDClassifier(alpha=λ)", diff, 1e-2)
                else:
                    info(f"{name}: train proba vs SGDClassifier(alpha=2λ)", diff, "the wrong conversion for 2 classes")


def kkt(F, y, W, lam, pen):
    """How far W (K × F, feature 0 the intercept) is from a minimum of the mean cross-entropy
    plus λ·Σw² or λ·Σ|w| over the non-intercept weights: the largest violation of the optimality
    conditions (gradient 0; under L1, gradient −λ·sign(w) where w ≠ 0 and |gradient| ≤ λ where
    w = 0)."""
    n, K = len(y), W.shape[0]
    G = (softmax(F @ W.T) - np.eye(K)[y]).T @ F / n
    worst = np.abs(G[:, 0]).max()
    g, w = G[:, 1:], W[:, 1:]
    if pen == "L2":
        g = g + 2 * lam * w
    if pen == "L1":
        viol = np.where(w != 0, np.abs(g + lam * np.sign(w)), np.maximum(0, np.abs(g) - lam))
    else:
        viol = np.abs(g)
    return float(max(worst, viol.max() if viol.size else 0.0))


def sklearn_logistic(K, n, lam, pen, C=None):
    """The LogisticRegression(s) to compare with ParamLab's softmax, and which conversion of λ is
    the right one. L2: a softmax with K weight vectors, each penalized, is scikit-learn's
    multinomial with C = 1/(2nλ) for K ≥ 3; for two classes scikit-learn fits ONE vector
    v = w₁ − w₀ (ParamLab keeps w₀ = −w₁ from its zero start), λ(‖w₀‖² + ‖w₁‖²) = (λ/2)‖v‖², so
    C = 1/(nλ). L1: λ(|w₀| + |w₁|) = λ|v|, C = 1/(nλ) for any K. Two-class L1 is solved by
    liblinear with a huge intercept_scaling (so its penalized intercept is as good as free): saga
    converges the intercept very slowly when C is small."""
    exact = dict(tol=1e-12, max_iter=100_000)
    if pen == "None" or lam == 0:
        return {"C=inf (no penalty)": LogisticRegression(C=np.inf, **exact)}, "C=inf (no penalty)"
    if pen == "L2":
        out = {"C=1/(2nλ)": LogisticRegression(C=C or 1 / (2 * n * lam), **exact),
               "C=1/(nλ)": LogisticRegression(C=C or 1 / (n * lam), **exact)}
        return out, "C=1/(nλ)" if K == 2 else "C=1/(2nλ)"
    if K == 2:
        est = LogisticRegression(C=C or 1 / (n * lam), l1_ratio=1, solver="liblinear", intercept_scaling=1e4,
                                 tol=1e-12, max_iter=1_000_000)
    else:
        est = LogisticRegression(C=C or 1 / (n * lam), l1_ratio=1, solver="saga", tol=1e-12, max_iter=1_000_000)
    return {"L1, C=1/(nλ)": est}, "L1, C=1/(nλ)"


# ------------------------------------------------------------------------------------------------
# k-NN


def knn(dump):
    section("k-nearest neighbours (knn.json)")
    for c in load(dump, "knn"):
        name, k, K = c["name"], c["k"], c["classes"]
        X, y = np.array(c["train"]["X"]), np.array(c["train"]["y"])
        Q = np.array(c["queries"])
        proba = np.array(c["proba"])
        kk = min(k, len(y))
        # The documented neighbours: nearest first, equal distances by lower index.
        d2 = ((Q[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
        order = np.array([np.lexsort((np.arange(len(y)), row))[:kk] for row in d2])
        same = all(sorted(a) == sorted(b) for a, b in zip(c["neighbours"], order.tolist()))
        check(f"{name}: neighbours = stable sort by distance, ties by index (numpy)", 0.0 if same else 1.0, 0)
        srt = np.sort(d2, axis=1)
        # Equal distances up to rounding (sklearn computes them as ‖a‖² + ‖b‖² − 2a·b).
        tie = (srt[:, kk] - srt[:, kk - 1] <= 1e-9) if kk < len(y) else np.zeros(len(Q), bool)
        est = KNeighborsClassifier(n_neighbors=kk, weights=c["weights"], algorithm="brute").fit(X, y)
        sk = est.predict_proba(Q)
        tol = 1e-12 if c["weights"] == "uniform" else 1e-6  # distance votes in f32 (knn.rs)
        check(f"{name}: proba = sklearn KNeighborsClassifier (no tie at k-th)", maxdiff(proba[~tie], sk[~tie]), tol)
        if tie.any():
            info(f"{name}: {tie.sum()} queries with a tie at the k-th distance", maxdiff(proba[tie], sk[tie]),
                 "convention: ParamLab keeps the lower index, sklearn's order is unspecified")
        nt = len(c["test"]["y"])
        classification_metrics(name + " test", np.array(c["test"]["y"]), proba[:nt], c["test_score"], K)


# ------------------------------------------------------------------------------------------------
# Trees


def impurity(counts, criterion):
    counts = np.asarray(counts, float)
    n = counts.sum()
    if n == 0:
        return 0.0
    p = counts[counts > 0] / n
    return float(1 - np.sum(p * p)) if criterion == "gini" else float(-np.sum(p * np.log2(p)))


def compare_structure(ours, sk_tree, X, score_split, leaf_check, constant=lambda members: False):
    """Walks ParamLab's nodes (dicts with 'split') and a fitted sklearn tree_ together from the
    root, routing the training rows X down both. Where they choose differently, the choice is a
    tie if `score_split` rates both the same on the node's rows, or harmless if ParamLab keeps a
    leaf whose targets are `constant` (scikit-learn's impurity of such a node can round to just
    above its epsilon, and it then splits it into children of the same value). Returns counts:
    nodes compared, max threshold difference, ties, constant nodes split, real mismatches."""
    t = sk_tree
    stats = dict(nodes=0, thr=0.0, ties=0, constant=0, bad=0)
    LEAF = -1

    def walk(i, j, members):
        stats["nodes"] += 1
        s = ours[i]["split"]
        sk_leaf = t.children_left[j] == LEAF
        if s is None and sk_leaf:
            leaf_check(i, j, members)
            return
        if s is not None and not sk_leaf and s["feature"] == t.feature[j] and abs(s["threshold"] - t.threshold[j]) < 1e-5:
            stats["thr"] = max(stats["thr"], abs(s["threshold"] - t.threshold[j]))
            go = X[members, s["feature"]] <= s["threshold"]
            walk(s["left"], t.children_left[j], members[go])
            walk(s["right"], t.children_right[j], members[~go])
            return
        if s is None and constant(members):
            stats["constant"] += 1
            return
        # Different choice: a tie if both splits score the same on this node's points.
        a = score_split(members, s["feature"], s["threshold"]) if s else None
        b = score_split(members, t.feature[j], t.threshold[j]) if not sk_leaf else None
        if a is not None and b is not None and abs(a - b) <= 1e-9 * max(1, abs(a)):
            stats["ties"] += 1
        else:
            stats["bad"] += 1
            print(f"      mismatch at node {i}: ParamLab {s} cost {a}, sklearn "
                  f"{None if sk_leaf else (t.feature[j], t.threshold[j])} cost {b}")

    walk(0, 0, np.arange(len(X)))
    return stats


def tree(dump):
    section("Decision tree (tree.json)")
    for c in load(dump, "tree"):
        name, K, crit = c["name"], c["classes"], c["criterion"]
        X, y = np.array(c["train"]["X"]), np.array(c["train"]["y"])
        nodes = c["nodes"]
        check(f"{name}: node impurities = {crit} of the counts (numpy)",
              max(abs(nd["impurity"] - impurity(nd["counts"], crit)) for nd in nodes), 1e-12)
        est = DecisionTreeClassifier(criterion=crit, max_depth=c["max_depth"], min_samples_leaf=c["min_leaf"],
                                     random_state=0).fit(X, y)

        def cost(members, f, thr):
            go = X[members, f] <= thr
            l, r = y[members][go], y[members][~go]
            cl = np.bincount(l, minlength=K)
            cr = np.bincount(r, minlength=K)
            return impurity(cl, crit) * len(l) + impurity(cr, crit) * len(r)

        leaf_bad = [0]

        def leaf(i, j, members):
            if list(nodes[i]["counts"]) != list(np.bincount(y[members], minlength=K)):
                leaf_bad[0] += 1
            value = est.tree_.value[j, 0]  # counts or shares, by scikit-learn's version
            if maxdiff(np.array(nodes[i]["counts"]) / sum(nodes[i]["counts"]), value / value.sum()) > 1e-12:
                leaf_bad[0] += 1

        s = compare_structure(nodes, est.tree_, X, cost, leaf)
        check(f"{name}: same splits as DecisionTreeClassifier ({s['nodes']} nodes, {s['ties']} ties)", s["bad"], 0)
        check(f"{name}: thresholds (sklearn rounds X to float32)", s["thr"], 1e-6)
        check(f"{name}: leaf class shares = sklearn's", leaf_bad[0], 0)
        if s["ties"]:
            info(f"{name}: equally good splits chosen differently", s["ties"],
                 "convention: ParamLab takes the lower feature, sklearn a random feature order")
        else:
            check(f"{name}: proba = sklearn predict_proba", maxdiff(c["proba"], est.predict_proba(np.array(c["queries"]))), 1e-12)
        nt = len(c["test"]["y"])
        classification_metrics(name + " test", np.array(c["test"]["y"]), np.array(c["proba"])[:nt], c["test_score"], K)


# ------------------------------------------------------------------------------------------------
# Gradient boosting


def route(nodes, X):
    """The leaf of ParamLab's tree (a list of node dicts) each row of X reaches."""
    out = np.empty(len(X), int)
    for r, x in enumerate(X):
        i = 0
        while nodes[i]["split"]:
            s = nodes[i]["split"]
            i = s["left"] if x[s["feature"]] <= s["threshold"] else s["right"]
        out[r] = i
    return out


def boosting(dump):
    section("Gradient boosting (boosting.json)")
    for c in load(dump, "boosting"):
        name, K, eta = c["name"], c["classes"], c["learning_rate"]
        X, y = np.array(c["train"]["X"]), np.array(c["train"]["y"])
        Q = np.array(c["queries"])
        n = len(y)
        # Round by round, from ParamLab's own scores: the residuals y − p, each leaf's Newton step
        # (numpy), and scikit-learn's regression tree (friedman_mse) fitted to the same residuals.
        prior = np.bincount(y, minlength=K) / n
        # Two classes: the prior log-odds; K ≥ 3: ln prior less its mean, as scikit-learn starts.
        init = [np.log(prior[1] / prior[0])] if K == 2 else np.log(prior) - np.mean(np.log(prior))
        check(f"{name}: initial scores (prior log-odds / centred log priors)", maxdiff(c["init"], init), 1e-15)
        F = np.tile(np.array(c["init"], float), (n, 1))
        newton = 0.0
        stats = dict(nodes=0, thr=0.0, ties=0, constant=0, bad=0)
        for trees in c["trees"]:
            if K == 2:
                p1 = 1 / (1 + np.exp(-F[:, 0]))
                P = np.column_stack([1 - p1, p1])
            else:
                P = softmax(F)
            for k, nodes in enumerate(trees):
                cls = 1 if K == 2 else k
                r, h = (y == cls) - P[:, cls], P[:, cls] * (1 - P[:, cls])
                leaf = route(nodes, X)
                factor = 1.0 if K == 2 else (K - 1) / K
                for i in set(leaf.tolist()):
                    step = factor * r[leaf == i].sum() / h[leaf == i].sum()
                    newton = max(newton, abs(nodes[i]["value"] - step))
                sk = DecisionTreeRegressor(criterion="friedman_mse", max_depth=c["max_depth"],
                                           min_samples_leaf=c["min_leaf"], random_state=0).fit(X, r)

                def sse(members, f, t):
                    go = X[members, f] <= t
                    a, b = r[members][go], r[members][~go]
                    return float(((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum())

                one = compare_structure(nodes, sk.tree_, X, sse, lambda i, j, m: None,
                                        constant=lambda m: np.ptp(r[m]) < 1e-12)
                for key in stats:
                    stats[key] = max(stats[key], one[key]) if key == "thr" else stats[key] + one[key]
                F[:, k] += eta * np.array([nodes[i]["value"] for i in leaf])
        check(f"{name}: leaf values = Newton steps Σr/Σp(1−p) (numpy)", newton, 1e-12)
        check(f"{name}: each round's tree = sklearn's on the same residuals "
              f"({stats['nodes']} nodes, {stats['ties']} ties, {stats['constant']} constant)", stats["bad"], 0)
        check(f"{name}: thresholds (sklearn rounds X to float32)", stats["thr"], 1e-6)
        if stats["constant"]:
            info(f"{name}: sklearn split {stats['constant']} nodes of equal residuals", 0.0,
                 "harmless: children get the parent's value; its impurity rounds above eps")
        # The whole ensemble against GradientBoostingClassifier (equal unless a tie went the
        # other way in some round, after which the models legitimately differ).
        est = GradientBoostingClassifier(learning_rate=eta, n_estimators=c["rounds"], max_depth=c["max_depth"],
                                         min_samples_leaf=c["min_leaf"], subsample=1.0, random_state=0).fit(X, y)
        raw = est.decision_function(Q).reshape(len(Q), -1)
        ours = np.array(c["scores"])
        for what, diff in [("proba = sklearn predict_proba", maxdiff(c["proba"], est.predict_proba(Q))),
                           ("raw scores = sklearn decision_function", maxdiff(ours, raw))]:
            if stats["ties"] == 0:
                check(f"{name}: {what}", diff, 1e-9)
            else:
                info(f"{name}: {what}", diff, "after a tie broken the other way")
        nt = len(c["test"]["y"])
        classification_metrics(name + " test", np.array(c["test"]["y"]), np.array(c["proba"])[:nt], c["test_score"], K)


# ------------------------------------------------------------------------------------------------
# Random forest (invariants only: its random draws are its own)


def forest(dump):
    section("Random forest (forest.json)")
    f = load(dump, "forest")
    for c in f["single"]:
        same = c["forest_nodes"] == c["tree_nodes"]
        check(f"{c['name']}: 1 tree, no bootstrap, all features = the decision tree", 0.0 if same else 1.0, 0)
        check(f"{c['name']}: its probabilities = the tree's", maxdiff(c["forest_test_proba"], c["tree_test_proba"]), 0)
    for c in f["oob"]:
        name, K = c["name"], c["classes"]
        y = np.array(c["train"]["y"])
        n = len(y)
        samples = [np.array(s) for s in c["samples"]]
        counts = [np.bincount(y[s], minlength=K).tolist() for s in samples]
        check(f"{name}: bootstrap draws reproduce each root's class counts", 0.0 if counts == c["root_counts"] else 1.0, 0)
        P = np.array(c["tree_train_proba"])  # trees × n × K
        check(f"{name}: forest proba = mean of the trees'", maxdiff(c["forest_train_proba"], P.mean(axis=0)), 1e-12)
        left_out = np.array([[i not in set(s.tolist()) for i in range(n)] for s in samples])  # trees × n
        votes = np.einsum("tn,tnk->nk", left_out.astype(float), P)
        judged = left_out.any(axis=0)
        wrong = np.argmax(votes, axis=1) != y
        oob = float(np.mean(wrong[judged]))
        check(f"{name}: OOB error = its definition (numpy, {judged.sum()} of {n} points judged)", abs(c["oob_error"] - oob), 0)
        # scikit-learn's oob_score_ divides by every point (a never-left-out one has no vote).
        sk_like = 1 - float(np.mean(np.argmax(votes, axis=1) == y))
        if not judged.all():
            info(f"{name}: OOB error with sklearn's denominator (all n points)", abs(c["oob_error"] - sk_like),
                 f"convention: {n - judged.sum()} points never left out; sklearn warns and counts them")


# ------------------------------------------------------------------------------------------------
# Cross-validation


def cv(dump):
    section("Folds and cross-validation (cv.json)")
    c = load(dump, "cv")
    for s in c["splits"]:
        n, k = s["n"], s["k"]
        val = [np.array(v) for v in s["folds"]["validation"]]
        order = np.concatenate(val)
        label = f"KFold n={n} k={k} seed={s['seed']}"
        check(f"{label}: folds partition 0…n−1", 0.0 if sorted(order.tolist()) == list(range(n)) else 1.0, 0)
        bounds = (np.arange(k + 1) * n) // k
        check(f"{label}: fold sizes ⌊(i+1)n/k⌋ − ⌊in/k⌋", maxdiff([len(v) for v in val], np.diff(bounds)), 0)
        tr_ok = all(s["folds"]["training"][i] == np.concatenate(val[:i] + val[i + 1:]).tolist() for i in range(k))
        check(f"{label}: training = the other folds, in order", 0.0 if tr_ok else 1.0, 0)
        sk_sizes = [len(t) for _, t in KFold(k).split(np.zeros(n))]
        if sorted(sk_sizes) != [len(v) for v in val]:
            info(f"{label}: fold sizes vs sklearn KFold {sk_sizes}", maxdiff(sorted(sk_sizes), sk_sizes),
                 "convention: sklearn puts the larger folds first (shuffles differ anyway)")
    # Polynomial regression: each fold's model recomputed by full-batch gradient descent in numpy.
    p = c["polynomial"]
    x, y = np.array(p["train"]["x"]), np.array(p["train"]["y"])
    errors, own = [], []
    for tr, va in zip(p["folds"]["training"], p["folds"]["validation"]):
        P, yt = phi(x[tr], p["degree"]), y[tr]
        w = np.zeros(p["degree"] + 1)
        for _ in range(p["epochs"]):
            g = 2 / len(yt) * P.T @ (P @ w - yt)
            g[1:] += 2 * p["lambda"] * w[1:]
            w = w - p["learning_rate"] * g
        errors.append(mean_squared_error(y[va], phi(x[va], p["degree"]) @ w))
        own.append(mean_squared_error(yt, P @ w))
    check("polynomial CV: fold errors = numpy gradient descent on the same folds", maxdiff(p["errors"], errors), 1e-10)
    check("polynomial CV: mean", abs(p["mean"] - np.mean(errors)), 1e-10)
    check("polynomial CV: sd (sample, n − 1)", abs(p["sd"] - np.std(errors, ddof=1)), 1e-10)
    check("polynomial CV: training error mean", abs(p["train_mean"] - np.mean(own)), 1e-10)
    for m in c["plane"]:
        X, y = np.array(m["train"]["X"]), np.array(m["train"]["y"])
        splits = list(zip(m["folds"]["training"], m["folds"]["validation"]))
        est = (KNeighborsClassifier(5, algorithm="brute") if m["name"].startswith("knn")
               else DecisionTreeClassifier(max_depth=3, random_state=0))
        errs = [1 - est.fit(X[tr], y[tr]).score(X[va], y[va]) for tr, va in splits]
        check(f"{m['name']} CV: fold errors = sklearn on the same folds", maxdiff(m["errors"], errs), 1e-12)
        scores = cross_val_score(est, X, y, cv=splits, scoring="accuracy")
        check(f"{m['name']} CV: mean error = 1 − cross_val_score mean", abs(m["mean"] - (1 - scores.mean())), 1e-12)
        check(f"{m['name']} CV: sd (sample, n − 1)", abs(m["sd"] - np.std(m["errors"], ddof=1)), 1e-15)


# ------------------------------------------------------------------------------------------------
# The Tuning lab's generated code: the C it prints for λ, fitted on a fold's training points


def codegen(dump):
    section("Generated scikit-learn code (codegen.json)")
    for c in load(dump, "codegen"):
        code, n, K, lam = c["code"], c["n"], c["classes"], np.array(c["lambdas"])
        m = re.search(r'"logisticregression__C": \[([^\]]*)\]', code)
        if not m:
            check(f"{c['query']}: the code has a LogisticRegression C grid", 1, 0)
            continue
        Cs = np.array(sorted(float(v) for v in m.group(1).split(",")))[::-1]  # λ ascending
        l1 = 'l1_ratio=1, solver="saga"' in code
        exps = [(t - b, b) for t in range(c["degree"] + 1) for b in range(t + 1)]
        X1 = monomials(c["train"]["X"], exps)[:, 1:]
        y = np.array(c["train"]["y"])
        print(f"-- {c['query']}\n   n = {n}, {K} classes, λ {lam.tolist()} → C {Cs.tolist()}")
        for C, fit in zip(Cs, c["fits"]):
            if not fit["converged"]:
                print(f"   (λ = {fit['lambda']}: ParamLab did not converge in {fit['epochs']} epochs; skipped)")
                continue
            pen = "L1" if l1 else "L2"
            candidates, right = sklearn_logistic(K, n, fit["lambda"], pen, C=C)
            est = candidates[right].fit(X1, y)
            diff = maxdiff(est.predict_proba(X1), fit["train_proba"])
            # C is printed to 4 significant figures: a relative change of 5e-4 in the penalty.
            check(f"λ={fit['lambda']:g} ({K} classes, {pen}): LogisticRegression(C={C:g}) as printed = ParamLab",
                  diff, 2e-3)
            if l1:
                # What the printed estimator itself (saga, max_iter as printed) returns.
                iters = int(re.search(r"LogisticRegression\(.*?max_iter=(\d+)", code, re.S).group(1))
                saga = LogisticRegression(C=C, l1_ratio=1, solver="saga", max_iter=iters, random_state=0)
                info(f"λ={fit['lambda']:g}: the printed saga, max_iter={iters}, vs ParamLab",
                     maxdiff(saga.fit(X1, y).predict_proba(X1), fit["train_proba"]),
                     f"saga stopped after {saga.n_iter_[0]} epochs; for small C it stops early")


# ------------------------------------------------------------------------------------------------
# Neural network: a numpy replay of full-batch training from the documented model (mlp/mod.rs,
# optimizer.rs, activation.rs, regularization.rs), and scikit-learn's forward pass on its weights


FEATURES = {"x₁": lambda a, b: a, "x₂": lambda a, b: b, "x₁²": lambda a, b: a * a, "x₂²": lambda a, b: b * b,
            "x₁x₂": lambda a, b: a * b, "sin πx₁": lambda a, b: np.sin(np.pi * a),
            "sin πx₂": lambda a, b: np.sin(np.pi * b)}
# g(z) and g′ written from the output a = g(z) (activation.rs), with scikit-learn's name.
ACTIVATIONS = {"Relu": (lambda z: np.maximum(0, z), lambda a: (a > 0) * 1.0, "relu"),
               "Tanh": (np.tanh, lambda a: 1 - a * a, "tanh"),
               "Sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a), "logistic"),
               "Linear": (lambda z: z, np.ones_like, "identity")}


def mlp_features(X, names):
    X = np.asarray(X, float)
    return np.column_stack([FEATURES[n](X[:, 0], X[:, 1]) for n in names])


def mlp_flat(layers):
    """All parameters as one vector (layer by layer, W row-major then b) and a mask of the weights."""
    theta = np.concatenate([np.concatenate([np.ravel(l["W"]), l["b"]]) for l in layers])
    mask = np.concatenate([np.r_[np.ones(np.size(l["W"]), bool), np.zeros(len(l["b"]), bool)] for l in layers])
    return theta, mask


def mlp_layers(theta, shapes):
    out, k = [], 0
    for r, c in shapes:
        out.append((theta[k:k + r * c].reshape(r, c), theta[k + r * c:k + r * c + r]))
        k += r * c + r
    return out


def mlp_loss_grad(theta, shapes, A0, target, c):
    """Mean loss (no penalty) and its gradient: forward, then the output error p − onehot or
    2(ŷ − y), averaged, carried back through each layer's weights and scaled by g′."""
    g, slope, _ = ACTIVATIONS[c["activation"]]
    layers = mlp_layers(theta, shapes)
    acts = [A0]
    for i, (W, b) in enumerate(layers):
        Z = acts[-1] @ W.T + b
        acts.append(Z if i == len(layers) - 1 else g(Z))  # the output layer is linear
    Z, n = acts[-1], len(A0)
    if c["regression"]:
        r = Z[:, 0] - target
        loss, delta = np.mean(r * r), (2 * r / n)[:, None]
    else:
        S = Z - Z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(S).sum(axis=1))
        loss = np.mean(lse - S[np.arange(n), target])
        delta = (np.exp(S - lse[:, None]) - np.eye(Z.shape[1])[target]) / n
    grads = []
    for i in range(len(layers) - 1, -1, -1):
        grads[:0] = [np.concatenate([(delta.T @ acts[i]).ravel(), delta.sum(axis=0)])]
        delta = (delta @ layers[i][0]) * slope(acts[i])
    return loss, np.concatenate(grads)


def mlp_replay(c, A0, target, epochs=200):
    """Training as documented (all points per step, or mini-batches in the dump's seeded order).
    First found by testing hypotheses against the dump, and
    documented since (mlp/mod.rs, optimizer.rs): an epoch reports the mean loss WITHOUT the penalty
    at the parameters BEFORE its update; Adam's L1 shrinkage uses v̂ of the step just taken (the
    previous step's v̂ is off by 3e-2 – 7e-2); L2's slope joins the gradient before the optimizer."""
    theta, mask = mlp_flat(c["start"])
    shapes = [np.shape(l["W"]) for l in c["start"]]
    m, v, b1t, b2t = np.zeros_like(theta), np.zeros_like(theta), 1.0, 1.0
    losses, snaps = [], {}
    n, batch = len(A0), c.get("batch") or len(A0)
    for e in range(1, epochs + 1):
        # Each epoch visits the points in its seeded order (all at once without mini-batches),
        # one update per batch; it reports the points' mean of their batch's loss.
        order = np.array(c["orders"][e - 1]) if c.get("batch") else np.arange(n)
        total = 0.0
        for chunk in np.split(order, range(batch, n, batch)):
            theta, m, v, b1t, b2t, loss = mlp_update(theta, mask, shapes, A0[chunk], target[chunk], c, (m, v, b1t, b2t))
            total += loss * len(chunk)
        losses.append(total / n)
        if str(e) in c["after"]:
            snaps[str(e)] = theta
    return np.array(losses), snaps, mlp_loss_grad(theta, shapes, A0, target, c)[0]


def mlp_update(theta, mask, shapes, A, target, c, memory):
    """One update from one batch: its mean loss and gradient, the penalty, the optimizer, L1."""
    lr, lam, pen, opt = c["learning_rate"], c["lambda"], c["penalty"], c["optimizer"]
    m, v, b1t, b2t = memory
    loss, grad = mlp_loss_grad(theta, shapes, A, target, c)
    if pen == "L2":
        grad = grad + 2 * lam * theta * mask  # gradient of λ·Σw², weights only
    if opt == "Sgd":
        theta, step = theta - lr * grad, lr
    elif opt == "Momentum":  # v ← βv + g; w ← w − ηv; settled step η/(1 − β)
        m = 0.9 * m + grad
        theta, step = theta - lr * m, lr / (1 - 0.9)
    else:  # Adam, β₁ = 0.9, β₂ = 0.999, ε = 1e−8, bias-corrected by 1 − βᵗ
        b1t, b2t = b1t * 0.9, b2t * 0.999
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad * grad
        step = lr / (np.sqrt(v / (1 - b2t)) + 1e-8)
        theta = theta - step * m / (1 - b1t)
    if pen == "L1":  # after the step: soft-threshold each weight by λ·(the step it took)
        theta = np.where(mask, np.sign(theta) * np.maximum(np.abs(theta) - lam * step, 0), theta)
    return theta, m, v, b1t, b2t, loss


def sklearn_mlp(c, A0, target, layers):
    """An MLPClassifier/MLPRegressor of the same shape (fitted for one epoch on the training
    points so it has classes_, n_outputs_, out_activation_ …) holding ParamLab's weights."""
    kind = MLPRegressor if c["regression"] else MLPClassifier
    hidden = tuple(len(l["b"]) for l in layers[:-1])  # () for no hidden layer: sklearn accepts it
    est = kind(hidden_layer_sizes=hidden, activation=ACTIVATIONS[c["activation"]][2], max_iter=1,
               random_state=0).fit(A0, target)
    Ws, bs = [np.array(l["W"], float).T for l in layers], [np.array(l["b"], float) for l in layers]
    if not c["regression"] and c["classes"] == 2:
        # One logistic output: a two-class softmax is the logistic of z₁ − z₀.
        Ws[-1], bs[-1] = Ws[-1][:, 1:] - Ws[-1][:, :1], bs[-1][1:] - bs[-1][:1]
    est.coefs_, est.intercepts_ = Ws, bs
    return est


def mlp(dump):
    section("Neural network (mlp.json)")
    for c in load(dump, "mlp"):
        name = c["name"]
        A0 = mlp_features(c["points"]["X"], c["features"])
        target = np.array(c["values"]) if c["regression"] else np.array(c["points"]["y"])
        losses, snaps, final_loss = mlp_replay(c, A0, target)
        # Same float64 arithmetic in another order (and ParamLab's own exp/tanh, a few ulps off):
        # differences stay ~1e-14 over 200 epochs, while a wrong convention (penalty in the loss,
        # ε inside the root, a different L1 step) shows up at 1e-3 or more.
        check(f"{name}: epoch losses = numpy replay (mean loss before each update)",
              maxdiff(c["losses"], losses), 1e-10)
        for e, theta in snaps.items():
            check(f"{name}: parameters after {e} epoch(s) = numpy replay", maxdiff(mlp_flat(c["after"][e])[0], theta), 1e-10)
        if c["penalty"] == "L1":
            theta, mask = mlp_flat(c["after"]["200"])
            zeros = (theta == 0) & mask
            check(f"{name}: the same {zeros.sum()} of {mask.sum()} weights exactly zero as the replay",
                  float(np.sum(zeros != ((snaps["200"] == 0) & mask))), 0)
        check(f"{name}: current_loss = numpy loss at the final parameters", abs(c["current_loss"] - final_loss), 1e-12)
        # scikit-learn's forward pass on ParamLab's final weights, on the grid (same arithmetic).
        est = sklearn_mlp(c, A0, target, c["after"]["200"])
        G = mlp_features(c["grid"], c["features"])
        if c["regression"]:
            check(f"{name}: grid predictions = sklearn MLPRegressor.predict", maxdiff(c["grid_outputs"], est.predict(G)), 1e-12)
        else:
            ours = np.reshape(c["grid_outputs"], (len(G), c["classes"]))
            check(f"{name}: grid proba = sklearn MLPClassifier.predict_proba", maxdiff(ours, est.predict_proba(G)), 1e-12)


# ------------------------------------------------------------------------------------------------
# The Tuning lab's Bayesian search: a Gaussian process on the normalized CV errors (tune/gp.rs,
# strategy.rs::surrogate) and its expected improvement, checked against scikit-learn and scipy


def gp_replay(c, replace=lambda f: max(f + [0.0]), ddof=1):
    """sklearn at each ℓ (the kernel's own first, then LENGTHS) on the errors, a diverged one
    (null) replaced by `replace` of the finite ones (documented: the worst, 0 if none), minus
    their mean, over their sd with `ddof` (1 if one error or all equal). Returns log p(y | X) per
    ℓ, and at ParamLab's ℓ the posterior mean and noise-free sd in error units, and σₙ in them."""
    e = np.array([replace([v for v in c["errors"] if v is not None]) if v is None else v for v in c["errors"]])
    m, s = e.mean(), (e.std(ddof=ddof) if len(e) > 1 and np.ptp(e) > 0 else 1.0)
    fits = {l: GaussianProcessRegressor(kernel=RBF(length_scale=l, length_scale_bounds="fixed"), alpha=c["noise"],
                                        optimizer=None, normalize_y=False).fit(np.array(c["points"]), (e - m) / s)
            for l in [c["default_length"]] + c["lengths"]}
    mu, sd = fits[c["length"]].predict(np.array(c["grid"]), return_std=True)
    return np.array([f.log_marginal_likelihood_value_ for f in fits.values()]), mu * s + m, sd * s, np.sqrt(c["noise"]) * s


def gp(dump):
    section("Bayesian-search surrogate (gp.json)")
    # Tolerances: sklearn and ParamLab both Cholesky-factor the same K in float64, cond(K) ≲
    # n/σₙ² ≈ 1e5, so they agree to ~1e-11; the sd √(1 − ‖L⁻¹k*‖²) is ≥ 2e-3 on these grids, so
    # its cancellation costs little more. Hence 1e-9 in error units for mean, sd and EI (EI is
    # 1-Lipschitz in mean and sd). Each wrong convention tried is off by ≥ 1e-4 (the INFO lines).
    # The chosen ℓ must be the exact argmax: the LML margins here are ≥ 0.08, far above rounding.
    for c in load(dump, "gp"):
        name, P = c["name"], np.array(c["mean_sd_ei"])
        finite = [e for e in c["errors"] if e is not None]
        lml, mean, sd, noise_sd = gp_replay(c)
        lengths = [c["default_length"]] + c["lengths"]
        print(f"-- {name}: ℓ {lengths} → sklearn log p(y|X) {lml.round(3).tolist()}")
        # 1. The diverged trial's replacement and the normalization, seen through the posterior.
        if len(finite) < len(c["errors"]):
            for label, f in (("the mean of", np.mean), ("the lowest of", min)):
                info(f"{name}: posterior mean, diverged trial as {label} the finite errors",
                     maxdiff(gp_replay(c, f)[1], P[:, 0]), "not the documented worst")
        lml0, _, sd0, _ = gp_replay(c, ddof=0)
        info(f"{name}: sd, normalized by the population sd (ddof=0; ℓ would be {lengths[np.argmax(lml0)]})",
             maxdiff(sd0, P[:, 1]), "not the sample sd")
        # 2. ℓ: the likeliest (np.argmax: the first of equals, the kernel's own first).
        check(f"{name}: ParamLab's ℓ = {c['length']} is the argmax of sklearn's log p(y|X)",
              float(lml.max() - lml[lengths.index(c["length"])]), 0)
        # 3. The posterior at that ℓ, back in error units.
        check(f"{name}: posterior mean = sklearn predict × sd + mean", maxdiff(mean, P[:, 0]), 1e-9)
        check(f"{name}: posterior sd = sklearn predict(return_std) × sd", maxdiff(sd, P[:, 1]), 1e-9)
        info(f"{name}: sd with the noise, √(sd² + σₙ²)", maxdiff(np.hypot(sd, noise_sd), P[:, 1]),
             "not the documented noise-free sd")
        # 4. Expected improvement, closed form with scipy's Φ and φ; best = the lowest error seen.
        check(f"{name}: best = the lowest observed error", abs(c["best"] - min(finite)), 0)
        z = (c["best"] - mean) / np.where(sd > 0, sd, 1)
        ei = np.where(sd > 0, (c["best"] - mean) * norm.cdf(z) + sd * norm.pdf(z), np.maximum(c["best"] - mean, 0))
        check(f"{name}: EI = (best − μ)·Φ(z) + sd·φ(z) (scipy.stats.norm)", maxdiff(ei, P[:, 2]), 1e-9)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    dump = sys.argv[1]
    np.set_printoptions(precision=4)
    for part in (regression, logistic, knn, tree, boosting, forest, cv, codegen, mlp, gp):
        part(dump)
    print(f"\n{len(FAILS)} FAIL(s)")
    for f in FAILS:
        print("  FAIL", f)
    sys.exit(1 if FAILS else 0)


if __name__ == "__main__":
    main()
