//! The page layout of a draft, where its format carries one (.docx): page size and margins, the
//! document grid, each paragraph's alignment, indents and line spacing, each run's fonts, size,
//! weight and colour, the red separator lines, and the page numbers in the footers. Built once by
//! the reader (`source::docx`) with every style resolved, and read by the 版式 rules (GW9xx)
//! together with the document model, which says which paragraph is the title, the body, a
//! heading or the 版记.
//!
//! Units are Word's: twips (1/20 pt, 1/1440 inch) for lengths, half-points for font sizes.

use crate::span::Span;
use std::sync::LazyLock;

/// Twips per millimetre (1440 per inch / 25.4).
pub const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Sections in document order; the last one is the body's own.
    pub sections: Vec<Section>,
    /// Paragraphs in reading order (the order of the lines of the text).
    pub paragraphs: Vec<ParagraphLayout>,
    /// Footers referenced by the sections, each with its page-number paragraph if any.
    pub footers: Vec<Footer>,
    /// `w:evenAndOddHeaders`: odd and even pages have their own headers and footers.
    pub even_and_odd: bool,
    /// The font size (half-points) of the document's default paragraph style, which the
    /// character grid counts with.
    pub default_size: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub page_width: Option<i32>,
    pub page_height: Option<i32>,
    pub margin_top: Option<i32>,
    pub margin_bottom: Option<i32>,
    pub margin_left: Option<i32>,
    pub margin_right: Option<i32>,
    pub gutter: Option<i32>,
    pub grid: Option<Grid>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKind {
    /// Lines only (`lines`).
    Lines,
    /// Lines and characters (`linesAndChars`, `snapToChars`).
    LinesAndChars,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    pub kind: GridKind,
    /// Line pitch in twips.
    pub line_pitch: Option<i32>,
    /// Character spacing added to the default font size, in 1/4096 pt.
    pub char_space: Option<i32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Centre,
    Right,
    Justify,
    Distribute,
}

impl Align {
    pub fn zh(self) -> &'static str {
        match self {
            Align::Left => "左对齐",
            Align::Centre => "居中",
            Align::Right => "右对齐",
            Align::Justify => "两端对齐",
            Align::Distribute => "分散对齐",
        }
    }
}

/// An indent as Word stores it: in hundredths of a character (`…Chars`, which win when
/// present) or in twips.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Indent {
    pub chars: Option<i32>,
    pub twips: Option<i32>,
}

