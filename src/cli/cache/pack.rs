//! Folder packs: what lets a second run skip reading files that have not changed, as git's index
//! and ruff's cache do.
//!
//! A pack holds, for one folder under one build and one set of settings, each linted file's
//! name, its stamp (size, modification and change time, inode) when it was read, the hash of
//! its content, and its part of the report as last rendered ([`Shown`]). A file whose stamp is
//! the one recorded is not opened: rendered the same way, its part is written out again (one
//! `stat` and one positioned read); otherwise its content hash gives the key of its entry.
//!
//! **Never stale.** Writing a file changes its change time (which no program can set back),
//! replacing it changes its inode. A stamp is trusted only when the file's times are at least
//! [`SETTLED`] older than the moment it was read ("racily clean" in git's words: on a file system
//! with coarse times a change in the same tick would keep the stamp); a newer file is recorded
//! untrusted and read again next time. A file that misses falls back to the content-keyed entry.
//!
//! ```text
//! "GWP\x02"  shown parts…  index  index offset (8, LE)  xxh3-64 of the index (8, LE)  "GWPi"
//! index: count, then per file: name, trusted, size, mtime s/ns, ctime s/ns, inode, content
//!        hash (16), shown part's length (0: none) [, offset, xxh3-64 of it]
//!        (numbers LEB128, names as bytes)
//! ```
//!
//! Packs are written by the thread that takes results in order, a folder at a time, when the
//! walk has left it (files come folder by folder, depth first). A folder whose files all came
//! from its pack unchanged is not written again. Parts are buffered up to [`SPILL`] bytes and
//! then streamed to the pack's temporary file, so a folder of a hundred thousand drafts does not
//! raise the run's memory. A pack is renamed into place whole: a concurrent run reads the old
//! one or the new one. Anything that does not read back exactly is no pack.

use super::entry::{put_num, take_num};
use gwlint::diagnostic::Text;
use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

const MAGIC: &[u8; 4] = b"GWP\x02";
const TAIL: &[u8; 4] = b"GWPi";
const FOOTER: usize = 8 + 8 + TAIL.len();
/// How much older than the moment of reading a file's times must be for its stamp to be trusted.
pub const SETTLED: Duration = Duration::from_secs(2);
/// Bytes of kept parts a folder in progress holds in memory before streaming them to its pack
/// file.
const SPILL: usize = 1 << 16;
/// Packs kept open at once by the readers (each holds a file handle).
const OPEN_PACKS: usize = 64;

/// What identifies a file's version without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Stamp {
    pub size: u64,
    pub mtime: (i64, u32),
    pub ctime: (i64, u32),
    pub inode: u64,
}

impl Stamp {
    /// The file's stamp now, and whether it may be trusted (its times settled); `None` where
    /// the platform gives no stamp or the file cannot be looked at.
    pub fn of(path: &Path) -> Option<(Stamp, bool)> {
        let now = SystemTime::now();
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let stamp = Self::from_metadata(&meta)?;
        let settled = |t: (i64, u32)| {
            let t = SystemTime::UNIX_EPOCH.checked_add(Duration::new(u64::try_from(t.0).ok()?, t.1))?;
            Some(t + SETTLED <= now)
        };
        let trusted = settled(stamp.mtime) == Some(true) && settled(stamp.ctime) == Some(true);
        Some((stamp, trusted))
    }

