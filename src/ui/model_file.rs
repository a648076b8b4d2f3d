//! Save model / Load model, and the data and parameters as CSV. What the file holds is the
//! contrast the page teaches: a saved model carries its learned parameters (and the settings and
//! seed that produced them) and predicts at once, with no training; the link carries only the
//! hyperparameters and the seed, and the lab trains again from them.

use super::store::Store;
use crate::classroom::saved::{self, Export, Loaded};
use crate::state::session::Session;
use crate::web;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModelFileProps {
    pub on_save: Callback<()>,
    pub on_data_csv: Callback<()>,
    pub on_parameters_csv: Callback<()>,
    /// A file read and checked: the app opens its lab with the model installed.
    pub on_load: Callback<Loaded>,
    /// The model learns no parameters (k-NN): Parameters as CSV is off, and says why.
    #[prop_or_default]
    pub no_parameters: bool,
}

#[component]
pub fn ModelFile(props: &ModelFileProps) -> Html {
    let error = use_state(|| None::<String>);
    let onchange = {
        let (error, on_load) = (error.clone(), props.on_load.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (error, on_load) = (error.clone(), on_load.clone());
            yew::platform::spawn_local(async move {
                let text = web::chosen_file_text(&input).await;
                input.set_value("");
                match text.map(|t| saved::load(&t)) {
                    Some(Ok(loaded)) => {
                        error.set(None);
                        on_load.emit(loaded);
                    }
                    Some(Err(why)) => error.set(Some(why)),
                    None => error.set(Some("The file could not be read.".into())),
                }
            });
        })
    };
    html! {
        <section class="model-file" aria-labelledby="model-file-title">
            <h3 id="model-file-title">{ "Save or share" }</h3>
            <div class="buttons">
                <button id="save-model" onclick={props.on_save.reform(|_| ())}>{ "Save model" }</button>
                <label class="file-button">
                    { "Load model" }
                    <input type="file" id="load-model" accept=".json,application/json" {onchange} />
                </label>
            </div>
            <p class="help">{ "A saved model keeps its learned parameters: loaded, it predicts at once, with no training. \
                               The link keeps the settings (hyperparameters, data, seed), not the learned parameters: opened, it trains again." }</p>
            if let Some(why) = &*error {
                <p class="help warn" id="load-error" role="alert">{ why.clone() }{ " Nothing was changed: the lab still shows the model it had." }</p>
            }
            <div class="buttons">
                <button id="data-csv" onclick={props.on_data_csv.reform(|_| ())}>{ "Data as CSV" }</button>
                <button id="parameters-csv" disabled={props.no_parameters} onclick={props.on_parameters_csv.reform(|_| ())}>{ "Parameters as CSV" }</button>
            </div>
            if props.no_parameters {
                <p class="help" id="no-parameters-csv">{ "No parameters to write: this model is its training points, which Data as CSV writes." }</p>
            }
        </section>
    }
}

/// The save and CSV callbacks for a lab's session (each reads the state shown when clicked).
pub fn file_callbacks<K>(
    state: &UseReducerHandle<Store<Session<K>>>,
) -> (Callback<()>, Callback<()>, Callback<()>)
where
    K: Export + 'static,
    Session<K>: crate::state::session::Reduce + Clone,
{
    let name = |s: &Session<K>, what: &str| saved::file_name(&s.config, what);
    let save = {
        let s = state.clone();
        Callback::from(move |()| {
            web::download_text(
                &name(&s, "model.json"),
                "application/json",
                &saved::save(&s),
            )
        })
    };
    let data = {
        let s = state.clone();
        Callback::from(move |()| {
            web::download_text(&name(&s, "data.csv"), "text/csv", &saved::data_csv(&s))
        })
    };
    let parameters = {
        let s = state.clone();
        Callback::from(move |()| {
            web::download_text(
                &name(&s, "parameters.csv"),
                "text/csv",
                &saved::parameters_csv(&s),
            )
        })
    };
    (save, data, parameters)
}
