use super::common::is_normative;
use crate::diagnostic::{Finding, Severity};
use crate::document::{Part, PartFilter};
use crate::lang::date::Date;
use crate::lang::numerals::parse_chinese_number;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct NormativeValidity;

/// Placeholder limits: the 有效期 clause of 粤府令第277号 has not been verified (catalogue §8.1).
const DEFAULT_MAX_YEARS: u32 = 5;
const DEFAULT_TRIAL_MAX_YEARS: u32 = 2;

static META: RuleMeta = RuleMeta {
    code: "GW214",
    name: "normative-validity",
    summary: "行政规范性文件载明有效期、使用统一编号、名称合规",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《规章制定程序条例》（国务院令第322号）第六条：“规章的名称一般称‘规定’、‘办法’，但不得称‘条例’”（规范性文件位阶更低，同样不得用）；国办发〔2018〕37号（规范性文件“三统一”、定期清理）；《广东省行政规范性文件管理规定》（粤府令第277号）第二条（规范性文件是“在一定期限内反复适用的公文”）；有效期条款原文未核实；《江门市人民政府工作规则》二十七：“报送行政规范性文件，还应当符合《广东省行政规范性文件管理规定》”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "行政规范性文件在一定期限内反复适用，应当载明有效期，按统一编号发布，名称不得使用法律、法规、规章专用的“条例”“法”。\n\n\
**适用范围**：前置元数据写明“规范性文件: 是”；发文字号为规范性文件编号样式（广东“示府规〔2024〕1号”，\
其他省份的“规发”“规字”）；或者文稿本身（或它印发的附件）写成条文——名称为“办法”“规定”“细则”“规则”（或误用的“条例”“法”），\
按“第一条……”分条，并以“本办法自……起施行”结尾。政府令（规章）、党内规范性文件、机关内部的制度守则，\
以及会议纪要、工作方案、请示报告等不适用（粤府令第277号第三条）。前置元数据写“规范性文件: 否”可排除。\n\n\
**检查**：\n\
- 文件名称以“条例”或“法”（“办法”除外）结尾：警告（《规章制定程序条例》规定规章不得称“条例”，位阶更低的规范性文件同样不得用）；\n\
- 正文、附件和附注中都没有“有效期”条款：广东（及其下辖地区）的发文机关为警告（广东规则包设参数 `require-validity = true`）；\
其他地区为提示——多数省份的规范性文件管理规定要求载明有效期，但这不是全国性规定，请按本省规定核实，\
本省有此要求的，在 `gwlint.toml` 的 `[rules.GW214]` 中设 `require-validity = true`；\n\
- 有效期超过上限：提示。上限是参数 `max-years`（默认5年）和 `trial-max-years`（标“暂行”“试行”的，默认2年）。\
**这两个默认值是占位值，粤府令第277号的有效期条款尚未核实**，请按本地规定设置；\n\
- 配置了统一编号正则 `number-pattern` 而发文字号不符：警告（默认不查）。",
    bad: "《示例市城市养犬管理暂行办法》末条：“本办法自2024年7月1日起施行。”（无有效期）",
    good: "“本办法自2024年7月1日起施行，有效期2年。”",
};

static VALIDITY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"有效期").expect("valid"));
static VALID_YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"有效期(?:为|是)?(?:([0-9]{1,2})|([一二三四五六七八九十]{1,3}))年").expect("valid"));
static VALID_UNTIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"有效期(?:至|到)([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日").expect("valid"));
static IN_FORCE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"自(?:([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日|印发之日|发布之日|公布之日)起(?:施行|实施|执行)")
        .expect("valid")
});
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日").expect("valid"));
static ISSUED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:印发|发布|公布|颁布)[《〈]([^》〉]+)[》〉]").expect("valid"));

fn date_of(c: &regex::Captures, at: usize) -> Option<Date> {
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    Date::new(i32::try_from(n(at)?).ok()?, n(at + 1)?, n(at + 2)?)
}

fn param_years(cx: &Context, key: &str, default: u32) -> u32 {
    cx.params.get(key).and_then(toml::Value::as_integer).and_then(|v| u32::try_from(v).ok()).unwrap_or(default)
}