    #[cfg(unix)]
    fn from_metadata(meta: &std::fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            size: meta.size(),
            mtime: (meta.mtime(), u32::try_from(meta.mtime_nsec()).ok()?),
            ctime: (meta.ctime(), u32::try_from(meta.ctime_nsec()).ok()?),
            inode: meta.ino(),
        })
    }

    /// Windows keeps no change time: the last write and creation times (100 ns ticks since
    /// 1601) stand in for it, as git for Windows does.
    #[cfg(windows)]
    fn from_metadata(meta: &std::fs::Metadata) -> Option<Stamp> {
        use std::os::windows::fs::MetadataExt;
        const TICKS_TO_UNIX: u64 = 116_444_736_000_000_000;
        let split = |ticks: u64| {
            let t = ticks.checked_sub(TICKS_TO_UNIX)?;
            Some((i64::try_from(t / 10_000_000).ok()?, u32::try_from(t % 10_000_000 * 100).ok()?))
        };
        Some(Stamp {
            size: meta.file_size(),
            mtime: split(meta.last_write_time())?,
            ctime: split(meta.creation_time())?,
            inode: 0,
        })
    }

    #[cfg(not(any(unix, windows)))]
    fn from_metadata(_: &std::fs::Metadata) -> Option<Stamp> {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Record {
    stamp: Stamp,
    trusted: bool,
    content: u128,
    /// The file's part of the report as last rendered ([`Shown`]): offset, length (0: none),
    /// xxh3-64 of the block.
    shown: (u64, u32, u64),
}

/// What a pack keeps with a file's rendered part: the profile, the path as displayed, the
/// JSON entries in it and the counts (see [`Shown`]).
pub struct ShownHow {
    pub profile: u64,
    pub path: String,
    pub entries: usize,
    pub counts: Vec<(Text, Text, u8, u8)>,
}

/// A file's part of the report as a run last rendered it, kept in its folder's pack: a run that
/// renders the same way (same format, language and colour — the `profile` — and the same path
/// as displayed) writes it out again without decoding the entry or rendering it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub profile: u64,
    pub path: String,
    /// JSON objects in `bytes` (see `output::Rendered`).
    pub entries: usize,
    /// What the run counts of each finding: code, rule name, severity and fix applicability
    /// tags (as the entry stores them). Read back, a rule's code and name are its metadata's.
    pub counts: Vec<(Text, Text, u8, u8)>,
    pub bytes: Vec<u8>,
}

impl Shown {
    #[cfg(test)]
    fn encode(&self) -> Vec<u8> {
        Shown::block(self.profile, &self.path, self.entries, &self.counts, &self.bytes)
    }

    /// A part as its folder's pack stores it; the rendered bytes go last, so that reading it
    /// back moves the block's own buffer instead of copying.
    pub fn block(profile: u64, path: &str, entries: usize, counts: &[(Text, Text, u8, u8)], bytes: &[u8]) -> Vec<u8> {
        let mut b = Vec::with_capacity(bytes.len() + 64 + 16 * counts.len());
        b.extend_from_slice(&profile.to_le_bytes());
        put_str(&mut b, path.as_bytes());
        put_num(&mut b, entries as u64);
        put_num(&mut b, counts.len() as u64);
        for (code, rule, severity, fix) in counts {
            put_str(&mut b, code.as_bytes());
            put_str(&mut b, rule.as_bytes());
            b.push(*severity);
            b.push(*fix);
        }
        b.extend_from_slice(bytes);
        b
    }

    fn decode(mut block: Vec<u8>) -> Option<Shown> {
        let mut b = &block[..];
        let text = |b: &mut &[u8]| -> Option<String> {
            let n = usize::try_from(take_num(b)?).ok()?;
            String::from_utf8(take(b, n)?.to_vec()).ok()
        };
        let str = |b: &mut &[u8]| -> Option<Text> {
            let n = usize::try_from(take_num(b)?).ok()?;
            let s = std::str::from_utf8(take(b, n)?).ok()?;
            Some(rule_text(s))
        };
        let profile = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
        let path = text(&mut b)?;
        let entries = usize::try_from(take_num(&mut b)?).ok()?;
        let n = usize::try_from(take_num(&mut b)?).ok()?;
        let mut counts = Vec::with_capacity(n.min(b.len()));
        for _ in 0..n {
            let code = str(&mut b)?;
            let rule = str(&mut b)?;
            let tags = take(&mut b, 2)?;
            counts.push((code, rule, tags[0], tags[1]));
        }
        let header = block.len() - b.len();
        block.drain(..header);
        Some(Shown { profile, path, entries, counts, bytes: block })
    }
}

/// A rule's code or name as its metadata has it (no allocation), else the text itself.
fn rule_text(s: &str) -> Text {
    // Looked up twice per finding of a second run: a fast hash (the keys are our own codes).
    static KNOWN: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let known =
        KNOWN.get_or_init(|| gwlint::rules::all_rules().iter().flat_map(|r| [r.meta().code, r.meta().name]).collect());
    match known.get(s) {
        Some(k) => Text::Borrowed(k),
        None => Text::Owned(s.to_string()),
    }
}

