//! Every program imports exactly what it uses: each imported name appears again in the code,
//! and each name the code calls or reads from (`name(…)`, `name.…`) is imported, defined by the
//! program itself, or a Python builtin or keyword.

use super::python;
use crate::state::config::Config;
use crate::state::url::decode;
use crate::tune::code_imports::{code_only, uses};

fn tuning(query: &str) -> Config {
    let (mut config, notices) = decode(&format!("lab=tuning&{query}"));
    assert!(notices.is_empty(), "{query}: {notices:?}");
    if query.contains("model=") && !query.contains("x=") {
        crate::state::tuning_axes::default_axes_for_model(&mut config);
    }
    config
}

const BUILTINS: &[&str] = &[
    "print", "list", "range", "return", "in", "for", "def", "lambda",
];

/// The imported names of a program (`from m import a, b`; `import m as a`; `import m`) and the
/// rest of it.
fn split(program: &str) -> (Vec<String>, String) {
    let (mut imported, mut rest) = (Vec::new(), String::new());
    for line in program.lines() {
        if let Some((_, names)) = line
            .strip_prefix("from ")
            .and_then(|l| l.split_once(" import "))
        {
            imported.extend(names.split(", ").map(String::from));
        } else if let Some(module) = line.strip_prefix("import ") {
            let module = module.split('#').next().unwrap_or("").trim();
            let name = module.split(" as ").last().unwrap_or(module);
            imported.push(name.to_string());
        } else {
            rest.push_str(line);
            rest.push('\n');
        }
    }
    (imported, rest)
}

/// The names a program defines: assigned (`a, b = …`), a function and its parameters.
fn defined(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in code.lines().map(str::trim) {
        if let Some(def) = line.strip_prefix("def ") {
            names.extend(
                def.split(['(', ')', ',', ':'])
                    .map(|s| s.trim().to_string()),
            );
        } else if let Some((left, _)) = line.split_once(" = ") {
            let parts: Vec<&str> = left.split(", ").collect();
            let ident = |s: &&str| s.chars().all(|c| c.is_alphanumeric() || c == '_');
            if parts.iter().all(ident) {
                names.extend(parts.iter().map(|s| s.to_string()));
            }
        }
    }
    names
}

/// The names the code calls or reads an attribute of, not themselves attributes.
fn used(code: &str) -> Vec<String> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<char> = code.chars().collect();
    let mut names = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !word(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && word(chars[i]) {
            i += 1;
        }
        let after_dot = start > 0 && chars[start - 1] == '.';
        let called = matches!(chars.get(i), Some('(' | '.'));
        if called && !after_dot && !chars[start].is_ascii_digit() {
            names.push(chars[start..i].iter().collect());
        }
    }
    names
}

fn check(what: &str, program: &str) {
    let (imported, rest) = split(program);
    let code = code_only(&rest);
    for name in &imported {
        assert!(
            uses(&code, name),
            "{what}: {name} imported, unused\n{program}"
        );
    }
    let local = defined(&code);
    for name in used(&code) {
        let known = imported.contains(&name) || local.contains(&name);
        assert!(
            known || BUILTINS.contains(&name.as_str()),
            "{what}: {name} used, not imported\n{program}"
        );
    }
}

#[test]
fn every_program_imports_exactly_what_it_uses() {
    let regression = [
        "",
        "reg=l1&y=none",
        "reg=none&y=none",
        "reg=none",
        "x=lr&y=lambda&reg=l1",
        "x=lr&y=none",
        "x=degree&y=none&degree=1",
        "x=lr&y=none&degree=1&folds=all&select=test",
    ];
    let plane = [
        "model=knn",
        "model=tree&folds=all",
        "model=logistic",
        "model=logistic&y=none",
        "model=logistic&x=lr&y=none&reg=l1",
        "model=logistic&features=3",
        "model=forest",
        "model=forest&features=2&x=trees&y=none",
        "model=boosting",
        "model=network",
        "model=network&x=neurons&y=lambda",
    ];
    for query in regression.iter().chain(&plane) {
        for strategy in ["grid", "random", "bayes"] {
            let q = format!("{query}&strategy={strategy}&budget=9");
            check(&q, &python(&tuning(&q)));
        }
    }
}

#[test]
fn the_check_catches_an_unused_and_a_missing_import() {
    let unused = "from sklearn.model_selection import KFold, LeaveOneOut\ncv = KFold(5)\n";
    let missing = "from sklearn.model_selection import KFold\ncv = LeaveOneOut()\n";
    for program in [unused, missing] {
        let caught = std::panic::catch_unwind(|| check("example", program));
        assert!(caught.is_err(), "{program}");
    }
}

#[test]
fn polynomial_features_only_when_they_add_something() {
    // The plane's own features (degree 1): no PolynomialFeatures step, nor its import.
    for q in ["model=forest", "model=logistic&y=none"] {
        let code = python(&tuning(q));
        assert!(!code.contains("PolynomialFeatures"), "{q}\n{code}");
    }
    let squares = python(&tuning("model=logistic&features=2&y=none"));
    assert!(squares.contains("make_pipeline(PolynomialFeatures(2, include_bias=False)"));
    // Polynomial regression: degree 1 fixed is x itself; searched, the step is kept.
    let line = python(&tuning("x=lr&y=none&degree=1"));
    assert!(!line.contains("PolynomialFeatures"), "{line}");
    let searched = python(&tuning("x=degree&y=none&degree=1"));
    assert!(searched.contains("make_pipeline(PolynomialFeatures(1, include_bias=False)"));
}