/// The name of the normative document: the 《》 name a 印发 notice issues, else the title.
fn document_name(cx: &Context) -> Option<(Span, String)> {
    let title = cx.doc.title.as_ref()?;
    if let Some(c) = ISSUED_NAME.captures(&title.text) {
        let m = c.get(1).expect("group");
        return Some((title.span.sub(m.start(), m.end()), m.as_str().to_string()));
    }
    (!title.text.contains("印发") && !title.text.contains("转发")).then(|| (title.span, title.text.clone()))
}

impl Rule for NormativeValidity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if !is_normative(cx) {
            return;
        }
        let text = cx.text();
        let doc = cx.doc;
        let parts = [PartFilter::Is(Part::Body), PartFilter::AnyAttachment, PartFilter::Is(Part::Annotation)];
        let lines: Vec<Span> = doc.lines_in(&parts).map(|(l, _)| l.span).collect();
        let name = document_name(cx);
        let trial = name.as_ref().is_some_and(|(_, n)| n.contains("暂行") || n.contains("试行"))
            || doc.title.as_ref().is_some_and(|t| t.text.contains("暂行") || t.text.contains("试行"));
        let in_force = lines.iter().find_map(|l| IN_FORCE_FROM.captures(l.text(text)).map(|c| (*l, c)));
        let in_force_span = in_force.as_ref().map(|(l, c)| {
            let m = c.get(0).expect("match");
            l.sub(m.start(), m.end())
        });
        let start = in_force
            .as_ref()
            .and_then(|(_, c)| date_of(c, 1))
            .or_else(|| doc.date.as_ref().and_then(|d| DATE.captures(&d.text)).and_then(|c| date_of(&c, 1)));

        if !lines.iter().any(|l| VALIDITY.is_match(l.text(text))) {
            if let Some(span) = in_force_span.or_else(|| doc.title.as_ref().map(|t| t.span)) {
                let example = format!(
                    "如“本办法自X年X月X日起施行，有效期{}年”",
                    if trial { DEFAULT_TRIAL_MAX_YEARS } else { DEFAULT_MAX_YEARS }
                );
                // Required where a local regulation says so (the Guangdong pack); elsewhere a reminder.
                let required = cx.params.get("require-validity").and_then(toml::Value::as_bool).unwrap_or(false);
                let finding = if required {
                    Finding::new(span, "行政规范性文件未载明有效期")
                        .help(format!("在施行日期条款中写明有效期，{example}"))
                } else {
                    Finding::new(span, "行政规范性文件未载明有效期（多数省份的规定要求载明，请按本省规定核实）")
                        .help(format!(
                            "本省规定要求载明的，在施行日期条款中写明有效期，{example}；并在 gwlint.toml 的 [rules.GW214] 中设 require-validity = true"
                        ))
                        .severity(Severity::Info)
                };
                out.push(finding.en("An administrative normative document must state its period of validity"));
            }
        } else {
            let (key, default) =
                if trial { ("trial-max-years", DEFAULT_TRIAL_MAX_YEARS) } else { ("max-years", DEFAULT_MAX_YEARS) };
            let limit = param_years(cx, key, default);
            let label = if trial { "标“暂行”“试行”的规范性文件" } else { "规范性文件" };
            for l in &lines {
                let s = l.text(text);
                for c in VALID_YEARS.captures_iter(s) {
                    let years = c
                        .get(1)
                        .and_then(|m| m.as_str().parse().ok())
                        .or_else(|| c.get(2).and_then(|m| parse_chinese_number(m.as_str())));
                    if let Some(years) = years.filter(|y| *y > limit) {
                        let m = c.get(0).expect("match");
                        out.push(too_long(l.sub(m.start(), m.end()), label, &format!("{years}年"), limit, key));
                    }
                }
                for c in VALID_UNTIL.captures_iter(s) {
                    let (Some(end), Some(start)) = (date_of(&c, 1), start) else { continue };
                    let Some(latest) = Date::new(start.year + limit as i32, start.month, start.day.min(28)) else {
                        continue;
                    };
                    let latest = if start.day > 28 { latest.add_days(i64::from(start.day - 28)) } else { latest };
                    if end > latest {
                        let m = c.get(0).expect("match");
                        out.push(too_long(l.sub(m.start(), m.end()), label, &format!("至{}", end.zh()), limit, key));
                    }
                }
            }
        }

        if let Some((span, name)) = &name {
            let bare = name.trim_end_matches(['》', '〉']);
            let method =
                ["办法", "方法", "做法", "算法", "手法", "说法", "看法", "想法"].iter().any(|m| bare.ends_with(m));
            if bare.ends_with("条例") || (bare.ends_with('法') && !method) {
                let word = if bare.ends_with("条例") { "条例" } else { "法" };
                out.push(
                    Finding::new(*span, format!("规范性文件名称不得使用“{word}”：“{name}”"))
                        .help("“条例”“法”是法律、法规专用名称；规范性文件用“办法”“规定”“细则”“意见”“通知”等")
                        .en("A normative document must not be named like a law or regulation"),
                );
            }
        }

        let pattern = cx.params.get("number-pattern").and_then(toml::Value::as_str).filter(|p| !p.trim().is_empty());
        if let (Some(pattern), Some(number)) = (pattern, &doc.header.doc_number)
            && let Ok(re) = Regex::new(pattern)
            && !re.is_match(number.text.trim())
        {
            out.push(
                Finding::new(number.span, format!("规范性文件未使用统一编号：“{}”", number.text.trim()))
                    .help(format!("按本地规范性文件统一编号格式编号（配置的格式：{pattern}）"))
                    .en("A normative document must carry the unified normative-document number"),
            );
        }
    }
}

