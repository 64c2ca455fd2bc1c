use super::common::{BODY_PARTS, heading_end, layout, ordinal_in, run_format, with_parts};
use crate::diagnostic::{Finding, Fix, Severity};
use crate::document::{OrdinalStyle, Part};
use crate::lang::is_han;
use crate::layout::{FontTable, normalise};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct HouseFonts;

static META: RuleMeta = RuleMeta {
    code: "GW912",
    name: "house-fonts",
    summary: "本单位规定的字体（如一律用方正字体）：按 gwlint.toml 的配置检查",
    category: Category::Layout,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "单位惯例（在 gwlint.toml 中配置）；国标只规定字体类别（GB/T 9704-2012 5.2.2、7.3.1、7.3.3）",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "国标只说“仿宋体”“小标宋体”，GW902–GW904 把同类字体（仿宋_GB2312、方正仿宋_GBK……）都当作符合。\
有的机关要求一律用某一种字体（例如信创电脑统一用方正字体），在 gwlint.toml 中写明后，\
同类但不是指定字体的文字给出提示。不配置时本规则不检查任何内容。\n\n\
```toml\n[rules.GW912]\nbody = \"方正仿宋_GBK\"          # 正文、主送、附件说明、署名、日期、附注\ntitle = \"方正小标宋_GBK\"        # 标题\nheading-1 = \"方正黑体_GBK\"      # 一级标题\nheading-2 = \"方正楷体_GBK\"      # 二级标题\nmark = \"方正小标宋_GBK\"         # 发文机关标志\n```\n\n\
每项也可写成列表（`body = [\"方正仿宋_GBK\", \"仿宋_GB2312\"]`），列出的都认。\n\n\
修复（`--fix`、`--annotate`）把这些文字设为列出的第一种字体。",
    bad: "（配置 body = \"方正仿宋_GBK\"）正文用“仿宋_GB2312”",
    good: "（配置 body = \"方正仿宋_GBK\"）正文用“方正仿宋_GBK”",
};

fn names(cx: &Context, key: &str) -> Vec<String> {
    match cx.params.get(key) {
        Some(toml::Value::String(s)) => vec![s.clone()],
        Some(toml::Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

const LABELS: [(&str, &str); 5] = [
    ("body", "正文"),
    ("title", "标题"),
    ("heading-1", "一级标题"),
    ("heading-2", "二级标题"),
    ("mark", "发文机关标志"),
];

impl Rule for HouseFonts {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let wanted: Vec<(&str, &str, Vec<String>)> =
            LABELS.iter().map(|(k, zh)| (*k, *zh, names(cx, k))).filter(|(_, _, n)| !n.is_empty()).collect();
        if wanted.is_empty() {
            return;
        }
        let text = cx.text();
        let fonts = FontTable::builtin();
        let mark = cx.doc.header.issuer_mark.as_ref().map(|m| m.span);
        // Per setting: the first run set otherwise, its font, and every stretch to set.
        let mut found: Vec<(&str, Span, String, Vec<Span>)> = Vec::new();
        for (para, part) in with_parts(cx, layout) {
            // Which setting each stretch of the paragraph answers to.
            let mut stretches: Vec<(&str, Span)> = Vec::new();
            match part {
                Some(Part::Title) => stretches.push(("title", para.span)),
                Some(Part::Header) => {
                    if let Some(m) = mark.filter(|m| para.span.start <= m.start && m.start <= para.span.end) {
                        stretches.push(("mark", m));
                    }
                }
                Some(p) if BODY_PARTS.contains(&p) && !para.in_table => {
                    let mut body = para.span;
                    if p == Part::Body
                        && let Some(o) = ordinal_in(cx, para)
                        && matches!(o.style, OrdinalStyle::Chinese | OrdinalStyle::ParenChinese)
                    {
                        let end = heading_end(text, o.span.start, para.span.end);
                        let key = if o.style == OrdinalStyle::Chinese { "heading-1" } else { "heading-2" };
                        stretches.push((key, Span::new(para.span.start, end)));
                        body = Span::new(end, para.span.end);
                    }
                    stretches.push(("body", body));
                }
                _ => {}
            }
            for (key, range) in stretches {
                let Some((_, _, allowed)) = wanted.iter().find(|(k, _, _)| *k == key) else { continue };
                let allowed_family = allowed.iter().find_map(|n| fonts.family(n));
                let run = para.visible_runs(text).find(|r| {
                    r.span.start < range.end
                        && r.span.end > range.start
                        && text[r.span.start..r.span.end].chars().any(is_han)
                        && r.style.east_asia.as_deref().is_some_and(|f| {
                            // Another family is the national rules' concern; here only the
                            // house's choice within the family.
                            fonts.family(f) == allowed_family && !allowed.iter().any(|a| normalise(a) == normalise(f))
                        })
                });
                if let Some(run) = run {
                    match found.iter_mut().find(|(k, _, _, _)| *k == key) {
                        Some((_, _, _, stretches)) => stretches.push(range),
                        None => {
                            let font = run.style.east_asia.clone().unwrap_or_default();
                            found.push((key, run.span, font, vec![range]));
                        }
                    }
                }
            }
        }
        for (key, span, font, stretches) in found {
            let (_, zh, allowed) = wanted.iter().find(|(k, _, _)| *k == key).expect("found from wanted");
            let house = allowed[0].as_str();
            out.push(
                Finding::new(span, format!("{zh}用了“{font}”，本单位要求用“{}”", allowed.join("”或“")))
                    .help(format!("把{zh}的字体改为“{house}”"))
                    .fix(Fix::layout(
                        format!("{zh}设为{house}"),
                        stretches.iter().map(|s| run_format(*s, Some(house), None, None)).collect(),
                    ))
                    .en(format!("The house style asks for “{house}” here")),
            );
        }
    }
}