fn put_str(buf: &mut Vec<u8>, s: &[u8]) {
    put_num(buf, s.len() as u64);
    buf.extend_from_slice(s);
}

/// A pack read back: its index in memory, its entries read one at a time as files ask.
pub struct Pack {
    file: File,
    records: HashMap<Box<[u8]>, Record>,
}

impl Pack {
    pub fn open(path: &Path) -> Option<Pack> {
        let file = File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        let size = usize::try_from(size).ok()?;
        if size < MAGIC.len() + FOOTER {
            return None;
        }
        let mut head = [0u8; 4];
        read_at(&file, &mut head, 0).ok()?;
        let mut footer = [0u8; FOOTER];
        read_at(&file, &mut footer, (size - FOOTER) as u64).ok()?;
        if &head != MAGIC || &footer[16..] != TAIL {
            return None;
        }
        let index_at = usize::try_from(u64::from_le_bytes(footer[..8].try_into().ok()?)).ok()?;
        let check = u64::from_le_bytes(footer[8..16].try_into().ok()?);
        if index_at < MAGIC.len() || index_at > size - FOOTER {
            return None;
        }
        let mut index = vec![0u8; size - FOOTER - index_at];
        read_at(&file, &mut index, index_at as u64).ok()?;
        if xxhash_rust::xxh3::xxh3_64(&index) != check {
            return None;
        }
        let records = parse_index(&index, index_at as u64)?;
        Some(Pack { file, records })
    }

    /// The content hash recorded for `name` if its stamp is still `stamp` and was trusted when
    /// recorded.
    pub fn content(&self, name: &str, stamp: &Stamp) -> Option<u128> {
        let record = self.records.get(name.as_bytes())?;
        (record.trusted && record.stamp == *stamp).then_some(record.content)
    }

    /// The file's part of the report as rendered for `profile` under the path `path`, if its
    /// stamp is still `stamp` (trusted when recorded); with its content hash.
    pub fn recall_shown(&self, name: &str, stamp: &Stamp, profile: u64, path: &str) -> Option<(u128, Shown)> {
        let record = self.records.get(name.as_bytes())?;
        let (offset, len, check) = record.shown;
        if !record.trusted || record.stamp != *stamp || len == 0 {
            return None;
        }
        let mut block = vec![0u8; len as usize];
        read_at(&self.file, &mut block, offset).ok()?;
        if xxhash_rust::xxh3::xxh3_64(&block) != check {
            return None;
        }
        let shown = Shown::decode(block)?;
        (shown.profile == profile && shown.path == path).then_some((record.content, shown))
    }

    fn len(&self) -> usize {
        self.records.len()
    }

    /// A record's shown part as stored (none: empty), to copy into a new pack.
    fn shown_block(&self, record: &Record) -> Option<Vec<u8>> {
        let (offset, len, _) = record.shown;
        let mut block = vec![0u8; len as usize];
        read_at(&self.file, &mut block, offset).ok()?;
        Some(block)
    }
}

fn parse_index(mut index: &[u8], entries_end: u64) -> Option<HashMap<Box<[u8]>, Record>> {
    let count = take_num(&mut index)?;
    let mut records = HashMap::with_capacity(count.min(1 << 16) as usize);
    for _ in 0..count {
        let name_len = usize::try_from(take_num(&mut index)?).ok()?;
        let name: Box<[u8]> = take(&mut index, name_len)?.into();
        let trusted = *take(&mut index, 1)?.first()? == 1;
        let time = |index: &mut &[u8]| -> Option<(i64, u32)> {
            let secs = i64::from_le_bytes(take(index, 8)?.try_into().ok()?);
            Some((secs, u32::try_from(take_num(index)?).ok()?))
        };
        let size = take_num(&mut index)?;
        let mtime = time(&mut index)?;
        let ctime = time(&mut index)?;
        let inode = take_num(&mut index)?;
        let content = u128::from_le_bytes(take(&mut index, 16)?.try_into().ok()?);
        let shown_len = u32::try_from(take_num(&mut index)?).ok()?;
        let shown = if shown_len == 0 {
            (0, 0, 0)
        } else {
            let at = take_num(&mut index)?;
            let check = u64::from_le_bytes(take(&mut index, 8)?.try_into().ok()?);
            if at < MAGIC.len() as u64 || at.checked_add(u64::from(shown_len))? > entries_end {
                return None;
            }
            (at, shown_len, check)
        };
        let stamp = Stamp { size, mtime, ctime, inode };
        records.insert(name, Record { stamp, trusted, content, shown });
    }
    index.is_empty().then_some(records)
}

fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Some(head)
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// The packs the workers read, opened once per folder and shared; bounded, since folders are
/// walked one after another.
/// A thread's last pack: the readers' id, the pack's path, the pack.
type LastPack = (u64, PathBuf, Arc<Option<Pack>>);

pub struct Readers {
    open: Mutex<HashMap<PathBuf, Arc<Option<Pack>>>>,
    /// Tells these readers from others in the same process, for the threads' last pack.
    id: u64,
}

impl Default for Readers {
    fn default() -> Readers {
        Readers { open: Mutex::default(), id: crate::cli::instance_id() }
    }
}

impl Readers {
    pub fn get(&self, path: &Path) -> Arc<Option<Pack>> {
        // Files come folder by folder: each thread keeps the last pack it used at hand.
        thread_local! {
            static LAST: std::cell::RefCell<Option<LastPack>> =
                const { std::cell::RefCell::new(None) };
        }
        let me = self.id;
        let last = LAST.with_borrow(|last| {
            last.as_ref()
                .filter(|(id, p, _)| *id == me && p.as_os_str() == path.as_os_str())
                .map(|(.., pack)| pack.clone())
        });
        if let Some(pack) = last {
            return pack;
        }
        let pack = self.get_shared(path);
        LAST.set(Some((me, path.to_path_buf(), pack.clone())));
        pack
    }

    fn get_shared(&self, path: &Path) -> Arc<Option<Pack>> {
        if let Some(pack) = self.open.lock().ok().and_then(|open| open.get(path).cloned()) {
            return pack;
        }
        // Opened outside the lock: two workers may both open it once, which is harmless.
        let pack = Arc::new(Pack::open(path));
        if let Ok(mut open) = self.open.lock() {
            if open.len() >= OPEN_PACKS {
                open.clear();
            }
            open.insert(path.to_path_buf(), pack.clone());
        }
        pack
    }

    /// Forget a pack about to be replaced. Only the writer replaces packs, once the walk has
    /// left their folder, so no reader asks for it again in this run.
    fn forget(&self, path: &Path) {
        if let Ok(mut open) = self.open.lock() {
            open.remove(path);
        }
    }
}

/// One linted file as its folder's pack records it.
pub struct Filed {
    /// The folder, absolute.
    pub folder: PathBuf,
    /// Where the folder's pack is.
    pub pack: PathBuf,
    /// The file's name (a name that is not Unicode is never packed).
    pub name: String,
    pub stamp: Stamp,
    pub trusted: bool,
    pub content: u128,
    /// How this run rendered its part (the bytes come with it, see [`Writer::add`]).
    pub shown: Option<ShownHow>,
    /// Answered from the folder's pack as it stands, nothing to add to it.
    pub from_pack: bool,
}

/// A folder whose pack is being written.
struct Building {
    folder: PathBuf,
    pack: PathBuf,
    buffer: Vec<u8>,
    spilled: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
    written: u64,
    index: Vec<(Box<[u8]>, Record)>,
    /// Files answered from the pack as it stands: their records and parts are copied from it
    /// only if the folder has to be written again.
    reused: Vec<Box<[u8]>>,
    /// Every file so far came from the pack as it stands.
    unchanged: bool,
}

impl Building {
    /// The pack being written is this file's (same folder, same pack; compared as bytes).
    fn holds(&self, f: &Filed) -> bool {
        self.folder.as_os_str() == f.folder.as_os_str() && self.pack.as_os_str() == f.pack.as_os_str()
    }

    fn new(f: &Filed) -> Building {
        Building {
            folder: f.folder.clone(),
            pack: f.pack.clone(),
            buffer: MAGIC.to_vec(),
            spilled: None,
            written: 0,
            index: Vec::new(),
            reused: Vec::new(),
            unchanged: true,
        }
    }

