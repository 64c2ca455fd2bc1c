//! Finding the drafts to lint, reading them, and the settings that govern each.

use gwlint::config::{Selector, Settings, discover, parse_selectors};
use gwlint::org::OrgView;
use gwlint::source::{DecodeError, Source};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const STDIN: &str = "-";

/// Extensions linted when walking a folder; files named explicitly are always linted.
const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Drafts kept in formats gwlint cannot read yet: walked too, so that a folder of them fails
/// with a message instead of passing as clean.
use gwlint::source::DOCUMENT_EXTENSIONS;

/// The drafts under `paths` (default: the current folder), honouring .gitignore and
/// .gwlintignore, in path order (component by component, as `Path` compares), each once.
///
/// One folder — `gwlint check .`, what CI runs on a whole archive — is walked lazily with each
/// folder's entries sorted, which yields that same order without ever holding the list; several
/// paths are collected, sorted and de-duplicated.
pub fn drafts(paths: &[PathBuf]) -> Box<dyn Iterator<Item = Result<PathBuf, String>> + Send> {
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &defaults[..] } else { paths };
    if let [only] = paths
        && only.as_os_str() != STDIN
        && only.is_dir()
    {
        return Box::new(walk(only));
    }
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == STDIN || !path.exists() || path.is_file() {
            // A missing path is reported per file (io-error), so the rest is still linted.
            files.push(Ok(path.clone()));
            continue;
        }
        files.extend(walk(path));
    }
    if let Some(Err(e)) = files.iter().find(|f| f.is_err()) {
        return Box::new(std::iter::once(Err(e.clone())));
    }
    let mut files: Vec<PathBuf> = files.into_iter().flatten().collect();
    files.sort();
    files.dedup();
    Box::new(files.into_iter().map(Ok))
}

/// The drafts in one folder, in path order, as the walk finds them.
fn walk(path: &Path) -> impl Iterator<Item = Result<PathBuf, String>> + Send + use<> {
    let walker = ignore::WalkBuilder::new(path)
        .add_custom_ignore_filename(".gwlintignore")
        .require_git(false)
        .hidden(true)
        // Siblings are sorted, so comparing their whole paths as strings orders them by name;
        // sorting by name would have the walker work out each entry's name for every
        // comparison (a path parse each time: a quarter of a second run on 221 800 files).
        .sort_by_file_path(|a, b| a.as_os_str().cmp(b.as_os_str()))
        .build();
    walker.filter_map(|entry| {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return Some(Err(format!("遍历目录出错：{e}"))),
        };
        let p = entry.path();
        let is_draft = p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .is_some_and(|e| DRAFT_EXTENSIONS.contains(&e.as_str()) || DOCUMENT_EXTENSIONS.contains(&e.as_str()));
        // gwlint's own annotated copies (草稿.gwlint.docx) are output, not drafts.
        let annotated_copy = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            [".gwlint.docx", ".gwlint.docm", ".gwlint.dotx"].iter().any(|e| n.ends_with(e))
        });
        (entry.file_type().is_some_and(|t| t.is_file()) && is_draft && !annotated_copy)
            .then(|| Ok(p.strip_prefix("./").unwrap_or(p).to_path_buf()))
    })
}

pub enum ReadError {
    Io(String),
    Decode(DecodeError),
}

pub fn read(path: &Path, stdin_name: Option<&Path>) -> Result<(Source, Vec<u8>), ReadError> {
    let (name, bytes) = read_bytes(path, stdin_name)?;
    let source = Source::read_named(name, &bytes).map_err(ReadError::Decode)?;
    Ok((source, bytes))
}

/// A file's bytes (standard input's for `-`) and the name it is known by, not yet decoded.
pub fn read_bytes(path: &Path, stdin_name: Option<&Path>) -> Result<(PathBuf, Vec<u8>), ReadError> {
    if path.as_os_str() == STDIN {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| ReadError::Io(format!("无法读取标准输入：{e}")))?;
        Ok((stdin_name.map_or_else(|| PathBuf::from(STDIN), Path::to_path_buf), buf))
    } else {
        let bytes = std::fs::read(path).map_err(|e| ReadError::Io(gwlint::source::io_reason(&e)))?;
        Ok((path.to_path_buf(), bytes))
    }
}

/// Command-line rule selection, applied over whatever a config file says.
#[derive(Default, Clone)]
pub struct Overrides {
    pub select: Vec<Selector>,
    pub extend_select: Vec<Selector>,
    pub ignore: Vec<Selector>,
}

impl Overrides {
    pub fn parse(select: &[String], extend: &[String], ignore: &[String]) -> Result<Overrides, String> {
        Ok(Overrides {
            select: parse_selectors(select)?,
            extend_select: parse_selectors(extend)?,
            ignore: parse_selectors(ignore)?,
        })
    }

