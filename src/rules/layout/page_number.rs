use super::common::{describe, layout};
use crate::diagnostic::{Finding, Fix, LayoutEdit, Severity};
use crate::layout::{Align, FontFamily, FontTable, Footer, FooterKind, PageNumber, sizes};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct PageNumberLayout;

static META: RuleMeta = RuleMeta {
    code: "GW908",
    name: "page-number",
    summary: "页码用四号半角宋体阿拉伯数字，左右各一条一字线（— 1 —），单页码居右、双页码居左",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.5 页码：“一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线；一字线上距版心下边缘7 mm。单页码居右空一字，双页码居左空一字。”",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "只检查 .docx 的页脚：\n\n\
- 有页码（页脚中的 PAGE 域）；\n\
- 数字左右各一条一字线“—”（不是短横线“-”“－”或破折号的一半）：`— 1 —`；\n\
- 数字用宋体一类、四号（14 磅）；\n\
- 位置：单页码居右、双页码居左。Word 中要勾选“奇偶页不同”，奇数页页脚右对齐、偶数页页脚左对齐；\
或把页码放在图文框里、水平位置选“外侧”。\n\n\
有的地方习惯页码居中或一律居右，可在 gwlint.toml 中写明本单位的做法，这时位置不合只作提示：\n\n\
```toml\n[rules.GW908]\nposition = \"centre\"   # outside（国标，默认）/ centre / right\n```\n\n\
修复（`--fix`）写入 gwlint 的页脚：“— 页码域 —”，宋体四号，按国标（或配置的做法）单页居右空一字、双页居左空一字，\
并勾选“奇偶页不同”；各节的默认页脚和偶数页页脚都指向它，首页页脚不动。原页脚中除页码外还有文字或图形时不替换，\
由起草人处理。页脚的更换不能作为修订显示，`--annotate` 只写批注。",
    bad: "页脚页码“-1-”，居中，Calibri 五号",
    good: "奇偶页不同：奇数页页脚“— 1 —”右对齐，偶数页页脚“— 2 —”左对齐，宋体四号",
};

fn dashes_ok(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let Some(digits_at) = t.find(|c: char| c.is_ascii_digit()) else { return false };
    let digits_end = t[digits_at..].find(|c: char| !c.is_ascii_digit()).map_or(t.len(), |i| digits_at + i);
    let before = t[..digits_at].trim_end();
    let after = t[digits_end..].trim_start();
    before == "—" && after == "—"
}

/// The page number's shape with the number shown as 1 (the saved field result is whichever page
/// the editor last drew).
fn as_page_one(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('1') || out.is_empty() {
            out.push('1');
        }
    }
    out
}

/// Where a footer puts its number: right, left, centre, or outside (odd right, even left).
fn side(n: &PageNumber) -> &'static str {
    match n.frame_x_align.as_deref() {
        Some("outside") => "outside",
        Some("inside") => "inside",
        Some("right") => "right",
        Some("left") => "left",
        Some("center") => "centre",
        _ => match n.align {
            Align::Right => "right",
            Align::Centre => "centre",
            _ => "left",
        },
    }
}

fn zh(side: &str) -> &'static str {
    match side {
        "right" => "居右",
        "left" => "居左",
        "centre" => "居中",
        "outside" => "外侧（单页居右、双页居左）",
        _ => "内侧",
    }
}

/// What is wrong with the page numbers' position, given the practice configured.
pub fn position_problem(footers: &[Footer], even_and_odd: bool, practice: &str) -> Option<String> {
    let number = |kind: FooterKind| footers.iter().find(|f| f.kind == kind).and_then(|f| f.page_number.as_ref());
    let odd = number(FooterKind::Default)?;
    match practice {
        "centre" | "right" => {
            let want = if practice == "centre" { "centre" } else { "right" };
            let sides = [Some(odd), number(FooterKind::Even).filter(|_| even_and_odd)];
            sides
                .into_iter()
                .flatten()
                .find(|n| side(n) != want)
                .map(|n| format!("页码{}，本单位要求{}", zh(side(n)), zh(want)))
        }
        _ => {
            if side(odd) == "outside" {
                return None;
            }
            if !even_and_odd {
                return Some(format!("页码一律{}，未设“奇偶页不同”：单页码应居右、双页码应居左", zh(side(odd))));
            }
            if side(odd) != "right" {
                return Some(format!("单页码{}，应居右", zh(side(odd))));
            }
            match number(FooterKind::Even) {
                None => Some("设了“奇偶页不同”，但偶数页页脚没有页码".to_string()),
                Some(even) if side(even) != "left" => Some(format!("双页码{}，应居左", zh(side(even)))),
                Some(_) => None,
            }
        }
    }
}

