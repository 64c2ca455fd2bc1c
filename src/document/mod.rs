//! The 公文 document model: the parts of GB/T 9704 (版头, 主体, 版记) recognised with byte spans
//! from a Markdown or plain-text draft, the 文种 and 行文方向, and the masks that keep content
//! rules off text that is not the draft's own words. Built once per file and shared by every
//! rule; parts a draft does not have stay `None` — nothing is invented.

pub mod chars;
pub mod editions;
pub mod front_matter;
pub mod kind;
pub mod lines;
pub mod masks;
mod recognise;
pub mod requests;
mod search;
pub mod structure;

pub use chars::CharSummary;
pub use editions::Standard;
pub use front_matter::FrontMatter;
pub use kind::{Direction, DocKind};
pub use lines::{Comment, Line};
pub use masks::{MaskKind, MaskSet, Masks};
pub use recognise::{DATE_LINE, DOC_NUMBER, NUMERIC_DATE_LINE, recognise};
pub use structure::{Ordinal, OrdinalStyle};

use crate::span::{Field, Span};
use serde::Serialize;

/// Where a fact about the document came from, so `gwlint parse` can say why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Evidence {
    /// 标题
    Title,
    /// 前置元数据
    FrontMatter,
    /// gwlint.toml [document]
    Config,
    /// 发文机关署名
    Signature,
    /// 发文机关标志
    IssuerMark,
    /// 文种的惯常行文方向
    KindDefault,
    /// 机构关系
    Organisations,
    /// The speaker's office under a speech's title (`市人民政府副市长　张三`).
    Speaker,
    /// A title ending in a word that is no legal kind but does one's work (`情况汇报` is a 报告,
    /// `申请报告` a 请示): GW103 reports the word, the other rules check the kind it stands for.
    StandIn,
    /// Who compiles a 简报, on its masthead (`某某办公室编`).
    Compiler,
}

impl Evidence {
    pub fn zh(self) -> &'static str {
        match self {
            Evidence::Title => "标题",
            Evidence::FrontMatter => "前置元数据",
            Evidence::Config => "配置文件",
            Evidence::Signature => "发文机关署名",
            Evidence::IssuerMark => "发文机关标志",
            Evidence::KindDefault => "文种惯例",
            Evidence::Organisations => "机构关系",
            Evidence::Speaker => "报告人职务",
            Evidence::StandIn => "标题中的非法定文种名称",
            Evidence::Compiler => "编印单位",
        }
    }
}

/// The part of the document a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Part {
    /// 版头
    Header,
    /// 标题
    Title,
    /// 主送机关
    MainRecipients,
    /// 正文
    Body,
    /// 附件说明
    AttachmentNote,
    /// 发文机关署名
    Signature,
    /// 成文日期
    Date,
    /// 附注
    Annotation,
    /// 附件 (index into `Document::attachments`)
    Attachment(usize),
    /// 公开方式
    PublicAttribute,
    /// Lines between the 标题 and the 主送 or 正文 that are neither: a note under the title
    /// (`（2024年3月1日）`, `——在…会议上的报告`, `第12期`), an issuer or speaker line, or the
    /// salutation of a speech (`主任、各位副主任：`).
    Preamble,
    /// 版记
    Colophon,
}