    fn add(
        &mut self,
        name: Box<[u8]>,
        stamp: Stamp,
        trusted: bool,
        content: u128,
        shown: Option<&[u8]>,
    ) -> std::io::Result<()> {
        let shown = match shown.filter(|b| !b.is_empty()).map(|b| (b, u32::try_from(b.len()))) {
            Some((block, Ok(shown_len))) => {
                let at = self.written + self.buffer.len() as u64;
                self.buffer.extend_from_slice(block);
                (at, shown_len, xxhash_rust::xxh3::xxh3_64(block))
            }
            _ => (0, 0, 0),
        };
        self.index.push((name, Record { stamp, trusted, content, shown }));
        if self.buffer.len() >= SPILL {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> std::io::Result<()> {
        if self.spilled.is_none() {
            let folder = self.pack.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(folder)?;
            let tmp = tempfile::NamedTempFile::new_in(folder)?;
            self.spilled = Some(std::io::BufWriter::with_capacity(1 << 16, tmp));
        }
        if let Some(out) = self.spilled.as_mut() {
            out.write_all(&self.buffer)?;
        }
        self.written += self.buffer.len() as u64;
        self.buffer.clear();
        Ok(())
    }
}

/// Writes packs as results arrive in walk order.
pub struct Writer<'a> {
    readers: &'a Readers,
    /// The folders entered and not yet left, outermost first.
    open: Vec<Building>,
}

impl<'a> Writer<'a> {
    pub fn new(readers: &'a Readers) -> Writer<'a> {
        Writer { readers, open: Vec::new() }
    }

    /// Record a file; `rendered` is its part of the report as this run wrote it (copied into
    /// the pack here, on the writing thread, rather than held twice while waiting for it).
    pub fn add(&mut self, filed: Filed, rendered: Option<&[u8]>) {
        // The walk is depth first: a folder that does not contain this file's folder is done.
        while let Some(top) = self.open.last() {
            let inside = top.folder.as_os_str() != filed.folder.as_os_str() && filed.folder.starts_with(&top.folder);
            if top.holds(&filed) || inside {
                break;
            }
            let done = self.open.pop().expect("not empty");
            self.finish_one(done);
        }
        if !self.open.last().is_some_and(|top| top.holds(&filed)) {
            self.open.push(Building::new(&filed));
        }
        let building = self.open.last_mut().expect("just pushed");
        building.unchanged &= filed.from_pack;
        let name: Box<[u8]> = filed.name.as_bytes().into();
        if filed.from_pack {
            building.reused.push(name);
        } else {
            let shown = filed
                .shown
                .as_ref()
                .zip(rendered)
                .map(|(how, bytes)| Shown::block(how.profile, &how.path, how.entries, &how.counts, bytes));
            let _ = building.add(name, filed.stamp, filed.trusted, filed.content, shown.as_deref());
        }
    }

    pub fn finish(mut self) {
        while let Some(done) = self.open.pop() {
            self.finish_one(done);
        }
    }

    fn finish_one(&self, building: Building) {
        let _ = self.try_finish(building);
    }

    fn try_finish(&self, mut b: Building) -> std::io::Result<()> {
        // The pack as it is on disk now (the workers' copies stay theirs).
        let old = Pack::open(&b.pack);
        let seen: std::collections::HashSet<&[u8]> =
            b.index.iter().map(|(n, _)| &n[..]).chain(b.reused.iter().map(|n| &n[..])).collect();
        // Files of the old pack not linted this run (a run on some files of the folder): kept
        // while they are unchanged, dropped once gone or changed.
        let mut kept = Vec::new();
        let mut dropped = false;
        if let Some(old) = &old {
            for (name, record) in &old.records {
                if seen.contains(&name[..]) {
                    continue;
                }
                let Ok(name_text) = std::str::from_utf8(name) else { continue };
                let path = b.folder.join(name_text);
                match Stamp::of(&path) {
                    Some((stamp, _)) if record.trusted && stamp == record.stamp => kept.push((name.clone(), *record)),
                    _ => dropped = true,
                }
            }
            if b.unchanged && !dropped && b.reused.len() + kept.len() == old.len() {
                return Ok(());
            }
        }
        drop(seen);
        let reused = std::mem::take(&mut b.reused);
        let reused = reused.into_iter().filter_map(|name| {
            let record = *old.as_ref()?.records.get(&name)?;
            Some((name, record))
        });
        for (name, record) in kept.into_iter().chain(reused.collect::<Vec<_>>()) {
            let Some(old) = &old else { break };
            if let Some(shown) = old.shown_block(&record) {
                b.add(name, record.stamp, record.trusted, record.content, Some(&shown))?;
            }
        }
        b.spill()?;
        let mut index = Vec::with_capacity(b.index.len() * 64);
        put_num(&mut index, b.index.len() as u64);
        for (name, r) in &b.index {
            put_num(&mut index, name.len() as u64);
            index.extend_from_slice(name);
            index.push(u8::from(r.trusted));
            put_num(&mut index, r.stamp.size);
            for (secs, nanos) in [r.stamp.mtime, r.stamp.ctime] {
                index.extend_from_slice(&secs.to_le_bytes());
                put_num(&mut index, u64::from(nanos));
            }
            put_num(&mut index, r.stamp.inode);
            index.extend_from_slice(&r.content.to_le_bytes());
            let (at, shown_len, check) = r.shown;
            put_num(&mut index, u64::from(shown_len));
            if shown_len > 0 {
                put_num(&mut index, at);
                index.extend_from_slice(&check.to_le_bytes());
            }
        }
        let Some(mut out) = b.spilled.take() else { return Ok(()) };
        let check = xxhash_rust::xxh3::xxh3_64(&index);
        out.write_all(&index)?;
        out.write_all(&b.written.to_le_bytes())?;
        out.write_all(&check.to_le_bytes())?;
        out.write_all(TAIL)?;
        let tmp = out.into_inner().map_err(|e| e.into_error())?;
        self.readers.forget(&b.pack);
        drop(old);
        tmp.persist(&b.pack).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file as a run files it.
    fn filed(dir: &Path, name: &str, content: u128, from_pack: bool) -> Filed {
        let path = dir.join(name);
        let (stamp, trusted) = Stamp::of(&path).unwrap();
        Filed {
            folder: dir.to_path_buf(),
            pack: dir.join("pack"),
            name: name.into(),
            stamp,
            trusted,
            content,
            shown: Some(ShownHow { profile: 1, path: name.into(), entries: 0, counts: Vec::new() }),
            from_pack,
        }
    }

    /// The content hash and part kept for a file as it is now.
    fn part(pack: &Pack, dir: &Path, name: &str) -> Option<(u128, Vec<u8>)> {
        let stamp = Stamp::of(&dir.join(name)).unwrap().0;
        pack.recall_shown(name, &stamp, 1, name).map(|(content, shown)| (content, shown.bytes))
    }

    /// Make a file look as if written long ago, so that its stamp is trusted.
    fn age(path: &Path) {
        let old = SystemTime::now() - Duration::from_secs(3600);
        File::options().write(true).open(path).unwrap().set_modified(old).unwrap();
    }

    #[test]
    fn a_pack_answers_unchanged_settled_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["a.txt", "b.txt", "fresh.txt"] {
            std::fs::write(d.join(name), name).unwrap();
        }
        age(&d.join("a.txt"));
        age(&d.join("b.txt"));
        // Change times cannot be set back: wait until the files' change times have settled.
        std::thread::sleep(SETTLED + Duration::from_millis(100));
        std::fs::write(d.join("fresh.txt"), "fresh!").unwrap();
        let readers = Readers::default();
        let mut w = Writer::new(&readers);
        w.add(filed(d, "a.txt", 1, false), Some(b"entry-a"));
        w.add(filed(d, "b.txt", 2, false), Some(b"entry-b"));
        w.add(filed(d, "fresh.txt", 3, false), Some(b"entry-fresh"));
        w.finish();

        let pack = Pack::open(&d.join("pack")).expect("written");
        let now = |name: &str| Stamp::of(&d.join(name)).unwrap().0;
        assert_eq!(part(&pack, d, "a.txt"), Some((1, b"entry-a".to_vec())));
        assert_eq!(part(&pack, d, "b.txt"), Some((2, b"entry-b".to_vec())));
        assert_eq!(part(&pack, d, "fresh.txt"), None, "not settled when read");
        // The same size and modification time, other content: the change time tells.
        std::fs::write(d.join("a.txt"), "A.txt").unwrap();
        age(&d.join("a.txt"));
        assert_eq!(part(&pack, d, "a.txt"), None);
        assert_eq!(pack.content("a.txt", &now("a.txt")), None);
        // Replaced by another file with everything else equal: the inode tells.
        let b = now("b.txt");
        assert_eq!(pack.content("b.txt", &Stamp { inode: b.inode + 1, ..b }), None);
        assert_eq!(pack.content("c.txt", &b), None);
    }

    #[test]
    fn a_partial_run_keeps_the_other_files_and_an_unchanged_folder_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["a.txt", "b.txt"] {
            std::fs::write(d.join(name), name).unwrap();
            age(&d.join(name));
        }
        std::thread::sleep(SETTLED + Duration::from_millis(100));
        let readers = Readers::default();
        let mut w = Writer::new(&readers);
        w.add(filed(d, "a.txt", 1, false), Some(b"entry-a"));
        w.add(filed(d, "b.txt", 2, false), Some(b"entry-b"));
        w.finish();
        let written = std::fs::metadata(d.join("pack")).unwrap().modified().unwrap();

        // Only b.txt this time, with a new result: a.txt is kept.
        let readers = Readers::default();
        let mut w = Writer::new(&readers);
        w.add(filed(d, "b.txt", 2, false), Some(b"entry-b2"));
        w.finish();
        let pack = Pack::open(&d.join("pack")).unwrap();
        assert_eq!(part(&pack, d, "a.txt"), Some((1, b"entry-a".to_vec())));
        assert_eq!(part(&pack, d, "b.txt"), Some((2, b"entry-b2".to_vec())));

        // Everything from the pack: not written again. a.txt deleted: written without it.
        std::thread::sleep(Duration::from_millis(20));
        let before = std::fs::metadata(d.join("pack")).unwrap().modified().unwrap();
        assert!(before >= written);
        let readers = Readers::default();
        let mut w = Writer::new(&readers);
        w.add(filed(d, "a.txt", 1, true), Some(b"entry-a"));
        w.add(filed(d, "b.txt", 2, true), Some(b"entry-b2"));
        w.finish();
        assert_eq!(std::fs::metadata(d.join("pack")).unwrap().modified().unwrap(), before);
        std::fs::remove_file(d.join("a.txt")).unwrap();
        let readers = Readers::default();
        let mut w = Writer::new(&readers);
        w.add(filed(d, "b.txt", 2, true), Some(b"entry-b2"));
        w.finish();
        assert_eq!(Pack::open(&d.join("pack")).unwrap().len(), 1);
    }

