use std::fmt;

/// Encodings gwlint reads and writes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    Utf8,
    /// GBK (two-byte) text. Written back with the GBK encoder; a character GBK cannot hold
    /// makes the write fail rather than silently turn the file into GB18030.
    Gbk,
    /// GB18030 text (it has four-byte sequences).
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gbk => "GBK",
            Encoding::Gb18030 => "GB18030",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    /// A word-processor, PDF or OFD file: named so the drafter knows what to do.
    Document(&'static str),
    /// A .docx that could not be read (broken package, no body, too large).
    Docx(String),
    Undecodable(&'static str),
    Unencodable {
        encoding: &'static str,
        ch: char,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "不是文本文件（含 NUL 字节或控制字符）"),
            DecodeError::Docx(message) => write!(f, "{message}"),
            DecodeError::Document(format) => write!(
                f,
                "这是{format}，gwlint 目前读取 .docx、纯文本和 Markdown：请在 Word 或 WPS 中“另存为”.docx 或纯文本（.txt，UTF-8 编码）后检查；不需要检查的文件可写入 .gwlintignore"
            ),
            DecodeError::Undecodable(enc) => write!(f, "无法按 {enc} 解码：文件含非法字节序列"),
            DecodeError::Unencodable { encoding, ch } => {
                write!(f, "字符“{ch}”无法用 {encoding} 编码写回")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    pub bom: bool,
}

/// How many bytes chardetng looks at: it is slow (≈9 MB/s) and 64 KiB decide any draft.
const SNIFF_LIMIT: usize = 64 * 1024;

/// The word-processor, PDF and OFD formats drafters keep drafts in, by their first bytes.
pub fn document_format(bytes: &[u8]) -> Option<&'static str> {
    let zip_has = |name: &[u8]| bytes.windows(name.len()).take(1 << 20).any(|w| w == name);
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(if zip_has(b"word/") {
            "Word 文档（.docx）"
        } else if zip_has(b"OFD.xml") || zip_has(b"Doc_0/") {
            "OFD 版式文件（.ofd）"
        } else if zip_has(b"xl/") {
            "Excel 表格（.xlsx）"
        } else {
            "压缩包（.zip 等）"
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some("旧版 Word 或 WPS 文档（.doc / .wps）");
    }
    if bytes.starts_with(b"%PDF") {
        return Some("PDF 文件（.pdf）");
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some("RTF 文档（.rtf）");
    }
    None
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(format) = document_format(bytes) {
        return Err(DecodeError::Document(format));
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let encoding = if enc == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(DecodeError::Undecodable(encoding.name()));
        }
        let text = text.into_owned();
        reject_binary(&text)?;
        return Ok(Decoded { text, encoding, bom: true });
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    // simdutf8 validates several bytes an instruction; std's check goes a byte at a time
    // through Chinese text (it is fast on ASCII only). Same answer: both check well-formed UTF-8.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        reject_binary(text)?;
        return Ok(Decoded { text: text.to_string(), encoding: Encoding::Utf8, bom: false });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sniff = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    detector.feed(sniff, sniff.len() == bytes.len());
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    // 公文 drafts that are not UTF-8 are GBK/GB18030; other guesses on short files are noise.
    if guess != encoding_rs::GBK && guess != encoding_rs::GB18030 && guess != encoding_rs::BIG5 {
        let (_, _, gb_errors) = encoding_rs::GB18030.decode(bytes);
        if gb_errors {
            return Err(DecodeError::Undecodable("UTF-8 或 GB18030"));
        }
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err(DecodeError::Undecodable("GB18030"));
    }
    let text = text.into_owned();
    reject_binary(&text)?;
    let encoding = if has_four_byte_sequences(bytes) { Encoding::Gb18030 } else { Encoding::Gbk };
    Ok(Decoded { text, encoding, bom: false })
}

/// GB18030's four-byte form is a lead byte 0x81–0xFE followed by a digit byte 0x30–0x39; GBK
/// never has a digit as a trail byte.
fn has_four_byte_sequences(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x81..=0xFE).contains(&b) {
            if bytes.get(i + 1).is_some_and(|t| (0x30..=0x39).contains(t)) {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// Binary files that happen to decode: too many C0 control characters for a text draft.
fn reject_binary(text: &str) -> Result<(), DecodeError> {
    // Counted on the bytes of the first SNIFF_LIMIT characters, without decoding them: a
    // character starts at every byte that is not a continuation byte (10xxxxxx), and the
    // control characters (Unicode Cc) are C0 and DEL, one byte each, and C1 (U+0080–U+009F),
    // 0xC2 followed by 0x80–0x9F.
    let bytes = text.as_bytes();
    let starts_char = |b: &u8| (*b as i8) >= -0x40;
    let end = if bytes.len() <= SNIFF_LIMIT {
        bytes.len()
    } else {
        bytes.iter().enumerate().filter(|(_, b)| starts_char(b)).nth(SNIFF_LIMIT).map_or(bytes.len(), |(at, _)| at)
    };
    let sniff = &bytes[..end];
    if sniff.contains(&0) {
        return Err(DecodeError::Binary);
    }
    // Byte comparisons joined with `&` and `|`, not `&&` and `||`, into byte-wide counters over
    // chunks of 255 bytes: no branch, so the compiler makes it vector code with 32 counters a
    // register. C1 is looked for only where its lead byte occurs (·, the middle dot of foreign
    // names, shares it).
    let (mut continuation, mut c0) = (0usize, 0usize);
    for chunk in sniff.chunks(255) {
        let (mut cont, mut ctrl) = (0u8, 0u8);
        for &b in chunk {
            cont += u8::from(b & 0xC0 == 0x80);
            let layout = (b == b'\n') | (b == b'\r') | (b == b'\t') | (b == 0x0C);
            ctrl += u8::from(((b < 0x20) & !layout) | (b == 0x7F));
        }
        continuation += usize::from(cont);
        c0 += usize::from(ctrl);
    }
    let total = sniff.len() - continuation;
    let mut c1 = 0;
    let mut from = 0;
    while let Some(at) = memchr::memchr(0xC2, &sniff[from..]) {
        let at = from + at;
        c1 += usize::from(matches!(sniff.get(at + 1), Some(0x80..=0x9F)));
        from = at + 1;
    }
    if total > 0 && (c0 + c1) * 10 > total {
        return Err(DecodeError::Binary);
    }
    Ok(())
}

pub fn encode(text: &str, encoding: Encoding, bom: bool) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(text.len() + 4);
    match encoding {
        Encoding::Utf8 => {
            if bom {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            out.extend_from_slice(text.as_bytes());
        }
        Encoding::Gbk | Encoding::Gb18030 => {
            let encoder = if encoding == Encoding::Gbk { encoding_rs::GBK } else { encoding_rs::GB18030 };
            let (bytes, _, unmappable) = encoder.encode(text);
            if unmappable {
                let ch = text.chars().find(|c| encoder.encode(&c.to_string()).2).unwrap_or('?');
                return Err(DecodeError::Unencodable { encoding: encoding.name(), ch });
            }
            out.extend_from_slice(&bytes);
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = encoding == Encoding::Utf16Le;
            let push = |out: &mut Vec<u8>, u: u16| {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            };
            if bom {
                push(&mut out, 0xFEFF);
            }
            for u in text.encode_utf16() {
                push(&mut out, u);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("江府〔2023〕20号".as_bytes()).unwrap();
        assert_eq!((d.encoding, d.bom), (Encoding::Utf8, false));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("通知".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.bom), ("通知", Encoding::Utf8, true));
        assert_eq!(encode(&d.text, d.encoding, d.bom).unwrap(), b);
    }

    #[test]
    fn gbk_round_trip() {
        let text = "江门市人民政府关于印发《江门市人民政府工作规则》的通知\r\n各县（市、区）人民政府：\r\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&gbk).unwrap();
        assert_eq!(d.encoding, Encoding::Gbk);
        assert_eq!(d.text, text);
        assert_eq!(encode(&d.text, d.encoding, false).unwrap(), gbk.into_owned());
    }

    #[test]
    fn gbk_refuses_what_it_cannot_hold() {
        assert_eq!(
            encode("𠮷野家", Encoding::Gbk, false).err(),
            Some(DecodeError::Unencodable { encoding: "GBK", ch: '𠮷' })
        );
        assert!(encode("江府〔2023〕20号，2～3次", Encoding::Gbk, false).is_ok());
    }

    #[test]
    fn gb18030_keeps_astral_characters() {
        let text = "𠮷野家关于开业的函";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(encode(&d.text, Encoding::Gb18030, false).unwrap(), bytes.into_owned());
    }

    #[test]
    fn utf16_with_bom() {
        let text = "请示\n";
        for le in [true, false] {
            let enc = if le { Encoding::Utf16Le } else { Encoding::Utf16Be };
            let bytes = encode(text, enc, true).unwrap();
            let d = decode(&bytes).unwrap();
            assert_eq!((d.text.as_str(), d.encoding, d.bom), (text, enc, true));
        }
    }

    #[test]
    fn binary_is_rejected() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").err(), Some(DecodeError::Binary));
        assert_eq!(decode(&[1, 2, 3, 4, 5, 6, 7, 8, b'a']).err(), Some(DecodeError::Binary));
        assert_eq!(
            decode(b"PK\x03\x04\x14\0\0\0word/document.xml").err(),
            Some(DecodeError::Document("Word 文档（.docx）"))
        );
        assert_eq!(decode(b"%PDF-1.7\n").err(), Some(DecodeError::Document("PDF 文件（.pdf）")));
        assert_eq!(decode(b"{\\rtf1\\ansi hello}").err(), Some(DecodeError::Document("RTF 文档（.rtf）")));
    }

    #[test]
    fn control_characters_are_counted_as_characters() {
        // The byte count must agree with counting characters: one in ten a control character
        // (C0, DEL or C1) is binary, whatever the other characters' lengths.
        let by_chars = |text: &str| {
            let chars: Vec<char> = text.chars().take(SNIFF_LIMIT).collect();
            let controls =
                chars.iter().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
            !chars.is_empty() && controls * 10 > chars.len()
        };
        let mut seed = 1u32;
        let pieces = ["通", "知", "a", "\u{1}", "\u{7f}", "\u{85}", "\u{9f}", "\u{a0}", "\n", "\t", "𠀀", "é"];
        for round in 0..3000 {
            let text: String = (0..round % 40 + 1)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    pieces[(seed >> 16) as usize % pieces.len()]
                })
                .collect();
            assert_eq!(reject_binary(&text).is_err(), by_chars(&text), "{text:?}");
        }
        // Beyond the sniffed prefix the count stops at SNIFF_LIMIT characters, not bytes.
        let long = format!("{}{}", "通".repeat(SNIFF_LIMIT), "\u{1}".repeat(SNIFF_LIMIT));
        assert!(reject_binary(&long).is_ok());
        let long = format!("{}{}", "\u{1}".repeat(SNIFF_LIMIT / 5), "通".repeat(SNIFF_LIMIT));
        assert!(reject_binary(&long).is_err());
    }

    #[test]
    fn truncated_gbk_is_an_error_not_a_panic() {
        let (gbk, _, _) = encoding_rs::GBK.encode("通知");
        let cut = &gbk[..gbk.len() - 1];
        assert!(decode(cut).is_err());
    }
}