impl Rule for PageNumberLayout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let at = layout.paragraphs.iter().find(|p| !p.span.is_empty()).map_or(Span::new(0, 0), |p| p.span);
        let configured = cx.params.get("position").and_then(toml::Value::as_str);
        let practice = configured.filter(|v| matches!(*v, "centre" | "right")).unwrap_or("outside");
        let fix = Fix::layout(
            match practice {
                "centre" => "页脚设为“— 1 —”宋体四号，居中",
                "right" => "页脚设为“— 1 —”宋体四号，居右空一字",
                _ => "页脚设为“— 1 —”宋体四号，单页居右、双页居左各空一字",
            },
            vec![LayoutEdit::PageNumbers { position: practice.to_string() }],
        );
        let numbers: Vec<&PageNumber> = layout.footers.iter().filter_map(|f| f.page_number.as_ref()).collect();
        if numbers.is_empty() {
            out.push(
                Finding::new(at, "页脚中没有页码")
                    .help("插入页码（插入 → 页码 → 页面底端），格式“— 1 —”，四号宋体，单页居右、双页居左")
                    .fix(fix)
                    .en("The document has no page numbers"),
            );
            return;
        }
        if let Some(n) = numbers.iter().find(|n| !dashes_ok(&n.text)) {
            out.push(
                Finding::new(at, format!("页码写作“{}”，数字左右应各放一条一字线：“— 1 —”", as_page_one(&n.text)))
                    .help("在页码域两侧各输入一条一字线“—”，与数字之间各空半角空格")
                    .fix(fix.clone())
                    .en("Page numbers are written with one em dash on each side: “— 1 —”"),
            );
        }
        let fonts = FontTable::builtin();
        if let Some(n) = numbers.iter().find(|n| {
            n.style.size != Some(sizes::SI_HAO)
                || n.style.latin.as_deref().or(n.style.east_asia.as_deref()).and_then(|f| fonts.family(f))
                    != Some(FontFamily::SongTi)
        }) {
            let mut style = n.style.clone();
            style.east_asia = n.style.latin.clone().or_else(|| n.style.east_asia.clone());
            out.push(
                Finding::new(at, format!("页码用了“{}”，国标一般用四号半角宋体阿拉伯数字", describe(&style)))
                    .help("选中页码（含一字线），字体设为宋体，字号四号")
                    .fix(fix.clone())
                    .en("Page numbers are set in 14 pt SimSun"),
            );
        }
        // A value gwlint does not know is said, not silently read as the standard.
        if let Some(bad) = configured.filter(|v| !matches!(*v, "outside" | "centre" | "right")) {
            out.push(
                Finding::new(
                    at,
                    format!("gwlint.toml 中 [rules.GW908] position 的值“{bad}”无效，已按国标（outside）检查"),
                )
                .severity(Severity::Info)
                .help("position 可取 outside（单页居右、双页居左）、centre、right")
                .en("Unknown [rules.GW908] position; checked as the standard's outside"),
            );
        }
        if let Some(problem) = position_problem(&layout.footers, layout.even_and_odd, practice) {
            let configured = practice != "outside";
            let mut f = Finding::new(at, problem)
                .help(if configured {
                    "按 gwlint.toml 中 [rules.GW908] position 的要求调整页码位置"
                } else {
                    "页眉页脚设置中勾选“奇偶页不同”，奇数页页脚右对齐、偶数页页脚左对齐（或页码图文框水平位置选“外侧”）"
                })
                .fix(fix)
                .en("Page numbers: odd pages right, even pages left");
            if configured {
                f = f.severity(Severity::Info);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Indent, RunStyle};

    fn number(align: Align, frame: Option<&str>) -> PageNumber {
        PageNumber {
            text: "— 1 —".into(),
            align,
            frame_x_align: frame.map(str::to_string),
            style: RunStyle::default(),
            left: Indent::default(),
            right: Indent::default(),
        }
    }

    fn footer(kind: FooterKind, n: PageNumber) -> Footer {
        Footer { kind, page_number: Some(n) }
    }

    #[test]
    fn the_shape_is_shown_on_page_one() {
        assert_eq!(as_page_one("-12-"), "-1-");
        assert_eq!(as_page_one(" 第 3 页 "), "第 1 页");
    }

    #[test]
    fn one_em_dash_each_side() {
        assert!(dashes_ok("— 1 —"));
        assert!(dashes_ok("—12—"));
        assert!(!dashes_ok("-1-"));
        assert!(!dashes_ok("1"));
        assert!(!dashes_ok("第 1 页"));
        assert!(!dashes_ok("——1——"));
    }

    #[test]
    fn odd_right_even_left_or_outside() {
        let standard = [
            footer(FooterKind::Default, number(Align::Right, None)),
            footer(FooterKind::Even, number(Align::Left, None)),
        ];
        assert_eq!(position_problem(&standard, true, "outside"), None);
        assert!(position_problem(&standard, false, "outside").unwrap().contains("未设“奇偶页不同”"));
        let framed = [footer(FooterKind::Default, number(Align::Left, Some("outside")))];
        assert_eq!(position_problem(&framed, false, "outside"), None);
        let centred = [footer(FooterKind::Default, number(Align::Centre, None))];
        assert!(position_problem(&centred, false, "outside").unwrap().contains("页码一律居中"));
        assert_eq!(position_problem(&centred, false, "centre"), None, "local practice configured");
        assert!(position_problem(&standard, true, "centre").unwrap().contains("本单位要求居中"));
    }
}
