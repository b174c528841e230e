//! The small key-value interface the session saves through: localStorage in the browser, a map in tests.

use std::collections::BTreeMap;

/// Why a key-value store refused a read or a write; the session keeps working in memory either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser refuses access to storage (blocked cookies, private mode, file://).
    Unavailable(String),
    /// Storage is full.
    Full,
}

/// Storage as the session needs it: string values under string keys.
pub trait KeyValue {
    /// The value under `key`, `Ok(None)` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>, StorageProblem>;
    /// Writes `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageProblem>;
    /// Removes `key` (nothing happens when it is absent).
    fn remove(&mut self, key: &str) -> Result<(), StorageProblem>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageProblem>;
}

/// A key-value store in memory, with a byte quota so tests can fill it up like a browser's storage.
#[derive(Debug, Clone, Default)]
pub struct MemoryKv {
    pub values: BTreeMap<String, String>,
    /// Total bytes (keys plus values) the store accepts; `None` is unlimited.
    pub quota: Option<usize>,
    /// Every read and write fails with this problem while it is set (blocked storage).
    pub blocked: Option<StorageProblem>,
}

impl MemoryKv {
    /// An empty, unlimited store.
    pub fn new() -> Self {
        MemoryKv::default()
    }

    fn used_without(&self, key: &str) -> usize {
        self.values.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, StorageProblem> {
        if let Some(problem) = &self.blocked {
            return Err(problem.clone());
        }
        Ok(self.values.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageProblem> {
        if let Some(problem) = &self.blocked {
            return Err(problem.clone());
        }
        if self.quota.is_some_and(|quota| self.used_without(key) + key.len() + value.len() > quota) {
            return Err(StorageProblem::Full);
        }
        self.values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageProblem> {
        if let Some(problem) = &self.blocked {
            return Err(problem.clone());
        }
        self.values.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageProblem> {
        if let Some(problem) = &self.blocked {
            return Err(problem.clone());
        }
        Ok(self.values.keys().cloned().collect())
    }
}
