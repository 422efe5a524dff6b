//! An in-memory [`KeyValueStore`] that counts what is written and can refuse like a browser.

use std::collections::BTreeMap;

use super::{utf16_units, KeyValueStore, StoreError};

#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    /// Quota in UTF-16 units over all keys and values; None = unlimited.
    pub quota_units: Option<usize>,
    /// When set, every write (set) fails with this error, as a browser that refuses storage.
    pub refuse_writes: Option<StoreError>,
    pub units_written: usize,
    pub sets: usize,
}

impl MemoryStore {
    pub fn with_quota(units: usize) -> MemoryStore {
        MemoryStore {
            quota_units: Some(units),
            ..MemoryStore::default()
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| utf16_units(k, v))
            .sum()
    }

    pub fn units(&self) -> usize {
        self.used_without("")
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(error) = &self.refuse_writes {
            return Err(error.clone());
        }
        if let Some(quota) = self.quota_units {
            if self.used_without(key) + utf16_units(key, value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.sets += 1;
        self.units_written += utf16_units(key, value);
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}
