//! Word's style resolution, as Word applies it: document defaults → the paragraph style and its
//! `basedOn` chain → the character style and its chain → direct formatting, each level
//! overriding only what it sets. Theme fonts (`minorEastAsia` …) resolve through the theme.

use super::{attr, child, is_w};
use crate::layout::{Align, Indent, LineRule, LineSpacing, RunStyle, is_red};
use roxmltree::{Document, Node};
use std::collections::HashMap;

const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

#[derive(Clone, Debug, PartialEq, Eq)]
enum FontRef {
    Name(String),
    Theme(String),
}

/// Run properties as one level sets them (unset = inherited).
#[derive(Clone, Debug, Default)]
pub(super) struct RunProps {
    east_asia: Option<FontRef>,
    latin: Option<FontRef>,
    size: Option<u32>,
    bold: Option<bool>,
    color: Option<String>,
}

fn on_off(node: Node) -> bool {
    attr(node, "val").is_none_or(|v| !matches!(v, "0" | "false" | "off"))
}

impl RunProps {
    pub(super) fn read(rpr: Node) -> RunProps {
        let mut p = RunProps::default();
        if let Some(f) = child(rpr, "rFonts") {
            p.east_asia = attr(f, "eastAsiaTheme")
                .map(|t| FontRef::Theme(t.to_string()))
                .or_else(|| attr(f, "eastAsia").map(|n| FontRef::Name(n.to_string())));
            p.latin = attr(f, "asciiTheme")
                .map(|t| FontRef::Theme(t.to_string()))
                .or_else(|| attr(f, "ascii").or_else(|| attr(f, "hAnsi")).map(|n| FontRef::Name(n.to_string())));
        }
        p.size = child(rpr, "sz").and_then(|s| attr(s, "val")).and_then(|v| v.parse().ok());
        p.bold = child(rpr, "b").map(on_off);
        p.color = child(rpr, "color").and_then(|c| attr(c, "val")).map(str::to_ascii_uppercase);
        p
    }

    fn over(&mut self, o: &RunProps) {
        if o.east_asia.is_some() {
            self.east_asia.clone_from(&o.east_asia);
        }
        if o.latin.is_some() {
            self.latin.clone_from(&o.latin);
        }
        if o.size.is_some() {
            self.size = o.size;
        }
        if o.bold.is_some() {
            self.bold = o.bold;
        }
        if o.color.is_some() {
            self.color.clone_from(&o.color);
        }
    }
}

/// Paragraph properties as one level sets them.
#[derive(Clone, Debug, Default)]
pub(super) struct ParaProps {
    pub(super) align: Option<Align>,
    pub(super) first_line: Option<Indent>,
    pub(super) hanging: Option<Indent>,
    pub(super) left: Option<Indent>,
    pub(super) right: Option<Indent>,
    pub(super) spacing: Option<LineSpacing>,
    pub(super) snap_to_grid: Option<bool>,
    pub(super) frame_x_align: Option<String>,
    pub(super) red_border: Option<bool>,
}

fn indent(ind: Node, chars: &str, twips: &[&str]) -> Option<Indent> {
    let chars = attr(ind, chars).and_then(|v| v.parse().ok());
    let twips = twips.iter().find_map(|n| attr(ind, n)).and_then(|v| v.parse().ok());
    (chars.is_some() || twips.is_some()).then_some(Indent { chars, twips })
}

