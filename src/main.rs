#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(phoihop::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Phối hợp runs in the browser: build and serve it with `bash scripts/serve.sh` (see README.md).");
}
