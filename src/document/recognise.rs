//! The recogniser: classifies a draft's lines into the parts of GB/T 9704 — 版头 from the top,
//! 版记 from the bottom, then 成文日期, 署名, 附件说明 and 正文 in between, then attachments.
//! A line is given a part only on positive evidence; a body-only draft stays body-only.

use super::chars::CharSummary;
use super::front_matter;
use super::kind::{Direction, DocKind, kind_from_title};
use super::lines::{self, Line};
use super::masks::{MaskKind, Masks};
use super::structure::parse_ordinal;
use super::*;
use crate::lang::numerals::parse_chinese_number;
use crate::source::Source;
use crate::span::{Field, Span};
use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in pattern compiles")
}

/// 发文字号 anywhere in a line, with any bracket drafters type: 代字, year, 第, number, 号.
pub static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<code>\p{Han}{1,12}?)[ \t\u{3000}]*(?P<open>[〔\[［【（(〈⌈{｛])[ \t\u{3000}]*(?P<year>[0-9０-９]{2,4})[ \t\u{3000}]*(?P<close>[〕\]］】）)〉⌋}｝])[ \t\u{3000}]*(?P<di>第)?[ \t\u{3000}]*(?P<num>[0-9０-９]{1,6})(?P<hao>号)?",
    )
});

/// A 发文字号 line (placeholders allowed: templates write `×农〔20××〕×号`, `XX发〔20XX〕XX号`),
/// with any 签发人.
static DOC_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<docnum>[\p{Han}×ＸX]{1,12}[ \t\u{3000}]*[〔\[［【（(〈⌈{｛][ \t\u{3000}]*[0-9０-９Xx×Ｘ]{2,4}[ \t\u{3000}]*[〕\]］】）)〉⌋}｝][ \t\u{3000}]*第?[ \t\u{3000}]*[0-9０-９Xx×Ｘ]{1,6}号?)(?:[ \t\u{3000}]+(?P<signer>签发人.*))?$",
    )
});

/// A date as drafts write it: digits, Chinese numerals, 元月, placeholders (checked by GW303).
const DATE: &str = r"(?P<y>[0-9０-９〇零一二三四五六七八九○OoXx×Ｘ]{2,4})?[ \u{3000}]*年[ \u{3000}]*(?P<m>[0-9０-９一二三四五六七八九十元Xx×Ｘ]{0,3})[ \u{3000}]*月[ \u{3000}]*(?P<d>[0-9０-９一二三四五六七八九十Xx×Ｘ]{0,3})[ \u{3000}]*[日号]";

/// A line that is only a date.
pub static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| re(&format!("^{DATE}$")));

/// A date drafters type in figures only: `2025.3.12`, `2025-03-12`, `2025/3/12`, `20250312`
/// (GW303 asks for 2025年3月12日).
const NUMERIC_DATE: &str =
    r"[0-9]{4}[.．/\-－][0-9]{1,2}[.．/\-－][0-9]{1,2}|[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])";

/// A line that is only a date in figures.
pub static NUMERIC_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{NUMERIC_DATE})$")));

/// A line that is only a date, in words or in figures.
fn is_date_line(s: &str) -> bool {
    DATE_LINE.is_match(s) || NUMERIC_DATE_LINE.is_match(s)
}

/// A signature and a date on one line, separated by blanks.
static ORG_AND_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<org>[^\s，。；：,;:“”]{{2,40}}(?:[ \t\u{{3000}}]+[^\s，。；：,;:“”]{{2,40}}){{0,3}})[ \t\u{{3000}}]+(?P<date>{DATE}|{NUMERIC_DATE})$"
    ))
});
/// `（盖章）` at the end of a line: where the seal goes, in drafts and templates — on a line of
/// its own (`is_seal`) or right after the name it seals.
static SEAL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"[（(][ \u{3000}]*(?:盖章|印章|公章|章|签章|盖公章)[ \u{3000}]*[）)]$"));

/// A line that is only `（盖章）`.
fn is_seal(line: &str) -> bool {
    SEAL_AFTER.find(line).is_some_and(|m| m.start() == 0)
}
/// A note printed under a title: `（2024年3月1日…通过）`, `（征求意见稿）`, `——在…会议上`, and the
/// adoption record whose brackets a web copy dropped: `2013年7月26日…第四次会议通过`.
static TITLE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:[（(][^（）()]*[）)]|[—－–-]{{1,2}}[^—－–-].*|{DATE}[^，。；：,;:]{{4,60}}(?:会议|大会)(?:通过|批准|修订|修正))$"
    ))
});
/// `第12期`, `（第3次）`, `2024年第5期`, `〔2025〕第7期`, `第9期（总第46期）`: the issue number of
/// a 纪要, a bulletin or a 公告.
static ISSUE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[（(]?(?:[0-9０-９]{4}年|[〔\[［][0-9０-９]{4}[〕\]］])?第[ \u{3000}]*[0-9０-９〇零一二三四五六七八九十百Xx×]+[ \u{3000}]*[期次号][）)]?(?:[ \u{3000}]*[（(]总第[ \u{3000}]*[0-9０-９〇零一二三四五六七八九十百]+[ \u{3000}]*期[）)])?$",
    )
});
/// `第 12 号` under an order's mark (GB/T 9704 10.2).
static ORDER_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^第[ \u{3000}]*[0-9０-９〇零一二三四五六七八九十百Xx×]+[ \u{3000}]*号$"));
/// An order's mark: an organ's name and 令 (`某某市人民政府令`).
static ORDER_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\p{Han}×Ｘ（）()]{2,40}?(?:人民政府|政府|局|委员会|厅|部|委|署|行|院)令$"));
/// The metadata a government website prints around a document (`索引号：`, `类 别：B`,
/// `发布日期：`): not part of any GB/T 9704 element.
/// A routing note written above the 版头 of a draft: `呈：市政府钱秘书长阅示`, `报：市委办公室`.
static ROUTING_NOTE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:呈|报|送|呈送|报送|呈报|急送)[ \u{3000}]*[:：][^。；]{1,40}$"));
static WEB_METADATA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:索[ \u{3000}]*引[ \u{3000}]*号|类[ \u{3000}]*别|发布机构|发布日期|生效日期|失效日期|主题分类|公文种类|体裁分类|组配分类|有[ \u{3000}]*效[ \u{3000}]*性|信息来源|来[ \u{3000}]*源|统一编号|公开方式|浏览次数|发布时间)[ \u{3000}]*[:：]",
    )
});
/// A rule between 版头 and 主体, typed as a row of dashes or stars.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| re(r"^[─━—\-－=＝_＿*＊★☆·•～~ \u{3000}]{3,}$"));

static PRINT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<org>\p{Han}[^，。；：,;:]{1,40}?)[ \t\u{3000}]+(?P<date>[0-9０-９]{4}[ \u{3000}]*年[ \u{3000}]*[0-9０-９]{1,2}[ \u{3000}]*月[ \u{3000}]*[0-9０-９]{1,2}[ \u{3000}]*日(?:印发|发)?)$",
    )
});
static PRINT_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[0-9０-９]{4}[ \u{3000}]*年[ \u{3000}]*[0-9０-９]{1,2}[ \u{3000}]*月[ \u{3000}]*[0-9０-９]{1,2}[ \u{3000}]*日(?:印发|发)?$",
    )
});
static COPY_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^[0-9０-９]{1,8}$"));
static SECRECY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:绝密|机密|秘密)(?:[ \u{3000}]*[★☆*＊][ \u{3000}]*\S{0,12})?$"));
static URGENCY: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:特急|加急|特提|平急|急件|紧急)$"));
static SIGNER: LazyLock<Regex> = LazyLock::new(|| re(r"^签发人[ \u{3000}]*[:：]?[ \u{3000}]*(?P<names>.*)$"));
static ISSUER_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\p{Han}×ＸX][\p{Han}×ＸX（）()、 \u{3000}\n]{1,80}文件$"));
static CC_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?P<label>抄送|主送)[ \u{3000}]*(?P<colon>[:：])?"));
static PUBLIC_ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:公开方式|公开属性|信息公开选项)[ \u{3000}]*[:：]|^此件(?:公开发布|依申请公开|不予公开)"));
static NOTE_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^附件[ \u{3000}]*(?P<colon>[:：])[ \u{3000}]*"));
static NOTE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<marker>(?P<n1>[0-9]{1,2})[ \u{3000}]*[.．、，,:：]|[（(](?P<n2>[0-9]{1,2})[）)]|(?P<n3>[①-⑳]))[ \u{3000}]*",
    )
});
static ATTACHMENT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^附件[ \u{3000}]*(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})?[ \u{3000}]*[:：]?$"));
static ANNOTATION_FORM: LazyLock<Regex> = LazyLock::new(|| re(r"^[（(].*[）)]$|^(?:此件|本件)"));

