fn main() {
    yew::Renderer::<paramlab::ui::app::App>::new().render();
}