impl Indent {
    /// The indent in characters of `size` half-points.
    pub fn in_chars(self, size: u32) -> f64 {
        match (self.chars, self.twips) {
            (Some(c), _) => f64::from(c) / 100.0,
            (None, Some(t)) if size > 0 => f64::from(t) / (f64::from(size) * 10.0),
            _ => 0.0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRule {
    /// `auto`: `value` is in 240ths of a line.
    Auto,
    /// `exact`: `value` twips.
    Exact,
    /// `atLeast`: at least `value` twips.
    AtLeast,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineSpacing {
    pub value: i32,
    pub rule: LineRule,
}

#[derive(Clone, Debug, Default)]
pub struct ParagraphLayout {
    /// The paragraph's text in the decoded text (all its lines, when it holds manual breaks).
    pub span: Span,
    pub align: Align,
    pub first_line: Indent,
    pub hanging: Indent,
    pub left: Indent,
    pub right: Indent,
    pub line_spacing: Option<LineSpacing>,
    /// `w:snapToGrid` is off for this paragraph.
    pub off_grid: bool,
    pub in_table: bool,
    pub in_text_box: bool,
    /// A frame's horizontal position (`w:framePr w:xAlign`): `right`, `outside`, `center` …
    pub frame_x_align: Option<String>,
    /// The paragraph carries or anchors a red line: a red bottom or top border, or a red line
    /// shape drawn from it.
    pub red_rule: bool,
    /// The font size of the paragraph mark (the style's size when the paragraph is empty).
    pub mark_size: Option<u32>,
    pub runs: Vec<RunLayout>,
}

impl ParagraphLayout {
    /// The font size the paragraph's characters are counted in (for indents in characters):
    /// its first run's, else its mark's, else 三号.
    pub fn size(&self) -> u32 {
        self.runs.iter().find_map(|r| r.style.size).or(self.mark_size).unwrap_or(sizes::SAN_HAO)
    }

    /// Runs holding visible characters (not only spaces).
    pub fn visible_runs<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a RunLayout> + 'a {
        self.runs.iter().filter(move |r| {
            text.get(r.span.start..r.span.end).is_some_and(|t| t.chars().any(|c| !c.is_whitespace() && c != '\u{3000}'))
        })
    }
}

#[derive(Clone, Debug)]
pub struct RunLayout {
    pub span: Span,
    pub style: RunStyle,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunStyle {
    /// The font for Chinese characters (`w:eastAsia`, theme fonts resolved).
    pub east_asia: Option<String>,
    /// The font for Latin letters and digits (`w:ascii`/`w:hAnsi`).
    pub latin: Option<String>,
    /// Half-points.
    pub size: Option<u32>,
    pub bold: bool,
    /// `RRGGBB`, upper case, or `auto`.
    pub color: Option<String>,
}

impl RunStyle {
    /// The GB/T 9704 family of the Chinese font, when the font table knows it.
    pub fn family(&self) -> Option<FontFamily> {
        self.east_asia.as_deref().and_then(|f| FontTable::builtin().family(f))
    }

    /// Whether the colour is red as printed 版头 use it (a strong red, not a dark brown).
    pub fn is_red(&self) -> bool {
        self.color.as_deref().is_some_and(is_red)
    }
}

/// `RRGGBB` that reads as red: high red, low green and blue.
pub fn is_red(hex: &str) -> bool {
    if hex.eq_ignore_ascii_case("red") {
        return true;
    }
    let hex = hex.trim_start_matches('#');
    if hex.len() != 6 {
        return false;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    matches!((channel(0), channel(2), channel(4)), (Some(r), Some(g), Some(b)) if r >= 0xB0 && g <= 0x60 && b <= 0x60)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FooterKind {
    Default,
    Even,
    First,
}

#[derive(Clone, Debug)]
pub struct Footer {
    pub kind: FooterKind,
    /// The paragraph holding the page-number field, if the footer has one.
    pub page_number: Option<PageNumber>,
}

#[derive(Clone, Debug)]
pub struct PageNumber {
    /// The paragraph's text with the field shown as `1`.
    pub text: String,
    pub align: Align,
    pub frame_x_align: Option<String>,
    /// The style of the field's result (the number itself).
    pub style: RunStyle,
    /// Indents of the paragraph (空一字 is a one-character indent on the outer side).
    pub left: Indent,
    pub right: Indent,
}

/// Font families of GB/T 9704, and what every spelling of a font resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FontFamily {
    FangSong,
    XiaoBiaoSong,
    HeiTi,
    KaiTi,
    SongTi,
}

impl FontFamily {
    pub const ALL: [FontFamily; 5] =
        [FontFamily::FangSong, FontFamily::XiaoBiaoSong, FontFamily::HeiTi, FontFamily::KaiTi, FontFamily::SongTi];

    pub fn zh(self) -> &'static str {
        match self {
            FontFamily::FangSong => "仿宋",
            FontFamily::XiaoBiaoSong => "小标宋",
            FontFamily::HeiTi => "黑体",
            FontFamily::KaiTi => "楷体",
            FontFamily::SongTi => "宋体",
        }
    }

    fn parse(key: &str) -> Option<FontFamily> {
        Some(match key {
            "仿宋" => FontFamily::FangSong,
            "小标宋" => FontFamily::XiaoBiaoSong,
            "黑体" => FontFamily::HeiTi,
            "楷体" => FontFamily::KaiTi,
            "宋体" => FontFamily::SongTi,
            _ => return None,
        })
    }
}

/// The font equivalence table (`lints/fonts.toml`): every spelling a 文秘's machine may carry.
pub struct FontTable {
    names: Vec<(String, FontFamily)>,
    /// The name a fix sets for each family.
    fix: Vec<(FontFamily, String)>,
}

static FONTS: LazyLock<FontTable> = LazyLock::new(|| {
    FontTable::parse(include_str!("../lints/fonts.toml")).expect("lints/fonts.toml is valid (tested)")
});

impl FontTable {
    pub fn builtin() -> &'static FontTable {
        &FONTS
    }

    pub fn parse(toml_text: &str) -> Result<FontTable, String> {
        let table: toml::Table = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        let families = table.get("family").and_then(toml::Value::as_table).ok_or("缺少 [family] 表")?;
        let mut names = Vec::new();
        for (key, list) in families {
            let family = FontFamily::parse(key).ok_or_else(|| format!("未知字体类别“{key}”"))?;
            let list = list.as_array().ok_or_else(|| format!("[family] {key} 应为字体名列表"))?;
            for name in list {
                let name = name.as_str().ok_or_else(|| format!("[family] {key} 应为字体名列表"))?;
                names.push((normalise(name), family));
            }
        }
        let fixes = table.get("fix").and_then(toml::Value::as_table).ok_or("缺少 [fix] 表")?;
        let mut fix = Vec::new();
        for (key, name) in fixes {
            let family = FontFamily::parse(key).ok_or_else(|| format!("[fix] 中未知字体类别“{key}”"))?;
            let name = name.as_str().ok_or_else(|| format!("[fix] {key} 应为一个字体名"))?;
            if !names.iter().any(|(n, f)| *n == normalise(name) && *f == family) {
                return Err(format!("[fix] {key} 的“{name}”不在 [family] {key} 中"));
            }
            fix.push((family, name.to_string()));
        }
        for family in FontFamily::ALL {
            if !fix.iter().any(|(f, _)| *f == family) {
                return Err(format!("[fix] 缺少“{}”", family.zh()));
            }
        }
        Ok(FontTable { names, fix })
    }

    /// The font name a fix sets for `family`.
    pub fn fix_font(&self, family: FontFamily) -> &str {
        self.fix.iter().find(|(f, _)| *f == family).map_or(family.zh(), |(_, n)| n.as_str())
    }

    /// The family a font name belongs to, if the table knows it.
    pub fn family(&self, font: &str) -> Option<FontFamily> {
        let key = normalise(font);
        self.names.iter().find(|(n, _)| *n == key).map(|(_, f)| *f)
    }
}

/// Font names compare without case, spaces, hyphens or underscores (`仿宋_GB2312` = `仿宋 GB2312`).
pub fn normalise(font: &str) -> String {
    font.chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '\u{3000}')).flat_map(char::to_lowercase).collect()
}

/// The Chinese name of a font size in half-points (`32` → `三号`), or the points.
pub fn size_name(half_points: u32) -> String {
    const NAMES: [(u32, &str); 16] = [
        (84, "初号"),
        (72, "小初"),
        (52, "一号"),
        (48, "小一"),
        (44, "二号"),
        (36, "小二"),
        (32, "三号"),
        (30, "小三"),
        (28, "四号"),
        (24, "小四"),
        (21, "五号"),
        (18, "小五"),
        (15, "六号"),
        (13, "小六"),
        (11, "七号"),
        (10, "八号"),
    ];
    NAMES.iter().find(|(h, _)| *h == half_points).map_or_else(
        || {
            let pt = f64::from(half_points) / 2.0;
            if pt.fract() == 0.0 { format!("{pt:.0} 磅") } else { format!("{pt:.1} 磅") }
        },
        |(_, n)| (*n).to_string(),
    )
}

/// Half-points of the sizes GB/T 9704 names.
pub mod sizes {
    pub const YI_HAO: u32 = 52;
    pub const XIAO_ER: u32 = 36;
    pub const ER_HAO: u32 = 44;
    pub const SAN_HAO: u32 = 32;
    pub const SI_HAO: u32 = 28;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_table_knows_the_spellings() {
        let t = FontTable::builtin();
        for (name, family) in [
            ("仿宋_GB2312", FontFamily::FangSong),
            ("仿宋", FontFamily::FangSong),
            ("FangSong", FontFamily::FangSong),
            ("方正仿宋_GBK", FontFamily::FangSong),
            ("方正小标宋简体", FontFamily::XiaoBiaoSong),
            ("方正小标宋_GBK", FontFamily::XiaoBiaoSong),
            ("黑体", FontFamily::HeiTi),
            ("SimHei", FontFamily::HeiTi),
            ("楷体_GB2312", FontFamily::KaiTi),
            ("KaiTi", FontFamily::KaiTi),
            ("宋体", FontFamily::SongTi),
            ("SimSun", FontFamily::SongTi),
        ] {
            assert_eq!(t.family(name), Some(family), "{name}");
        }
        assert_eq!(t.family("仿宋 gb2312"), Some(FontFamily::FangSong), "case and separators do not matter");
        assert_eq!(t.family("微软雅黑"), None);
        assert_eq!(t.family("等线"), None);
        for family in FontFamily::ALL {
            assert_eq!(t.family(t.fix_font(family)), Some(family), "a fix sets a font of the family it fixes");
        }
        let broken = "[fix]\n\"仿宋\" = \"黑体\"\n[family]\n\"仿宋\" = [\"仿宋\"]\n\"黑体\" = [\"黑体\"]\n";
        assert!(FontTable::parse(broken).err().unwrap().contains("不在"), "a fix font outside its family is refused");
    }

    #[test]
    fn sizes_have_their_chinese_names() {
        assert_eq!(size_name(32), "三号");
        assert_eq!(size_name(44), "二号");
        assert_eq!(size_name(24), "小四");
        assert_eq!(size_name(23), "11.5 磅");
        assert_eq!(size_name(40), "20 磅");
    }

    #[test]
    fn reds_are_strong_reds() {
        assert!(is_red("FF0000"));
        assert!(is_red("e60012"));
        assert!(is_red("C00000"));
        assert!(!is_red("000000"));
        assert!(!is_red("auto"));
        assert!(!is_red("7F3F3F"));
    }

    #[test]
    fn indents_in_characters() {
        assert_eq!(Indent { chars: Some(200), twips: Some(100) }.in_chars(32), 2.0);
        assert_eq!(Indent { chars: None, twips: Some(640) }.in_chars(32), 2.0);
        assert_eq!(Indent::default().in_chars(32), 0.0);
    }
}
