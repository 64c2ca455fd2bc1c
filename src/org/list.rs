//! Splitting a 主送 / 抄送 line into its items.

use crate::span::Span;

/// Words that name only a kind of area: “各省、自治区、直辖市人民政府” and “各市、县（区）人民政府”
/// are one item each, so a 、 after such a word does not end an item.
const AREA_WORDS: &[&str] = &[
    "省",
    "自治区",
    "直辖市",
    "市",
    "地级以上市",
    "计划单列市",
    "副省级市",
    "省辖市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
    "镇",
    "乡",
    "乡镇",
    "街道",
];

/// The items of a 主送 or 抄送 line, each with its byte range in `text`.
///
/// Items are separated by ，,；; and 、 outside parentheses (so “各县（市、区）人民政府” stays
/// whole), and by line breaks. A leading “主送：”/“抄送：” label, surrounding spaces and the
/// closing colon or full stop are left out of the items.
pub fn split_list(text: &str) -> Vec<(String, Span)> {
    let start = label_end(text);
    let mut items = Vec::new();
    let mut depth: usize = 0;
    let mut item_start = start;
    let Some(body) = text.get(start..) else {
        return items;
    };
    for (offset, c) in body.char_indices() {
        let at = start + offset;
        match c {
            '（' | '(' | '〔' | '[' | '【' | '《' | '「' | '“' => depth += 1,
            '）' | ')' | '〕' | ']' | '】' | '》' | '」' | '”' => depth = depth.saturating_sub(1),
            '，' | ',' | '；' | ';' | '\n' if depth == 0 => {
                push_item(text, item_start, at, &mut items);
                item_start = at + c.len_utf8();
            }
            '、' if depth == 0 => {
                let so_far = text.get(item_start..at).unwrap_or("").trim();
                let only_area_words = so_far.trim_start_matches('各').split('、').all(|w| AREA_WORDS.contains(&w));
                if !only_area_words {
                    push_item(text, item_start, at, &mut items);
                    item_start = at + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    push_item(text, item_start, text.len(), &mut items);
    items
}

/// Where the items begin: after a “主送：” or “抄送：” label, if there is one.
fn label_end(text: &str) -> usize {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    for label in ["主送", "抄送"] {
        if let Some(rest) = trimmed.strip_prefix(label) {
            let rest_trimmed = rest.trim_start();
            for colon in ['：', ':'] {
                if let Some(after) = rest_trimmed.strip_prefix(colon) {
                    return lead + (trimmed.len() - after.len());
                }
            }
        }
    }
    0
}

fn push_item(text: &str, start: usize, end: usize, items: &mut Vec<(String, Span)>) {
    let Some(raw) = text.get(start..end) else {
        return;
    };
    let leading = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim().trim_end_matches(['：', ':', '。', '.']).trim_end();
    if trimmed.is_empty() {
        return;
    }
    let item_start = start + leading;
    items.push((trimmed.to_string(), Span::new(item_start, item_start + trimmed.len())));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[(String, Span)]) -> Vec<&str> {
        items.iter().map(|(text, _)| text.as_str()).collect()
    }

    #[test]
    fn the_seed_main_recipient_line() {
        let line = "各县（市、区）人民政府，市政府各部门、各直属事业单位：";
        let items = split_list(line);
        assert_eq!(texts(&items), ["各县（市、区）人民政府", "市政府各部门", "各直属事业单位"]);
        for (text, span) in &items {
            assert_eq!(span.text(line), text);
        }
        assert_eq!(items[0].1, Span::new(0, "各县（市、区）人民政府".len()));
        let second = line.find("市政府各部门").unwrap();
        assert_eq!(items[1].1, Span::new(second, second + "市政府各部门".len()));
        assert_eq!(items[2].1.end, line.len() - "：".len());
    }

    #[test]
    fn the_seed_copy_line() {
        let line = "市纪委监委，市委有关部委办，市人大常委会办公室，市政协办公室，市中级人民法院，市检察院。";
        let items = split_list(line);
        assert_eq!(
            texts(&items),
            ["市纪委监委", "市委有关部委办", "市人大常委会办公室", "市政协办公室", "市中级人民法院", "市检察院"]
        );
        for (text, span) in &items {
            assert_eq!(span.text(line), text);
        }
    }

    #[test]
    fn labels_spaces_and_half_width_marks() {
        let line = "抄送： 市委办公室 , 市人大常委会办公室;市政协办公室.";
        let items = split_list(line);
        assert_eq!(texts(&items), ["市委办公室", "市人大常委会办公室", "市政协办公室"]);
        for (text, span) in &items {
            assert_eq!(span.text(line), text);
        }
    }

    #[test]
    fn area_word_lists_stay_whole() {
        let items = split_list("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：");
        assert_eq!(texts(&items), ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]);
        let items = split_list("各市、县（区）人民政府：");
        assert_eq!(texts(&items), ["各市、县（区）人民政府"]);
        let items = split_list("各镇人民政府、街道办事处：");
        assert_eq!(texts(&items), ["各镇人民政府", "街道办事处"]);
    }

    #[test]
    fn degenerate_input_yields_no_items_and_no_panic() {
        assert!(split_list("").is_empty());
        assert!(split_list("：").is_empty());
        assert!(split_list("，，、").is_empty());
        assert_eq!(texts(&split_list("（未闭合，括号")), ["（未闭合，括号"]);
        assert_eq!(texts(&split_list("）多余）、右括号")), ["）多余）", "右括号"]);
    }
}
