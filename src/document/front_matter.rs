//! The optional leading `---` block in which a draft states what its text leaves implicit.
//! A small, strict reader of flat `键: 值` and list values — the subset of YAML drafts use — that
//! reports every line it cannot read instead of guessing.

use crate::span::Span;
use serde::Serialize;

/// Keys a draft may state (contract.md "Front matter"), and the further facts rules consult.
pub const KNOWN_KEYS: &[&str] = &[
    "文种",
    "发文机关",
    "主送",
    "抄送",
    "签发人",
    "成文日期",
    "密级",
    "紧急程度",
    "行文方向",
    "经政府同意",
    "越级批准",
    "领导交办",
    "报批依据",
    "会议日期",
    "来函日期",
    "规范性文件",
    "专门文件",
    "重要公文",
    "公开方式",
    "草稿",
    "合法性审核",
    "公平竞争审查",
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FmValue {
    Text(String),
    List(Vec<String>),
}

impl FmValue {
    pub fn as_text(&self) -> String {
        match self {
            FmValue::Text(s) => s.clone(),
            FmValue::List(items) => items.join("、"),
        }
    }

    pub fn items(&self) -> Vec<String> {
        match self {
            FmValue::Text(s) if s.is_empty() => Vec::new(),
            FmValue::Text(s) => vec![s.clone()],
            FmValue::List(items) => items.clone(),
        }
    }

    /// yes/no values: 是/否, true/false.
    pub fn as_bool(&self) -> Option<bool> {
        match self.as_text().trim() {
            "是" | "true" | "yes" | "有" | "已同意" => Some(true),
            "否" | "false" | "no" | "无" => Some(false),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct FmEntry {
    pub key: String,
    pub key_span: Span,
    pub value: FmValue,
    pub value_span: Span,
}

#[derive(Clone, Debug, Serialize)]
pub struct FrontMatter {
    pub span: Span,
    pub entries: Vec<FmEntry>,
    /// Lines that could not be read, or unknown keys: reported by `invalid-front-matter`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<(Span, String)>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&FmEntry> {
        self.entries.iter().find(|e| e.key == key)
    }

    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).map(|e| e.value.as_text()).filter(|s| !s.is_empty())
    }
}

/// Lines with their spans and line-break-free content.
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (Span, &str)> {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let raw = &rest[..end];
        let content = raw.trim_end_matches(['\n', '\r']);
        let span = Span::new(pos, pos + content.len());
        pos += end;
        Some((span, content))
    })
}

/// Parses a front-matter block at the very start of `text`; returns it and the byte offset at
/// which the draft proper begins.
pub fn parse(text: &str) -> (Option<FrontMatter>, usize) {
    let mut lines = lines_from(text, 0);
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return (None, 0),
    }
    let mut entries: Vec<FmEntry> = Vec::new();
    let mut problems = Vec::new();
    for (span, line) in lines {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            let body_start = (span.end + 1).min(text.len());
            let body_start = if text[span.end..].starts_with("\r\n") { span.end + 2 } else { body_start };
            return (Some(FrontMatter { span: Span::new(0, span.end), entries, problems }), body_start);
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ").or_else(|| (trimmed == "-").then_some("")) {
            // A block-list item continues the previous key.
            match entries.last_mut() {
                Some(entry) if line.starts_with([' ', '\t', '-']) => {
                    let item = unquote(item.trim());
                    match &mut entry.value {
                        FmValue::List(items) => items.push(item),
                        FmValue::Text(s) if s.is_empty() => entry.value = FmValue::List(vec![item]),
                        FmValue::Text(_) => problems.push((span, format!("“{}”已有取值，不能再跟列表项", entry.key))),
                    }
                    entry.value_span = entry.value_span.cover(span);
                }
                _ => problems.push((span, "列表项之前没有键".to_string())),
            }
            continue;
        }
        let Some(colon) = trimmed.find([':', '：']) else {
            problems.push((span, format!("无法识别的行“{trimmed}”：应为“键: 值”")));
            continue;
        };
        let lead = line.len() - line.trim_start().len();
        let key = trimmed[..colon].trim().to_string();
        let colon_len = trimmed[colon..].chars().next().map_or(1, char::len_utf8);
        let raw_value = trimmed[colon + colon_len..].trim();
        let key_span = Span::new(span.start + lead, span.start + lead + colon);
        let value_offset = span.start + lead + colon + colon_len;
        let value_span = Span::new(value_offset, span.end);
        if !KNOWN_KEYS.contains(&key.as_str()) {
            problems.push((key_span, format!("未知的前置元数据键“{key}”（可用：{}）", KNOWN_KEYS.join("、"))));
        }
        if entries.iter().any(|e| e.key == key) {
            problems.push((key_span, format!("键“{key}”重复出现")));
        }
        let value = if let Some(inner) = raw_value.strip_prefix('[') {
            match inner.strip_suffix(']') {
                Some(list) => FmValue::List(split_outside_brackets(list)),
                None => {
                    problems.push((value_span, "列表缺少右方括号“]”".to_string()));
                    FmValue::Text(String::new())
                }
            }
        } else {
            FmValue::Text(unquote(raw_value))
        };
        entries.push(FmEntry { key, key_span, value, value_span });
    }
    // No closing fence: not front matter at all; the draft starts at the top.
    (None, 0)
}

/// List items separated by , ， or 、 — but not inside brackets, so that
/// “各县（市、区）人民政府” stays one item.
fn split_outside_brackets(list: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match c {
            '（' | '(' | '〔' | '【' | '《' => depth += 1,
            '）' | ')' | '〕' | '】' | '》' => depth -= 1,
            ',' | '，' | '、' if depth <= 0 => {
                items.push(unquote(&list[start..i]));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    items.push(unquote(&list[start..]));
    items.retain(|s| !s.is_empty());
    items
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.to_string();
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scalars_and_lists() {
        let text =
            "---\n文种: 请示\n主送: [江门市人民政府]\n抄送:\n  - 市财政局\n  - 市审计局\n签发人：\"张某\"\n---\n正文";
        let (fm, body) = parse(text);
        let fm = fm.unwrap();
        assert_eq!(&text[body..], "正文");
        assert_eq!(fm.text("文种").as_deref(), Some("请示"));
        assert_eq!(fm.get("主送").unwrap().value.items(), ["江门市人民政府"]);
        assert_eq!(fm.get("抄送").unwrap().value.items(), ["市财政局", "市审计局"]);
        assert_eq!(fm.text("签发人").as_deref(), Some("张某"));
        assert!(fm.problems.is_empty(), "{:?}", fm.problems);
        assert_eq!(fm.get("文种").unwrap().value_span.text(text).trim(), "请示");
    }

    #[test]
    fn reports_unknown_keys_and_broken_lines() {
        let text = "---\r\n文中: 请示\r\n这一行没有冒号\r\n主送: [甲\r\n---\r\n";
        let (fm, body) = parse(text);
        let fm = fm.unwrap();
        assert_eq!(body, text.len());
        assert_eq!(fm.problems.len(), 3, "{:?}", fm.problems);
    }

    #[test]
    fn list_items_keep_bracketed_separators() {
        let (fm, _) = parse("---\n主送: [各县（市、区）人民政府, 市直各单位]\n---\n");
        assert_eq!(fm.unwrap().get("主送").unwrap().value.items(), ["各县（市、区）人民政府", "市直各单位"]);
    }

    #[test]
    fn unclosed_block_is_not_front_matter() {
        assert!(parse("---\n文种: 请示\n正文").0.is_none());
        assert!(parse("正文").0.is_none());
    }
}
