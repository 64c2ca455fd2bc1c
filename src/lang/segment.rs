//! The one shared word segmenter. Building it costs ~100 ms and ~30 MB, so it is built lazily,
//! once per process, and only by rules that need word boundaries.

use jieba_rs::Jieba;
use std::sync::LazyLock;

/// jieba's general dictionary (MIT, from the jieba-rs distribution) followed by gwlint's own
/// 公文 vocabulary, which wins on conflicts because it is read last.
pub(crate) static DICT: &str = include_str!("../../lints/segmenter/dict.txt");
pub(crate) static GONGWEN_DICT: &str = include_str!("../../lints/segmenter/gongwen.txt");

static SEGMENTER: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::with_dict(&mut DICT.as_bytes()).expect("bundled dictionary is valid");
    jieba.load_dict(&mut GONGWEN_DICT.as_bytes()).expect("bundled 公文 dictionary is valid");
    jieba
});

/// A word and its byte range inside the segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
}

pub fn segment(text: &str) -> Vec<Word<'_>> {
    SEGMENTER
        .cut(text, false)
        .into_iter()
        .map(|t| Word { text: t.word, start: t.byte_start, end: t.byte_end })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_with_byte_offsets() {
        let text = "恳请市政府予以批准";
        let words = segment(text);
        assert!(words.iter().any(|w| w.text == "恳请"), "{words:?}");
        for w in &words {
            assert_eq!(&text[w.start..w.end], w.text);
        }
    }

    #[test]
    fn gongwen_vocabulary_is_known() {
        let words: Vec<_> = segment("请于5个工作日内报送发文字号").into_iter().map(|w| w.text).collect();
        assert!(words.contains(&"发文字号"), "{words:?}");
    }
}
