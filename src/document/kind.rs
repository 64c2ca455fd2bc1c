//! 文种: the fifteen legal kinds of TL第八条, recognised from a title's ending or stated in
//! front matter, and the 行文方向 each implies by default.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum DocKind {
    决议,
    决定,
    命令,
    公报,
    公告,
    通告,
    意见,
    通知,
    通报,
    报告,
    请示,
    批复,
    议案,
    函,
    纪要,
}

impl DocKind {
    pub const ALL: [DocKind; 15] = [
        DocKind::决议,
        DocKind::决定,
        DocKind::命令,
        DocKind::公报,
        DocKind::公告,
        DocKind::通告,
        DocKind::意见,
        DocKind::通知,
        DocKind::通报,
        DocKind::报告,
        DocKind::请示,
        DocKind::批复,
        DocKind::议案,
        DocKind::函,
        DocKind::纪要,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            DocKind::决议 => "决议",
            DocKind::决定 => "决定",
            DocKind::命令 => "命令",
            DocKind::公报 => "公报",
            DocKind::公告 => "公告",
            DocKind::通告 => "通告",
            DocKind::意见 => "意见",
            DocKind::通知 => "通知",
            DocKind::通报 => "通报",
            DocKind::报告 => "报告",
            DocKind::请示 => "请示",
            DocKind::批复 => "批复",
            DocKind::议案 => "议案",
            DocKind::函 => "函",
            DocKind::纪要 => "纪要",
        }
    }

    /// A 文种 word as written in front matter or config (accepts 令 and the accepted names:
    /// 会议纪要, 复函, 答复, 决定书).
    pub fn parse(word: &str) -> Option<DocKind> {
        let word = word.trim();
        if matches!(word, "令" | "命令（令）" | "命令(令)") {
            return Some(DocKind::命令);
        }
        if let Some(&(_, kind)) = ACCEPTED_NAMES.iter().find(|(name, _)| *name == word) {
            return Some(kind);
        }
        DocKind::ALL.into_iter().find(|k| k.zh() == word)
    }

    /// Whether a kind is sent to a 主送机关; those that publish, record or enact (公告, 通告,
    /// 令, 纪要, 公报, 决议, 决定) may stand without one.
    pub fn takes_recipients(self) -> bool {
        matches!(
            self,
            DocKind::请示
                | DocKind::报告
                | DocKind::通知
                | DocKind::函
                | DocKind::批复
                | DocKind::意见
                | DocKind::通报
                | DocKind::议案
        )
    }

    /// The direction a kind implies when nothing else says: 请示/报告/议案 go up, 函 goes
    /// across, the directive kinds go down; 意见 and 纪要 can go any way.
    pub fn default_direction(self) -> Option<Direction> {
        match self {
            DocKind::请示 | DocKind::报告 | DocKind::议案 => Some(Direction::Up),
            DocKind::函 => Some(Direction::Across),
            DocKind::命令
            | DocKind::决定
            | DocKind::决议
            | DocKind::通知
            | DocKind::通报
            | DocKind::批复
            | DocKind::公告
            | DocKind::通告
            | DocKind::公报 => Some(Direction::Down),
            DocKind::意见 | DocKind::纪要 => None,
        }
    }
}

/// Names in common use for a legal kind that are not its word in 条例第八条: 会议纪要 and 复函,
/// used as much as the legal words; a reply to a proposal titled 答复, which is a 函; a
/// 房屋征收决定书, which is a 决定. (航行通告 and the like end in the legal word itself.)
pub const ACCEPTED_NAMES: &[(&str, DocKind)] =
    &[("会议纪要", DocKind::纪要), ("复函", DocKind::函), ("答复", DocKind::函), ("决定书", DocKind::决定)];

/// The accepted names as common as the legal word, about which nothing need be said.
const USUAL_NAMES: &[&str] = &["会议纪要", "复函"];

/// Title endings, longest first so that 会议纪要 beats 纪要 and 复函 beats 函.
const TITLE_ENDINGS: &[(&str, DocKind)] = &[
    ("决定书", DocKind::决定),
    ("答复", DocKind::函),
    // Doubled kinds (GW103 reports them) mean the first of the two.
    ("请示报告", DocKind::请示),
    ("申请报告", DocKind::请示),
    ("报告请示", DocKind::请示),
    ("会议纪要", DocKind::纪要),
    ("实施意见", DocKind::意见),
    ("指导意见", DocKind::意见),
    ("决议", DocKind::决议),
    ("决定", DocKind::决定),
    ("命令", DocKind::命令),
    ("公报", DocKind::公报),
    ("公告", DocKind::公告),
    ("通告", DocKind::通告),
    ("意见", DocKind::意见),
    ("通知", DocKind::通知),
    ("通报", DocKind::通报),
    ("报告", DocKind::报告),
    ("请示", DocKind::请示),
    ("批复", DocKind::批复),
    ("议案", DocKind::议案),
    ("复函", DocKind::函),
    ("纪要", DocKind::纪要),
    ("函", DocKind::函),
    ("令", DocKind::命令),
];