/// A 附注: a note in brackets, `此件…`, or a contact line.
fn is_annotation(line: &str) -> bool {
    ANNOTATION_FORM.is_match(line) || super::is_contact_line(line)
}
static FORWARDING_TITLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:印发|转发|批转|发布|颁布|公布)"));
/// Words that end an organisation's name: a line ending in one may be a 主送 or 署名 line.
static ORG_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:人民政府|政府|委员会|常委会|局|委|厅|办公室|办公厅|办|部门|单位|机构|机关|公司|集团|院|会|中心|同志|办事处|街道|镇|乡|所|处|科|站|队|部|署|行|社|校|馆|团|联|协|室|组|党委|党组|支部|中学|小学|大学|幼儿园|中心校)$",
    )
});
/// An organ's name standing before the kind word of a title (`某某市人民政府令`, `某某县水务局公告`):
/// stricter than `ORG_ENDING`, whose one-character endings (行, 会, 部) end ordinary words too
/// (`航行通告`, `运动会通知`).
static TITLE_ORGAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:人民政府|政府|委员会|常委会|局|委|厅|办公室|办公厅|公司|集团|银行|法院|检察院|中心|办事处|街道|镇|乡|党委|党组|署|学校|大学|中学|小学|医院)$",
    )
});
/// Closing sentences that can never be the name of an attachment.
static CLOSING: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:特此|妥否|当否|可否|以上|此复|此致|请予)"));
/// Words no 标题 contains and a sentence does: keeps the first body sentence out of the title.
static TITLE_PUNCT: LazyLock<Regex> = LazyLock::new(|| re(r"[。；]."));
/// A title's trailing word that names a kind, legal or not: 通知, 方案, 汇报, 请示报告 …
static TITLE_ENDING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:请示报告|申请报告|报告请示|请示函|决定书|答复|实施方案|工作方案|实施细则|实施办法|会议纪要|工作要点|决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|复函|函|纪要|令|方案|办法|规定|细则|规划|计划|要点|总结|汇报|说明|申请|建议|安排|规则|制度|须知|简报|讲话|发言|致辞|贺信|贺电)$",
    )
});

/// Build the document model of `source`.
pub fn recognise(source: &Source) -> Document {
    let text = source.text.as_str();
    let mut masks = Masks::default();
    let (front_matter, body_start) = front_matter::parse(text);
    if let Some(fm) = &front_matter {
        masks.add(MaskKind::FrontMatter, fm.span);
    }
    let mut extracted = lines::extract(text, source.kind, body_start, &mut masks);
    for c in &extracted.comments {
        masks.add(MaskKind::Comment, c.span);
    }
    for line in &mut extracted.lines {
        let s = line.span.text(text);
        line.chars = CharSummary::of(s);
        masks.scan_line(text, line.span, &line.chars);
        // Several rules look for 发文字号 in every line; most lines have none. One needs a
        // bracket and digits (the year), which most lines lack.
        line.doc_number = line.chars.has_digit()
            && line.chars.may_contain_any(&['〔', '[', '［', '【', '（', '(', '〈', '⌈', '{', '｛'])
            && DOC_NUMBER.is_match(s);
    }
    let mut r = Recogniser { text, lines: extracted.lines, parts: Vec::new(), doc: Document::default() };
    r.parts = vec![None; r.lines.len()];
    r.doc.front_matter = front_matter;
    r.doc.comments = extracted.comments;
    r.run();
    let Recogniser { mut doc, lines, parts, .. } = r;
    for a in &doc.attachments {
        masks.add(MaskKind::Attachment, a.span);
        if a.forwarded {
            masks.add(MaskKind::Forwarded, a.span);
        }
    }
    masks.finish();
    doc.masks = masks;
    doc.lines = lines.into_iter().zip(parts).map(|(l, p)| (l, p.unwrap_or(Part::Body))).collect();
    doc.written = super::editions::written(&doc);
    doc
}

struct Recogniser<'t> {
    text: &'t str,
    lines: Vec<Line>,
    parts: Vec<Option<Part>>,
    doc: Document,
}