impl Part {
    pub fn zh(self) -> &'static str {
        match self {
            Part::Header => "版头",
            Part::Title => "标题",
            Part::MainRecipients => "主送机关",
            Part::Body => "正文",
            Part::AttachmentNote => "附件说明",
            Part::Signature => "发文机关署名",
            Part::Date => "成文日期",
            Part::Annotation => "附注",
            Part::Attachment(_) => "附件",
            Part::PublicAttribute => "公开方式",
            Part::Preamble => "题注",
            Part::Colophon => "版记",
        }
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Header {
    /// 份号
    pub copy_number: Option<Field>,
    /// 密级和保密期限
    pub secrecy: Option<Field>,
    /// 紧急程度
    pub urgency: Option<Field>,
    /// 发文机关标志
    pub issuer_mark: Option<Field>,
    /// A routing note above the 版头: `呈：市政府钱秘书长阅示`.
    pub routing_note: Option<Field>,
    /// 发文字号
    pub doc_number: Option<Field>,
    /// 签发人 (names only)
    pub signers: Vec<Field>,
    /// The whole `签发人：…` text, for format checks.
    pub signer_lines: Vec<Field>,
}

/// 主送机关 (or 抄送), the whole text and its items split at 、，outside brackets.
#[derive(Clone, Debug, Serialize)]
pub struct RecipientList {
    pub field: Field,
    pub items: Vec<Field>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AttachmentNoteItem {
    /// The number written before the name, if any.
    pub number: Option<u32>,
    /// The marker as written (`1.`, `1、`, `（1）`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<Field>,
    pub name: Field,
}

/// 附件说明: `附件：1.XXXX` and its continuation lines.
#[derive(Clone, Debug, Serialize)]
pub struct AttachmentNote {
    pub span: Span,
    /// The `附件：` label with its colon.
    pub label: Field,
    pub items: Vec<AttachmentNoteItem>,
}

/// An attachment after the 成文日期: labelled (`附件1`) or the body of a document the draft
/// 印发/转发s.
#[derive(Clone, Debug, Serialize)]
pub struct Attachment {
    /// `附件` / `附件2` as written; None for an unlabelled (印发) attachment.
    pub label: Option<Field>,
    pub number: Option<u32>,
    pub title: Option<Field>,
    pub span: Span,
    /// Whether it is a document the draft 印发/转发/批转 (its content is not the draft's words).
    pub forwarded: bool,
}

/// 版记
#[derive(Clone, Debug, Default, Serialize)]
pub struct Colophon {
    /// 主送 moved to the 版记.
    pub main: Option<RecipientList>,
    /// 抄送
    pub cc: Option<RecipientList>,
    /// 印发机关
    pub printer: Option<Field>,
    /// 印发日期 as written, with any 印发/发 suffix.
    pub print_date: Option<Field>,
}

/// The form a document takes, where it differs from the ordinary 公文 layout of GB/T 9704 7.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Form {
    /// 文件格式 or a plain draft.
    #[default]
    Standard,
    /// 命令（令）格式 (GB/T 9704 10.2): `X人民政府令` and `第N号`, signed by the head of the organ.
    Order,
    /// A 报告 delivered as a speech (`——在…会议上`), addressed by a salutation, not a 主送.
    Speech,
    /// 纪要格式 (GB/T 9704 10.3).
    Minutes,
}

impl Form {
    pub fn zh(self) -> &'static str {
        match self {
            Form::Standard => "一般格式",
            Form::Order => "命令（令）格式",
            Form::Speech => "讲话稿式报告",
            Form::Minutes => "纪要格式",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct KindInfo {
    pub kind: DocKind,
    pub evidence: Evidence,
}

#[derive(Clone, Debug, Serialize)]
pub struct Issuer {
    pub name: String,
    pub evidence: Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A line of the 正文 or of an attachment, with its 层次序数 when it starts with one.
#[derive(Clone, Debug, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub part: Part,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<Ordinal>,
    /// A Markdown heading level, when the draft uses `#` headings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub md_heading: Option<u8>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Document {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub front_matter: Option<FrontMatter>,
    pub header: Header,
    pub title: Option<Field>,
    /// Lines between the title and the 主送 or 正文 (see `Part::Preamble`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Field>,
    pub form: Form,
    pub kind: Option<KindInfo>,
    /// The word at the end of the title that names (or should name) the kind: 通知, 方案, 汇报…
    pub title_ending: Option<Field>,
    pub issuer: Option<Issuer>,
    pub direction: Option<(Direction, Evidence)>,
    pub main_recipients: Option<RecipientList>,
    pub body: Vec<Paragraph>,
    pub attachment_note: Option<AttachmentNote>,
    pub signature: Vec<Field>,
    pub date: Option<Field>,
    pub annotation: Option<Field>,
    pub attachments: Vec<Attachment>,
    pub public_attribute: Option<Field>,
    pub colophon: Colophon,
    /// Every content line of the draft, in order, with the part it belongs to.
    pub lines: Vec<(Line, Part)>,
    /// Sender and addressees resolved against the organisation model (set by the engine).
    pub parties: crate::org::Parties,
    /// The requests the 正文 makes (set by the engine, once the sender is known).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<requests::OwnRequest>,
    /// Asking words in the 正文 that are not the draft's own requests, with the reason.
    pub not_requests: Vec<requests::SetAside>,
    #[serde(skip)]
    pub comments: Vec<Comment>,
    #[serde(skip)]
    pub masks: Masks,
    /// When the draft was written, as far as it says (`editions::written`; set with the model,
    /// asked by every rule whose standard changed over the years).
    #[serde(skip)]
    pub written: Option<editions::Written>,
}

impl Document {
    pub fn kind(&self) -> Option<DocKind> {
        self.kind.as_ref().map(|k| k.kind)
    }

    pub fn direction(&self) -> Option<Direction> {
        self.direction.map(|d| d.0)
    }

    /// A front-matter value, when the draft states one.
    pub fn stated(&self, key: &str) -> Option<String> {
        self.front_matter.as_ref().and_then(|fm| fm.text(key))
    }

    pub fn stated_bool(&self, key: &str) -> Option<bool> {
        self.front_matter.as_ref().and_then(|fm| fm.get(key)).and_then(|e| e.value.as_bool())
    }

    /// Content lines of the given parts.
    pub fn lines_in<'a>(&'a self, parts: &'a [PartFilter]) -> impl Iterator<Item = &'a (Line, Part)> + 'a {
        self.lines.iter().filter(move |(_, part)| parts.iter().any(|f| f.accepts(*part)))
    }

    /// Paragraphs of the 正文 only (not attachments).
    pub fn body_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.body.iter().filter(|p| p.part == Part::Body)
    }

