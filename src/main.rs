#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // index.html's placeholder (the header bar, or the first-run card) is on screen before the
    // app replaces it, whatever the line: on a fast one the wasm can be running before the first
    // paint, and what is seen first would depend on that race. Costs one frame.
    wasm_bindgen_futures::spawn_local(async {
        phoihop::web::Pacer::new().after_paint().await;
        leptos::mount::mount_to_body(phoihop::ui::App);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Phối hợp runs in the browser: build and serve it with `bash scripts/serve.sh` (see README.md).");
}
