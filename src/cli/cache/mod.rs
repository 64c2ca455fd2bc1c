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
//! - **Not reading unchanged files**: each folder's pack ([`pack`]) records every file's stamp
//!   and content hash, and its part of the report as last rendered; a file whose stamp is
//!   unchanged is answered from it without being opened.
//! - **Store**: `.gwlint_cache/` in the current folder (`--cache-dir` or `GWLINT_CACHE_DIR`
//!   elsewhere), one small binary file per entry ([`entry`]) under a two-hex-digit fan-out, the packs under `packs/`, with a `.gitignore`
//!   and `CACHEDIR.TAG` so neither git nor backups take it; the file walker skips it as a
//!   hidden folder.
//! - **Concurrency**: an entry is written to a temporary file in its folder and renamed into
//!   place, so concurrent runs only ever read whole entries; an entry that does not decode
//!   exactly, or whose recorded key or checksum differs, is a miss. A cache that cannot be written never fails a run.
//! - Only plain checks use it: `--fix`, `--diff` and `--annotate` always lint afresh.

mod entry;
mod pack;

use gwlint::diagnostic::Text;
use gwlint::output::Recalled;
pub use pack::{Filed, Shown, ShownHow, Stamp, Writer};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

pub const DEFAULT_DIR: &str = ".gwlint_cache";

pub struct Cache {
    dir: PathBuf,
    /// gwlint's version and the executable's identity, hashed into every key.
    build: String,
    packs: pack::Readers,
    /// The current folder, read once: relative paths are made absolute against it.
    cwd: Option<PathBuf>,
    /// Tells this cache from others in the same process, for the threads' memory of places.
    id: u64,
}

/// A thread's last place: cache id, the folder as named, settings, the folder made absolute,
/// its pack.
type Remembered = (u64, PathBuf, SettingsKey, PathBuf, PathBuf);

/// Where a file's result goes in its folder's pack.
pub struct Place {
    folder: PathBuf,
    pack: PathBuf,
    name: String,
}

impl Cache {
    pub fn open(dir: PathBuf) -> Cache {
        Cache {
            dir,
            build: build_identity(),
            packs: pack::Readers::default(),
            cwd: std::env::current_dir().ok(),
            id: super::instance_id(),
        }
    }

    #[cfg(test)]
    fn with_build(dir: PathBuf, build: &str) -> Cache {
        Cache {
            dir,
            build: build.to_string(),
            packs: pack::Readers::default(),
            cwd: std::env::current_dir().ok(),
            id: super::instance_id(),
        }
    }

    /// The hash of a file's bytes; with the settings and the name's extension it makes the key.
    pub fn content(bytes: &[u8]) -> u128 {
        xxhash_rust::xxh3::xxh3_128(bytes)
    }

    /// The key of a file's result: build, settings, how it is read (the name's extension, in
    /// lower case, and the bytes decide that), content (its hash, [`Cache::content`]).
    pub fn key(&self, settings: &SettingsKey, path: &Path, content: u128) -> u128 {
        let mut h = Xxh3::new();
        h.update(self.build.as_bytes());
        h.update(&[0]);
        h.update(&settings.0.to_le_bytes());
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        h.update(extension.unwrap_or_default().as_bytes());
        h.update(&[0]);
        h.update(&content.to_le_bytes());
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
        let _ = self.try_put(key, &entry::encode(key, file));
    }

