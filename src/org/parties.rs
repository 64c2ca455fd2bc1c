//! The parties of one draft, resolved once: the sender (发文机关), the 主送 and 抄送 organs with
//! how each stands to the sender, and the 行文方向 that follows. Routing rules read this.

use super::{Addressee, Org, OrgView, Relation};
use crate::document::{Direction, Document, Evidence, RecipientList};
use crate::span::{Field, Span};
use serde::Serialize;

/// One 主送 / 抄送 item: as written, what it resolves to, and its relation to the sender.
#[derive(Debug, Clone, Serialize)]
pub struct Party {
    pub field: Field,
    pub addressee: Addressee,
    /// How this party stands to the sender (“Superior” = it is the sender's 上级).
    pub relation: Relation,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Parties {
    pub sender: Option<Org>,
    pub main: Vec<Party>,
    pub cc: Vec<Party>,
}

impl Parties {
    /// The 主送 organs the organisation model cannot place against the sender (a person
    /// addressed is another matter: GW203).
    pub fn unplaced_main(&self) -> impl Iterator<Item = &Party> {
        self.main.iter().filter(|p| !p.addressee.is_person() && p.relation == Relation::Unknown)
    }

    pub fn resolve(doc: &Document, orgs: &OrgView) -> Parties {
        let sender = doc.issuer.as_ref().and_then(|i| match orgs.resolve(&i.name, None) {
            Addressee::Org(org) => Some(org),
            _ => None,
        });
        // A government's 办公厅（室） writes on its government's behalf (TL第十六条（二）), unless
        // the configuration says it is not authorised: it stands where the government stands.
        let speaks_for = sender.as_ref().and_then(|s| {
            let office = s.kind == super::OrgKind::GeneralOffice && s.authorized_to_address_lower_gov != Some(false);
            office.then(|| orgs.parent(s)).flatten()
        });
        let party = |(field, addressee): (Field, Addressee)| {
            let mut relation = sender.as_ref().map_or(Relation::Unknown, |s| orgs.addressee_relation(s, &addressee));
            if let Some(government) = &speaks_for {
                let on_behalf = orgs.addressee_relation(government, &addressee);
                if on_behalf.is_downward() && !relation.is_upward() {
                    relation = on_behalf;
                }
            }
            Party { field, addressee, relation }
        };
        let stated = |key: &str| -> Option<Vec<Field>> {
            let entry = doc.front_matter.as_ref()?.get(key)?;
            Some(entry.value.items().into_iter().map(|name| Field::new(&name, entry.value_span)).collect())
        };
        let items = |list: Option<&RecipientList>| list.map(|l| l.items.clone()).unwrap_or_default();
        let main_fields = stated("主送").unwrap_or_else(|| {
            let mut v = items(doc.main_recipients.as_ref());
            v.extend(items(doc.colophon.main.as_ref()));
            v
        });
        let cc_fields = stated("抄送").unwrap_or_else(|| items(doc.colophon.cc.as_ref()));
        // An item naming several organs (市委市政府) is that many parties.
        let each_organ = |field: Field| {
            let exact = field.span.len() == field.text.len();
            orgs.resolve_each(&field.text, sender.as_ref())
                .into_iter()
                .map(|(addressee, range)| {
                    let text = field.text.get(range.clone()).unwrap_or(&field.text);
                    let span = if exact { field.span.sub(range.start, range.end) } else { field.span };
                    (Field::new(text, span), addressee)
                })
                .collect::<Vec<_>>()
        };
        Parties {
            main: join_split_groups(main_fields).into_iter().flat_map(each_organ).map(party).collect(),
            cc: join_split_groups(cc_fields).into_iter().flat_map(each_organ).map(party).collect(),
            sender,
        }
    }

    /// The direction the organisations imply: every 主送 organ above the sender → up, every one
    /// below → down, all 同级 or 不相隶属 → across; None when mixed or unknown.
    pub fn implied_direction(&self) -> Option<Direction> {
        let mut relations = self.main.iter().map(|p| &p.relation);
        let first = relations.next()?;
        let direction = |r: &Relation| {
            if r.is_upward() {
                Some(Direction::Up)
            } else if r.is_downward() {
                Some(Direction::Down)
            } else if matches!(r, Relation::Peer | Relation::Unaffiliated) {
                Some(Direction::Across)
            } else {
                None
            }
        };
        let d = direction(first)?;
        relations.all(|r| direction(r) == Some(d)).then_some(d)
    }

