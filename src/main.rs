#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // On a first visit index.html shows the first-run card: it is on screen before the app
    // replaces it, whatever the line (on a fast one the wasm can run before the first paint, and
    // what is seen first would depend on that race). Costs one frame. An office's own visit
    // starts at once: its dashboard's load must not wait for a paint of the header bar.
    let first_run_card = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading-first-run"))
        .is_some_and(|card| !card.has_attribute("hidden"));
    if first_run_card {
        wasm_bindgen_futures::spawn_local(async {
            phoihop::web::Pacer::new().after_paint().await;
            leptos::mount::mount_to_body(phoihop::ui::App);
        });
    } else {
        leptos::mount::mount_to_body(phoihop::ui::App);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Phối hợp runs in the browser: build and serve it with `bash scripts/serve.sh` (see README.md).");
}