    /// The last paragraph of the 正文 — where a closing phrase (结语) stands.
    pub fn last_body_paragraph(&self, text: &str) -> Option<&Paragraph> {
        self.closing_paragraphs(text).last().copied()
    }

    /// The 正文's paragraphs up to its 结语: without the contact lines (`联系人：…`) drafters
    /// write into the body after it, which are a 附注 (GB/T 9704 7.3.7).
    pub fn closing_paragraphs(&self, text: &str) -> Vec<&Paragraph> {
        let mut paragraphs: Vec<&Paragraph> = self.body_paragraphs().collect();
        while paragraphs.len() > 1 && paragraphs.last().is_some_and(|p| is_contact_line(p.span.text(text))) {
            paragraphs.pop();
        }
        paragraphs
    }

    /// Whether anything marks this text as a 公文 at all: a legal kind, a 主送, a 发文字号 or
    /// 发文机关标志, a signature or a date in words, a `关于…` title, or the form of a speech or a 简报. A
    /// README (`本仓库说明`) or notes have none of these; document rules do not judge them (GW004
    /// says so once).
    pub fn looks_like_official_document(&self) -> bool {
        self.kind.is_some()
            || self.main_recipients.is_some()
            || self.header.doc_number.is_some()
            || self.header.issuer_mark.is_some()
            || !self.signature.is_empty()
            // A date in figures alone (`2026-12-05`) dates notes as readily as a 公文.
            || self.date.as_ref().is_some_and(|d| !NUMERIC_DATE_LINE.is_match(&d.text))
            || self.title.as_ref().is_some_and(|t| t.text.contains("关于"))
            // A speech (在…会议上的讲话) or a bulletin (工作简报): a document whose kind the rules
            // cannot check, not something else. (Any kind word would not do: a README's
            // `本仓库说明` ends in 说明.)
            || self.form == Form::Speech
            || self.title_ending.as_ref().is_some_and(|e| e.text == kind::BULLETIN_WORD)
    }

    /// Whether the draft's title says it 印发/转发/批转s another document.
    pub fn forwards(&self) -> bool {
        self.attachments.iter().any(|a| a.forwarded)
    }
}

/// Selects parts for `Document::lines_in`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartFilter {
    Is(Part),
    AnyAttachment,
    Everything,
}

impl PartFilter {
    fn accepts(self, part: Part) -> bool {
        match self {
            PartFilter::Is(p) => p == part,
            PartFilter::AnyAttachment => matches!(part, Part::Attachment(_)),
            PartFilter::Everything => true,
        }
    }
}

#[cfg(test)]
mod tests;

/// A line giving whom to contact (`联系人：…`, `（联系人：…，联系电话：…）`): a 附注
/// (GB/T 9704 7.3.7), wherever the drafter put it.
pub(crate) fn is_contact_line(line: &str) -> bool {
    let text = line.trim_start_matches(|c: char| crate::lang::is_blank(c) || c == '（' || c == '(');
    ["联系人", "联系电话", "联系方式", "联 系 人"].iter().any(|w| text.starts_with(w))
}