    pub fn span_of_main(&self) -> Option<Span> {
        self.main.iter().map(|p| p.field.span).reduce(|a, b| a.cover(b))
    }
}

/// Area words a 统称 lists with 、 (各县、区人民政府 for 各县（区）人民政府).
const AREA_WORDS: &[&str] = &[
    "省",
    "自治区",
    "直辖市",
    "市",
    "州",
    "自治州",
    "盟",
    "地区",
    "县",
    "区",
    "旗",
    "镇",
    "乡",
    "街道",
    "省辖市",
    "自治县",
];

/// Items a 、 split out of one 统称: an item that is only 各 and area words (各县, 各市、县) and the
/// next item, which goes on with area words to the organs (区人民政府), are one item. Items are
/// rejoined only when they sit next to each other with one 、 between them.
fn join_split_groups(fields: Vec<Field>) -> Vec<Field> {
    let only_areas = |text: &str| {
        text.strip_prefix('各')
            .is_some_and(|rest| !rest.is_empty() && rest.split('、').all(|w| AREA_WORDS.contains(&w)))
    };
    // 区人民政府, 区农业农村局: the area word, then the organs of every such area.
    let goes_on = |text: &str| {
        AREA_WORDS.iter().any(|w| {
            text.strip_prefix(w).is_some_and(|rest| {
                ["人民政府", "政府", "党委"].iter().any(|b| rest.starts_with(b))
                    || (rest.chars().count() >= 2
                        && ["局", "委", "办", "厅", "委员会"].iter().any(|e| rest.ends_with(e)))
            })
        })
    };
    let mut out: Vec<Field> = Vec::with_capacity(fields.len());
    for field in fields {
        // 各省、自治区、直辖市人民政府: bare area words in between go on the list too.
        if let Some(last) = out.last_mut()
            && only_areas(&last.text)
            && (goes_on(&field.text) || AREA_WORDS.contains(&field.text.as_str()))
            && last.span.end + '、'.len_utf8() == field.span.start
        {
            let text = format!("{}、{}", last.text, field.text);
            *last = Field::new(&text, last.span.cover(field.span));
            continue;
        }
        out.push(field);
    }
    out
}

/// Resolve the parties of `doc` and let the organisations settle the 行文方向 when the draft does
/// not state it.
pub fn attach(doc: &mut Document, orgs: &OrgView) {
    let parties = Parties::resolve(doc, orgs);
    let stated = doc.direction.is_some_and(|(_, e)| e == Evidence::FrontMatter);
    if !stated && let Some(d) = parties.implied_direction() {
        doc.direction = Some((d, Evidence::Organisations));
    }
    doc.parties = parties;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    #[test]
    fn county_bureau_to_city_government_is_upward_and_skips_a_level() {
        let text =
            "台山市教育局关于申请校舍维修资金的请示\n江门市人民政府：\n妥否，请批示。\n台山市教育局\n2024年4月8日\n";
        let mut doc = crate::document::recognise(&Source::from_text("t.txt", text));
        attach(&mut doc, &OrgView::default());
        assert_eq!(doc.parties.sender.as_ref().map(|s| s.name.as_str()), Some("台山市教育局"));
        assert!(
            matches!(&doc.parties.main[0].relation, Relation::SuperiorSkipping { skipped } if skipped == &["台山市人民政府"])
        );
        assert_eq!(doc.direction, Some((Direction::Up, Evidence::Organisations)));
    }

    #[test]
    fn a_government_office_writes_for_its_government() {
        let text = "江门市人民政府办公室关于做好春节期间安全生产工作的通知\n各县（市、区）人民政府，市政府各部门：\n请严格执行值班制度。\n江门市人民政府办公室\n2024年2月1日\n";
        let mut doc = crate::document::recognise(&Source::from_text("t.txt", text));
        attach(&mut doc, &OrgView::default());
        assert!(doc.parties.main.iter().all(|p| p.relation.is_downward()), "{:?}", doc.parties.main);
        assert_eq!(doc.direction(), Some(Direction::Down));
    }

    #[test]
    fn seed_addresses_lower_governments() {
        let text = include_str!("../../fixtures/seed/jiangmen-work-rules-2023.txt");
        let mut doc = crate::document::recognise(&Source::from_text("t.txt", text));
        attach(&mut doc, &OrgView::default());
        assert_eq!(doc.parties.main.len(), 3);
        assert_eq!(doc.parties.cc.len(), 6);
        assert_eq!(doc.direction(), Some(Direction::Down));
    }
}
