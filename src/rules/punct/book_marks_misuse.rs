use super::words::WORDS;
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct BookMarksMisuse;

static META: RuleMeta = RuleMeta {
    code: "GW404",
    name: "book-marks-misuse",
    summary: "会议、活动、机构、证照、奖项等名称不用书名号",
    category: Category::Punctuation,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 附录A 书名号用法补充",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "书名号标示书名、篇名、报刊名、文件名等作品名称。会议、论坛、活动、竞赛、展会、机构、证照和奖项的名称不是作品，\
不加书名号，需要突出时可用引号。\n\n\
只报书名号内的名称以这些词结尾的情形：会议、大会、论坛、峰会、座谈会、研讨会、活动、竞赛、大赛、比赛、展览、博览会、\
交易会、中心、委员会、办公室、公司、“××局”（不含“格局”“大局”等）、“××奖”（不含“嘉奖”等）、\
“许可证”“营业执照”“资格证”等证照。以文书名称结尾的（“……会议纪要”“在……会议上的讲话”“……活动方案”）是文件名，不报。\
为提示级别；去掉书名号的修改需人工确认（`--unsafe-fixes`）。",
    bad: "市政府将于5月举办《2024示例市招商引资大会》。",
    good: "市政府将于5月举办2024示例市招商引资大会。",
};

/// What kind of name `name` is, by its last word: 会议, 活动, 机构, 证照 or 奖项.
fn kind_of(name: &str) -> Option<&'static str> {
    let w = &WORDS.book_marks_misuse.words;
    if w.exceptions.iter().any(|e| name.ends_with(e.as_str())) {
        return None;
    }
    [(&w.meeting, "会议"), (&w.event, "活动"), (&w.organ, "机构"), (&w.licence, "证照"), (&w.award, "奖项")]
        .into_iter()
        .find(|(words, _)| words.iter().any(|e| name.ends_with(e.as_str())))
        .map(|(_, kind)| kind)
}

impl Rule for BookMarksMisuse {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BlockQuote);
        for (line, _) in &cx.doc.lines {
            if !line.chars.may_contain('《') {
                continue;
            }
            let s = line.span.text(text);
            for (open, close) in book_title_pairs(s) {
                let name = &s[open + '《'.len_utf8()..close];
                let n = name.chars().count();
                if !(3..=40).contains(&n) {
                    continue;
                }
                let Some(what) = kind_of(name) else { continue };
                let span = line.span.sub(open, close + '》'.len_utf8());
                // Inside someone's quoted words (the 《 itself is quoted), not the draft's own.
                if cx.doc.masks.hits(skip, line.span.sub(open, open + '《'.len_utf8())) {
                    continue;
                }
                let open_span = line.span.sub(open, open + '《'.len_utf8());
                let close_span = line.span.sub(close, close + '》'.len_utf8());
                out.push(
                    Finding::new(span, format!("{what}名称不是作品名称，一般不加书名号：《{name}》"))
                        .help("去掉书名号；需要突出时可改用引号")
                        .fix(Fix::unsafe_("去掉书名号", vec![Edit::delete(open_span), Edit::delete(close_span)]))
                        .en(format!("Names of meetings, events, organisations, licences and awards take no book-title marks: 《{name}》")),
                );
            }
        }
    }
}

/// Innermost 《…》 pairs on one line, as byte offsets of 《 and 》.
fn book_title_pairs(s: &str) -> Vec<(usize, usize)> {
    let mut stack = Vec::new();
    let mut pairs = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '《' => stack.push(i),
            '》' => {
                if let Some(open) = stack.pop() {
                    pairs.push((open, i));
                }
            }
            _ => {}
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use crate::test_support::codes_in;

    #[test]
    fn meetings_events_organs_licences_awards() {
        let text = "市政府将于5月举办《2024示例市招商引资大会》，同期开展《安全生产月活动》。\n\
申请人须持有《食品经营许可证》和《营业执照》，由《示例市政务服务中心》受理。\n拟推荐申报《示例市科学技术进步奖》。\n";
        let hits = codes_in("t.txt", text, "GW404");
        assert_eq!(hits.len(), 6, "{hits:?}");
    }

    #[test]
    fn word_list_examples() {
        for e in &super::WORDS.book_marks_misuse.examples_fire {
            assert!(super::kind_of(e.trim_matches(['《', '》'])).is_some(), "{e} should fire");
        }
        for e in &super::WORDS.book_marks_misuse.examples_silent {
            assert!(super::kind_of(e.trim_matches(['《', '》'])).is_none(), "{e} should stay silent");
        }
    }

    #[test]
    fn documents_and_works_are_fine() {
        let text = "印发《示例市2024年安全生产工作会议纪要》和《在全市安全生产工作会议上的讲话》。\n\
制定《示例市“安全生产月”活动方案》，学习《习近平谈治国理政》。\n研究当前《新发展格局》。\n\
按照《示例市人民政府工作规则》执行。\n";
        assert!(codes_in("t.txt", text, "GW404").is_empty(), "{:?}", codes_in("t.txt", text, "GW404"));
    }
}
