//! The result cache, as ruff keeps one: a file whose content, effective settings and gwlint
//! build are all unchanged since a run that linted it gets that run's diagnostics back without
//! being linted again.
//!
//! - **Key**: a 128-bit hash (xxh3) of gwlint's version and this executable's size and
//!   modification time (a rebuilt binary never reuses results), the effective settings — the
//!   text of the config and of every pack, calendar and word-list file it names, and the
//!   command line's `--select`/`--extend-select`/`--ignore` —, the file name's extension (which,
//!   with the bytes, decides how the file is read: text, Markdown, .docx) and the file's bytes. Anything that can change a result is in it, so an
//!   entry is never stale; nothing else is, so renaming or moving a file still hits.
//! - **Store**: `.gwlint_cache/` in the current folder (`--cache-dir` or `GWLINT_CACHE_DIR`
//!   elsewhere), one small binary file per entry ([`entry`]) under a two-hex-digit fan-out, with a `.gitignore`
//!   and `CACHEDIR.TAG` so neither git nor backups take it; the file walker skips it as a
//!   hidden folder.
//! - **Concurrency**: an entry is written to a temporary file in its folder and renamed into
//!   place, so concurrent runs only ever read whole entries; an entry that does not decode
//!   exactly, or whose recorded key or checksum differs, is a miss. A cache that cannot be written never fails a run.
//! - Only plain checks use it: `--fix`, `--diff` and `--annotate` always lint afresh.

mod entry;

use gwlint::output::Recalled;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

pub const DEFAULT_DIR: &str = ".gwlint_cache";

pub struct Cache {
    dir: PathBuf,
    /// gwlint's version and the executable's identity, hashed into every key.
    build: String,
}

impl Cache {
    pub fn open(dir: PathBuf) -> Cache {
        Cache { dir, build: build_identity() }
    }

    #[cfg(test)]
    fn with_build(dir: PathBuf, build: &str) -> Cache {
        Cache { dir, build: build.to_string() }
    }

    /// The key of a file's result: build, settings, how it is read (the name's extension, in
    /// lower case, and the bytes decide that), content.
    pub fn key(&self, settings: &SettingsKey, path: &Path, bytes: &[u8]) -> u128 {
        let mut h = Xxh3::new();
        h.update(self.build.as_bytes());
        h.update(&[0]);
        h.update(&settings.0.to_le_bytes());
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        h.update(extension.unwrap_or_default().as_bytes());
        h.update(&[0]);
        h.update(bytes);
        h.digest128()
    }

    fn path(&self, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        self.dir.join(&hex[..2]).join(&hex[2..])
    }

    pub fn get(&self, key: u128) -> Option<Recalled> {
        entry::decode(key, &std::fs::read(self.path(key)).ok()?)
    }

    /// Store a result; a failure to write is not an error (the next run lints again).
    pub fn put(&self, key: u128, file: &Recalled) {
        let _ = self.try_put(key, file);
    }

    fn try_put(&self, key: u128, file: &Recalled) -> std::io::Result<()> {
        let path = self.path(key);
        let folder = path.parent().expect("an entry has a folder");
        if !folder.exists() {
            self.prepare()?;
            std::fs::create_dir_all(folder)?;
        }
        let mut tmp = tempfile::NamedTempFile::new_in(folder)?;
        std::io::Write::write_all(&mut tmp, &entry::encode(key, file))?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }

    /// The cache folder, marked so that git and backup tools leave it alone.
    fn prepare(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let ignore = self.dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(ignore, "# gwlint 的检查结果缓存，自动生成\n*\n")?;
        }
        let tag = self.dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            std::fs::write(
                tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# gwlint 的检查结果缓存；可随时删除。\n",
            )?;
        }
        Ok(())
    }
}

/// The effective settings, hashed once per config: the texts of every file they were read from
/// and the command line's rule selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SettingsKey(u128);

impl SettingsKey {
    pub fn of(settings: &gwlint::config::Settings, command_line: &str) -> SettingsKey {
        let mut h = Xxh3::new();
        h.update(command_line.as_bytes());
        for text in &settings.inputs {
            h.update(&[0xff]);
            h.update(&(text.len() as u64).to_le_bytes());
            h.update(text.as_bytes());
        }
        SettingsKey(h.digest128())
    }
}

/// gwlint's version and this executable's size and modification time.
fn build_identity() -> String {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
    let stamp = exe.map(|m| {
        let mtime = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        format!("{}:{}", m.len(), mtime.map_or(0, |d| d.as_nanos()))
    });
    format!("gwlint {} {}", env!("CARGO_PKG_VERSION"), stamp.unwrap_or_default())
}

/// Where the cache lives: `--cache-dir`, else `GWLINT_CACHE_DIR`, else `.gwlint_cache` here.
pub fn location(option: Option<&Path>) -> PathBuf {
    option
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("GWLINT_CACHE_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result() -> Recalled {
        let source = gwlint::source::Source::from_text("a.txt", "各单位要高度重视,认真落实。\n");
        let settings = gwlint::config::Settings::default();
        let orgs = gwlint::org::OrgView::default();
        let file = gwlint::output::Placed::all(&source, gwlint::engine::lint(&source, &settings, &orgs));
        assert!(!file.diagnostics.is_empty(), "a finding");
        file
    }

    #[test]
    fn an_entry_round_trips_and_every_key_part_matters() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::with_build(dir.path().join("c"), "gwlint 1");
        let settings = SettingsKey::of(&gwlint::config::Settings::default(), "");
        let key = cache.key(&settings, Path::new("a.txt"), b"draft");
        assert_eq!(cache.get(key), None);
        let file = result();
        cache.put(key, &file);
        assert_eq!(cache.get(key), Some(file));
        assert!(dir.path().join("c/.gitignore").exists() && dir.path().join("c/CACHEDIR.TAG").exists());

        let other_build = Cache::with_build(dir.path().join("c"), "gwlint 2");
        let with_config = gwlint::config::Settings::parse("[rules]\nignore = [\"GW401\"]\n", None)
            .map(|s| SettingsKey::of(&s, ""))
            .unwrap();
        let with_selection = SettingsKey::of(&gwlint::config::Settings::default(), "--select GW4");
        let keys = [
            other_build.key(&settings, Path::new("a.txt"), b"draft"),
            cache.key(&with_config, Path::new("a.txt"), b"draft"),
            cache.key(&with_selection, Path::new("a.txt"), b"draft"),
            cache.key(&settings, Path::new("a.md"), b"draft"),
            cache.key(&settings, Path::new("a"), b"draft"),
            cache.key(&settings, Path::new("a.txt"), b"draft!"),
        ];
        for k in keys {
            assert_ne!(k, key);
            assert_eq!(cache.get(k), None);
        }
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::with_build(dir.path().to_path_buf(), "gwlint 1");
        let key = cache.key(&SettingsKey::of(&gwlint::config::Settings::default(), ""), Path::new("a.txt"), b"x");
        cache.put(key, &result());
        std::fs::write(cache.path(key), b"GWC\x02trunc").unwrap();
        assert_eq!(cache.get(key), None);
    }
}
