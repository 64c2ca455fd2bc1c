//! Which `gwlint.toml` governs an open document, loaded once and reloaded when it changes.
//! A change is noticed two ways: the client's file watcher (`workspace/didChangeWatchedFiles`,
//! which clears the cache), and, for clients without one, the file's modification time and
//! size, checked on every lint.

use crate::config::{self, Settings};
use crate::org::OrgView;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// Settings and organisation view of one configuration file.
#[derive(Debug, Default)]
pub struct Resolved {
    pub settings: Settings,
    pub orgs: OrgView,
}

/// What identifies one state of a file on disk.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

struct Entry {
    stamp: Stamp,
    resolved: Arc<Resolved>,
}

/// The outcome of resolving a document's settings.
pub struct Lookup {
    pub resolved: Arc<Resolved>,
    /// A configuration error to show the user (once per state of the file).
    pub error: Option<String>,
    /// A configuration file was read again because it changed on disk: other documents
    /// governed by it are stale too.
    pub reloaded: bool,
}

#[derive(Default)]
pub struct ConfigCache {
    entries: HashMap<PathBuf, Entry>,
    defaults: Arc<Resolved>,
    /// The state of each file whose error was last shown, so that a bad file is reported once
    /// and again only after it changes.
    reported: HashMap<PathBuf, Stamp>,
}

impl ConfigCache {
    /// Forget every loaded file (their next use reads them again).
    pub fn invalidate(&mut self) {
        self.entries.clear();
    }

    /// The settings for a document at `path` (None: no file, e.g. `untitled:`): the nearest
    /// `gwlint.toml` upward from its folder, else the workspace root's, else the defaults.
    pub fn lookup(&mut self, path: Option<&Path>, roots: &[PathBuf]) -> Lookup {
        let found = path
            .and_then(config::discover)
            .or_else(|| roots.iter().map(|r| r.join(config::CONFIG_FILE)).find(|p| p.is_file()));
        let Some(config_path) = found else {
            return Lookup { resolved: Arc::clone(&self.defaults), error: None, reloaded: false };
        };
        let now = stamp(&config_path);
        let previous = self.entries.get(&config_path);
        if let Some(entry) = previous
            && entry.stamp == now
        {
            return Lookup { resolved: Arc::clone(&entry.resolved), error: None, reloaded: false };
        }
        let reloaded = previous.is_some();
        let (resolved, error) = match load(&config_path) {
            Ok(resolved) => {
                self.reported.remove(&config_path);
                (Arc::new(resolved), None)
            }
            Err(message) => {
                let already = self.reported.get(&config_path) == Some(&now);
                self.reported.insert(config_path.clone(), now);
                (Arc::clone(&self.defaults), (!already).then_some(message))
            }
        };
        self.entries.insert(config_path, Entry { stamp: now, resolved: Arc::clone(&resolved) });
        Lookup { resolved, error, reloaded }
    }
}

fn load(path: &Path) -> Result<Resolved, String> {
    let settings = Settings::load(path).map_err(|e| e.to_string())?;
    let orgs = config::org_view(&settings).map_err(|e| e.to_string())?;
    crate::engine::warm_up_in_background(&settings);
    Ok(Resolved { settings, orgs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_config_is_reported_once_and_defaults_apply() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join(config::CONFIG_FILE);
        std::fs::write(&config, "[rules]\nselect = [\"GW999\"]\n").unwrap();
        let doc = dir.path().join("通知.md");
        let mut cache = ConfigCache::default();
        let first = cache.lookup(Some(&doc), &[]);
        assert!(first.error.as_deref().is_some_and(|e| e.contains("GW999")), "{:?}", first.error);
        assert!(first.resolved.settings.path.is_none());
        cache.invalidate();
        assert!(cache.lookup(Some(&doc), &[]).error.is_none(), "reported again without a change");

        std::fs::write(&config, "[rules]\nselect = [\"GW401\"]\n# 已修正\n").unwrap();
        let fixed = cache.lookup(Some(&doc), &[]);
        assert!(fixed.error.is_none());
        assert!(fixed.reloaded);
        assert_eq!(fixed.resolved.settings.path.as_deref(), Some(config.as_path()));
    }

    #[test]
    fn the_workspace_root_config_serves_documents_without_a_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(config::CONFIG_FILE), "[rules]\nselect = [\"GW401\"]\n").unwrap();
        let mut cache = ConfigCache::default();
        let found = cache.lookup(None, &[dir.path().to_path_buf()]);
        assert!(found.resolved.settings.path.is_some());
        assert!(cache.lookup(None, &[]).resolved.settings.path.is_none());
    }
}
