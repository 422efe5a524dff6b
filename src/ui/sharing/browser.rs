//! The browser side of files: downloading an export, reading a chosen or dropped file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// The browser's own words for an error (they come in the browser's language).
fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(unknown_error)
}

fn unknown_error() -> String {
    crate::ui::i18n::current()
        .map(|i18n| leptos_fluent::tr!(i18n, "sharing-unknown-error"))
        .unwrap_or_default()
}

/// Offers `text` as a file download named `name` (Blob + object URL + <a download>).
pub fn download(text: &str, name: &str) -> Result<(), String> {
    download_parts(
        &js_sys::Array::of1(&JsValue::from_str(text)),
        name,
        "application/json",
    )
}

/// Offers `bytes` as a file download named `name`, of type `mime` (the office files).
pub fn download_bytes(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    download_parts(
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
        name,
        mime,
    )
}

/// Offers the file made of `parts` (JS strings or byte arrays, in order) as a download named
/// `name`, of type `mime`: a large export goes to the browser a slice at a time.
pub fn download_parts(parts: &js_sys::Array, name: &str, mime: &str) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    // `new Blob(parts)`: the binding's name says bytes, the parts may be strings as well.
    let blob = Blob::new_with_u8_array_sequence_and_options(parts, &options).map_err(describe)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(unknown_error)?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The download has started by then; the URL would otherwise hold the text until reload.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The bytes of a chosen file: read as bytes, not text, so a bad encoding is ours to report.
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
