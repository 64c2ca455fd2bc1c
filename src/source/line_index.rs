//! Byte offset ↔ (line, character column, UTF-16 column). Lines end at `\n`, `\r\n` or a lone
//! `\r`; columns count Unicode scalar values from 1 (characters) or UTF-16 code units from 0.

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters (Unicode scalar values).
    pub column: usize,
}

#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    line_starts: Vec<usize>,
    /// Inside very long lines, a checkpoint every `CHECKPOINT_EVERY` bytes, so that a column is
    /// counted from the nearest checkpoint rather than from the start of a megabyte-long line.
    checkpoints: Vec<Checkpoint>,
}

/// A character boundary inside a long line, with its column counts from the line's start.
#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    byte: usize,
    chars: usize,
    utf16: usize,
}

const CHECKPOINT_EVERY: usize = 4096;

/// The line breaks of `text` in order — LF, CRLF or CR, as editors count them — as byte ranges.
/// Found by a vectorised search for the two bytes, not a look at every byte.
pub(crate) fn line_breaks(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut after_crlf = None;
    memchr::memchr2_iter(b'\n', b'\r', bytes).filter_map(move |at| {
        if after_crlf == Some(at) {
            return None; // the LF of a CRLF
        }
        if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            after_crlf = Some(at + 1);
            return Some(at..at + 2);
        }
        Some(at..at + 1)
    })
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let line_starts = std::iter::once(0).chain(line_breaks(text).map(|b| b.end)).collect();
        let mut index = LineIndex { line_starts, checkpoints: Vec::new() };
        for line0 in 0..index.line_starts.len() {
            let start = index.line_starts[line0];
            let next = index.line_starts.get(line0 + 1).copied().unwrap_or(text.len());
            if next - start > CHECKPOINT_EVERY {
                let end = index.line_end(text, line0);
                index.add_checkpoints(text, start, end);
            }
        }
        index
    }

    fn add_checkpoints(&mut self, text: &str, start: usize, end: usize) {
        let (mut chars, mut utf16) = (0, 0);
        let mut next = start + CHECKPOINT_EVERY;
        for (i, c) in text[start..end].char_indices() {
            if start + i >= next {
                self.checkpoints.push(Checkpoint { byte: start + i, chars, utf16 });
                next = start + i + CHECKPOINT_EVERY;
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
    }

    /// The last checkpoint at or before `byte` on the line starting at `line_start`, or the
    /// line's start itself.
    fn checkpoint_before(&self, line_start: usize, byte: usize) -> Checkpoint {
        let i = self.checkpoints.partition_point(|c| c.byte <= byte);
        match i.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some(c) if c.byte >= line_start => c,
            _ => Checkpoint { byte: line_start, chars: 0, utf16: 0 },
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line containing `byte` (clamped to the text).
    pub fn line_of(&self, byte: usize) -> usize {
        match self.line_starts.binary_search(&byte) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn line_start(&self, line0: usize) -> usize {
        self.line_starts[line0.min(self.line_starts.len() - 1)]
    }

    /// Clamp `byte` into the text and back onto a character boundary.
    fn clamp(text: &str, byte: usize) -> usize {
        let mut b = byte.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    }

    pub fn line_col(&self, text: &str, byte: usize) -> LineCol {
        let byte = Self::clamp(text, byte);
        let line0 = self.line_of(byte);
        let from = self.checkpoint_before(self.line_starts[line0], byte);
        LineCol { line: line0 + 1, column: from.chars + text[from.byte..byte].chars().count() + 1 }
    }

    /// (0-based line, 0-based UTF-16 code-unit column), as LSP and UTF-16 consumers want.
    pub fn utf16_position(&self, text: &str, byte: usize) -> (usize, usize) {
        let byte = Self::clamp(text, byte);
        let line0 = self.line_of(byte);
        let from = self.checkpoint_before(self.line_starts[line0], byte);
        (line0, from.utf16 + text[from.byte..byte].encode_utf16().count())
    }

    /// The byte offset of a (0-based line, 0-based UTF-16 column) position; columns past the
    /// end of the line clamp to its end (before the line break), as LSP requires.
    pub fn offset_of_utf16(&self, text: &str, line0: usize, col16: usize) -> usize {
        if line0 >= self.line_starts.len() {
            return text.len();
        }
        let line_start = self.line_starts[line0];
        let end = self.line_end(text, line0);
        // Start from the last checkpoint of this line whose column is not past `col16`.
        let first = self.checkpoints.partition_point(|c| c.byte < line_start);
        let upto = self.checkpoints.partition_point(|c| c.byte < end);
        let line_checkpoints = &self.checkpoints[first..upto];
        let (start, mut units) = match line_checkpoints.partition_point(|c| c.utf16 <= col16).checked_sub(1) {
            Some(k) => (line_checkpoints[k].byte, line_checkpoints[k].utf16),
            None => (line_start, 0),
        };
        for (i, c) in text[start..end].char_indices() {
            if units >= col16 {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    /// The byte offset of a (0-based line, 0-based UTF-8 byte column) position, clamped.
    pub fn offset_of_utf8(&self, text: &str, line0: usize, col8: usize) -> usize {
        if line0 >= self.line_starts.len() {
            return text.len();
        }
        let start = self.line_starts[line0];
        Self::clamp(text, (start + col8).min(self.line_end(text, line0)))
    }

    /// End of a line's content, before its line break.
    pub fn line_end(&self, text: &str, line0: usize) -> usize {
        let next = self.line_starts.get(line0 + 1).copied().unwrap_or(text.len());
        let line = &text[self.line_starts[line0]..next];
        let trimmed = line.trim_end_matches(['\n', '\r']);
        self.line_starts[line0] + trimmed.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_line_endings_as_editors_count_them() {
        let text = "一\n二\r\n三\r四\r\r\n\n五\r";
        let breaks: Vec<&str> = line_breaks(text).map(|b| &text[b]).collect();
        assert_eq!(breaks, ["\n", "\r\n", "\r", "\r", "\r\n", "\n", "\r"]);
        use crate::source::LineEnding;
        assert_eq!(LineEnding::detect("a\r\nb\r\nc\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::detect("a\rb\rc\n"), LineEnding::Cr);
        assert_eq!(LineEnding::detect("a\nb\r\nc\n"), LineEnding::Lf);
        assert_eq!(LineEnding::detect("无换行"), LineEnding::Lf);
    }

    #[test]
    fn chinese_columns_are_characters() {
        let text = "江门市人民政府文件\n江府[2023]20号\n";
        let idx = LineIndex::new(text);
        let at = text.find('[').unwrap();
        assert_eq!(idx.line_col(text, at), LineCol { line: 2, column: 3 });
        assert_eq!(idx.utf16_position(text, at), (1, 2));
    }

    #[test]
    fn astral_characters_take_two_utf16_units() {
        let text = "𠮷野家,开业";
        let idx = LineIndex::new(text);
        let comma = text.find(',').unwrap();
        assert_eq!(idx.line_col(text, comma).column, 4);
        assert_eq!(idx.utf16_position(text, comma), (0, 4));
        assert_eq!(idx.offset_of_utf16(text, 0, 4), comma);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "一、总则\r\n二、职责\r三、附则";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_col(text, text.find('三').unwrap()), LineCol { line: 3, column: 1 });
        assert_eq!(&text[idx.line_start(0)..idx.line_end(text, 0)], "一、总则");
    }

    #[test]
    fn long_lines_use_checkpoints_and_agree_with_counting() {
        let line: String = "江门市𠮷a，".repeat(3000);
        let text = format!("标题\r\n{line}\n尾");
        let idx = LineIndex::new(&text);
        assert!(!idx.checkpoints.is_empty());
        let start = idx.line_start(1);
        for (i, _) in text.char_indices().step_by(7) {
            let line0 = idx.line_of(i);
            let ls = idx.line_start(line0);
            let chars = text[ls..i].chars().count();
            let units = text[ls..i].encode_utf16().count();
            assert_eq!(idx.line_col(&text, i), LineCol { line: line0 + 1, column: chars + 1 });
            assert_eq!(idx.utf16_position(&text, i), (line0, units));
            assert_eq!(idx.offset_of_utf16(&text, line0, units), i, "at {i}");
        }
        assert_eq!(idx.offset_of_utf16(&text, 1, usize::MAX), start + line.len());
    }

    #[test]
    fn offsets_inside_a_character_clamp_back() {
        let text = "通知";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 99), LineCol { line: 1, column: 3 });
    }
}
