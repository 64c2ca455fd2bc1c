use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet, Ordinal, OrdinalStyle, Paragraph, Part};
use crate::lang::is_blank;
use crate::lang::numerals::{is_chinese_numeral_char, to_chinese_number};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct HeadingHierarchy;

static META: RuleMeta = RuleMeta {
    code: "GW304",
    name: "heading-hierarchy",
    summary: "结构层次序数依次用“一、”“（一）”“1.”“（1）”，同级连续编号",
    category: Category::Format,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.3 文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注；同级序号连续编排属实务",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "按正文（以及每个附件）的结构检查行首的层次序数：\n\n\
- **跳号、重号、顺序颠倒**（警告）：“一、……三、”漏了“二、”，“（二）”之后又是“（二）”。给出应有的序号\
（需确认，`--unsafe-fixes`：改一个序号可能牵动后文和文中的交叉引用）；\n\
- **层级倒置**（警告）：把“（一）”用作上一层、其下再用“一、”——只有在外层序号随后接着编下去时才认定，\
避免把开头段落里的列举误判为倒置；\n\
- **跳级**（提示）：“一、”之下直接用“1.”，缺少“（一）”一层（国标说“依次可以用”，只有两层时常见，故只提示）；\n\
- **章、节、条**：“第一章”“第二章”……、每章内的“第一节”……、全文的“第一条”……应连续编号。\n\n\
计数在每个附件开始时、在“第X章”“第X节”和 Markdown 标题处重新开始；章节之后的序号既可以重新从“一、”编起，\
也可以接续上一章编下去（如《江门市人民政府工作规则》的“一、……四十五、”贯穿各章），两种都接受。\
每一“第X条”之下的“（一）”等重新编号。\n\n\
“1、”与“1.”是同一种序数的两种写法：在某一项之内另起的编号（“1、作业范围：”之下的坐标点“1.……15.”），\
或紧接在以冒号引出列举的一行之后从“1”编起的，算下一层，重新计数；“1.”之后接着写“2、”则仍是同一层\
（标点由 GW402 检查）。\n\n\
不算层次序数的：行中间的序号（“按照第三部分（二）”）、小数（“1.5亿元”；但“10.22°28′”中小数不会带“分”，\
是第10点）、并列的数字（“一、二等奖”“1、2号楼”）——除非它恰好接续同一层的编号（“二、”之后的“三、八届政协委员……”是第三项），\
或是一层的第一项、其后同一层接着是“二、”（“一、二季度工作情况……二、下一步工作”）；\
并列的数字是递增的，“一、一季度工作情况”是第一项。\
序号后的标点（“（一）、”“1、”）由 GW402 检查。",
    bad: "一、总体要求\n（一）指导思想\n（三）基本原则\n三、主要任务",
    good: "一、总体要求\n（一）指导思想\n（二）基本原则\n二、主要任务",
};

#[derive(Clone, Copy, Debug)]
struct Entry {
    style: OrdinalStyle,
    number: u32,
    mark: Mark,
}

/// How a number is set off from its text. `1、` and `1.` are one style written two ways; a run
/// in one way begun inside an item numbered the other way (`1、作业范围` over `1. 22°26′…`) is
/// the next level down, while `2、` continuing `1.` is the same level with a slip of the pen
/// (GW402 reports the mark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Dun,
    Dot,
    Other,
}

impl Mark {
    fn of(o: &Ordinal) -> Mark {
        match o.punct.map(|p| p.0) {
            Some('、') => Mark::Dun,
            Some('.' | '．') => Mark::Dot,
            _ => Mark::Other,
        }
    }
}