impl ParaProps {
    pub(super) fn read(ppr: Node) -> ParaProps {
        let mut p = ParaProps {
            align: child(ppr, "jc").and_then(|j| attr(j, "val")).map(|v| match v {
                "center" => Align::Centre,
                "right" | "end" => Align::Right,
                "both" => Align::Justify,
                "distribute" => Align::Distribute,
                _ => Align::Left,
            }),
            snap_to_grid: child(ppr, "snapToGrid").map(on_off),
            frame_x_align: child(ppr, "framePr").and_then(|f| attr(f, "xAlign")).map(str::to_string),
            ..ParaProps::default()
        };
        if let Some(ind) = child(ppr, "ind") {
            p.first_line = indent(ind, "firstLineChars", &["firstLine"]);
            p.hanging = indent(ind, "hangingChars", &["hanging"]);
            p.left = indent(ind, "leftChars", &["left", "start"]).or_else(|| indent(ind, "startChars", &[]));
            p.right = indent(ind, "rightChars", &["right", "end"]).or_else(|| indent(ind, "endChars", &[]));
        }
        if let Some(sp) = child(ppr, "spacing")
            && let Some(line) = attr(sp, "line").and_then(|v| v.parse().ok())
        {
            let rule = match attr(sp, "lineRule") {
                Some("exact") => LineRule::Exact,
                Some("atLeast") => LineRule::AtLeast,
                _ => LineRule::Auto,
            };
            p.spacing = Some(LineSpacing { value: line, rule });
        }
        if let Some(bdr) = child(ppr, "pBdr") {
            let red = |side: &str| {
                child(bdr, side).is_some_and(|b| {
                    attr(b, "val").is_some_and(|v| v != "nil" && v != "none") && attr(b, "color").is_some_and(is_red)
                })
            };
            p.red_border = Some(red("bottom") || red("top"));
        }
        p
    }

    fn over(&mut self, o: &ParaProps) {
        macro_rules! take {
            ($($f:ident),*) => { $( if o.$f.is_some() { self.$f.clone_from(&o.$f); } )* };
        }
        take!(align, first_line, hanging, left, right, spacing, snap_to_grid, frame_x_align, red_border);
        // A first-line indent and a hanging indent exclude each other: setting one (even to 0,
        // as LibreOffice writes `w:hanging="0"`) clears the other one inherited.
        if o.hanging.is_some() && o.first_line.is_none() {
            self.first_line = None;
        }
        if o.first_line.is_some() && o.hanging.is_none() {
            self.hanging = None;
        }
    }
}

struct Style {
    based_on: Option<String>,
    ppr: ParaProps,
    rpr: RunProps,
}

/// Theme fonts: (latin, East Asian) of the major and minor schemes.
#[derive(Default)]
struct Theme {
    major: (Option<String>, Option<String>),
    minor: (Option<String>, Option<String>),
}

impl Theme {
    fn read(doc: &Document) -> Theme {
        let scheme = |name: &str| {
            let Some(font) =
                doc.descendants().find(|n| n.tag_name().namespace() == Some(A) && n.tag_name().name() == name)
            else {
                return (None, None);
            };
            let typeface = |n: Node| n.attribute("typeface").filter(|t| !t.is_empty()).map(str::to_string);
            let of = |tag: &str| font.children().find(|c| c.tag_name().name() == tag).and_then(typeface);
            let hans = font.children().find(|c| c.tag_name().name() == "font" && c.attribute("script") == Some("Hans"));
            (of("latin"), of("ea").or_else(|| hans.and_then(typeface)))
        };
        Theme { major: scheme("majorFont"), minor: scheme("minorFont") }
    }

    fn font(&self, name: &str) -> Option<String> {
        match name {
            "majorEastAsia" => self.major.1.clone(),
            "minorEastAsia" => self.minor.1.clone(),
            "majorAscii" | "majorHAnsi" => self.major.0.clone(),
            "minorAscii" | "minorHAnsi" => self.minor.0.clone(),
            _ => None,
        }
    }
}

/// The styles of a package, ready to resolve any paragraph or run.
#[derive(Default)]
pub(super) struct Styles {
    default_ppr: ParaProps,
    default_rpr: RunProps,
    styles: HashMap<String, Style>,
    /// The paragraph style applied when a paragraph names none (`w:default="1"`, usually Normal).
    default_paragraph: Option<String>,
    theme: Theme,
}