impl<'t> Recogniser<'t> {
    fn s(&self, i: usize) -> &'t str {
        self.lines[i].span.text(self.text)
    }

    fn field(&self, i: usize) -> Field {
        Field::new(self.s(i), self.lines[i].span)
    }

    fn chars(&self, i: usize) -> usize {
        self.s(i).chars().count()
    }

    fn mark(&mut self, range: std::ops::Range<usize>, part: Part) {
        for p in &mut self.parts[range] {
            *p = Some(part);
        }
    }

    fn run(&mut self) {
        let mut i = self.header(0);
        i = self.title(i);
        i = self.preamble(i);
        i = self.main_recipients(i);
        let colophon_start = self.colophon(i);
        self.misplaced_cc(i, colophon_start);
        self.main_and_attachments(i, colophon_start);
        self.kind_issuer_direction();
    }

    // ── 版头 ────────────────────────────────────────────────────────────────────────────
    /// GB/T 9704 7.2: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人 and the separator line,
    /// in any order drafters and web copies produce. The 发文机关标志 is `X文件`, the organ's
    /// name alone (7.2.4 allows it; 信函格式 uses it), several names for joint issuance (one per
    /// line or on one line, with or without a closing `文件` line), or `X令` for an order.
    fn header(&mut self, mut i: usize) -> usize {
        let start = i;
        while i < self.lines.len() && i < start + 10 {
            if self.lines[i].md_heading.is_some() {
                break;
            }
            let s = self.s(i);
            let line = self.lines[i].span;
            let next_is_header = self.lines.get(i + 1).is_some_and(|l| {
                let n = l.span.text(self.text);
                SECRECY.is_match(n) || URGENCY.is_match(n) || ISSUER_MARK.is_match(n) || DOC_NUMBER_LINE.is_match(n)
            });
            // A bare number is a 份号 when it has six digits (GB/T 9704 7.2.1) or stands right
            // above another 版头 element; a year on its own is not one.
            let copy_number_like = COPY_NUMBER.is_match(s) && (s.chars().count() == 6 || next_is_header);
            let h = &self.doc.header;
            let nothing_below_mark = h.issuer_mark.is_none() && h.doc_number.is_none();
            // A line of symbols alone: a separator, or a template's ★ between 密级 and 保密期限
            // left without its words.
            let symbols_only = s.chars().any(|c| !crate::lang::is_blank(c))
                && s.chars().all(|c| crate::lang::is_blank(c) || !c.is_alphanumeric() && !c.is_ascii_punctuation());
            if SEPARATOR.is_match(s) && i > start || symbols_only && s.chars().count() <= 4 {
                i += 1;
                continue;
            }
            if h.copy_number.is_none() && h.issuer_mark.is_none() && h.secrecy.is_none() && copy_number_like {
                self.doc.header.copy_number = Some(Field::new(s, line));
            } else if h.secrecy.is_none() && SECRECY.is_match(s) {
                self.doc.header.secrecy = Some(Field::new(s, line));
            } else if h.urgency.is_none() && URGENCY.is_match(s) {
                self.doc.header.urgency = Some(Field::new(s, line));
            } else if nothing_below_mark && let Some(end) = self.issuer_mark_lines(i) {
                let span = line.cover(self.lines[end - 1].span);
                self.doc.header.issuer_mark = Some(Field::new(span.text(self.text), span));
                if ORDER_MARK.is_match(self.s(end - 1)) {
                    self.doc.form = Form::Order;
                }
                i = end;
                continue;
            } else if let Some(c) = DOC_NUMBER_LINE.captures(s).filter(|_| h.doc_number.is_none()) {
                let m = c.name("docnum").expect("group exists");
                self.doc.header.doc_number = Some(Field::new(
                    m.as_str().trim_end(),
                    line.sub(m.start(), m.start() + m.as_str().trim_end().len()),
                ));
                if let Some(signer) = c.name("signer") {
                    push_signer(&mut self.doc.header, signer.as_str(), line.sub(signer.start(), signer.end()));
                }
            } else if h.doc_number.is_none() && self.doc.form == Form::Order && ORDER_NUMBER.is_match(s) {
                self.doc.header.doc_number = Some(Field::new(s, line));
            } else if h.issuer_mark.is_some() && h.doc_number.is_none() && ISSUE_NUMBER.is_match(s) {
                // An issue number under a masthead (`〔2025〕第7期`): part of the 版头.
            } else if SIGNER.is_match(s) {
                push_signer(&mut self.doc.header, s, line);
            } else if WEB_METADATA.is_match(s) {
                // A website's metadata above the document.
            } else if i == start && ROUTING_NOTE.is_match(s) {
                // A routing note above the 版头 (`呈：市政府钱秘书长阅示`): not the title.
                self.doc.header.routing_note = Some(Field::new(s, line));
            } else {
                break;
            }
            i += 1;
        }
        self.mark(start..i, Part::Header);
        i
    }

    /// Where a 发文机关标志 starting at line `i` ends (exclusive), if one starts there.
    fn issuer_mark_lines(&self, i: usize) -> Option<usize> {
        let s = self.s(i);
        let unspaced = crate::lang::unspaced_letters(s);
        if ISSUER_MARK.is_match(s)
            || ORDER_MARK.is_match(s) && !s.contains("关于")
            || unspaced.is_some_and(|u| ISSUER_MARK.is_match(&u))
        {
            return Some(i + 1);
        }
        // A long name wrapped before its end (`琼中黎族苗族自治县` / `人民政府文件`).
        if let Some(next) = self.lines.get(i + 1).map(|l| l.span.text(self.text))
            && ISSUER_MARK.is_match(next)
            && !self.is_org_names_text(s)
            && self.chars(i) <= 30
            && !s.contains("关于")
            && s.chars().all(|c| crate::lang::is_han(c) || c == '×' || c == 'Ｘ')
            && ISSUER_MARK.is_match(&format!("{s}{next}"))
        {
            return Some(i + 2);
        }
        // `文件` in a text box beside stacked joint issuers (read before them, as a text box is
        // read before the paragraph it is anchored to).
        if s == "文件" {
            let mut end = i + 1;
            while end < self.lines.len() && end < i + 6 && self.is_org_names(end) {
                end += 1;
            }
            if end > i + 1 {
                return Some(end);
            }
        }
        // A name the model does not know (`遂川县国有五指峰林场`) is the mark where a 发文字号
        // stands right under it: that is where GB/T 9704 puts one, whatever the name ends with.
        if self.lines.get(i + 1).is_some_and(|l| DOC_NUMBER_LINE.is_match(l.span.text(self.text)))
            && (2..=30).contains(&self.chars(i))
            && s.chars().all(|c| crate::lang::is_han(c) || crate::lang::is_blank(c) || "（）()".contains(c))
            && !s.contains("关于")
            && !self.ends_in_kind(i)
            && !self.is_kind_masthead(i)
        {
            return Some(i + 1);
        }
        // Names alone: one per line (joint issuance) or several on one line.
        let mut end = i;
        while end < self.lines.len() && end < i + 5 && self.lines[end].md_heading.is_none() && self.is_org_names(end) {
            end += 1;
        }
        if end == i {
            return None;
        }
        let next = (end < self.lines.len()).then(|| self.s(end))?;
        // A kind word alone under the names (`会　议　纪　要`, `公　告`, `简报`): the masthead of a
        // 纪要 (GB/T 9704-2012 10.3), a 公告 or a 简报, where its issue number or its title follows.
        if self.is_kind_masthead(end) && self.number_or_title_follows(end + 1) {
            return Some(end + 1);
        }
        // `文件` on its own line, or after the last name (`某市财政局　　　　文件`).
        if next == "文件"
            || ISSUER_MARK.is_match(next)
                && self.is_org_names_text(next.trim_end_matches("文件").trim_end_matches(crate::lang::is_blank))
            || ORDER_MARK.is_match(next) && self.is_org_names_text(next.trim_end_matches('令'))
        {
            return Some(end + 1);
        }
        // Bare names are a mark only where a 版头 element or a title that names its own issuer
        // follows; names followed by `关于…` are the first line of the title, and names followed
        // by a date are a signature.
        let header_follows = DOC_NUMBER_LINE.is_match(next)
            || SIGNER.is_match(next)
            || SEPARATOR.is_match(next)
            || ORDER_NUMBER.is_match(next)
            || SECRECY.is_match(next)
            || URGENCY.is_match(next);
        // A title over up to three lines that names its issuer before `关于`.
        let own_title_follows = !next.starts_with("关于")
            && next.contains("关于")
            && (end..(end + 3).min(self.lines.len()))
                .take_while(|&j| self.is_title_line(j))
                .any(|j| self.ends_in_kind(j));
        (header_follows || own_title_follows).then_some(end)
    }

    /// A line that is a kind word alone, however spaced (`公　告`, `会议纪要`).
    fn is_kind_masthead(&self, j: usize) -> bool {
        let word: String = self.s(j).chars().filter(|&c| !crate::lang::is_blank(c)).collect();
        word.chars().count() >= 2 && TITLE_ENDING_WORD.find(&word).is_some_and(|m| m.start() == 0)
    }

    /// Whether line `j` is an issue number, a 发文字号 or a one-line title ending in its kind.
    fn number_or_title_follows(&self, j: usize) -> bool {
        j < self.lines.len()
            && (ISSUE_NUMBER.is_match(self.s(j))
                || DOC_NUMBER_LINE.is_match(self.s(j))
                || self.is_title_line(j) && self.ends_in_kind(j))
    }

    /// A line made only of organisation names (blank-separated), as in a 发文机关标志 or 署名.
    fn is_org_names(&self, i: usize) -> bool {
        self.is_org_names_text(self.s(i)) && parse_ordinal(self.text, self.lines[i].span).is_none()
    }

    fn is_org_names_text(&self, s: &str) -> bool {
        if let Some(name) = crate::lang::unspaced_letters(s) {
            return self.is_org_names_text(&name);
        }
        s.chars().count() <= 60
            && !s.starts_with("关于")
            && !s.contains(['。', '，', '；', '：', ':', ',', ';', '“', '”', '《', '》', '、'])
            && !is_date_line(s)
            && s.chars().next().is_some_and(starts_name)
            && crate::lang::blank_separated(s).iter().all(|(_, w)| ORG_ENDING.is_match(w) && w.chars().count() >= 3)
    }

    // ── 标题 ────────────────────────────────────────────────────────────────────────────
    /// A line that could be (part of) a title: no sentence punctuation, no colon, no ordinal.
    fn is_title_line(&self, j: usize) -> bool {
        let s = self.s(j);
        j < self.lines.len()
            && !ends_with_colon(s)
            && parse_ordinal(self.text, self.lines[j].span).is_none()
            && !s.starts_with("附件")
            && !is_date_line(s)
            && self.chars(j) <= 100
            && !TITLE_PUNCT.is_match(trim_title_tail(s))
            && !DOC_NUMBER_LINE.is_match(s)
            && !SIGNER.is_match(s)
            // `为了公共利益的需要，根据《…》…公告`: a sentence, however it ends.
            && !(s.contains(['，', ',']) && self.chars(j) > 30 && !s.contains("关于"))
            && !WEB_METADATA.is_match(s)
    }

    fn ends_in_kind(&self, j: usize) -> bool {
        TITLE_ENDING_WORD.is_match(trim_title_tail(self.s(j)))
    }

    fn title(&mut self, i: usize) -> usize {
        if i >= self.lines.len() {
            return i;
        }
        // A Markdown draft names its title with a heading.
        // Any level will do when the heading ends in a kind word (`### 关于…的请示`).
        if let Some(level) = self.lines[i].md_heading {
            let names_a_kind = TITLE_ENDING_WORD.is_match(trim_title_tail(self.s(i)));
            if (level <= 2 || names_a_kind) && !ends_with_colon(self.s(i)) {
                return self.take_title(i, i + 1);
            }
            return i;
        }
        if !self.is_title_line(i) {
            return i;
        }
        // An order's mark is its heading (GB/T 9704 10.2); what follows is its text.
        if self.doc.form == Form::Order && !self.s(i).contains("关于") {
            return i;
        }
        // A title may run over up to three lines (GB/T 9704 7.3.1 回行); the first may be the
        // joint issuers' names. It ends on the line that ends in a kind word.
        let lines_ok = |r: &Self, to: usize| (i..to).all(|j| r.is_title_line(j) && r.chars(j) <= 40);
        // Where a line ends in a word that is no legal kind (`…工程规划`) and the next ends in
        // one (`设计方案审查有关事项的通知`), the title runs on: the legal ending wins.
        let mut found: Option<usize> = None;
        for last in i..(i + 3).min(self.lines.len()) {
            if !self.is_title_line(last) {
                break;
            }
            // A long line that ends a sentence is the text's first paragraph, not the title run
            // on (`…活动实施方案` then `为深入贯彻落实公司关于开展……，制定本方案。`).
            if last > i && self.chars(last) > 40 && self.s(last).trim_end().ends_with(['。', '！', '？', '；']) {
                break;
            }
            let whole = self.lines[i].span.cover(self.lines[last].span).text(self.text);
            // `关于` or a kind word is what makes a line a title; a one-line sentence that
            // happens to end in 要点 is not one unless a 主送 or note follows.
            let titled = whole.contains("关于") || last > i || DocKind::parse(self.doc_title_kind_word(last)).is_some();
            if self.ends_in_kind(last) && (last == i || lines_ok(self, last)) && titled {
                let legal = DocKind::parse(self.doc_title_kind_word(last)).is_some()
                    || kind_from_title(trim_title_tail(whole)).is_some();
                if legal {
                    found = Some(last);
                    break;
                }
                found.get_or_insert(last);
            }
        }
        if let Some(last) = found {
            return self.take_title(i, last + 1);
        }
        if self.s(i).contains("关于") && !self.s(i).ends_with('。') {
            return self.take_title(i, i + 1);
        }
        // A first line followed by a 主送 line (or a note, then a 主送) is the title, whatever it
        // ends with.
        let after_notes = (i + 1..self.lines.len()).take(3).find(|&j| !self.is_preamble_line(j)).unwrap_or(i + 1);
        if self.ends_in_kind(i) || after_notes < self.lines.len() && self.looks_like_recipients(after_notes) {
            return self.take_title(i, i + 1);
        }
        i
    }

    fn doc_title_kind_word(&self, j: usize) -> &'t str {
        let tail = trim_title_tail(self.s(j));
        TITLE_ENDING_WORD.find(tail).map_or("", |m| m.as_str())
    }

    fn take_title(&mut self, from: usize, to: usize) -> usize {
        let span = self.lines[from].span.cover(self.lines[to - 1].span);
        let title = Field::new(span.text(self.text), span);
        let tail = trim_title_tail(&title.text);
        if let Some(m) = TITLE_ENDING_WORD.find(tail) {
            self.doc.title_ending = Some(Field::new(m.as_str(), title.span.sub(m.start(), m.end())));
        }
        // 在…会议上的讲话, ——在…上的发言, 在…专题协商会上的讲话: a speech, by what it is called.
        let spoken =
            self.doc.title_ending.as_ref().is_some_and(|e| super::kind::SPEECH_WORDS.contains(&e.text.as_str()));
        if spoken || title.text.contains("会议上") || title.text.contains("——在") {
            self.doc.form = Form::Speech;
        }
        self.doc.title = Some(title);
        self.mark(from..to, Part::Title);
        to
    }

    // ── 题注: what stands between the title and the 主送 ────────────────────────────────────
    /// A note under the title, a 文号 or 签发人 line printed there, a 期号, or a date.
    fn is_preamble_line(&self, j: usize) -> bool {
        let s = self.s(j);
        j < self.lines.len()
            && (TITLE_NOTE.is_match(s)
                || is_date_line(s)
                || DOC_NUMBER_LINE.is_match(s)
                || SIGNER.is_match(s)
                || ISSUE_NUMBER.is_match(s)
                || SEPARATOR.is_match(s)
                || ORG_AND_DATE.is_match(s))
    }

    /// Lines after the title that are neither 主送 nor 正文. Returns where the 主送 may start.
    fn preamble(&mut self, mut i: usize) -> usize {
        if self.doc.title.is_none() && self.doc.header.issuer_mark.is_none() {
            return i;
        }
        let start = i;
        while i < self.lines.len() && i < start + 5 {
            let s = self.s(i);
            let line = self.lines[i].span;
            if let Some(c) = DOC_NUMBER_LINE.captures(s) {
                if self.doc.header.doc_number.is_none() {
                    let m = c.name("docnum").expect("group exists");
                    let t = m.as_str().trim_end();
                    self.doc.header.doc_number = Some(Field::new(t, line.sub(m.start(), m.start() + t.len())));
                }
                if let Some(signer) = c.name("signer") {
                    push_signer(&mut self.doc.header, signer.as_str(), line.sub(signer.start(), signer.end()));
                }
            } else if SIGNER.is_match(s) {
                push_signer(&mut self.doc.header, s, line);
            } else if TITLE_NOTE.is_match(s) {
                if s.contains("会议上") || s.contains("讲话") {
                    self.doc.form = Form::Speech;
                }
            } else if WEB_METADATA.is_match(s) {
                // `类 别：B` printed by the website between the title and the text.
            } else if let Some(end) = self.repeated_title(i) {
                // The title printed again (web page title, then the document's own): keep the
                // fuller one — the one that names its issuer — as the title.
                let again = self.lines[i].span.cover(self.lines[end - 1].span);
                let again = Field::new(again.text(self.text), again);
                let current = self.doc.title.clone().expect("a title precedes its repetition");
                if before_guanyu(&again.text).len() > before_guanyu(&current.text).len() {
                    let old: Vec<usize> =
                        (0..self.lines.len()).filter(|&k| self.parts[k] == Some(Part::Title)).collect();
                    for k in old {
                        self.parts[k] = Some(Part::Preamble);
                        self.doc.preamble.push(self.field(k));
                    }
                    self.doc.title = None;
                    self.doc.title_ending = None;
                    self.take_title(i, end);
                } else {
                    self.mark(i..end, Part::Preamble);
                    let repeated: Vec<Field> = (i..end).map(|k| self.field(k)).collect();
                    self.doc.preamble.extend(repeated);
                }
                i = end;
                continue;
            } else if ISSUE_NUMBER.is_match(s) || SEPARATOR.is_match(s) {
                if self.doc.title_ending.as_ref().and_then(|e| DocKind::parse(&e.text)) == Some(DocKind::纪要) {
                    self.doc.form = Form::Minutes;
                }
            } else if is_date_line(s) || ORG_AND_DATE.is_match(s) {
                // A date under the title (公报, 决议, 纪要, web copies) is not the 成文日期 of a
                // signature block; a line after it decides nothing more.
            } else if self.doc.form == Form::Speech && (crate::org::is_personal_signature(s) || self.is_org_names(i)) {
                // The speaker: `市人民政府副市长　张三`.
            } else if crate::org::is_personal_signature(s)
                && i + 1 < self.lines.len()
                && self.looks_like_recipients(i + 1)
            {
                // Who presents a report to a congress, printed under its title:
                // `…代表资格审查委员会主任委员　黄镇东`, then the 主送.
            } else if self.is_org_names(i)
                && (i + 1 < self.lines.len() && (self.looks_like_recipients(i + 1) || self.is_preamble_line(i + 1))
                    || self.doc.title.as_ref().is_some_and(|t| t.text.starts_with(s)))
            {
                // The issuer's name printed under the title, above the 主送 (web copies repeat
                // the name the title begins with).
            } else {
                break;
            }
            self.doc.preamble.push(self.field(i));
            i += 1;
        }
        self.mark(start..i, Part::Preamble);
        i
    }

    /// Where a repetition of the title that starts at line `i` ends: the same `关于…` matter,
    /// on one line or after a line of the issuers' names.
    fn repeated_title(&self, i: usize) -> Option<usize> {
        let title = self.doc.title.as_ref()?;
        let matter = |s: &str| {
            s.find("关于")
                .map(|at| s[at..].chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect::<String>())
        };
        let wanted = matter(&title.text)?;
        // On one line, or wrapped over up to three, after an optional line of names.
        let from = if i + 1 < self.lines.len() && self.is_org_names(i) && self.s(i + 1).starts_with("关于") {
            i + 1
        } else {
            i
        };
        (from..(from + 3).min(self.lines.len())).find_map(|last| {
            let joined: String = (from..=last).map(|k| self.s(k)).collect();
            matter(&joined).is_some_and(|m| m == wanted).then_some(last + 1)
        })
    }

    // ── 主送机关 ──────────────────────────────────────────────────────────────────────
    fn looks_like_recipients(&self, i: usize) -> bool {
        let s = self.s(i);
        let body = s.trim_end_matches([':', '：']);
        ends_with_colon(s)
            && !s.contains('。')
            && parse_ordinal(self.text, self.lines[i].span).is_none()
            && self.chars(i) <= 150
            && !s.starts_with("附件")
            && !CC_LINE.is_match(s)
            && !body.is_empty()
            // "现将有关事项通知如下：" is a sentence, not a recipient list.
            && !body.ends_with("如下")
            && !body.contains("如下")
            && self.items_name_organs(body)
    }

    /// Most items of a 主送 name organs or groups of them; a sentence that ends in a colon
    /// (`为保障…用地需要，根据《…》的规定，现发布征收土地预公告：`) names none.
    fn items_name_organs(&self, body: &str) -> bool {
        let items: Vec<&str> = body.split(['，', '、', ',', '；']).map(str::trim).filter(|s| !s.is_empty()).collect();
        if items.len() < 2 {
            return !body.contains(['《', '“']);
        }
        let organ_like = items
            .iter()
            .filter(|i| {
                // An organ, a place sharing the organ word of a later item (`张家港市、常熟市、
                // 昆山市人民政府`), a leader (`区委张书记`, `市民政局主要领导`), or a group.
                ORG_ENDING.is_match(i)
                    || i.ends_with(['市', '县', '区', '旗', '州', '盟'])
                    || crate::org::names_person_by_office(i)
                    || ["各", "有关", "全体", "市直", "县直", "区直", "省直", "驻"].iter().any(|p| i.starts_with(p))
            })
            .count();
        organ_like * 2 >= items.len()
    }

    fn main_recipients(&mut self, i: usize) -> usize {
        if i >= self.lines.len() {
            return i;
        }
        // Wrapped 主送 lines end in 、 or ，, the last one in a colon.
        let mut j = i;
        while j < self.lines.len() && j < i + 4 && self.s(j).ends_with(['、', '，', ',']) && !self.s(j).contains('。')
        {
            j += 1;
        }
        // `市国资委、市发展改革委：2025年，集团公司……`: the 主送 runs into the first paragraph
        // on one line. The line is split where the list ends.
        if j == i && self.doc.title.is_some() && self.doc.form == Form::Standard {
            let s = self.s(i);
            if let Some(colon) = s.find('：').filter(|&at| at > 0 && s[..at].chars().count() <= 60)
                && let rest = &s[colon + '：'.len_utf8()..]
                && rest.chars().count() >= 10
                && rest.contains(['。', '，'])
                && !s[..colon].contains(['。', '，', '《', '“'])
                && parse_ordinal(self.text, self.lines[i].span).is_none()
                && ORG_ENDING.is_match(&s[..colon])
                && self.items_name_organs(&s[..colon])
            {
                let line = self.lines[i].span;
                let cut = line.start + colon + '：'.len_utf8();
                let mut body = self.lines[i].clone();
                body.span = crate::span::Span::new(cut, line.end);
                self.lines[i].span = crate::span::Span::new(line.start, cut);
                self.lines.insert(i + 1, body);
                self.parts.insert(i + 1, None);
                return self.take_recipients(i, i + 1);
            }
        }
        if j < self.lines.len() && self.looks_like_recipients(j) {
            if self.doc.form == Form::Speech {
                // `主任、各位副主任、秘书长、各位委员：` greets an audience; it sends nothing.
                let salutation: Vec<Field> = (i..=j).map(|k| self.field(k)).collect();
                self.doc.preamble.extend(salutation);
                self.mark(i..j + 1, Part::Preamble);
                return j + 1;
            }
            return self.take_recipients(i, j + 1);
        }
        // A 主送 line that forgot its colon: right after the title of a kind that is sent to
        // someone, short, ending in an organ name.
        let sent_to_someone =
            self.doc.title_ending.as_ref().and_then(|e| DocKind::parse(&e.text)).is_some_and(DocKind::takes_recipients);
        if self.doc.title.is_some()
            && sent_to_someone
            && !self.s(i).chars().any(|c| c.is_ascii_digit())
            && i + 1 < self.lines.len()
            && j == i
            && self.doc.form == Form::Standard
            && !self.s(i).contains(['。', '；', '：', ':'])
            && self.chars(i) <= 60
            && ORG_ENDING.is_match(self.s(i))
            && parse_ordinal(self.text, self.lines[i].span).is_none()
            && !is_date_line(self.s(i))
            && !is_date_line(self.s(i + 1))
            && !ORG_AND_DATE.is_match(self.s(i + 1))
        {
            return self.take_recipients(i, i + 1);
        }
        i
    }

    fn take_recipients(&mut self, from: usize, to: usize) -> usize {
        let span = self.lines[from].span.cover(self.lines[to - 1].span);
        self.doc.main_recipients = Some(recipient_list(self.text, span));
        self.mark(from..to, Part::MainRecipients);
        to
    }

    // ── 版记 (from the bottom) ────────────────────────────────────────────────────────
    /// Returns the index of the first line of the 版记 (or `lines.len()` when there is none).
    fn colophon(&mut self, floor: usize) -> usize {
        let n = self.lines.len();
        if n == 0 || floor >= n {
            return n;
        }
        let mut k = n; // exclusive: lines[k..] are colophon
        let last = n - 1;
        // A 抄送 line above an organ and a date without `印发` makes them the 印发机关 and 印发日期
        // only when a 成文日期 stands above that 抄送: a draft that writes its 抄送 above the
        // signature (`抄送：……` / `某某局` / `2025年3月3日`) is signed below it.
        let has_cc_above = |r: &Self, upto: usize| {
            let cc =
                (floor..upto).rev().take(6).find(|&j| CC_LINE.is_match(r.s(j)) || PUBLIC_ATTRIBUTE.is_match(r.s(j)));
            cc.is_some_and(|cc| (floor..cc).any(|j| is_date_line(r.s(j)) || ORG_AND_DATE.is_match(r.s(j))))
        };
        // 印发机关和印发日期: "机关  2023年9月22日印发" on one line, or the two on consecutive lines.
        if let Some(c) = PRINT_LINE.captures(self.s(last)) {
            let line = self.lines[last].span;
            let org = c.name("org").expect("group");
            let date = c.name("date").expect("group");
            if date.as_str().ends_with('发') || has_cc_above(self, last) {
                self.doc.colophon.printer = Some(Field::new(
                    org.as_str().trim_end(),
                    line.sub(org.start(), org.start() + org.as_str().trim_end().len()),
                ));
                self.doc.colophon.print_date = Some(Field::new(date.as_str(), line.sub(date.start(), date.end())));
                k = last;
            }
        } else if PRINT_DATE_LINE.is_match(self.s(last)) && last > floor {
            let s = self.s(last);
            let org_line = last - 1;
            let org_like = self.is_org_like(org_line);
            if org_like && (s.ends_with('发') || has_cc_above(self, org_line)) {
                self.doc.colophon.printer = Some(self.field(org_line));
                self.doc.colophon.print_date = Some(self.field(last));
                k = org_line;
            } else if s.ends_with('发') {
                self.doc.colophon.print_date = Some(self.field(last));
                k = last;
            }
        }
        // 抄送 / 主送 lines, possibly wrapped, and 公开方式 above them.
        let mut j = k;
        while j > floor {
            let s = self.s(j - 1);
            if let Some(c) = CC_LINE.captures(s) {
                let span = self.lines[j - 1].span.cover(self.lines[k.max(j) - 1].span);
                let span = if k > j { span } else { self.lines[j - 1].span };
                let label_len = c.get(0).expect("match").end();
                let list = recipient_list(self.text, Span::new(span.start + label_len, span.end));
                let list = RecipientList { field: Field::new(span.text(self.text), span), items: list.items };
                if &c["label"] == "抄送" {
                    self.doc.colophon.cc = Some(list);
                } else {
                    self.doc.colophon.main = Some(list);
                }
                j -= 1;
                k = j;
                continue;
            }
            if PUBLIC_ATTRIBUTE.is_match(s) {
                self.doc.public_attribute = Some(self.field(j - 1));
                self.mark(j - 1..j, Part::PublicAttribute);
                j -= 1;
                k = j;
                continue;
            }
            // A wrapped 抄送 continues on lines without a label, directly below it.
            if j - 1 > floor
                && self.s(j - 1).ends_with(['。', '，', '、'])
                && !self.s(j - 1).contains('：')
                && self.chars(j - 1) <= 80
            {
                let above = (floor..j - 1).rev().take(2).find(|&a| CC_LINE.is_match(self.s(a)));
                if above.is_some() {
                    j -= 1;
                    continue;
                }
            }
            break;
        }
        for idx in k..n {
            if self.parts[idx].is_none() {
                self.parts[idx] = Some(Part::Colophon);
            }
        }
        k
    }

    /// A `抄送：` line written above the signature or among the 正文 (drafters put it there too):
    /// it is the 抄送 wherever it stands, when the 版记 has none.
    fn misplaced_cc(&mut self, from: usize, to: usize) {
        if self.doc.colophon.cc.is_some() {
            return;
        }
        // Not in an attachment (a form may hold its own `抄送：` line): above the first label.
        let to = (from..to).find(|&j| ATTACHMENT_LABEL.is_match(self.s(j))).unwrap_or(to);
        let found = (from..to).rev().find(|&j| {
            self.parts[j].is_none()
                && CC_LINE.captures(self.s(j)).is_some_and(|c| &c["label"] == "抄送" && c.name("colon").is_some())
                && self.chars(j) <= 200
        });
        let Some(j) = found else { return };
        let span = self.lines[j].span;
        let label_len = CC_LINE.find(self.s(j)).expect("matched").end();
        let list = recipient_list(self.text, Span::new(span.start + label_len, span.end));
        self.doc.colophon.cc = Some(RecipientList { field: Field::new(span.text(self.text), span), items: list.items });
        self.parts[j] = Some(Part::Colophon);
    }

    /// A 署名 line: organ-like, and every name on it ends like an organ's name (so that the
    /// wrapped tail of an attachment name, “安排计划表”, is not taken for a signature).
    fn is_signature_like(&self, i: usize) -> bool {
        let s = self.s(i);
        // `某某局局长：杨建华`: a person signing, colon and all. Not the 附件 note's label
        // (`附件：…领导小组成员名单`, whose 领导 reads as a title).
        if s.contains(['：', ':'])
            && !NOTE_LABEL.is_match(s)
            && crate::org::is_personal_signature(s)
            && self.chars(i) <= 40
            && !s.contains(['。', '，'])
        {
            return true;
        }
        self.is_org_like(i)
            && (crate::org::is_personal_signature(s)
                || crate::lang::blank_separated(s).iter().all(|(_, w)| ORG_ENDING.is_match(w)))
    }

    fn is_signature_by_position(&self, i: usize) -> bool {
        let s = self.s(i);
        self.chars(i) <= 30
            && !s.contains(['。', '，', '；', '：', '、', '！', '？', ':', ',', ';', '“', '《'])
            && parse_ordinal(self.text, self.lines[i].span).is_none()
            && !CLOSING.is_match(s)
            && !s.starts_with("附件")
            && s.chars().next().is_some_and(starts_name)
            && self.lines[i].md_heading.is_none()
    }

    /// `某某县教育局　　2024年3月5日`: the 署名 and the 成文日期 on one line.
    fn org_and_date(&self, i: usize) -> Option<(Field, Field)> {
        self.org_and_date_with(i, false)
    }

    /// `by_position`: the line stands at the end of the main text, where a name before a date
    /// signs whatever its ending (`中华人民共和国连云渔港监督　2024年3月5日`).
    fn org_and_date_with(&self, i: usize, by_position: bool) -> Option<(Field, Field)> {
        let c = ORG_AND_DATE.captures(self.s(i))?;
        let (org, date) = (c.name("org")?, c.name("date")?);
        let line = self.lines[i].span;
        let names = org.as_str().trim_end_matches(crate::lang::is_blank);
        let ok = crate::lang::blank_separated(names).iter().all(|(_, w)| {
            // `2025 年 2 月 12 日`: a year spaced off its 年 is part of the date, not a name.
            !w.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                && (ORG_ENDING.is_match(w) || crate::org::is_personal_signature(w) || by_position)
        }) && names.chars().next().is_some_and(starts_name);
        ok.then(|| {
            (
                Field::new(names, line.sub(org.start(), org.start() + names.len())),
                Field::new(date.as_str(), line.sub(date.start(), date.end())),
            )
        })
    }

    fn is_org_like(&self, i: usize) -> bool {
        let s = self.s(i);
        self.chars(i) <= 40
            && !s.contains(['。', '，', '；', '：', ':', ',', '“', '、'])
            && !is_date_line(s)
            && parse_ordinal(self.text, self.lines[i].span).is_none()
            && !s.starts_with("附件")
            && !CC_LINE.is_match(s)
            && s.chars().next().is_some_and(starts_name)
    }

    // ── 正文, 附件说明, 署名, 成文日期, 附注, 附件 ──────────────────────────────────────
    fn main_and_attachments(&mut self, start: usize, end: usize) {
        // The end of the main text: the last lines, or what attachments, notes or a seal follow.
        let near_end = |j: usize| {
            self.doc.title.is_some()
                && (j + 3 >= end
                    || (j + 1 < end && {
                        let next = self.s(j + 1);
                        next.starts_with("附件") || is_seal(next) || is_annotation(next)
                    }))
        };
        // A date in figures alone on a line (20250312) is the 成文日期 only where one stands: under
        // a signature or at the end. Elsewhere it is a number (an account, a code) in the text.
        let dated = |j: usize| {
            DATE_LINE.is_match(self.s(j))
                || NUMERIC_DATE_LINE.is_match(self.s(j)) && (near_end(j) || j > start && self.is_signature_like(j - 1))
        };
        let date_idx = (start..end)
            .find(|&j| dated(j) || self.org_and_date(j).is_some())
            .or_else(|| (start..end).find(|&j| near_end(j) && self.org_and_date_with(j, true).is_some()));
        let (main_end, tail_start) = match date_idx {
            Some(d) => {
                let by_position = near_end(d);
                self.parts[d] = Some(Part::Date);
                // 署名 and 成文日期 on one line: `某某县教育局　　2024年3月5日`.
                let mut signature = Vec::new();
                if let Some((org, date)) = self.org_and_date_with(d, by_position) {
                    self.doc.date = Some(date);
                    signature.push(org);
                } else {
                    self.doc.date = Some(self.field(d));
                }
                // 署名: organ-like lines directly above the date (several for joint issuance),
                // with any `（盖章）` placeholder among them.
                let mut sig = d;
                while sig > start
                    && d - sig < 5
                    && (is_seal(self.s(sig - 1)) || self.is_signature_like(sig - 1) && !self.is_body_heading(sig - 1))
                {
                    sig -= 1;
                }
                // Right above the date, a short name-like line signs, whatever its ending
                // (`中华人民共和国连云渔港监督`): the position says it is the 署名.
                let above_seal = (start..d).rev().find(|&k| !is_seal(self.s(k)));
                if (sig == d || above_seal.is_some_and(|k| k < sig))
                    && let Some(k) =
                        above_seal.filter(|&k| self.doc.title.is_some() && self.is_signature_by_position(k))
                {
                    sig = k;
                }
                let above: Vec<Field> = (sig..d).filter(|&j| !is_seal(self.s(j))).map(|j| self.field(j)).collect();
                self.doc.signature = above.into_iter().chain(signature).collect();
                self.mark(sig..d, Part::Signature);
                let mut after = d + 1;
                while after < end && is_seal(self.s(after)) {
                    self.parts[after] = Some(Part::Signature);
                    after += 1;
                }
                if after < end && is_annotation(self.s(after)) && !ATTACHMENT_LABEL.is_match(self.s(after)) {
                    self.doc.annotation = Some(self.field(after));
                    self.parts[after] = Some(Part::Annotation);
                    after += 1;
                }
                (sig, after)
            }
            None => {
                // No date: attachments can still be recognised by their labels.
                let label = (start..end).find(|&j| ATTACHMENT_LABEL.is_match(self.s(j)) && j + 1 < end);
                (label.unwrap_or(end), label.unwrap_or(end))
            }
        };
        let body_end = self.attachment_note(start, main_end);
        for j in start..body_end {
            self.parts[j].get_or_insert(Part::Body);
        }
        self.attachments(tail_start, end);
        // Paragraphs with their ordinals, for the 正文 and every attachment.
        for j in 0..self.lines.len() {
            let part = match self.parts[j] {
                Some(p @ (Part::Body | Part::Attachment(_))) => p,
                None if j >= start && j < end => Part::Body,
                _ => continue,
            };
            self.parts[j] = Some(part);
            let line = &self.lines[j];
            self.doc.body.push(Paragraph {
                span: line.span,
                part,
                ordinal: parse_ordinal(self.text, line.span),
                md_heading: line.md_heading,
            });
        }
    }

    fn is_body_heading(&self, i: usize) -> bool {
        parse_ordinal(self.text, self.lines[i].span).is_some() || self.lines[i].md_heading.is_some()
    }

    /// Finds `附件：…` directly above the signature; returns where the 正文 ends.
    fn attachment_note(&mut self, start: usize, end: usize) -> usize {
        let Some(label_idx) = (start..end).rev().take(12).find(|&j| NOTE_LABEL.is_match(self.s(j))) else {
            return end;
        };
        // A closing written after the note (“特此报告。”) belongs to the 正文, not to the items.
        let end = (label_idx + 1..end).find(|&j| CLOSING.is_match(self.s(j))).unwrap_or(end);
        // Every line from the label down must read as an item, not as a sentence.
        if (label_idx + 1..end).any(|j| self.chars(j) > 80 || self.s(j).contains("。") && !self.s(j).ends_with('。'))
        {
            return end;
        }
        let label_line = self.lines[label_idx].span;
        let m = NOTE_LABEL.captures(self.s(label_idx)).expect("matched above");
        let label_len = m.get(0).expect("match").end();
        let colon = m.name("colon").expect("group");
        let label = Field::new(&self.s(label_idx)[..colon.end()], label_line.sub(0, colon.end()));
        let mut items: Vec<AttachmentNoteItem> = Vec::new();
        let first_rest = Span::new(label_line.start + label_len, label_line.end);
        let mut item_spans = Vec::new();
        if !first_rest.is_empty() {
            item_spans.push(first_rest);
        }
        item_spans.extend((label_idx + 1..end).map(|j| self.lines[j].span));
        let any_marked = item_spans.iter().any(|sp| NOTE_ITEM.is_match(sp.text(self.text)));
        for span in item_spans {
            let s = span.text(self.text);
            // A download link a web page prints under the note (`…通知.docx`) names no attachment.
            if DOWNLOAD_NAME.is_match(s) && !items.is_empty() {
                continue;
            }
            let captures = NOTE_ITEM.captures(s);
            // A name wrapped onto the next line (GB/T 9704 7.3.4 回行) continues the item above:
            // an unmarked line where the items are numbered, or below a line that ran to the
            // width of the page or left a bracket open.
            if captures.is_none()
                && let Some(prev) = items.last_mut()
            {
                let prev_text = &prev.name.text;
                let open = prev_text.matches(['（', '(', '《']).count() > prev_text.matches(['）', ')', '》']).count();
                if any_marked || open || prev_text.chars().count() >= 18 {
                    let joined = prev.name.span.cover(span);
                    prev.name = Field::new(joined.text(self.text), joined);
                    continue;
                }
            }
            let (number, marker, name_start) = match captures {
                Some(c) => {
                    let marker = c.name("marker").expect("group");
                    let n = c.name("n1").or(c.name("n2")).map(|m| m.as_str().parse().unwrap_or(0)).or_else(|| {
                        c.name("n3").and_then(|m| m.as_str().chars().next()).map(|ch| ch as u32 - '①' as u32 + 1)
                    });
                    (
                        n,
                        Some(Field::new(marker.as_str(), span.sub(marker.start(), marker.end()))),
                        c.get(0).expect("match").end(),
                    )
                }
                None => (None, None, 0),
            };
            let name = Span::new(span.start + name_start, span.end);
            items.push(AttachmentNoteItem { number, marker, name: Field::new(name.text(self.text), name) });
        }
        let span = label_line.cover(self.lines[end - 1].span);
        self.doc.attachment_note = Some(AttachmentNote { span, label, items });
        self.mark(label_idx..end, Part::AttachmentNote);
        label_idx
    }

    fn attachments(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        // An order promulgates the 规章 that follows it; a 印发/转发 notice issues its attachment.
        let forwarding =
            self.doc.form == Form::Order || self.doc.title.as_ref().is_some_and(|t| FORWARDING_TITLE.is_match(&t.text));
        let mut j = start;
        while j < end {
            let idx = self.doc.attachments.len();
            let (label, number, title_idx) = match ATTACHMENT_LABEL.captures(self.s(j)) {
                Some(c) => {
                    let number =
                        c.name("n").and_then(|m| m.as_str().parse().ok().or_else(|| parse_chinese_number(m.as_str())));
                    (Some(self.field(j)), number, j + 1)
                }
                None => (None, None, j),
            };
            let next_label = (title_idx..end).find(|&k| k > j && ATTACHMENT_LABEL.is_match(self.s(k))).unwrap_or(end);
            let title = (title_idx < next_label).then(|| self.field(title_idx));
            let span = self.lines[j].span.cover(self.lines[next_label - 1].span);
            // An unlabelled attachment of a 印发/转发 notice is the document being issued.
            let forwarded = forwarding;
            self.doc.attachments.push(Attachment { label, number, title, span, forwarded });
            self.mark(j..next_label, Part::Attachment(idx));
            j = next_label;
        }
    }

    // ── 文种, 发文机关, 行文方向 ──────────────────────────────────────────────────────
    fn kind_issuer_direction(&mut self) {
        let doc = &mut self.doc;
        if let Some(kind) = doc.stated("文种").and_then(|k| DocKind::parse(&k)) {
            doc.kind = Some(KindInfo { kind, evidence: Evidence::FrontMatter });
        } else if let Some(kind) = doc.title_ending.as_ref().and_then(|e| super::kind::stand_in_kind(&e.text)) {
            doc.kind = Some(KindInfo { kind, evidence: Evidence::StandIn });
        } else if let Some((kind, _)) = doc.title.as_ref().and_then(|t| kind_from_title(trim_title_tail(&t.text))) {
            doc.kind = Some(KindInfo { kind, evidence: Evidence::Title });
        } else if doc.form == Form::Order {
            doc.kind = Some(KindInfo { kind: DocKind::命令, evidence: Evidence::IssuerMark });
        }
        if doc.form == Form::Standard && doc.kind() == Some(DocKind::纪要) {
            doc.form = Form::Minutes;
        }
        let first_word = |f: &Field| {
            let name = f.text.split([' ', '\u{3000}']).find(|s| !s.is_empty()).unwrap_or(&f.text);
            // `那大镇人民政府（盖章）`: the seal's place is not part of the name.
            let name = match SEAL_AFTER.find(name) {
                Some(seal) if seal.start() > 0 => &name[..seal.start()],
                _ => name,
            }
            .to_string();
            Issuer { span: Some(f.span.sub(0, name.len())), name, evidence: Evidence::Signature }
        };
        // A 纪要 names its meeting between the organ and the kind (`某县人大常委会主任会议纪要`,
        // `某市人民政府第15次常务会议纪要`, `某局局务会议纪要`), read across a line break as a
        // wrapped 版头 is: the organ is the longest name the meeting's designation follows. A
        // topic between them (`某县乡村振兴工作领导小组会议`) leaves the organ unknown, and
        // GW004 says so, rather than guessing `某县乡`.
        let minutes = doc.kind.as_ref().is_some_and(|k| k.kind == DocKind::纪要);
        let minutes_organ = |title: &Field, kind_at: usize| {
            // The meeting's designation: its number, its kind, or the office of who chairs it
            // (局长办公会议, 总经理办公会议: `org::starts_with_title`).
            const MEETING_WORDS: &[&str] = &[
                "第", "常务", "局务", "厅务", "委务", "署务", "校务", "院务", "所务", "行务", "党组", "党委", "常委",
                "专题", "办公", "全体", "联席", "扩大", "董事",
            ];
            let designated =
                |rest: &str| MEETING_WORDS.iter().any(|w| rest.starts_with(w)) || crate::org::starts_with_title(rest);
            let before = &title.text[..kind_at];
            if !minutes || before.contains("关于") || before.contains('的') {
                return None;
            }
            // The title's characters without its line breaks, each with where it ends in the title.
            let kept: Vec<(char, usize)> = before
                .char_indices()
                .filter(|&(_, c)| c != '\n' && c != '\r' && !crate::lang::is_blank(c))
                .map(|(at, c)| (c, at + c.len_utf8()))
                .collect();
            let joined: String = kept.iter().map(|&(c, _)| c).collect();
            let ends: Vec<usize> = joined.char_indices().map(|(at, _)| at).collect();
            let count = (2..ends.len())
                .rev()
                .find(|&n| TITLE_ORGAN.is_match(&joined[..ends[n]]) && designated(&joined[ends[n]..]))?;
            // Joint meetings (`县委办公室、县政府办公室联席会议`): the lead organ.
            let organ = &joined[..ends[count]];
            let lead = organ.split('、').next().unwrap_or(organ);
            let lead_count = lead.chars().count();
            Some(Issuer {
                name: lead.to_string(),
                evidence: Evidence::Title,
                span: Some(title.span.sub(0, kept[lead_count - 1].1)),
            })
        };
        let from_title = |title: &Field| {
            // Only a legal kind word (令, 公告, 通告…) is preceded by the organ; “……暂行办法” is not.
            let before_ending = doc
                .title_ending
                .as_ref()
                .filter(|e| DocKind::parse(&e.text).is_some())
                .map(|e| e.span.start - title.span.start);
            // A 纪要's title is read whole, wherever it is broken.
            if let Some(organ) = before_ending.and_then(|at| minutes_organ(title, at)) {
                return Some(organ);
            }
            // A masthead-like title whose first line is the organ alone (`某区人大常委会` over
            // `主任会议纪要`).
            let first_line = title.text.lines().next().unwrap_or_default();
            let organ_line = (first_line.len() < title.text.len()
                && TITLE_ORGAN.is_match(first_line)
                && !first_line.contains("关于"))
            .then_some(first_line.len());
            let at = title.text.find("关于").filter(|&at| at > 0).or(organ_line).or_else(|| {
                // “江门市卫生健康局令”, “示例县水务局公告”: the organ, then the kind.
                before_ending.filter(|&at| {
                    let organ = &title.text[..at];
                    at > 0 && TITLE_ORGAN.is_match(organ) && !organ.contains("关于") && !organ.contains('的')
                })
            });
            // The lead organ: the first name on the line that runs into `关于` (joint issuers
            // are blank-separated; a title over two lines may carry its issuers on the first).
            at.and_then(|at| {
                let prefix = &title.text[..at];
                let line_start = prefix.trim_end_matches(crate::lang::is_blank).rfind('\n').map_or(0, |p| p + 1);
                let (offset, name) = *crate::lang::blank_separated(&prefix[line_start..]).first()?;
                let from = line_start + offset;
                Some(Issuer {
                    name: name.to_string(),
                    evidence: Evidence::Title,
                    span: Some(title.span.sub(from, from + name.len())),
                })
            })
        };
        // The first (lead) organ of the mark, without `文件` or the `令` of an order.
        let form = doc.form;
        let lead_of_mark = |mark: &Field| {
            // `文件` read first from its text box beside stacked names: the names follow it.
            let text = match mark.text.strip_prefix("文件") {
                Some(rest) if rest.starts_with('\n') => rest.trim_start_matches(['\n', ' ', '\u{3000}']),
                _ => mark.text.as_str(),
            };
            let skipped = mark.text.len() - text.len();
            // A name wrapped over two lines, or set in spaced letters, is one name.
            let first_line = text.lines().next().unwrap_or_default();
            let joined = if text.contains('\n') && !ORG_ENDING.is_match(first_line) {
                Some(text.lines().collect::<String>())
            } else {
                crate::lang::unspaced_letters(first_line)
            };
            if let Some(joined) = joined {
                let name = joined.trim_end_matches("文件").to_string();
                return Issuer { span: Some(mark.span), name, evidence: Evidence::IssuerMark };
            }
            let names = text.trim_end_matches("文件");
            let names = if form == Form::Order { names.strip_suffix('令').unwrap_or(names) } else { names };
            let name = crate::lang::blank_separated(names).first().map_or(names, |(_, w)| w).trim().to_string();
            let at = skipped + text.find(&name).unwrap_or(0);
            Issuer { span: Some(mark.span.sub(at, at + name.len())), name, evidence: Evidence::IssuerMark }
        };
        let bulletin = doc.title_ending.as_ref().is_some_and(|e| e.text == super::kind::BULLETIN_WORD);
        // An organ's signature first; a person's (“局长　梁某某”) only when nothing else names
        // the organ, and then as the office held (“示例市市长”).
        doc.issuer = if let Some(name) = doc.stated("发文机关") {
            Some(Issuer { name, evidence: Evidence::FrontMatter, span: None })
        } else if let Some(first) = doc.signature.iter().find(|f| !crate::org::is_personal_signature(&f.text)) {
            Some(first_word(first))
        } else if let Some(mark) = &doc.header.issuer_mark {
            Some(lead_of_mark(mark))
        } else if let Some(issuer) = doc.title.as_ref().and_then(from_title) {
            Some(issuer)
        } else if let Some(issuer) = doc.preamble.iter().find_map(speaker_organ).filter(|_| doc.form == Form::Speech) {
            Some(issuer)
        } else if let Some(issuer) = doc.preamble.iter().find_map(|line| compiler(line, bulletin)) {
            Some(issuer)
        } else {
            // Only a person signs (`某局局长　艾尔肯·吐尔逊`): the organ is the office's.
            doc.signature.first().map(first_word).map(|mut issuer| {
                if let Some(organ) = crate::org::organ_before_title(&issuer.name).map(str::to_string) {
                    issuer.span = issuer.span.map(|s| s.sub(0, organ.len()));
                    issuer.name = organ;
                }
                issuer
            })
        };
        // A signature often gives the short name the 版头 or the title gives in full
        // (七道江镇人民政府 under 白山市浑江区七道江镇人民政府关于…): the full name places the organ.
        if let Some(issuer) = &mut doc.issuer
            && issuer.evidence == Evidence::Signature
        {
            let mark_name = doc.header.issuer_mark.as_ref().map(|m| lead_of_mark(m).name);
            let title_name = doc.title.as_ref().and_then(from_title).map(|i| i.name);
            if let Some(full) = [mark_name, title_name]
                .into_iter()
                .flatten()
                .find(|full| full.len() > issuer.name.len() && full.ends_with(issuer.name.as_str()))
            {
                issuer.name = full;
            }
        }
        doc.direction = if let Some(d) = doc.stated("行文方向").and_then(|d| Direction::parse(&d)) {
            Some((d, Evidence::FrontMatter))
        } else {
            doc.kind().and_then(DocKind::default_direction).map(|d| (d, Evidence::KindDefault))
        };
    }
}

