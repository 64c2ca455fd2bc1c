use crate::diagnostic::{Finding, Severity};
use crate::org::OrgKind;
use crate::rules::routing::common::{downward_directive, own_provisions, stated_yes};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct NoInspectionInDeptDocs;

static META: RuleMeta = RuleMeta {
    code: "GW803",
    name: "no-inspection-in-dept-docs",
    summary: "部门文件不设定督查检查考核事项，不频繁要求填表报材料，不搞过度留痕",
    category: Category::Discipline,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《整治形式主义为基层减负若干规定》（中办、国办2024年）关于不在部门文件中设定督查检查考核事项、不得频繁要求基层填表报材料的规定（条文待核）；《江门市人民政府工作规则》三十八：“防止重复督查、多头督查，减轻基层负担。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "为基层减负：督查检查考核事项实行计划和审批管理，部门文件不自行设定；报表材料不宜高频、重复；不以拍照、台账、打卡等留痕代替实绩。\
本规则检查**部门**下行的通知、意见、决定正文（本机关自己的话）中对下级提出的要求：\n\n\
- 设定考核、督查、排名：“纳入（列入）……考核（考评、督查、督办、排名）”“通报批评”“通报排名”（对教师、干部等个人的考核不报）；\n\
- 高频报送：“每日（每天、每周、每旬）……报送（上报、填报）”；\n\
- 留痕：要求报送、上传、留存照片、视频、截图、佐证材料、工作台账、工作日志、打卡记录。\n\n\
只看含情态词或直接对下级提出要求的句子，否定句（“不得以留痕多少评判工作实绩”）不报。标题本身是考核、督查事项的专门文件\
（“……考核办法”）不查考核类；应急值守、汛期、法定统计报表等确需高频报送的，可在参数 `allow`（字符串数组）中列出关键词，\
含这些词的句子不报；前置元数据写明“专门文件”的不查。只作提示。",
    bad: "示例市某局通知：“各镇（街）要每日报送巡查照片，纳入年度考核排名。”",
    good: "“确需报送的，按月通过已有系统报送，不再另行要求拍照留痕。”",
};

static EVALUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:纳入|列入)[^。；，]{0,10}(?:考核|考评|督查|督办|排名|绩效评价)|通报(?:批评|排名)").expect("valid")
});
static PERSONNEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"教师|干部|职工|员工|个人|人员|学生|医务人员").expect("valid"));
static FREQUENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:每日|每天|每周|每旬|每半月)[^。；，]{0,10}(?:报送|上报|填报|报告|报)").expect("valid")
});
static TRACES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"拍照|照片|视频|截图|佐证材料|工作台账|工作日志|打卡").expect("valid"));
static SUBMIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"报送|上报|上传|提交|提供|留存").expect("valid"));
static EVALUATION_TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"考核|考评|督查|督办|绩效").expect("valid"));
static EMERGENCY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"值班|值守|应急|突发|汛期|防汛|统计报表|疫情").expect("valid"));

impl Rule for NoInspectionInDeptDocs {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(kind) = downward_directive(cx, &[]) else { return };
        if cx.doc.parties.sender.as_ref().is_none_or(|s| s.kind != OrgKind::Department) || stated_yes(cx, "专门文件")
        {
            return;
        }
        let text = cx.text();
        let allowed: Vec<String> = cx
            .params
            .get("allow")
            .and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let skip = |s: &str| allowed.iter().any(|w| !w.is_empty() && s.contains(w.as_str()));
        let evaluation_doc = cx.doc.title.as_ref().is_some_and(|t| EVALUATION_TITLE.is_match(&t.text));
        let mut seen: Vec<Span> = Vec::new();
        let mut report = |m: Span, sentence: Span, msg: String, help: &str| {
            if seen.contains(&sentence) {
                return;
            }
            seen.push(sentence);
            out.push(
                Finding::new(m, msg)
                    .help(help.to_string())
                    .en("Departmental documents should not add inspections, frequent reporting or box-ticking"),
            );
        };
        if !evaluation_doc {
            for (m, sentence) in own_provisions(cx, &EVALUATION) {
                // Appraisal of people (教师、干部) is personnel management, not inspection of units.
                if skip(sentence.text(text)) || PERSONNEL.is_match(m.text(text)) {
                    continue;
                }
                report(
                    m,
                    sentence,
                    format!("部门{}中设定督查检查考核事项：“{}”", kind.zh(), m.text(text)),
                    "督查检查考核事项实行计划和审批管理，部门文件不自行设定；确需考核的，纳入统一的考核计划",
                );
            }
        }
        for (m, sentence) in own_provisions(cx, &FREQUENT) {
            let s = sentence.text(text);
            if skip(s) || EMERGENCY.is_match(s) {
                continue;
            }
            report(
                m,
                sentence,
                format!("要求基层高频报送：“{}”", m.text(text)),
                "降低报送频次，能通过已有系统共享的数据不再要求基层报送",
            );
        }
        for (m, sentence) in own_provisions(cx, &TRACES) {
            let s = sentence.text(text);
            if skip(s) || !SUBMIT.is_match(s) {
                continue;
            }
            report(
                m,
                sentence,
                format!("要求以“{}”等方式留痕", m.text(text)),
                "不以拍照、台账、打卡等留痕多少评判工作实绩；确需佐证的，说明依据并精简",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const NOTICE: &str = "示例市城市管理和综合执法局关于开展市容环境整治的通知\n各镇（街）：\n";

    fn doc(body: &str) -> String {
        format!("{NOTICE}{body}\n示例市城市管理和综合执法局\n2024年4月8日\n")
    }

    #[test]
    fn ranking_frequent_reports_and_traces() {
        let text = doc("各镇（街）要每日报送巡查照片，纳入年度考核排名。");
        let d = lint_text("t.txt", &text, "GW803");
        assert_eq!(d.len(), 1, "{d:?}");
        let text = doc(
            "整治情况将纳入年度考核。请各镇（街）每周五前报送工作进展。各镇（街）须建立工作台账，上传整治前后照片。",
        );
        let d = lint_text("t.txt", &text, "GW803");
        assert_eq!(d.len(), 3, "{d:?}");
    }

    #[test]
    fn negations_emergencies_and_government_senders_are_silent() {
        for body in [
            "不得以留痕多少评判工作实绩，不要求报送照片。",
            "汛期各镇（街）要每日报送防汛值守情况。",
            "确需报送的，按月通过已有系统报送。",
        ] {
            assert!(codes_in("t.txt", &doc(body), "GW803").is_empty(), "{body}");
        }
        let government = doc("各镇（街）要每日报送巡查照片。")
            .replace("示例市城市管理和综合执法局关于", "示例市人民政府关于")
            .replace("示例市城市管理和综合执法局\n", "示例市人民政府\n");
        assert!(codes_in("t.txt", &government, "GW803").is_empty());
    }
}