impl Styles {
    pub(super) fn new(styles: Option<&Document>, theme: Option<&Document>) -> Styles {
        let mut out = Styles { theme: theme.map(Theme::read).unwrap_or_default(), ..Styles::default() };
        let Some(doc) = styles else { return out };
        let root = doc.root_element();
        if let Some(defaults) = child(root, "docDefaults") {
            if let Some(rpr) = child(defaults, "rPrDefault").and_then(|d| child(d, "rPr")) {
                out.default_rpr = RunProps::read(rpr);
            }
            if let Some(ppr) = child(defaults, "pPrDefault").and_then(|d| child(d, "pPr")) {
                out.default_ppr = ParaProps::read(ppr);
            }
        }
        for s in root.children().filter(|c| is_w(*c, "style")) {
            let Some(id) = attr(s, "styleId") else { continue };
            if attr(s, "type") == Some("paragraph") && attr(s, "default").is_some_and(|v| v == "1" || v == "true") {
                out.default_paragraph = Some(id.to_string());
            }
            out.styles.insert(
                id.to_string(),
                Style {
                    based_on: child(s, "basedOn").and_then(|b| attr(b, "val")).map(str::to_string),
                    ppr: child(s, "pPr").map(ParaProps::read).unwrap_or_default(),
                    rpr: child(s, "rPr").map(RunProps::read).unwrap_or_default(),
                },
            );
        }
        out
    }

    /// A style and its ancestors, most general first (bounded: chains can loop in bad files).
    fn chain(&self, id: &str) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut at = Some(id);
        while let Some(s) = at.and_then(|a| self.styles.get(a)) {
            if out.len() >= 16 {
                break;
            }
            out.push(s);
            at = s.based_on.as_deref();
        }
        out.reverse();
        out
    }

    /// The resolved paragraph and run properties of a paragraph before its runs' own.
    pub(super) fn paragraph(&self, style: Option<&str>, direct: Option<Node>) -> (ParaProps, RunProps) {
        let mut ppr = self.default_ppr.clone();
        let mut rpr = self.default_rpr.clone();
        if let Some(id) = style.or(self.default_paragraph.as_deref()) {
            for s in self.chain(id) {
                ppr.over(&s.ppr);
                rpr.over(&s.rpr);
            }
        }
        if let Some(direct) = direct {
            ppr.over(&ParaProps::read(direct));
            // The paragraph mark's own run properties apply to the mark, not to the runs.
        }
        (ppr, rpr)
    }

    /// The style of a run: the paragraph's run properties, its character style, its own.
    pub(super) fn run(&self, para: &RunProps, rpr: Option<Node>) -> RunStyle {
        let mut p = para.clone();
        if let Some(rpr) = rpr {
            if let Some(id) = child(rpr, "rStyle").and_then(|s| attr(s, "val")) {
                for s in self.chain(id) {
                    p.over(&s.rpr);
                }
            }
            p.over(&RunProps::read(rpr));
        }
        self.finish(&p)
    }

    /// The paragraph mark's style: what an empty paragraph shows.
    pub(super) fn mark(&self, para: &RunProps, ppr: Option<Node>) -> RunStyle {
        let mut p = para.clone();
        if let Some(rpr) = ppr.and_then(|p| child(p, "rPr")) {
            p.over(&RunProps::read(rpr));
        }
        self.finish(&p)
    }

    fn finish(&self, p: &RunProps) -> RunStyle {
        let font = |f: &Option<FontRef>| match f {
            Some(FontRef::Name(n)) => Some(n.clone()),
            Some(FontRef::Theme(t)) => self.theme.font(t),
            None => None,
        };
        RunStyle {
            east_asia: font(&p.east_asia),
            latin: font(&p.latin),
            // Word's built-in default is 10 pt where nothing sets a size.
            size: Some(p.size.unwrap_or(20)),
            bold: p.bold.unwrap_or(false),
            color: p.color.clone(),
        }
    }

    /// The font size of the default paragraph style (what the character grid counts with).
    pub(super) fn default_size(&self) -> Option<u32> {
        self.paragraph(None, None).1.size.or(Some(20))
    }
}