/// The organ a speaker speaks for: `某某市人民政府副市长　张三` → 某某市人民政府.
fn speaker_organ(line: &Field) -> Option<Issuer> {
    static OFFICE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?:常务)?副?(?:市长|县长|区长|省长|州长|旗长|镇长|乡长|局长|厅长|主任|书记|秘书长|主席|院长|检察长)")
    });
    let at = OFFICE.find(&line.text)?.start();
    let organ = line.text[..at].trim_end_matches(crate::lang::is_blank);
    (organ.chars().count() >= 3 && ORG_ENDING.is_match(organ)).then(|| Issuer {
        name: organ.to_string(),
        evidence: Evidence::Speaker,
        span: Some(line.span.sub(0, organ.len())),
    })
}

/// Who compiles a 简报 or a 通讯, on its masthead: `某某社区居民委员会编　　2025年7月25日`,
/// `县委办公室编印`; on a 简报's, the organ beside the date says it without the 编
/// (`某开发区管理委员会办公室　　2025年12月18日`).
fn compiler(line: &Field, bulletin: bool) -> Option<Issuer> {
    static COMPILED_BY: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?P<organ>[^\s，。；：,;:“”]{3,40}?)(?:编印|编发|主办|编)(?:[ \t\u{3000}]|$)"));
    let organ = match COMPILED_BY.captures(&line.text) {
        Some(c) => c.name("organ")?,
        None if bulletin => ORG_AND_DATE.captures(&line.text)?.name("org")?,
        None => return None,
    };
    ORG_ENDING.is_match(organ.as_str()).then(|| Issuer {
        name: organ.as_str().to_string(),
        evidence: Evidence::Compiler,
        span: Some(line.span.sub(organ.start(), organ.end())),
    })
}

