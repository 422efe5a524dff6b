//! localStorage as a [`KeyValueStore`]: every call is checked and every refusal named, and the
//! app's writes are made under the lock all tabs share (`web::lock`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::core::storage::{KeyValueStore, StoreError};

/// The origin's localStorage.
pub struct LocalStore {
    storage: Storage,
}

impl LocalStore {
    /// None when the browser denies storage (privacy settings, sandboxed frames).
    pub fn open() -> Result<LocalStore, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStore { storage }),
            Ok(None) => Err(StoreError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }
}

/// Nothing of ours is stored here (no key under `phoihop/`): a first visit. False when storage
/// cannot be read, so the app opens and says why.
///
/// Stops at the first such key rather than listing them all (`keys`): it runs before anything
/// is drawn.
pub fn first_visit() -> bool {
    let Ok(LocalStore { storage }) = LocalStore::open() else {
        return false;
    };
    let Ok(len) = storage.length() else {
        return false;
    };
    (0..len).all(|i| {
        storage
            .key(i)
            .is_ok_and(|key| key.is_none_or(|k| !k.starts_with(crate::core::storage::keys::PREFIX)))
    })
}

fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(e.name()), String::from(e.message()));
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Names a thrown error: every browser's "storage full" becomes [`StoreError::QuotaExceeded`].
pub fn classify(error: &JsValue) -> StoreError {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| (e.name(), e.code()))
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| (String::from(e.name()), 0))
        });
    match name {
        Some((name, code))
            if name == "QuotaExceededError"
                || name == "NS_ERROR_DOM_QUOTA_REACHED"
                || code == 22
                || code == 1014 =>
        {
            StoreError::QuotaExceeded
        }
        _ => StoreError::Other(describe(error)),
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// A write outside the lock every tab takes (`web::lock`) could replace another tab's write
/// unseen: refused, and reported in the console as the bug it is.
fn outside_the_lock(key: &str) -> Result<(), StoreError> {
    if !super::lock::write_refused() {
        return Ok(());
    }
    let why = format!("{key} written outside the storage lock");
    console_error(&why);
    Err(StoreError::Other(why))
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        outside_the_lock(key)?;
        super::lock::note_write();
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        outside_the_lock(key)?;
        super::lock::note_write();
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let len = self.storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(key) = self.storage.key(i).map_err(|e| classify(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