    #[test]
    fn a_shown_part_round_trips_with_its_counts() {
        let shown = Shown {
            profile: 7,
            path: "草稿/a.txt".into(),
            entries: 2,
            counts: vec![
                (Text::Borrowed("GW401"), Text::Owned("half-width-punctuation".into()), 1, 0),
                (Text::Owned("GW999".into()), Text::Owned("no-such-rule".into()), 2, 3),
            ],
            bytes: b",\n  {}\n,\n  {}".to_vec(),
        };
        let back = Shown::decode(shown.encode()).unwrap();
        assert_eq!(back, shown);
        assert!(matches!(back.counts[0].0, Text::Borrowed(_)), "a known code is the registry's own text");
        assert!(Shown::decode(shown.encode()[..5].to_vec()).is_none());
    }

    #[test]
    fn a_damaged_pack_is_no_pack() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "a").unwrap();
        let readers = Readers::default();
        let mut w = Writer::new(&readers);
        w.add(filed(d, "a.txt", 1, false), Some(b"entry-a"));
        w.finish();
        let good = std::fs::read(d.join("pack")).unwrap();
        assert!(Pack::open(&d.join("pack")).is_some());
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x20;
            std::fs::write(d.join("pack"), &bad).unwrap();
            if let Some(pack) = Pack::open(&d.join("pack")) {
                // The kept part is not covered by the index's checksum but by its own.
                assert_eq!(part(&pack, d, "a.txt"), None, "byte {i} damaged and still read");
                assert_eq!(pack.len(), 1);
            }
        }
        for cut in 0..good.len() {
            std::fs::write(d.join("pack"), &good[..cut]).unwrap();
            assert!(Pack::open(&d.join("pack")).is_none(), "cut at {cut}");
        }
    }
}
