use super::common::{after, prev_char};
use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, MaskSet};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct RelativeTime;

static META: RuleMeta = RuleMeta {
    code: "GW509",
    name: "relative-time",
    summary: "相对时间（今年、下周、近日等）写明具体年月日",
    category: Category::Numbers,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "实务：公文中的日期写明具体的年、月、日（沿用已于2012年7月1日停止执行的《国家行政机关公文处理办法》的做法）",
    fix: FixAvailability::None,
    needs: &[],
    docs: "公文从起草、印发到执行、归档，时间跨度可能很长，“今年”“下周”“近日”在读者手中所指不明。\
提示正文中的相对时间词：今年、去年、明年、本月、上月、下月、本周、上周、下周、近日、日前、近期，建议写明具体日期（“请于2024年6月14日前报送”）。\n\n\
不提示：“X月X日前”中的“日前”（是期限，不是“前几天”）；“过去年度”“注明年份”“如今年轻”这类只是字面相连的词；\
作定语的“近期”（“近期火灾事故教训”“近期目标”“近期、中期、远期”），只在“将于近期召开”“近期将开展”“近期内完成”这类安排时间的用法中提示；“每月5日前报送上月进展”这类周期性安排中的“上月”“本周”；标题已写明年份时（“关于做好2024年汛期工作的通知”）的“今年”“去年”“明年”；报告、通报、纪要中惯用的“今年以来”“去年以来”；引号、书名号内的文字和所印发、转发文件的正文。\
只作提示，是否改写由起草人决定。",
    bad: "请于下周五前报送。",
    good: "请于2024年6月14日前报送。",
};

static WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"今年|去年|明年|本月|上月|下月|本周|上周|下周|近日|日前|近期").expect("valid"));

static TITLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{4}年|[〇零一二三四五六七八九]{4}年").expect("valid"));

/// Characters that, before the word, make it part of another word: 过去年度, 注明年份, 如今年轻, 以上月份.
fn joined_before(word: &str, prev: char) -> bool {
    let set = match word {
        "今年" => "至迄如当古而现",
        "去年" => "过除减失离回死抹",
        "明年" => "说证表声查阐发光文清透鲜分高英简严公开昌申注写载标列指讲辨探失照聪精昭澄黎",
        "上月" | "下月" | "上周" | "下周" => "以之在其",
        "近日" => "最临接靠邻附将",
        "近期" => "最临接靠邻附",
        _ => "",
    };
    set.contains(prev)
}

/// Characters after the word that make it part of another word: 本周期, 上周边, 近日照.
fn joined_after(word: &str, rest: &str) -> bool {
    match word {
        "本周" | "上周" | "下周" => rest.starts_with(['期', '边', '围', '转', '长', '年']),
        "近日" => rest.starts_with(['期', '照', '点']),
        _ => false,
    }
}

impl Rule for RelativeTime {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let summary_kind = matches!(cx.doc.kind(), None | Some(DocKind::报告 | DocKind::通报 | DocKind::纪要));
        // A title that names the year (关于做好2024年汛期工作的通知) anchors 今年/去年/明年.
        let title_year = cx.doc.title.as_ref().is_some_and(|t| TITLE_YEAR.is_match(&t.text));
        for (line, _) in cx.doc.lines_matching(text, &WORDS) {
            let s = line.span.text(text);
            for m in WORDS.find_iter(s) {
                let word = m.as_str();
                let prev = prev_char(s, m.start());
                let rest = after(s, m.end());
                if prev.is_some_and(|p| joined_before(word, p)) || joined_after(word, rest) {
                    continue;
                }
                // 日前 is “a few days ago” only where it starts a clause; after a date or a word
                // (3月5日前, 截止日前, 工作日前) it is a deadline.
                if word == "日前" && prev.is_some_and(|p| is_han(p) || p.is_ascii_alphanumeric()) {
                    continue;
                }
                if word == "近期" && !schedules(prev, rest) {
                    continue;
                }
                // 每月5日前报送上月进展: a recurring schedule, where the word names the cycle.
                if !matches!(word, "近日" | "日前" | "近期")
                    && sentence_has(s, m.start(), &["每月", "每周", "每年", "每季度", "逐月", "按月", "按周"])
                {
                    continue;
                }
                if title_year && matches!(word, "今年" | "去年" | "明年") {
                    continue;
                }
                if summary_kind && matches!(word, "今年" | "去年") && rest.starts_with("以来") {
                    continue;
                }
                let span = line.span.sub(m.start(), m.end());
                if cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                    continue;
                }
                out.push(
                    Finding::new(span, format!("“{word}”是相对时间，建议写明具体的年、月、日"))
                        .help("公文的阅读、执行时间可能与成文时间相距较远，写明具体日期可避免误解")
                        .en(format!("Relative time “{word}”: state the exact date")),
                );
            }
        }
    }
}

/// “近期” as the time of something the draft schedules (将于近期召开, 近期将开展, 近期内完成),
/// not as an adjective (近期火灾事故教训, 近期目标, 近期、中期、远期).
fn schedules(prev: Option<char>, rest: &str) -> bool {
    const AFTER: [&str; 15] =
        ["，", "将", "拟", "要", "内", "前", "召开", "举行", "举办", "开展", "组织", "出台", "印发", "完成", "报送"];
    prev.is_some_and(|p| "于在将拟".contains(p)) || AFTER.iter().any(|w| rest.starts_with(w))
}

/// The sentence around `at` contains one of `words`.
fn sentence_has(s: &str, at: usize, words: &[&str]) -> bool {
    let start = s.get(..at).and_then(|h| h.rfind(['。', '；'])).map_or(0, |i| i + 3);
    let end = s.get(at..).and_then(|t| t.find(['。', '；'])).map_or(s.len(), |i| at + i);
    let sentence = s.get(start..end).unwrap_or("");
    words.iter().any(|w| sentence.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn relative_words_are_info() {
        let d = lint_text(
            "t.txt",
            "关于做好防汛工作的通知\n各区人民政府：\n请于下周五前报送。今年汛期，市政府将于近期召开会议。日前，市政府召开会议。\n",
            "GW509",
        );
        assert_eq!(d.len(), 4, "{d:?}");
        assert!(d.iter().all(|x| x.severity == crate::diagnostic::Severity::Info));
    }

    #[test]
    fn deadlines_and_look_alikes_are_silent() {
        let text = "关于做好防汛工作的通知\n各区人民政府：\n请于3月5日前报送，申报截止日前提交。过去年度的数据，注明年份，以上月份，本周期内。近期目标、中期目标和远期目标。深刻汲取近期火灾事故教训。引用“今年要办好十件实事”。每月5日前报送上月工作进展。\n";
        assert!(codes_in("t.txt", text, "GW509").is_empty(), "{:?}", codes_in("t.txt", text, "GW509"));
    }

    #[test]
    fn a_year_in_the_title_anchors_jin_nian() {
        let text = "关于做好2024年汛期安全生产工作的通知\n各区应急管理局：\n各单位要认真部署今年汛期安全生产工作，请于下周五前报送。\n";
        assert_eq!(codes_in("t.txt", text, "GW509"), ["GW509:下周"]);
    }

    #[test]
    fn jin_nian_yi_lai_in_reports() {
        let report = "关于上半年工作情况的报告\n市人民政府：\n今年以来，我局认真贯彻落实。\n";
        assert!(codes_in("t.txt", report, "GW509").is_empty());
        let notice = "关于做好防汛工作的通知\n各区人民政府：\n今年以来降雨偏多。\n";
        assert_eq!(codes_in("t.txt", notice, "GW509").len(), 1);
    }
}