/// The 文种 a title ends with, and the byte length of that ending. Trailing punctuation is
/// ignored (GW308 reports it); text inside 《》 never counts, because only the last word outside
/// the book-title marks names the kind.
/// Title endings that are no legal kind but do one's work, and the kind: a drafter who ends a
/// title in `情况汇报` writes a 报告, in `申请报告` a 请示. Doubled kinds (GW103) are here too.
const STAND_INS: &[(&str, DocKind)] = &[
    ("请示报告", DocKind::请示),
    ("申请报告", DocKind::请示),
    ("报告请示", DocKind::请示),
    ("请示函", DocKind::函),
    ("申请函", DocKind::函),
    ("情况汇报", DocKind::报告),
    ("工作汇报", DocKind::报告),
    ("汇报", DocKind::报告),
    ("申请", DocKind::请示),
];

/// Title endings of a speech (在…会议上的讲话).
pub const SPEECH_WORDS: [&str; 3] = ["讲话", "发言", "致辞"];

/// The title ending of a 简报: an internal bulletin with issues of its own.
pub const BULLETIN_WORD: &str = "简报";

/// Whether a title ending names writing that is no 公文 at all (a speech, a greeting, a
/// bulletin): no legal kind to correct it to.
pub fn names_no_gongwen(ending: &str) -> bool {
    SPEECH_WORDS.contains(&ending) || matches!(ending, "贺信" | "贺电") || ending == BULLETIN_WORD
}

/// A 纪要's roll line (GB/T 9704-2012 10.3): `出席：…`, `请假：…`, `列席：…`, the colon perhaps
/// missing (GW314 asks for it).
pub static ROLL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?P<label>出席|请假|列席)(?:人员)?(?P<blank>[ \u{3000}]*)(?P<colon>[:：])?").expect("valid")
});

/// A roll under another label (参会人员：…), which GW314 asks to write as 出席.
pub static OTHER_ROLL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?P<label>参会人员|参加人员|与会人员|参会人员名单|参加会议人员)[ \u{3000}]*[:：]")
        .expect("valid")
});

/// Where the names of a roll line begin (after its label and colon), if `line` is one.
pub fn roll_names_start(line: &str) -> Option<usize> {
    let roll = ROLL.captures(line).and_then(|c| {
        let blank = c.name("blank").filter(|b| !b.is_empty());
        c.name("colon").or(blank).map(|m| m.end())
    });
    roll.or_else(|| OTHER_ROLL.find(line).map(|m| m.end()))
}

/// The legal kind a non-legal title ending stands in for, if it stands in for one.
pub fn stand_in_kind(ending: &str) -> Option<DocKind> {
    STAND_INS.iter().find(|(word, _)| *word == ending).map(|(_, kind)| *kind)
}

pub fn kind_from_title(title: &str) -> Option<(DocKind, usize)> {
    title_kind(title).map(|t| (t.kind, t.len))
}

/// The kind word a title ends with, as found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TitleKind {
    pub kind: DocKind,
    /// The ending as listed (答复, 批复), without the blanks a typesetter may have put inside it.
    pub word: &'static str,
    /// Where the ending starts in the title, in bytes.
    pub start: usize,
    /// Byte length of the ending in the title, blanks inside it included.
    pub len: usize,
}

impl TitleKind {
    /// Whether the title names its kind by an accepted name (答复, 决定书 …) rather than the word
    /// of 条例第八条.
    pub fn is_accepted_name(&self) -> bool {
        ACCEPTED_NAMES.iter().any(|(name, _)| *name == self.word)
    }

    /// An accepted name less usual than the legal word (答复, 决定书): worth a word to the drafter.
    pub fn is_unusual_name(&self) -> bool {
        self.is_accepted_name() && !USUAL_NAMES.contains(&self.word)
    }
}

