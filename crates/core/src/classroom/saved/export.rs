//! What each lab writes: its model's learned numbers for the saved-model file, and its data and
//! parameters as CSV (written by the `csv` crate, numbers in the fewest digits that read back
//! as the same `f64`).

use super::learned::{
    BoostingFile, ForestFile, KnnFile, LogisticFile, NetworkFile, PolynomialFile, TreeFile,
};
use crate::data::classification::class_name;
use crate::ml::model::Model;
use crate::ml::plane_model::PlaneModel;
use crate::state::config::Config;
use crate::state::plane::Plane;
use crate::state::regression::Regression;
use crate::state::session::{LabKind, Session};
use crate::state::spec::Lab;
use crate::state::tuning::result_config;
use serde::Serialize;
use serde_json::value::RawValue;

/// A lab whose model can be saved and whose data can be exported: the Regression lab and the
/// labs on the plane.
pub trait Export: LabKind {
    /// The model's name in the file and its learned numbers (see the module notes).
    fn learned(model: &Self::Model) -> (&'static str, Box<RawValue>);
    /// The data's column names and rows, the `set` column (train or test) first.
    fn table(data: &Self::Data) -> (Vec<&'static str>, Vec<Vec<String>>);
}

/// The learned numbers as JSON text, to be placed in the file as they are.
fn json(parameters: impl Serialize) -> Box<RawValue> {
    RawValue::from_string(super::to_json(&parameters)).expect("the writer writes JSON")
}

impl Export for Regression {
    fn learned(model: &Self::Model) -> (&'static str, Box<RawValue>) {
        let weights = model.model().weights.clone();
        ("polynomial", json(PolynomialFile { weights }))
    }

    fn table(data: &Self::Data) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let sets = [("train", &data.train), ("test", &data.test)];
        let rows = (sets.into_iter())
            .flat_map(|(set, points)| {
                let row = move |p: &crate::data::regression::Point| {
                    vec![set.to_string(), p.x.to_string(), p.y.to_string()]
                };
                points.iter().map(row)
            })
            .collect();
        (vec!["set", "x", "y"], rows)
    }
}

impl Export for Plane {
    fn learned(model: &PlaneModel) -> (&'static str, Box<RawValue>) {
        match model {
            PlaneModel::Knn(k) => ("knn", json(KnnFile::of(k.points()))),
            PlaneModel::Tree(t) => ("tree", json(TreeFile::of(t))),
            PlaneModel::Logistic(l) => ("logistic", json(LogisticFile::of(l))),
            PlaneModel::Forest(f) => ("forest", json(ForestFile::of(f))),
            PlaneModel::Boosting(b) => ("boosting", json(BoostingFile::of(b))),
            PlaneModel::Mlp(m) => ("mlp", json(NetworkFile::of(m))),
        }
    }

    /// `set,x1,x2,class` with the class named as the page names it ("blue"), or `set,x1,x2,value`
    /// on a regression surface, whose points have no class.
    fn table(data: &Self::Data) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let values = data.values.as_ref();
        let sets = [
            ("train", &data.train, values.map(|v| &v.train)),
            ("test", &data.test, values.map(|v| &v.test)),
        ];
        let mut rows = Vec::with_capacity(data.train.len() + data.test.len());
        for (set, points, values) in sets {
            for (i, p) in points.iter().enumerate() {
                let last = match values {
                    Some(v) => v[i].to_string(),
                    None => class_name(p.class).to_string(),
                };
                rows.push(vec![
                    set.to_string(),
                    p.x1.to_string(),
                    p.x2.to_string(),
                    last,
                ]);
            }
        }
        let last = if values.is_some() { "value" } else { "class" };
        (vec!["set", "x1", "x2", last], rows)
    }
}

/// The training and test points as CSV, one row per point, a `set` column saying which.
pub fn data_csv<K: Export>(session: &Session<K>) -> String {
    let (header, rows) = K::table(&session.data);
    write_csv(&header, rows)
}

/// What the page names a file it saves: "paramlab-regression-seed42-data.csv".
pub fn file_name(config: &Config, what: &str) -> String {
    format!("paramlab-{}-seed{}-{what}", config.lab.url(), config.seed)
}

/// The Tuning lab's points as CSV, with the file's name: exactly what Data as CSV saves in the
/// lab its result opens (the file the generated Python reads; helper 47 had to rebuild them).
pub fn tuning_data_csv(config: &Config) -> (String, String) {
    let lab = result_config(config);
    let (header, rows) = match lab.lab {
        Lab::Regression => Regression::table(&Regression::data(&lab)),
        _ => Plane::table(&Plane::data(&lab)),
    };
    (file_name(&lab, "data.csv"), write_csv(&header, rows))
}

/// The learned parameters as CSV, `name,value`, one row per [`Model::parameters`] entry (none
/// for k-NN, which learns no numbers: its stored points are the data).
pub fn parameters_csv<K: LabKind>(session: &Session<K>) -> String {
    let rows = (session.model.parameters().into_iter())
        .map(|p| vec![p.name, p.value.to_string()])
        .collect();
    write_csv(&["name", "value"], rows)
}

fn write_csv(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let memory = "writing to memory cannot fail";
    out.write_record(header).expect(memory);
    for row in rows {
        out.write_record(&row).expect(memory);
    }
    let bytes = out.into_inner().expect(memory);
    String::from_utf8(bytes).expect("the records are text")
}