enum Item<'a> {
    /// A Markdown heading without an ordinal: numbering may restart below it.
    Boundary,
    Chapter(&'a Ordinal),
    Section(&'a Ordinal),
    Article(&'a Ordinal),
    Heading(&'a Ordinal),
}

fn level(style: OrdinalStyle) -> u8 {
    match style {
        OrdinalStyle::Chinese => 1,
        OrdinalStyle::ParenChinese => 2,
        OrdinalStyle::Arabic => 3,
        OrdinalStyle::ParenArabic => 4,
        _ => 5,
    }
}

/// The ordinal written with another number, in the same style.
fn render(style: OrdinalStyle, n: u32) -> String {
    match style {
        OrdinalStyle::Chinese => format!("{}、", to_chinese_number(n)),
        OrdinalStyle::ParenChinese => format!("（{}）", to_chinese_number(n)),
        OrdinalStyle::Arabic => format!("{n}."),
        OrdinalStyle::ParenArabic => format!("（{n}）"),
        OrdinalStyle::Circled => char::from_u32('①' as u32 + n.saturating_sub(1)).map_or(n.to_string(), String::from),
        OrdinalStyle::Chapter => format!("第{}章", to_chinese_number(n)),
        OrdinalStyle::Section => format!("第{}节", to_chinese_number(n)),
        OrdinalStyle::Article => format!("第{}条", to_chinese_number(n)),
    }
}

fn numeral(style: OrdinalStyle, n: u32) -> String {
    match style {
        OrdinalStyle::Arabic | OrdinalStyle::ParenArabic => n.to_string(),
        OrdinalStyle::Circled => render(style, n),
        _ => to_chinese_number(n),
    }
}

impl Rule for HeadingHierarchy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let mut segment: Vec<&Paragraph> = Vec::new();
        let mut part: Option<Part> = None;
        for p in &cx.doc.body {
            if part != Some(p.part) && !segment.is_empty() {
                Checker::new(cx).run(&segment, out);
                segment.clear();
            }
            part = Some(p.part);
            segment.push(p);
        }
        if !segment.is_empty() {
            Checker::new(cx).run(&segment, out);
        }
    }
}

struct Checker<'c, 'a> {
    cx: &'c Context<'a>,
    stack: Vec<Entry>,
    /// The last number of each style before the latest 章/节/Markdown heading.
    carry: Vec<Entry>,
    chapter: Option<u32>,
    section: Option<u32>,
    article: Option<u32>,
    /// (outer, inner) style pairs used upside down, once confirmed.
    inverted: Vec<(OrdinalStyle, OrdinalStyle)>,
    skips: Vec<(OrdinalStyle, OrdinalStyle)>,
}

impl<'c, 'a> Checker<'c, 'a> {
    fn new(cx: &'c Context<'a>) -> Self {
        Checker {
            cx,
            stack: Vec::new(),
            carry: Vec::new(),
            chapter: None,
            section: None,
            article: None,
            inverted: Vec::new(),
            skips: Vec::new(),
        }
    }

    fn classify<'p>(&self, p: &'p Paragraph) -> Option<Item<'p>> {
        let text = self.cx.text();
        let Some(o) = &p.ordinal else {
            return p.md_heading.map(|_| Item::Boundary);
        };
        // Judged by its first character: the `\` of a Markdown-escaped `1\.` is markup.
        let first = o.span.text(self.cx.text()).chars().next().map_or(0, char::len_utf8);
        if self.cx.doc.masks.hits(MaskSet::NON_TEXT.with(MaskKind::BlockQuote), o.span.sub(0, first)) {
            return None;
        }
        let line = p.span.text(text);
        let after = o.span.text(text).len();
        let next = line.get(after..).and_then(|s| s.chars().next());
        match o.style {
            OrdinalStyle::Chapter | OrdinalStyle::Section => {
                // A heading line (“第一章 总 则”), not a sentence that starts with a reference.
                let short = line.chars().count() <= 40 && !line.contains(['。', '，', '；']);
                (short && o.number > 0).then_some(if o.style == OrdinalStyle::Chapter {
                    Item::Chapter(o)
                } else {
                    Item::Section(o)
                })
            }
            // “第一条　为了……”: the article number stands apart from its text.
            OrdinalStyle::Article => (next.is_some_and(is_blank) && o.number > 0).then_some(Item::Article(o)),
            _ => {
                if o.number == 0 || o.number > 99 {
                    return None;
                }
                // 一、二等奖 and 1、2号楼 never reach here: the document model does not read them
                // as ordinals (document::structure).
                Some(Item::Heading(o))
            }
        }
    }

    fn run(mut self, paragraphs: &[&Paragraph], out: &mut Vec<Finding>) {
        let text = self.cx.text();
        let mut items = Vec::new();
        // Per item: whether the paragraph before it announces a list (`…依次连线范围水域：`).
        let mut announced = Vec::new();
        for (j, p) in paragraphs.iter().enumerate() {
            if let Some(item) = self.classify(p) {
                items.push(item);
                announced
                    .push(j > 0 && paragraphs[j - 1].span.text(text).trim_end_matches(is_blank).ends_with(['：', ':']));
            }
        }
        for k in 0..items.len() {
            match &items[k] {
                Item::Boundary => self.boundary(),
                Item::Chapter(o) => {
                    self.sequence(o, self.chapter, out);
                    self.chapter = Some(o.number);
                    self.section = None;
                    self.boundary();
                }
                Item::Section(o) => {
                    self.sequence(o, self.section, out);
                    self.section = Some(o.number);
                    self.boundary();
                }
                Item::Article(o) => {
                    self.sequence(o, self.article, out);
                    self.article = Some(o.number);
                    // Items under an article are numbered afresh.
                    self.stack.clear();
                    self.carry.clear();
                }
                // 一、二等奖 reads as a list of numbers unless it is the next number of its run,
                // or the first one, followed by the second (一、二季度工作情况 … 二、下一步工作).
                Item::Heading(o) if o.list_like && !self.continues(o) && !self.opens(&items[k + 1..], o) => {}
                Item::Heading(o) => self.heading(&items, k, announced[k], o, out),
            }
        }
    }

    fn boundary(&mut self) {
        for e in &self.stack {
            match self.carry.iter_mut().find(|c| c.style == e.style) {
                Some(c) => c.number = e.number,
                None => self.carry.push(*e),
            }
        }
        self.stack.clear();
    }

    /// 第X章 / 第X节 / 第X条 follow one another.
    fn sequence(&self, o: &Ordinal, prev: Option<u32>, out: &mut Vec<Finding>) {
        let expected = prev.map_or(1, |p| p + 1);
        if o.number != expected {
            self.report_number(o, expected, prev, out);
        }
    }

    /// Whether `o` is the next number of a run already open.
    fn continues(&self, o: &Ordinal) -> bool {
        self.stack.iter().any(|e| e.style == o.style && e.mark == Mark::of(o) && e.number + 1 == o.number)
    }

    /// Whether `o` is the first number of a run not yet open, and the next item of its kind in
    /// `after`, before the numbering starts afresh, is the second.
    fn opens(&self, after: &[Item], o: &Ordinal) -> bool {
        let mark = Mark::of(o);
        o.number == 1
            && !self.stack.iter().any(|e| e.style == o.style && e.mark == mark)
            && after.iter().take_while(|item| matches!(item, Item::Heading(_))).find_map(|item| match item {
                Item::Heading(n) if n.style == o.style && Mark::of(n) == mark => Some(n.number),
                _ => None,
            }) == Some(2)
    }

    fn heading(&mut self, items: &[Item], k: usize, announced: bool, o: &Ordinal, out: &mut Vec<Finding>) {
        let entry = Entry { style: o.style, number: o.number, mark: Mark::of(o) };
        let same_mark = self.stack.iter().rposition(|e| e.style == o.style && e.mark == entry.mark);
        let same_style = self.stack.iter().rposition(|e| e.style == o.style);
        if same_style.is_some() && o.number == 1 && (same_mark.is_none() || announced) {
            // A new run inside an item — in the other form, or after a line announcing a list —
            // is the level below it, counted afresh.
            self.stack.push(entry);
            return;
        }
        // With runs nested in one style, the number says which run it continues.
        let fits = |e: &Entry| e.style == o.style && e.number + 1 == o.number;
        let continued = self
            .stack
            .iter()
            .rposition(|e| fits(e) && e.mark == entry.mark)
            .or_else(|| self.stack.iter().rposition(fits));
        if let Some(pos) = continued.or(same_mark).or(same_style) {
            self.stack.truncate(pos + 1);
            let prev = self.stack[pos].number;
            if o.number != prev + 1 {
                self.report_number(o, prev + 1, Some(prev), out);
            }
            self.stack[pos].number = o.number;
            return;
        }
        let lvl = level(o.style);
        let inverted_here = self.stack.iter().any(|e| self.inverted.contains(&(e.style, o.style)));
        let has_ancestor = self.stack.iter().any(|e| level(e.style) < lvl);
        if self.stack.is_empty() {
            self.root(o, entry, out);
        } else if inverted_here || (!has_ancestor && self.confirms_inversion(items, k, lvl)) {
            let outer = *self.stack.last().expect("non-empty");
            if !self.inverted.contains(&(outer.style, o.style)) {
                self.inverted.push((outer.style, o.style));
                out.push(
                    Finding::new(
                        o.span,
                        format!(
                            "层次序数倒置：“{}”用在“{}”之下",
                            o.span.text(self.cx.text()),
                            render(outer.style, outer.number)
                        ),
                    )
                    .help("结构层次序数依次为第一层“一、”、第二层“（一）”、第三层“1.”、第四层“（1）”")
                    .en("Heading levels are inverted"),
                );
            }
            if o.number != 1 {
                self.report_number(o, 1, None, out);
            }
            self.stack.push(entry);
        } else if !has_ancestor {
            // Deeper numbers in an opening paragraph, then the first real heading: a new root.
            self.stack.clear();
            self.root(o, entry, out);
        } else {
            self.stack.retain(|e| level(e.style) < lvl);
            let parent = *self.stack.last().expect("has an ancestor");
            let (pl, cl) = (level(parent.style), lvl);
            if cl <= 4 && pl < cl && cl > pl + 1 && !self.skips.contains(&(parent.style, o.style)) {
                self.skips.push((parent.style, o.style));
                let missing: Vec<String> = [OrdinalStyle::ParenChinese, OrdinalStyle::Arabic]
                    .iter()
                    .filter(|s| level(**s) > pl && level(**s) < cl)
                    .map(|s| s.example().to_string())
                    .collect();
                out.push(
                    Finding::new(
                        o.span,
                        format!(
                            "层次序数跳级：“{}”之下直接使用“{}”，缺少“{}”一层",
                            render(parent.style, parent.number),
                            o.span.text(self.cx.text()),
                            missing.join("”“")
                        ),
                    )
                    .help("结构层次序数依次可以用“一、”“（一）”“1.”“（1）”；只有两层时可忽略")
                    .severity(Severity::Info)
                    .en("A heading level is skipped"),
                );
            }
            if o.number != 1 {
                self.report_number(o, 1, None, out);
            }
            self.stack.push(entry);
        }
    }

    /// The first heading of a part, or the first after a 章/节: numbered from 1, or continuing.
    fn root(&mut self, o: &Ordinal, entry: Entry, out: &mut Vec<Finding>) {
        let cont = self.carry.iter().find(|e| e.style == o.style).map(|e| e.number + 1);
        if o.number != 1 && Some(o.number) != cont {
            match cont {
                Some(c) => {
                    let text = self.cx.text();
                    let written = o.span.text(text);
                    out.push(
                        Finding::new(
                            self.numeral_span(o),
                            format!(
                                "层次序数“{written}”不连续：应重新从“{}”编起，或接续上文编为“{}”",
                                render(o.style, 1),
                                render(o.style, c)
                            ),
                        )
                        .help("同级序号连续编排")
                        .fix(Fix::unsafe_(
                            format!("改为“{}”", render(o.style, c)),
                            vec![Edit::replace(self.numeral_span(o), numeral(o.style, c))],
                        ))
                        .en("Heading numbers are not consecutive"),
                    );
                }
                None => self.report_number(o, 1, None, out),
            }
        }
        self.stack.push(entry);
    }

    /// After `k`, the outer numbering goes on (（一）…一、…（二）): the inner style is used upside down.
    fn confirms_inversion(&self, items: &[Item], k: usize, lvl: u8) -> bool {
        for item in &items[k + 1..] {
            match item {
                Item::Heading(o) => {
                    if let Some(e) = self.stack.iter().find(|e| e.style == o.style && level(e.style) > lvl) {
                        return o.number == e.number + 1;
                    }
                }
                _ => return false,
            }
        }
        false
    }

    fn numeral_span(&self, o: &Ordinal) -> Span {
        let s = o.span.text(self.cx.text());
        let start = s.find(|c: char| c.is_ascii_digit() || is_chinese_numeral_char(c)).unwrap_or(0);
        let len: usize = s[start..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || is_chinese_numeral_char(*c))
            .map(char::len_utf8)
            .sum();
        if o.style == OrdinalStyle::Circled || len == 0 {
            return o.span;
        }
        o.span.sub(start, start + len)
    }

    fn report_number(&self, o: &Ordinal, expected: u32, prev: Option<u32>, out: &mut Vec<Finding>) {
        let text = self.cx.text();
        let written = o.span.text(text);
        let want = render(o.style, expected);
        let message = match prev {
            Some(p) if o.number == p => format!("层次序数重号：“{written}”与上一个同级序号相同，应为“{want}”"),
            Some(p) if o.number < p => {
                format!("层次序数顺序颠倒：“{written}”排在“{}”之后，应为“{want}”", render(o.style, p))
            }
            _ if o.number > expected => format!("层次序数跳号：“{written}”之前缺少“{want}”"),
            _ => format!("层次序数“{written}”应为“{want}”"),
        };
        let span = self.numeral_span(o);
        out.push(
            Finding::new(span, message)
                .help("同级序号连续编排；改动序号后请核对后文序号和文中的交叉引用")
                .fix(Fix::unsafe_(format!("改为“{want}”"), vec![Edit::replace(span, numeral(o.style, expected))]))
                .en(format!("Heading number should be {want}")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{codes_in, lint_text};

    fn body(lines: &str) -> String {
        format!(
            "示例市人民政府关于开展检查的通知\n各区人民政府：\n现将有关事项通知如下。\n{lines}\n示例市人民政府\n2024年3月5日\n"
        )
    }

    #[test]
    fn gaps_and_duplicates() {
        let text = body("一、总体要求\n（一）指导思想\n（三）基本原则\n二、主要任务\n二、保障措施\n五、其他");
        assert_eq!(codes_in("t.txt", &text, "GW304"), ["GW304:三", "GW304:二", "GW304:五"]);
        let d = lint_text("t.txt", &text, "GW304");
        assert!(d[0].message.contains("缺少“（二）”"), "{}", d[0].message);
        assert!(d[1].message.contains("重号"), "{}", d[1].message);
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "二");
    }

    #[test]
    fn inversion_and_skip() {
        let text = body("（一）总体要求\n一、指导思想\n二、基本原则\n（二）主要任务\n一、重点项目");
        let d = lint_text("t.txt", &text, "GW304");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.contains("倒置"));
        let text = body("一、总体要求\n1.指导思想\n2.基本原则\n二、主要任务\n1.重点项目");
        let d = lint_text("t.txt", &text, "GW304");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn chapters_continue_or_restart() {
        let cont =
            body("第一章 总 则\n一、甲。\n二、乙。\n第二章 组成\n三、丙。\n（一）子项；\n（二）子项。\n四、丁。");
        assert!(codes_in("t.txt", &cont, "GW304").is_empty());
        let restart = body("第一章 总 则\n一、甲。\n二、乙。\n第二章 组成\n一、丙。\n二、丁。");
        assert!(codes_in("t.txt", &restart, "GW304").is_empty());
        let gap = body("第一章 总 则\n一、甲。\n第三章 组成\n二、丙。");
        assert_eq!(codes_in("t.txt", &gap, "GW304"), ["GW304:三"]);
    }

    #[test]
    fn look_alikes_are_not_headings() {
        let text = body(
            "一、总体要求\n（一）一等奖\n一、二等奖各评选5名。\n1、2号楼同步改造。\n1.5亿元已拨付。\n（二）二等奖\n二、主要任务",
        );
        assert!(codes_in("t.txt", &text, "GW304").is_empty());
        // An opening list, then the real headings.
        let text = body("依据：\n1.甲规定；\n2.乙规定。\n一、总体要求\n（一）指导思想\n1.坚持原则\n二、主要任务");
        assert!(codes_in("t.txt", &text, "GW304").is_empty());
    }

    #[test]
    fn attachments_restart() {
        let text = "示例市人民政府关于开展检查的通知\n各区人民政府：\n一、甲\n二、乙\n附件：重点项目清单\n示例市人民政府\n2024年3月5日\n附件\n重点项目清单\n一、项目\n二、要求\n";
        assert!(codes_in("t.txt", text, "GW304").is_empty());
    }

    #[test]
    fn a_list_of_numbers_that_continues_the_run_is_the_next_item() {
        let text = body("一、出席人员\n二、报到时间\n三、八届政协委员于1月14日报到。\n四、提案交大会报到处。");
        assert!(codes_in("t.txt", &text, "GW304").is_empty());
    }

    /// The first item may begin with a number too (a sixth tester's 会议纪要): 一、一季度 is no list
    /// (a list goes up), and 一、二季度 is item 一 where 二、 follows.
    #[test]
    fn a_first_item_that_begins_with_a_number_opens_the_run() {
        for first in ["一、一季度巡河工作情况", "一、二季度工作情况"] {
            let text = body(&format!("{first}\n全镇巡河412次。\n二、下一阶段重点工作\n三、有关要求"));
            assert!(codes_in("t.txt", &text, "GW304").is_empty(), "{first}");
        }
        // Where 三、 follows, 一、二等奖 stays a list of numbers, and 三、 misses its 一、.
        let text = body("一、二等奖获奖项目将推荐参加省级比赛。\n三、有关要求");
        assert_eq!(codes_in("t.txt", &text, "GW304"), ["GW304:三"]);
    }

    #[test]
    fn a_run_in_another_form_inside_an_item_is_the_next_level() {
        let text = body(
            "一、作业时间\n二、作业区域\n1、作业范围：\n以下坐标点依次连线范围水域：\n1. 22 °26 ′26.55 ″N,113 °53 ′01.81 ″E;\n2. 22 °26 ′21.35 ″N,113 °53 ′09.60 ″E;\n3.22 °28 ′09.01 ″N,113 °54 ′30.64 ″E;\n4. 22 °28 ′12.80 ″N,113 °54 ′24.96 ″E。\n2、安全作业区：\n半径为50米的圆形区域。\n三、作业单位",
        );
        let d = lint_text("t.txt", &text, "GW304");
        assert!(d.iter().all(|d| d.severity == Severity::Info), "{d:#?}");
        // After a line that announces a list, a run from 1 in the same form is nested too.
        let text = body("一、甲\n1.主要任务如下：\n1.修路；\n2.架桥。\n2.保障措施\n二、乙");
        assert!(lint_text("t.txt", &text, "GW304").iter().all(|d| d.severity == Severity::Info));
        // The same form without an announcement is still a duplicate, and 2、 after 1. the same level.
        let text = body("一、甲\n1.修路。\n1.架桥。\n二、乙\n1.修路。\n2、架桥。\n3.通航。");
        let d: Vec<_> =
            lint_text("t.txt", &text, "GW304").into_iter().filter(|d| d.severity > Severity::Info).collect();
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.contains("重号"), "{}", d[0].message);
    }
}