    fn apply(&self, mut s: Settings) -> Settings {
        if !self.select.is_empty() {
            s.select = self.select.clone();
        }
        s.extend_select.extend(self.extend_select.iter().cloned());
        s.ignore.extend(self.ignore.iter().cloned());
        s
    }
}

/// Settings and organisation view for one config file, built once and shared.
pub struct Resolved {
    pub settings: Settings,
    pub orgs: OrgView,
    /// The result cache's hash of these settings, made the first time a file needs it (not
    /// once per file: word lists can be long).
    pub cache_key: std::sync::OnceLock<super::cache::SettingsKey>,
    warmed: std::sync::Once,
}

impl Resolved {
    /// Starts building the enabled rules' slow tables (GW610's models) on a thread of their own,
    /// once: called when the first file must be linted, so that a run the result cache answers
    /// whole never builds them, and the first draft is read meanwhile.
    pub fn warm_up(&self) {
        self.warmed.call_once(|| gwlint::engine::warm_up_in_background(&self.settings));
    }
}

/// Finds and caches the settings for each file's folder.
pub struct SettingsCache {
    explicit: Option<Arc<Resolved>>,
    overrides: Overrides,
    by_config: Mutex<HashMap<Option<PathBuf>, Arc<Resolved>>>,
    /// Each folder's settings once found: looking for `gwlint.toml` walks up the folder's
    /// ancestors, several system calls a level, which is most of a cached run if done per file.
    by_folder: Mutex<HashMap<PathBuf, Arc<Resolved>>>,
    /// Tells this cache from others in the same process, for the threads' last folder.
    id: u64,
}

/// A thread's last folder: the settings cache's id, the folder, its settings.
type LastFolder = (u64, PathBuf, Arc<Resolved>);

impl SettingsCache {
    pub fn new(config: Option<&Path>, overrides: Overrides) -> Result<SettingsCache, String> {
        let explicit = match config {
            Some(p) => Some(Arc::new(resolve(Some(p), &overrides)?)),
            None => None,
        };
        Ok(SettingsCache {
            explicit,
            overrides,
            by_config: Mutex::new(HashMap::new()),
            by_folder: Mutex::new(HashMap::new()),
            id: super::instance_id(),
        })
    }

    pub fn for_file(&self, file: &Path) -> Result<Arc<Resolved>, String> {
        if let Some(r) = &self.explicit {
            return Ok(r.clone());
        }
        fn unavailable<E>(_: E) -> String {
            "内部错误：配置缓存不可用".to_string()
        }
        // A file's settings are its folder's; standard input's are the current folder's.
        let folder = match file.parent() {
            Some(parent) if file.as_os_str() != STDIN && !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        // Files come folder by folder: each thread keeps its last folder's settings at hand
        // (compared as bytes: comparing paths component by component cost more than the rest).
        thread_local! {
            static LAST: std::cell::RefCell<Option<LastFolder>> = const { std::cell::RefCell::new(None) };
        }
        let last = LAST.with_borrow(|last| {
            last.as_ref()
                .filter(|(id, f, _)| *id == self.id && f.as_os_str() == folder.as_os_str())
                .map(|(.., r)| r.clone())
        });
        if let Some(r) = last {
            return Ok(r);
        }
        if let Some(r) = self.by_folder.lock().map_err(unavailable)?.get(folder).cloned() {
            LAST.set(Some((self.id, folder.to_path_buf(), r.clone())));
            return Ok(r);
        }
        let config = discover(folder);
        let r = {
            let mut cache = self.by_config.lock().map_err(unavailable)?;
            match cache.get(&config) {
                Some(r) => r.clone(),
                None => {
                    let r = Arc::new(resolve(config.as_deref(), &self.overrides)?);
                    cache.insert(config, r.clone());
                    r
                }
            }
        };
        let mut by_folder = self.by_folder.lock().map_err(unavailable)?;
        // Folders are walked one after another: forgetting the old ones keeps an archive of a
        // hundred thousand folders from growing this map without end.
        if by_folder.len() >= 4096 {
            by_folder.clear();
        }
        by_folder.insert(folder.to_path_buf(), r.clone());
        LAST.set(Some((self.id, folder.to_path_buf(), r.clone())));
        Ok(r)
    }
}

fn resolve(config: Option<&Path>, overrides: &Overrides) -> Result<Resolved, String> {
    let settings = match config {
        Some(p) => Settings::load(p).map_err(|e| format!("配置错误：{e}"))?,
        None => Settings::default(),
    };
    let settings = overrides.apply(settings);
    let orgs = gwlint::config::org_view(&settings).map_err(|e| format!("配置错误：{e}"))?;
    Ok(Resolved { settings, orgs, cache_key: std::sync::OnceLock::new(), warmed: std::sync::Once::new() })
}
