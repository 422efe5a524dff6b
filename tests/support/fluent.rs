// The native renderer of the translation files: every locales/<language>/*.ftl in one
// fluent-bundle, set up as the app sets up leptos-fluent (src/ui/i18n.rs): no isolation marks,
// NUMBER(), numbers written per language by `core::numbers::format_number`. Tests render the
// core's messages (`core::import::Message`) with it, so the corpus checks the very wording the
// app shows.
//
// Included (not a module file) by src/core/exchange/import/tests.rs and tests/i18n.rs, inside a module
// that has `Arg`, `Message` and `format_number` in scope: the two sit in different crates.

#[allow(unused_imports)]
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

fn number_in(language: &str, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(
            n.value,
            language,
            n.options.minimum_fraction_digits,
            n.options.maximum_fraction_digits,
            n.options.use_grouping,
        )),
        _ => None,
    }
}

fn number_vi<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in("vi", value)
}

fn number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in("en", value)
}

/// Every message of `language` ("vi", "en").
#[allow(dead_code)]
pub fn bundle(language: &str) -> FluentBundle<FluentResource> {
    // The app's root holds locales/; the core's own tests run from src/core.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|root| root.join("locales"))
        .find(|dir| dir.is_dir())
        .expect("a locales dir above the crate")
        .join(language);
    let mut bundle = FluentBundle::new(vec![language.parse().expect("a language id")]);
    bundle.set_use_isolating(false);
    bundle.add_builtins().expect("NUMBER");
    bundle.set_formatter(Some(if language == "vi" { number_vi } else { number_en }));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("locales dir")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = FluentResource::try_new(text)
            .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", path.display()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    }
    bundle
}

/// Message `id` with `args`; panics when the message or one of its variables is missing.
#[allow(dead_code)]
pub fn render(bundle: &FluentBundle<FluentResource>, id: &str, args: &FluentArgs) -> String {
    let message = bundle
        .get_message(id)
        .unwrap_or_else(|| panic!("no message “{id}”"));
    let pattern = message
        .value()
        .unwrap_or_else(|| panic!("“{id}” has no value"));
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .to_string();
    assert!(errors.is_empty(), "“{id}”: {errors:?}");
    text
}

/// A message of the core, its inner messages first.
#[allow(dead_code)]
pub fn render_message(bundle: &FluentBundle<FluentResource>, message: &Message) -> String {
    let mut args = FluentArgs::new();
    for (name, arg) in &message.args {
        let value: FluentValue = match arg {
            Arg::Text(text) => text.clone().into(),
            Arg::Number(n) => (*n).into(),
            Arg::Message(inner) => render_message(bundle, inner).into(),
        };
        args.set(*name, value);
    }
    render(bundle, message.id, &args)
}
