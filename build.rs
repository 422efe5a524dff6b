//! With the `split` feature, the wasm keeps its relocations (`--emit-relocs`): the splitter of
//! scripts/post-build.mjs needs them to cut the lazily loaded parts out (src/ui/lazy.rs). A link
//! argument of this crate's binary only, so no dependency is rebuilt.
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