fn too_long(span: Span, label: &str, written: &str, limit: u32, key: &str) -> Finding {
    Finding::new(span, format!("{label}有效期“{written}”超过配置的上限{limit}年"))
        .help(format!(
            "缩短有效期；上限取自参数 {key}（默认值为占位值，请按《广东省行政规范性文件管理规定》原文和本地规定核实后在 gwlint.toml 中设置）"
        ))
        .severity(Severity::Info)
        .en(format!("The period of validity exceeds the configured limit of {limit} years"))
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{codes_in, lint_text};

    fn rules(last: &str) -> String {
        format!(
            "---\n规范性文件: 是\n---\n示例市人民政府关于印发《示例市城市养犬管理暂行办法》的通知\n各县（市、区）人民政府，市政府各部门：\n现将《示例市城市养犬管理暂行办法》印发给你们，请认真贯彻执行。\n示例市人民政府\n2024年6月3日\n示例市城市养犬管理暂行办法\n第一条　为规范城市养犬行为，制定本办法。\n第二十条　{last}\n"
        )
    }

    #[test]
    fn missing_validity_is_required_in_guangdong_and_a_reminder_elsewhere() {
        let text = rules("本办法自2024年7月1日起施行。").replace("示例市", "佛山市");
        let d = lint_text("t.txt", &text, "GW214");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.text(&text), "自2024年7月1日起施行");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0].source.contains("粤府令第277号"), "{}", d[0].source);

        let text = rules("本办法自2024年7月1日起施行。").replace("示例市", "宜宾市");
        let d = lint_text("t.txt", &text, "GW214");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Info);
        assert!(!d[0].source.contains("粤府令"), "a Sichuan draft is not cited Guangdong's rules: {}", d[0].source);
    }

    /// Most 规范性文件 never say they are one: a 通知 印发ing a 办法 written in articles that
    /// closes with its own entry into force is one.
    #[test]
    fn undeclared_provisions_are_recognised_by_their_form() {
        let text = "宜宾市人民政府办公室关于印发《宜宾市互联网租赁电动自行车管理条例》的通知\n各区县人民政府，市政府各部门：\n　　《宜宾市互联网租赁电动自行车管理条例》已经市政府同意，现印发给你们，请认真贯彻执行。\n\n宜宾市人民政府办公室\n2025年5月30日\n\n宜宾市互联网租赁电动自行车管理条例\n\n　　第一条　为规范互联网租赁电动自行车经营服务，制定本条例。\n　　第二条　运营企业应当及时清理违规停放车辆。\n　　第三条　本条例自2025年7月1日起施行，有效期5年。\n";
        let d = lint_text("t.txt", text, "GW214");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("条例"), "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);

        // The same text as a 政府令 is a 规章, and an organ's internal 制度 binds its own staff.
        let order = "宜宾市人民政府令\n第5号\n\n　　《宜宾市互联网租赁电动自行车管理条例》已经2025年5月20日市人民政府第12次常务会议通过，现予公布，自2025年7月1日起施行。\n\n市长　张××\n2025年5月30日\n\n宜宾市互联网租赁电动自行车管理条例\n\n　　第一条　为规范互联网租赁电动自行车经营服务，制定本条例。\n　　第二条　本条例自2025年7月1日起施行。\n";
        assert!(codes_in("t.txt", order, "GW214").is_empty(), "{:?}", lint_text("t.txt", order, "GW214"));
        let forwarded = text.replace("关于印发", "关于转发四川省交通运输厅");
        assert!(codes_in("t.txt", &forwarded, "GW214").is_empty());
        let internal = "宜宾市交通运输局关于印发《机关考勤管理制度》的通知\n局机关各科室：\n　　现将《机关考勤管理制度》印发给你们，请遵照执行。\n\n宜宾市交通运输局\n2025年5月30日\n\n机关考勤管理制度\n\n　　第一条　为严肃工作纪律，制定本制度。\n　　第二条　本制度自印发之日起施行。\n";
        assert!(codes_in("t.txt", internal, "GW214").is_empty());
        let work_rules = internal.replace("机关考勤管理制度", "宜宾市交通运输局工作规则").replace("本制度", "本规则");
        assert!(codes_in("t.txt", &work_rules, "GW214").is_empty());
        // The title broken over two lines without 《》, articles in Markdown bold.
        let broken = "日照市人民政府办公室关于印发\n日照市海岸带保护利用管理暂行办法的通知\n各区县人民政府：\n　　现印发给你们，请认真贯彻执行。\n\n日照市人民政府办公室\n2025年5月6日\n\n日照市海岸带保护利用管理暂行办法\n\n**第一条**　为加强海岸带保护，制定本办法。\n\n**第二条**　本办法自2025年6月1日起施行。\n";
        assert_eq!(lint_text("t.md", broken, "GW214").len(), 1, "{broken}");
        // A 通知 that rules by itself: whom it binds, and its own entry into force.
        let notice = "葫芦岛市人民政府关于规范城区临街单位门前责任区管理的通知\n各县（市）区人民政府，市政府各部门：\n　　一、本通知适用于本市城区主次干道两侧的临街单位。\n　　二、责任人应当保持责任区内环境卫生整洁。\n　　三、本通知自2025年5月1日起施行。\n\n葫芦岛市人民政府\n2025年3月31日\n";
        let d = lint_text("t.txt", notice, "GW214");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("有效期"));
        let ordinary = notice.replace("　　一、本通知适用于本市城区主次干道两侧的临街单位。\n", "");
        assert!(codes_in("t.txt", &ordinary, "GW214").is_empty());
        // A 方法 is no 法.
        let method = text.replace("管理条例", "服务质量评分方法").replace("本条例", "本方法");
        assert!(codes_in("t.txt", &method, "GW214").is_empty(), "{:?}", lint_text("t.txt", &method, "GW214"));
        // Articles without their own entry into force (a 方案 quoting provisions) are not enough.
        let plan = text.replace("　　第三条　本条例自2025年7月1日起施行，有效期5年。\n", "");
        assert!(codes_in("t.txt", &plan, "GW214").is_empty());
    }

    #[test]
    fn validity_within_and_beyond_the_limits() {
        assert!(codes_in("t.txt", &rules("本办法自2024年7月1日起施行，有效期2年。"), "GW214").is_empty());
        assert!(codes_in("t.txt", &rules("本办法自2024年7月1日起施行，有效期至2026年6月30日。"), "GW214").is_empty());
        let d = lint_text("t.txt", &rules("本办法自2024年7月1日起施行，有效期5年。"), "GW214");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Info);
        let d = lint_text("t.txt", &rules("本办法自2024年7月1日起施行，有效期至2029年6月30日。"), "GW214");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn regulation_names_and_normative_numbers() {
        let text = "示例市人民政府文件\n示府规〔2024〕2号\n示例市人民政府关于印发《示例市城市绿化条例》的通知\n各县（市、区）人民政府：\n现印发给你们，自2024年7月1日起施行，有效期5年。\n示例市人民政府\n2024年6月3日\n";
        let d = lint_text("t.txt", text, "GW214");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("条例"));
    }

    #[test]
    fn undeclared_documents_are_not_checked() {
        let text = rules("本办法自2024年7月1日起施行。").replace("规范性文件: 是", "规范性文件: 否");
        assert!(codes_in("t.txt", &text, "GW214").is_empty());
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW214").is_empty());
    }
}