fn push_signer(h: &mut Header, s: &str, span: Span) {
    h.signer_lines.push(Field::new(s, span));
    let Some(names) = SIGNER.captures(s).and_then(|c| c.name("names")) else { return };
    let (list, base) = (names.as_str(), names.start());
    let mut word_start = None;
    let mut words: Vec<(usize, usize)> = Vec::new();
    for (i, c) in list.char_indices().chain(std::iter::once((list.len(), ' '))) {
        if matches!(c, ' ' | '\u{3000}' | '、' | '，' | ',') {
            if let Some(from) = word_start.take() {
                words.push((from, i));
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    // A two-character name is typeset padded to three (“王　五”): one-character pieces separated
    // only by blanks are one name.
    let single = |w: (usize, usize)| list[w.0..w.1].chars().count() == 1;
    let blanks_between = |a: usize, b: usize| list[a..b].chars().all(|c| c == ' ' || c == '\u{3000}');
    let mut k = 0;
    while k < words.len() {
        let (from, mut to) = words[k];
        if single(words[k]) && k + 1 < words.len() && single(words[k + 1]) && blanks_between(to, words[k + 1].0) {
            to = words[k + 1].1;
            k += 1;
        }
        h.signers.push(Field::new(&list[from..to], span.sub(base + from, base + to)));
        k += 1;
    }
}

/// What a title says before its `关于` (its issuers), without blanks.
fn before_guanyu(title: &str) -> String {
    title.find("关于").map_or("", |at| &title[..at]).chars().filter(|c| !c.is_whitespace()).collect()
}

/// A file name a web page links for download.
static DOWNLOAD_NAME: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\.(?:docx?|wps|pdf|xlsx?|et|ofd|zip|rar|jpg|png)$"));

/// The first character of a name: a 汉字, or a placeholder for one (`××县`, `X市`, `某某局`).
fn starts_name(c: char) -> bool {
    crate::lang::is_han(c) || matches!(c, '×' | 'Ｘ' | 'X' | 'x')
}

fn ends_with_colon(s: &str) -> bool {
    s.ends_with(['：', ':'])
}

/// A title without its trailing punctuation and notes: `（征求意见稿）`, `(试行)`,
/// `——在…会议上`, so that the kind word is what it ends with.
fn trim_title_tail(s: &str) -> &str {
    let s = match s.find("——") {
        Some(at) if at > 0 => &s[..at],
        _ => s,
    };
    let s = s.trim_end_matches(crate::lang::is_blank);
    let s = match s.strip_suffix(['）', ')']) {
        Some(inner) => match inner.rfind(['（', '(']) {
            Some(open) if open > 0 && !inner[open..].contains(['）', ')']) => &s[..open],
            _ => s,
        },
        None => s,
    };
    s.trim_end_matches(|c: char| {
        crate::lang::is_blank(c)
            || matches!(c, '。' | '，' | '；' | '：' | '！' | '？' | '.' | ',' | ';' | ':' | '!' | '?')
    })
}

/// Split a recipient list at 、，, ; outside brackets, dropping the final colon or full stop.
pub(crate) fn recipient_list(text: &str, span: Span) -> RecipientList {
    let s = span.text(text);
    let body_len = s.trim_end_matches(['：', ':', '。', '.', ' ', '\u{3000}']).len();
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut item_start = 0;
    let push = |from: usize, to: usize, items: &mut Vec<Field>| {
        let raw = &s[from..to];
        let lead = raw.len() - raw.trim_start_matches(crate::lang::is_blank).len();
        let t = raw.trim_matches(crate::lang::is_blank);
        if !t.is_empty() {
            items.push(Field::new(t, span.sub(from + lead, from + lead + t.len())));
        }
    };
    for (i, c) in s[..body_len].char_indices() {
        match c {
            '（' | '(' | '〔' | '[' | '【' => depth += 1,
            '）' | ')' | '〕' | ']' | '】' => depth -= 1,
            '、' | '，' | ',' | '；' | ';' | '\n' | '\r' if depth <= 0 => {
                push(item_start, i, &mut items);
                item_start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(item_start, body_len, &mut items);
    RecipientList { field: Field::new(s, span), items }
}