    fn try_put(&self, key: u128, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.path(key);
        let folder = path.parent().expect("an entry has a folder");
        if !folder.exists() {
            self.prepare()?;
            std::fs::create_dir_all(folder)?;
        }
        let mut tmp = tempfile::NamedTempFile::new_in(folder)?;
        std::io::Write::write_all(&mut tmp, bytes)?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Where `path`'s result is kept in its folder's pack under these settings; `None` for a
    /// name that is not Unicode.
    pub fn place(&self, settings: &SettingsKey, path: &Path) -> Option<Place> {
        let name = path.file_name()?.to_str()?.to_string();
        // Files come folder by folder: each thread remembers the last folder's place.
        thread_local! {
            static LAST: std::cell::RefCell<Option<Remembered>> =
                const { std::cell::RefCell::new(None) };
        }
        let parent = path.parent()?;
        let remembered = LAST.with_borrow(|last| {
            last.as_ref()
                .filter(|(id, p, s, ..)| *id == self.id && p.as_os_str() == parent.as_os_str() && s == settings)
                .map(|(.., folder, pack)| (folder.clone(), pack.clone()))
        });
        if let Some((folder, pack)) = remembered {
            return Some(Place { folder, pack, name });
        }
        let place = self.place_in_folder(settings, path, name)?;
        LAST.set(Some((self.id, parent.to_path_buf(), *settings, place.folder.clone(), place.pack.clone())));
        Some(place)
    }

    fn place_in_folder(&self, settings: &SettingsKey, path: &Path, name: String) -> Option<Place> {
        let absolute = if path.is_absolute() { path.to_path_buf() } else { self.cwd.as_ref()?.join(path) };
        let folder = std::path::absolute(absolute).ok()?.parent()?.to_path_buf();
        let mut h = Xxh3::new();
        h.update(b"pack\0");
        h.update(self.build.as_bytes());
        h.update(&[0]);
        h.update(&settings.0.to_le_bytes());
        h.update(folder.as_os_str().as_encoded_bytes());
        let hex = format!("{:032x}", h.digest128());
        let pack = self.dir.join("packs").join(&hex[..2]).join(&hex[2..]);
        Some(Place { folder, pack, name })
    }

    /// The result of a file whose stamp is the one its folder's pack recorded, with its
    /// content hash: the entry that content's key names.
    pub fn recall(
        &self,
        place: &Place,
        stamp: &Stamp,
        settings: &SettingsKey,
        path: &Path,
    ) -> Option<(u128, Recalled)> {
        let pack = self.packs.get(&place.pack);
        let content = pack.as_ref().as_ref()?.content(&place.name, stamp)?;
        Some((content, self.get(self.key(settings, path, content))?))
    }

    /// A file's result as its folder's pack will record it.
    pub fn filed((place, stamp): (Place, (Stamp, bool)), content: u128, from_pack: bool) -> Filed {
        Filed {
            folder: place.folder,
            pack: place.pack,
            name: place.name,
            stamp: stamp.0,
            trusted: stamp.1,
            content,
            shown: None,
            from_pack,
        }
    }

    /// The file's part of the report as rendered before for `profile` under `display`, with
    /// its content hash, when its stamp is the one its folder's pack recorded.
    pub fn recall_shown(&self, place: &Place, stamp: &Stamp, profile: u64, display: &str) -> Option<(u128, Shown)> {
        let pack = self.packs.get(&place.pack);
        pack.as_ref().as_ref()?.recall_shown(&place.name, stamp, profile, display)
    }

    /// What a shown part carries back: the rendered bytes, and each finding as far as the run
    /// counts it.
    pub fn replay(shown: Shown) -> (gwlint::output::Rendered, Vec<gwlint::output::Placed>) {
        let counted = shown
            .counts
            .into_iter()
            .filter_map(|(code, rule, severity, fix)| {
                Some(gwlint::output::Placed::counted(code, rule, entry::severity_of(severity)?, entry::fix_of(fix)?))
            })
            .collect();
        (gwlint::output::Rendered::from_parts(shown.bytes, shown.entries), counted)
    }

    /// The counts of a file's findings, as [`Shown`] keeps them.
    pub fn counts(outcome: &gwlint::output::FileOutcome) -> Vec<(Text, Text, u8, u8)> {
        outcome
            .diagnostics()
            .map(|d| {
                (
                    d.code.clone(),
                    d.rule.clone(),
                    d.severity as u8,
                    entry::fix_tag(d.fix.as_ref().map(|f| f.applicability)),
                )
            })
            .collect()
    }

    /// The writer of this run's packs.
    pub fn writer(&self) -> Writer<'_> {
        Writer::new(&self.packs)
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

/// How the workers render a file's part of the report, hashed: the format, the language,
/// colour and whether the human format shows the table instead of the findings. Nothing else
/// decides a part (the human format's width is fixed). `None` for SARIF, whose part depends on
/// the files before it.
pub fn profile(format: gwlint::output::Format, opts: &gwlint::output::OutputOptions) -> Option<u64> {
    (format != gwlint::output::Format::Sarif).then(|| {
        let how = format!("{format:?} {:?} {} {}", opts.lang, opts.color, opts.statistics);
        xxhash_rust::xxh3::xxh3_64(how.as_bytes())
    })
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
        let draft = Cache::content(b"draft");
        let key = cache.key(&settings, Path::new("a.txt"), draft);
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
            other_build.key(&settings, Path::new("a.txt"), draft),
            cache.key(&with_config, Path::new("a.txt"), draft),
            cache.key(&with_selection, Path::new("a.txt"), draft),
            cache.key(&settings, Path::new("a.md"), draft),
            cache.key(&settings, Path::new("a"), draft),
            cache.key(&settings, Path::new("a.txt"), Cache::content(b"draft!")),
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
        let key = cache.key(
            &SettingsKey::of(&gwlint::config::Settings::default(), ""),
            Path::new("a.txt"),
            Cache::content(b"x"),
        );
        cache.put(key, &result());
        std::fs::write(cache.path(key), b"GWC\x02trunc").unwrap();
        assert_eq!(cache.get(key), None);
    }
}