/// Like `kind_from_title`, with the word that matched. Blanks inside the ending are typesetting
/// (`……的 批 复` from a web page that spaced a two-character kind to the title's width) and are
/// not read as a break in the word.
pub fn title_kind(title: &str) -> Option<TitleKind> {
    let trimmed = title.trim_end_matches(|c: char| {
        crate::lang::is_blank(c)
            || matches!(c, '。' | '，' | '；' | '：' | '！' | '？' | '.' | ',' | ';' | ':' | '!' | '?')
    });
    if trimmed.ends_with('》') {
        return None;
    }
    // The last few characters, blanks dropped, each with where it starts in `trimmed`.
    let tail: Vec<(usize, char)> =
        trimmed.char_indices().rev().filter(|(_, c)| !crate::lang::is_blank(*c)).take(6).collect();
    let compact: String = tail.iter().rev().map(|(_, c)| *c).collect();
    for &(ending, kind) in TITLE_ENDINGS {
        if compact.ends_with(ending) {
            // 令 is the order form "…人民政府令" / "…局令", not a word like 口令 or 指令.
            let issuer_before = compact
                .strip_suffix('令')
                .is_some_and(|b| b.ends_with(['府', '部', '院', '局', '委', '厅', '署', '行', '办']));
            if ending == "令" && !issuer_before {
                return None;
            }
            let start = tail[ending.chars().count() - 1].0;
            return Some(TitleKind { kind, word: ending, start, len: trimmed.len() - start });
        }
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Direction {
    /// 上行文
    Up,
    /// 下行文
    Down,
    /// 平行文
    Across,
}

impl Direction {
    pub fn zh(self) -> &'static str {
        match self {
            Direction::Up => "上行文",
            Direction::Down => "下行文",
            Direction::Across => "平行文",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        match s.trim() {
            "上行" | "上行文" | "up" => Some(Direction::Up),
            "下行" | "下行文" | "down" => Some(Direction::Down),
            "平行" | "平行文" | "across" | "parallel" => Some(Direction::Across),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_ending_wins() {
        assert_eq!(kind_from_title("关于2024年上半年工作情况的通报").map(|k| k.0), Some(DocKind::通报));
        assert_eq!(kind_from_title("市政府第5次常务会议纪要").map(|k| k.0), Some(DocKind::纪要));
        assert_eq!(kind_from_title("关于同意设立示例公园的复函").map(|k| k.0), Some(DocKind::函));
        assert_eq!(kind_from_title("江门市人民政府令").map(|k| k.0), Some(DocKind::命令));
        assert_eq!(kind_from_title("江门市卫生健康局令").map(|k| k.0), Some(DocKind::命令));
        assert_eq!(kind_from_title("关于申请建设资金的请示报告").map(|k| k.0), Some(DocKind::请示));
        assert_eq!(kind_from_title("关于申请建设资金的请示。").map(|k| k.0), Some(DocKind::请示));
    }

    #[test]
    fn book_title_content_is_not_the_kind() {
        assert_eq!(
            kind_from_title("江门市人民政府关于印发《江门市人民政府工作规则》的通知").map(|k| k.0),
            Some(DocKind::通知)
        );
        assert_eq!(kind_from_title("《江门市人民政府工作规则》"), None);
        assert_eq!(kind_from_title("示例市2024年工作要点"), None);
        assert_eq!(kind_from_title("关于加强口令管理"), None);
    }

    #[test]
    fn accepted_names_and_spaced_kinds() {
        let kind = |t: &str| title_kind(t).map(|k| (k.kind, k.word, k.len, k.is_accepted_name()));
        assert_eq!(
            kind("关于区政协九届四次会议第202045号提案办理情况的答复"),
            Some((DocKind::函, "答复", "答复".len(), true))
        );
        assert_eq!(
            kind("三元区人民政府关于小蕉小学南侧地块项目国有土地上房屋征收决定书"),
            Some((DocKind::决定, "决定书", "决定书".len(), true))
        );
        assert_eq!(kind("连云渔港监督关于连云港区水域施工作业的航行通告").map(|k| k.0), Some(DocKind::通告));
        assert_eq!(
            kind("下陆区人民政府 关于同意团结社区和老下陆社区整合的 批 复"),
            Some((DocKind::批复, "批复", "批 复".len(), false))
        );
        assert_eq!(kind("示例市人民政府 令").map(|k| k.0), Some(DocKind::命令));
        assert_eq!(DocKind::parse("答复"), Some(DocKind::函));
        assert_eq!(DocKind::parse("决定书"), Some(DocKind::决定));
    }
}
