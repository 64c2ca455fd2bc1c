//! Tests of the whole model: configuration, resolution of 主送/抄送 items, relations.

use super::*;

fn view() -> OrgView {
    OrgView::default()
}

fn relation(view: &OrgView, from: &str, to: &str) -> Relation {
    view.relation(&view.parse_name(from), &view.parse_name(to))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    org: Vec<OrgConfig>,
    #[serde(default)]
    group: Vec<GroupConfig>,
}

fn load(toml_text: &str) -> Result<OrgView, String> {
    let file: ConfigFile = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    OrgView::with_groups(&file.org, &file.group)
}

const JIANGMEN: &str = r#"
[[org]]
name = "江门市人民政府"
aliases = ["市政府", "江门市政府"]
kind = "政府"
level = "市"
doc-codes = ["江府", "江府函"]
can-issue-orders = true
leaders = [
  { name = "张大伟", role = "市长" },
  { name = "王小明", role = "副市长" },
]
principal = "张大伟"

[[org]]
name = "江门市人民政府办公室"
aliases = ["市政府办公室", "市府办"]
kind = "办公室"
parent = "市政府"
authorized-to-address-lower-gov = true
doc-codes = ["江府办", "江府办函"]

[[org]]
id = "jm-sfj"
name = "江门市司法局"
aliases = ["市司法局"]
kind = "部门"
guided-by = ["广东省司法厅"]
doc-codes = ["江司"]

[[org]]
name = "江门市司法局法制科"
kind = "内设机构"
parent = "jm-sfj"

[[org]]
name = "江门市教育局"
aliases = ["市教育局"]
parent = "江门市人民政府"

[[org]]
name = "江门市教育局办公室"
parent = "市教育局"

[[org]]
name = "江门市财政局"
aliases = ["市财政局"]

[[org]]
name = "江门市财政局预算科"
parent = "市财政局"

[[org]]
name = "江门市公共资源交易中心"
kind = "事业单位"
parent = "市政府"

[[org]]
name = "蓬江区人民政府"
[[org]]
name = "江海区人民政府"
[[org]]
name = "新会区人民政府"
[[org]]
name = "台山市人民政府"
[[org]]
name = "开平市人民政府"
[[org]]
name = "鹤山市人民政府"
[[org]]
name = "恩平市人民政府"

[[org]]
name = "某区人民政府"
kind = "政府"
parent = "江门市人民政府"

[[group]]
name = "各县（市、区）人民政府"
members = ["蓬江区人民政府", "江海区人民政府", "新会区人民政府", "台山市人民政府",
           "开平市人民政府", "鹤山市人民政府", "恩平市人民政府"]
"#;

#[test]
fn the_key_case_works_without_configuration() {
    let view = view();
    assert_eq!(
        relation(&view, "台山市教育局", "江门市人民政府"),
        Relation::SuperiorSkipping { skipped: vec!["台山市人民政府".to_string()] }
    );
    assert_eq!(relation(&view, "台山市教育局", "江门市教育局"), Relation::Guiding);
}

#[test]
fn relations_inferred_from_names() {
    let view = view();
    let r = |from, to| relation(&view, from, to);
    assert_eq!(r("江门市教育局", "江门市人民政府"), Relation::Superior);
    assert_eq!(r("台山市人民政府", "江门市人民政府"), Relation::Superior);
    assert_eq!(r("江门市人民政府", "广东省人民政府"), Relation::Superior);
    assert_eq!(r("广东省人民政府", "国务院"), Relation::Superior);
    assert_eq!(r("江门市人民政府办公室", "江门市人民政府"), Relation::Superior);
    assert_eq!(r("江门市教育局办公室", "江门市教育局"), Relation::Superior);
    assert_eq!(
        r("江门市教育局办公室", "江门市人民政府"),
        Relation::SuperiorSkipping { skipped: vec!["江门市教育局".to_string()] }
    );
    assert_eq!(
        r("台山市教育局", "广东省人民政府"),
        Relation::SuperiorSkipping {
            skipped: vec!["台山市人民政府".to_string(), "江门市人民政府".to_string()]
        }
    );
    assert_eq!(
        r("台山市教育局", "广东省教育厅"),
        Relation::GuidingSkipping { skipped: vec!["江门市教育局".to_string()] }
    );
    assert_eq!(r("江门市教育局", "台山市教育局"), Relation::Guided);
    assert_eq!(r("江门市人民政府", "台山市教育局"), Relation::Subordinate);
    assert_eq!(r("江门市人民政府", "台山市人民政府"), Relation::Subordinate);
    assert_eq!(r("江门市教育局", "江门市财政局"), Relation::Peer);
    assert_eq!(r("台山市人民政府", "开平市人民政府"), Relation::Peer);
    assert_eq!(r("江门市教育局", "江门市教育局"), Relation::Same);
    assert_eq!(r("江门市政府", "江门市人民政府"), Relation::Same);
    assert_eq!(r("台山市教育局", "江门市财政局"), Relation::Unaffiliated);
    assert_eq!(r("江门市教育局", "佛山市人民政府"), Relation::Unaffiliated);
    assert_eq!(r("江门市教育局", "台山市人民政府"), Relation::Unaffiliated);
    assert_eq!(r("中共台山市委组织部", "中共江门市委组织部"), Relation::Guiding);
    assert_eq!(r("中共台山市委", "中共江门市委"), Relation::Superior);
}

#[test]
fn unknown_facts_stay_unknown() {
    let view = view();
    let r = |from, to| relation(&view, from, to);
    // 党委 and 政府 are different hierarchies; their relation is not read from names.
    assert_eq!(r("江门市人民政府", "中共江门市委"), Relation::Unknown);
    assert_eq!(r("江门市人民政府", "江门市中级人民法院"), Relation::Unknown);
    assert_eq!(r("江门市教育局", "江门市公共资源交易中心"), Relation::Unknown);
    assert_eq!(r("某某", "江门市人民政府"), Relation::Unknown);
    assert_eq!(r("鼓楼区人民政府", "南京市人民政府"), Relation::Unknown);
    // Counterparts whose names changed in a merger share a field of work: guided, not unaffiliated.
    assert!(matches!(r("台山市文化广电旅游体育局", "广东省文化和旅游厅"), Relation::GuidingSkipping { .. }));
    // A 群团 and a 党委 department of its place: the 统战部 leads the 工商联's work, the 宣传部
    // the 文联's — not provably 不相隶属, as a 群团 and a government department are.
    assert_eq!(r("阳朔县工商业联合会", "中共阳朔县委统战部"), Relation::Unknown);
    assert_eq!(r("阳朔县工商业联合会", "阳朔县教育局"), Relation::Unaffiliated);
}

#[test]
fn resolving_the_seed_main_recipient_line() {
    let view = view();
    let sender = view.parse_name("江门市人民政府");
    let line = "各县（市、区）人民政府，市政府各部门、各直属事业单位：";
    let items = OrgView::split_list(line);
    assert_eq!(items.len(), 3);
    let resolved: Vec<Addressee> = items.iter().map(|(text, _)| view.resolve(text, Some(&sender))).collect();
    let groups: Vec<&OrgGroup> = resolved.iter().filter_map(Addressee::group).collect();
    assert_eq!(groups.len(), 3);
    assert_eq!(groups[0].scope, GroupScope::LowerAreas);
    assert_eq!(groups[0].level, Some(Level::County));
    assert_eq!(groups[1].scope, GroupScope::Departments);
    assert_eq!(groups[2].kind, OrgKind::PublicInstitution);
    for group in groups {
        assert_eq!(group.of.as_deref(), Some("江门市人民政府"));
        assert_eq!(view.group_relation(&sender, group), Relation::Subordinate);
    }
    let bureau = view.parse_name("江门市教育局");
    let departments = resolved[1].group().unwrap();
    assert_eq!(view.group_relation(&bureau, departments), Relation::Peer);
    let counties = resolved[0].group().unwrap();
    assert_eq!(view.group_relation(&bureau, counties), Relation::Unaffiliated);
    let taishan = view.parse_name("台山市人民政府");
    assert_eq!(view.group_relation(&taishan, counties), Relation::Peer);
}

#[test]
fn resolving_the_seed_copy_line() {
    let view = view();
    let sender = view.parse_name("江门市人民政府");
    let line = "市纪委监委，市委有关部委办，市人大常委会办公室，市政协办公室，市中级人民法院，市检察院。";
    let resolved: Vec<Addressee> =
        OrgView::split_list(line).iter().map(|(text, _)| view.resolve(text, Some(&sender))).collect();
    let org = |i: usize| resolved[i].org().map(|o| (o.name.as_str(), o.kind));
    assert_eq!(org(0), Some(("江门市纪委监委", OrgKind::DisciplineCommission)));
    let party_departments = resolved[1].group().unwrap();
    assert_eq!(party_departments.of.as_deref(), Some("中共江门市委"));
    assert_eq!(org(2), Some(("江门市人大常委会办公室", OrgKind::GeneralOffice)));
    assert_eq!(org(3), Some(("江门市政协办公室", OrgKind::GeneralOffice)));
    assert_eq!(org(4), Some(("江门市中级人民法院", OrgKind::Court)));
    assert_eq!(org(5), Some(("江门市人民检察院", OrgKind::Procuratorate)));
    assert!(resolved.iter().all(|a| a.org().is_none_or(|o| o.level == Some(Level::Prefecture))));
}

#[test]
fn resolving_people_and_unknown_items() {
    let view = view();
    let sender = view.parse_name("江门市教育局");
    assert!(view.resolve("尊敬的李书记", Some(&sender)).is_person());
    assert!(view.resolve("张市长", Some(&sender)).is_person());
    match view.resolve("市委书记", Some(&sender)) {
        Addressee::Person { org, title, .. } => {
            assert_eq!(org.as_deref(), Some("中共江门市委"));
            assert_eq!(title.as_deref(), Some("书记"));
        }
        other => panic!("{other:?}"),
    }
    // An organ, a full name, then the title (an independent tester's 主送).
    match view.resolve("市卫生健康委员会陈立新主任", Some(&sender)) {
        Addressee::Person { name, title, .. } => {
            assert_eq!(name.as_deref(), Some("陈立新"));
            assert_eq!(title.as_deref(), Some("主任"));
        }
        other => panic!("{other:?}"),
    }
    assert!(!view.resolve("市卫生健康委员会办公室", Some(&sender)).is_person());
    assert_eq!(view.resolve("某某", None), Addressee::Unknown { text: "某某".to_string() });
    assert_eq!(view.resolve("  ", None), Addressee::Unknown { text: String::new() });
    let centre = view.resolve("江门市公共资源交易中心", None);
    assert_eq!(centre.org().map(|o| o.kind), Some(OrgKind::Unknown));
}

#[test]
fn configured_graph_of_jiangmen() {
    let view = load(JIANGMEN).unwrap();
    assert_eq!(view.orgs().len(), 17);

    let government = view.resolve("市政府", None);
    let government = government.org().unwrap();
    assert!(government.from_config);
    assert_eq!(government.name, "江门市人民政府");
    assert_eq!(government.parent.as_deref(), Some("广东省人民政府"));
    assert_eq!(government.can_issue_orders, Some(true));

    let office = view.get("市府办").unwrap();
    assert_eq!(office.kind, OrgKind::GeneralOffice);
    assert_eq!(office.level, Some(Level::Prefecture));
    assert_eq!(office.authorized_to_address_lower_gov, Some(true));
    assert_eq!(view.by_doc_code("江府办函").map(|o| o.name.as_str()), Some("江门市人民政府办公室"));

    // A parent given by id; the level comes from the parent.
    let section = view.get("江门市司法局法制科").unwrap();
    assert_eq!(section.parent.as_deref(), Some("江门市司法局"));
    assert_eq!(section.kind, OrgKind::InternalUnit);
    assert_eq!(section.level, Some(Level::Prefecture));
    // No parent configured: the one the name implies, mapped onto the configured organ.
    assert_eq!(view.get("市司法局").unwrap().parent.as_deref(), Some("江门市人民政府"));
    assert_eq!(view.get("台山市人民政府").unwrap().parent.as_deref(), Some("江门市人民政府"));
    // The configured 事业单位 is known; unconfigured, the name alone would leave it Unknown.
    let centre = view.get("江门市公共资源交易中心").unwrap();
    assert_eq!((centre.kind, centre.level), (OrgKind::PublicInstitution, Some(Level::Prefecture)));
    // A government the gazetteer does not know takes its tier from its parent.
    assert_eq!(view.get("某区人民政府").unwrap().level, Some(Level::County));

    let r = |from: &str, to: &str| relation(&view, from, to);
    assert_eq!(r("江门市司法局", "广东省司法厅"), Relation::Guiding);
    assert_eq!(
        r("江门市司法局法制科", "市政府"),
        Relation::SuperiorSkipping { skipped: vec!["江门市司法局".to_string()] }
    );
    assert_eq!(r("江门市财政局预算科", "江门市财政局"), Relation::Superior);
    assert_eq!(r("江门市教育局办公室", "江门市财政局预算科"), Relation::Unaffiliated);
    assert_eq!(r("市府办", "市政府"), Relation::Superior);
    assert_eq!(r("江门市公共资源交易中心", "市政府"), Relation::Superior);
    assert_eq!(r("某区人民政府", "江门市人民政府"), Relation::Superior);
    assert_eq!(r("台山市教育局", "市政府"), Relation::SuperiorSkipping { skipped: vec!["台山市人民政府".to_string()] });

    let counties = view.resolve("各县（市、区）人民政府", None);
    let counties = counties.group().unwrap();
    assert!(counties.from_config);
    assert_eq!(counties.members.len(), 7);
    assert_eq!((counties.kind, counties.level), (OrgKind::Government, Some(Level::County)));
    assert_eq!(counties.of.as_deref(), Some("江门市人民政府"));
    let government = view.get("市政府").unwrap().clone();
    assert_eq!(view.group_relation(&government, counties), Relation::Subordinate);
    let bureau = view.get("市教育局").unwrap().clone();
    assert_eq!(view.group_relation(&bureau, counties), Relation::Unaffiliated);

    match view.resolve("王副市长", None) {
        Addressee::Person { name, org, .. } => {
            assert_eq!(name.as_deref(), Some("王小明"));
            assert_eq!(org.as_deref(), Some("江门市人民政府"));
        }
        other => panic!("{other:?}"),
    }
    // The built-in reading of a configured organ's other full form finds the configured one.
    assert!(view.parse_name("江门市人民政府").from_config);
}

#[test]
fn english_and_snake_case_keys_are_accepted() {
    let view = load(
        r#"
[[org]]
name = "江门市人民政府"
kind = "government"
level = "prefecture"
doc_codes = ["江府"]
authorized_to_address_lower_gov = false
"#,
    )
    .unwrap();
    let org = view.get("江门市人民政府").unwrap();
    assert_eq!((org.kind, org.level), (OrgKind::Government, Some(Level::Prefecture)));
    assert_eq!(org.authorized_to_address_lower_gov, Some(false));
}

#[test]
fn bad_configuration_is_reported_in_chinese() {
    let err = |text: &str| load(text).unwrap_err();

    let e = err("[[org]]\nname = \"江门市司法局\"\nparent = \"江门市人民正府\"\n");
    assert!(e.contains("上级机关（parent）“江门市人民正府”未定义"), "{e}");
    let e = err("[[org]]\nname = \"江门市司法局\"\nkind = \"局\"\n");
    assert!(e.contains("未知的机关类型（kind）“局”"), "{e}");
    let e = err("[[org]]\nname = \"江门市司法局\"\nlevel = \"地区级\"\n");
    assert!(e.contains("未知的层级（level）“地区级”"), "{e}");
    let e = err("[[org]]\nname = \"江门市司法局\"\nparnet = \"江门市人民政府\"\n");
    assert!(e.contains("parnet"), "{e}");
    let e = err("[[org]]\nname = \"  \"\n");
    assert!(e.contains("缺少机关名称（name）"), "{e}");
    let e = err("[[org]]\nname = \"江门市教育局\"\naliases = [\"市局\"]\n\
         [[org]]\nname = \"江门市财政局\"\naliases = [\"市局\"]\n");
    assert!(e.contains("“市局”重复"), "{e}");
    let e = err("[[org]]\nname = \"A局\"\nparent = \"B局\"\n[[org]]\nname = \"B局\"\nparent = \"A局\"\n");
    assert!(e.contains("形成循环"), "{e}");
    let e = err("[[org]]\nname = \"江门市教育局\"\nparent = \"江门市教育局\"\n");
    assert!(e.contains("不能是它自己"), "{e}");
    let e = err("[[org]]\nname = \"江门市教育局\"\nguided-by = [\"某某\"]\n");
    assert!(e.contains("业务指导机关（guided-by）“某某”未定义"), "{e}");
    let e = err("[[org]]\nname = \"江门市教育局\"\nleaders = [{ name = \"王小明\" }]\n");
    assert!(e.contains("role"), "{e}");
    let e = err("[[org]]\nname = \"江门市教育局\"\ndoc-codes = [\"江教\"]\n\
         [[org]]\nname = \"江门市财政局\"\ndoc-codes = [\"江教\"]\n");
    assert!(e.contains("发文机关代字“江教”重复"), "{e}");
    let e = err("[[group]]\nname = \"各县\"\nmembers = [\"某某\"]\n");
    assert!(e.contains("成员（members）“某某”未定义"), "{e}");
}

#[test]
fn parse_name_uses_context_only_when_given() {
    let view = view();
    assert_eq!(view.parse_name("市政府").level, None);
    let taishan = view.parse_name("台山市教育局");
    assert_eq!(view.parse_name_in("市政府", Some(&taishan)).name, "台山市人民政府");
    let mut by_region = Org::unknown("某单位");
    by_region.region = Some("江门市".to_string());
    assert_eq!(view.parse_name_in("市政府", Some(&by_region)).name, "江门市人民政府");
}

#[test]
fn no_panics_on_odd_input() {
    let view = view();
    for text in [
        "",
        "（",
        "）",
        "各",
        "有关",
        "中共",
        "市",
        "市委委委",
        "人民政府",
        "、、",
        "\u{3000}",
        "a局b科",
        "各（市、",
        "尊敬的",
        "同志",
    ] {
        let _ = view.resolve(text, None);
        let _ = view.parse_name(text);
        let _ = OrgView::split_list(text);
        let org = view.parse_name(text);
        let _ = view.relation(&org, &view.parse_name("江门市人民政府"));
    }
}

#[test]
fn no_panics_on_combined_fragments() {
    let view = view();
    let sender = view.parse_name("台山市教育局");
    let fragments = [
        "",
        "中共",
        "各",
        "有关",
        "市",
        "县",
        "江门市",
        "台山市",
        "鼓楼区",
        "人民政府",
        "委",
        "办公室",
        "教育局",
        "科",
        "（市、区）",
        "、",
        "，",
        "：",
        "纪委",
        "政协",
        "街道",
        "镇",
        "尊敬的",
        "副市长",
        "同志",
        "中心",
        "a",
        "（",
        "）",
    ];
    for first in fragments {
        for second in fragments {
            for third in ["", "人民政府", "局办公室", "各部门", "）"] {
                let text = format!("{first}{second}{third}");
                let resolved = view.resolve(&text, Some(&sender));
                let _ = view.addressee_relation(&sender, &resolved);
                for (item, span) in OrgView::split_list(&text) {
                    assert_eq!(span.text(&text), item);
                }
            }
        }
    }
}

#[test]
fn towns_and_streets_stand_under_their_county() {
    let view = view();
    let r = |from, to| relation(&view, from, to);
    assert_eq!(r("台山市人民政府", "台山市台城街道办事处"), Relation::Subordinate);
    assert_eq!(r("台山市台城街道办事处", "台山市人民政府"), Relation::Superior);
    assert_eq!(
        r("台山市汶村镇人民政府", "江门市人民政府"),
        Relation::SuperiorSkipping { skipped: vec!["台山市人民政府".to_string()] }
    );
    assert_eq!(r("台山市汶村镇人民政府", "台山市台城街道办事处"), Relation::Peer);
    // A town and a department of its county: neither leads the other.
    assert_eq!(r("台山市教育局", "台山市汶村镇人民政府"), Relation::Unaffiliated);

    // A 街道 written as just “X街道” is its 办事处.
    let street = view.parse_name("顺庆区潆溪街道");
    assert_eq!((street.name.as_str(), street.kind), ("顺庆区潆溪街道办事处", OrgKind::Government));
    assert_eq!((street.level, street.parent.as_deref()), (Some(Level::Township), Some("顺庆区人民政府")));
}

#[test]
fn a_town_named_alone_belongs_to_the_county_writing() {
    let view = view();
    let county = view.parse_name("台山市人民政府");
    let street = view.resolve("台城街道办事处", Some(&county));
    assert_eq!(street.org().map(|o| o.name.as_str()), Some("台山市台城街道办事处"));
    assert_eq!(view.addressee_relation(&county, &street), Relation::Subordinate);
    let town = view.resolve("汶村镇人民政府", Some(&view.parse_name("台山市教育局")));
    assert_eq!(town.org().and_then(|o| o.parent.as_deref()), Some("台山市人民政府"));
    // A 地级市 has counties between it and its towns: which one is not known.
    let city = view.parse_name("江门市人民政府");
    let street = view.resolve("台城街道办事处", Some(&city));
    assert_eq!(view.addressee_relation(&city, &street), Relation::Unknown);
    // …unless it has none (东莞市 governs its towns directly).
    let dongguan = view.parse_name("东莞市人民政府");
    let town = view.resolve("虎门镇人民政府", Some(&dongguan));
    assert_eq!(view.addressee_relation(&dongguan, &town), Relation::Subordinate);
    // A town's region is its county's.
    let town = view.parse_name("台山市汶村镇人民政府");
    assert_eq!(view.region_code(&town), Some(440781));
}

#[test]
fn villages_and_communities_are_guided_by_their_town() {
    let view = view();
    let town = view.parse_name("台山市汶村镇人民政府");
    for text in ["汶村镇石头村", "台山市汶村镇石头村委会", "台山市汶村镇石头村村民委员会"]
    {
        let village = view.resolve(text, Some(&town));
        let village = village.org().unwrap_or_else(|| panic!("{text}"));
        assert_eq!(village.name, "台山市汶村镇石头村村民委员会", "{text}");
        assert_eq!(village.kind, OrgKind::ResidentsCommittee);
        assert_eq!(view.relation(&town, village), Relation::Guided, "{text}");
        assert_eq!(view.relation(village, &town), Relation::Guiding, "{text}");
    }
    let street = view.parse_name("台山市台城街道办事处");
    let community = view.resolve("台城街道东湖社区", Some(&street));
    assert_eq!(community.org().map(|o| o.name.as_str()), Some("台山市台城街道东湖社区居民委员会"));
    let all = view.resolve("各村（居）委会", Some(&town));
    assert_eq!(view.addressee_relation(&town, &all), Relation::Guided);
    // A bare “X村” with no town before it is too common a word to read as an organ.
    assert_eq!(view.resolve("新农村", Some(&town)).org().map(|o| o.kind), None);
}

#[test]
fn enterprises_and_associations_are_unaffiliated_to_state_organs() {
    let view = view();
    let r = |from, to| relation(&view, from, to);
    for outside in [
        "示例集团有限公司",
        "江门市交通建设投资集团有限公司",
        "江门市第一机械厂",
        "中国工商银行江门分行",
        "江门农村商业银行股份有限公司台山支行",
        "江门市律师协会",
        "江门市地方志研究会",
        "江门市潮汕商会",
    ] {
        assert!(view.parse_name(outside).kind.is_outside_the_state(), "{outside}");
        assert_eq!(r(outside, "江门市教育局"), Relation::Unaffiliated, "{outside}");
        assert_eq!(r("江门市人民政府", outside), Relation::Unaffiliated, "{outside}");
    }
    // 群团 are not 社会组织, and the central bank's branches are organs.
    for (name, kind) in [
        ("江门市总工会", OrgKind::MassOrganization),
        ("江门市科学技术协会", OrgKind::MassOrganization),
        ("中国科学技术协会", OrgKind::MassOrganization),
        ("江门市残疾人联合会", OrgKind::MassOrganization),
        ("中国人民银行江门市分行", OrgKind::Department),
    ] {
        assert_eq!(view.parse_name(name).kind, kind, "{name}");
    }
    // Beside the government's line, a 群团 and a department lead neither the other.
    assert_eq!(r("江门市总工会", "江门市教育局"), Relation::Unaffiliated);

    // The configuration may say otherwise.
    let configured =
        load("[[org]]\nname = \"江门市交通建设投资集团有限公司\"\nparent = \"江门市人民政府国有资产监督管理委员会\"\n")
            .unwrap();
    let r = |from, to| relation(&configured, from, to);
    assert_eq!(r("江门市交通建设投资集团有限公司", "江门市人民政府国有资产监督管理委员会"), Relation::Superior);
    assert_eq!(r("江门市人民政府国有资产监督管理委员会", "江门市交通建设投资集团有限公司"), Relation::Subordinate);
}

#[test]
fn group_names_with_a_place_before_them() {
    let view = view();
    let city = view.parse_name("江门市人民政府");
    let group = |text: &str, sender: &Org| {
        view.resolve(text, Some(sender)).group().cloned().unwrap_or_else(|| panic!("{text}"))
    };
    let towns = group("新会区各镇人民政府", &city);
    assert_eq!((towns.kind, towns.level), (OrgKind::Government, Some(Level::Township)));
    assert_eq!(towns.of.as_deref(), Some("新会区人民政府"));
    assert_eq!(view.group_relation(&city, &towns), Relation::Subordinate);
    let county = view.parse_name("台山市人民政府");
    let towns = group("台山市各乡镇人民政府", &county);
    assert_eq!(view.group_relation(&county, &towns), Relation::Subordinate);
    let streets = group("街道办事处", &county);
    assert_eq!(view.group_relation(&county, &streets), Relation::Subordinate);
    let towns = group("各镇（街道）", &county);
    assert_eq!((towns.level, towns.of.as_deref()), (Some(Level::Township), Some("台山市人民政府")));
    assert_eq!(view.group_relation(&view.parse_name("台山市汶村镇人民政府"), &towns), Relation::Peer);
    let all_towns = group("全市各镇（街道）", &county);
    assert_eq!(all_towns.of.as_deref(), Some("台山市人民政府"));

    let bureau = view.parse_name("江门市教育局");
    let schools = group("全市各中小学", &bureau);
    assert_eq!((schools.kind, schools.scope), (OrgKind::PublicInstitution, GroupScope::WithinArea));
    assert_eq!(schools.of.as_deref(), Some("江门市人民政府"));
    // Some are the bureau's own, most are the counties': not known.
    assert_eq!(view.group_relation(&bureau, &schools), Relation::Unknown);
    assert_eq!(view.group_relation(&city, &schools), Relation::Subordinate);
    let units = group("市直各单位", &bureau);
    assert_eq!((units.scope, units.of.as_deref()), (GroupScope::Affiliated, Some("江门市人民政府")));
}

#[test]
fn a_bare_city_among_area_words_takes_its_tier_from_the_sender() {
    let view = view();
    // Under a 地级市, 各市（区） are its 县级市 and 区.
    let city_bureau = view.parse_name("江门市民政局");
    for text in ["各市（区）民政局", "各市民政局"] {
        let group = view.resolve(text, Some(&city_bureau));
        let group = group.group().unwrap_or_else(|| panic!("{text}"));
        assert_eq!((group.kind, group.level), (OrgKind::Department, Some(Level::County)), "{text}");
        assert_eq!(group.function.as_deref(), Some("民政"));
        assert_eq!(view.group_relation(&city_bureau, group), Relation::Guided, "{text}");
    }
    let city = view.parse_name("江门市人民政府");
    let counties = view.resolve("各市（区）人民政府", Some(&city));
    assert_eq!(counties.group().map(|g| g.level), Some(Some(Level::County)));
    assert_eq!(view.addressee_relation(&city, &counties), Relation::Subordinate);
    // Under a 省, 各市 are 地级市.
    let province_bureau = view.parse_name("广东省民政厅");
    let cities = view.resolve("各市民政局", Some(&province_bureau));
    let cities = cities.group().unwrap();
    assert_eq!(cities.level, Some(Level::Prefecture));
    assert_eq!(view.group_relation(&province_bureau, cities), Relation::Guided);
    // A county's own department is not the one they share a function with.
    assert_eq!(
        view.group_relation(
            &view.parse_name("江门市财政局"),
            view.resolve("各市（区）民政局", Some(&city_bureau)).group().unwrap()
        ),
        Relation::Unaffiliated
    );
    // 地区 and their 行署 among the areas: 各市（地）人民政府（行署） are the prefectures.
    let province = view.parse_name("黑龙江省农业农村厅");
    for text in [
        "各市（地）人民政府（行署）",
        "各地级市人民政府",
        "各市（地）人民政府",
        "各设区市人民政府",
        "各设区的市人民政府",
    ] {
        let group = view.resolve(text, Some(&province));
        assert_eq!(group.group().map(|g| g.level), Some(Some(Level::Prefecture)), "{text}");
    }
    // 各地 means everywhere, not the 地区.
    assert!(view.resolve("各地人民政府", Some(&province)).group().is_none_or(|g| g.level.is_none()));
    // With no sender the tier is not known.
    let unknown = view.resolve("各市人民政府", None);
    assert_eq!(unknown.group().map(|g| g.level), Some(None));
    // 各市场监管局 is not 各市 + 场监管局.
    assert!(
        view.resolve("各市场监管局", Some(&city_bureau))
            .group()
            .is_none_or(|g| g.function.as_deref() != Some("场监管"))
    );
}

#[test]
fn organs_written_together_are_each_addressed() {
    let view = view();
    let names = |text: &str, sender: &str| -> Vec<(String, String)> {
        let sender = view.parse_name(sender);
        view.resolve_each(text, Some(&sender))
            .into_iter()
            .map(|(a, range)| (a.org().map_or_else(String::new, |o| o.name.clone()), text[range].to_string()))
            .collect()
    };
    let pair =
        |a: &str, b: &str, c: &str, d: &str| vec![(a.to_string(), b.to_string()), (c.to_string(), d.to_string())];
    assert_eq!(names("省委省政府", "江门市人民政府"), pair("中共广东省委", "省委", "广东省人民政府", "省政府"));
    assert_eq!(names("市委市政府", "台山市教育局"), pair("中共台山市委", "市委", "台山市人民政府", "市政府"));
    assert_eq!(
        names("中共江门市委 江门市人民政府", "江门市教育局"),
        pair("中共江门市委", "中共江门市委", "江门市人民政府", "江门市人民政府")
    );
    // One organ, known or not, stays one.
    for whole in ["江门市人民政府办公室", "江门市公共资源交易中心", "江门市教育局考试中心", "各县（市、区）人民政府"]
    {
        assert_eq!(view.resolve_each(whole, None).len(), 1, "{whole}");
    }
}

/// A public institution and a government department of another function: 不相隶属, whoever runs
/// the institution — a hospital named after its city alone, a 融媒体中心 (run by the 宣传部), a
/// college whose 主管部门 the name does not give. Its own sector's department, and its party
/// department, are not called unaffiliated.
#[test]
fn institutions_and_departments_of_other_functions_are_unaffiliated() {
    let view = view();
    let r = |a: &str, b: &str| relation(&view, a, b);
    let hospital = view.parse_name("延吉市医院");
    assert_eq!(hospital.kind, OrgKind::PublicInstitution);
    assert_eq!(hospital.parent.as_deref(), Some("延吉市卫生健康局"));
    assert_eq!(r("延吉市医院", "延吉市人力资源和社会保障局"), Relation::Unaffiliated);
    assert_eq!(r("延吉市医院", "延吉市卫生健康局"), Relation::Superior);
    let centre = view.parse_name("福鼎市融媒体中心");
    assert_eq!(centre.kind, OrgKind::PublicInstitution);
    assert_eq!(centre.parent.as_deref(), Some("中共福鼎市委宣传部"));
    assert_eq!(r("福鼎市融媒体中心", "福鼎市财政局"), Relation::Unaffiliated);
    assert_eq!(r("福鼎市融媒体中心", "中共福鼎市委宣传部"), Relation::Superior);
    let college = view.parse_name("宁波北仑海事职业学院");
    assert_eq!(college.kind, OrgKind::PublicInstitution);
    assert_eq!(r("宁波北仑海事职业学院", "宁波市自然资源和规划局"), Relation::Unaffiliated);
    assert_ne!(r("宁波北仑海事职业学院", "宁波市教育局"), Relation::Unaffiliated);
    assert_ne!(r("宁波北仑海事职业学院", "宁波市人民政府"), Relation::Unaffiliated);
    // A department that may run the institution, by whatever name, is no stranger to it: a
    // 教体局 is a 教育局, a 技师学院 is the 人社局's, a university may be a ministry's, a 疾控中心
    // answers to the new 疾控局.
    for (institution, department) in [
        ("于都县第一中学", "于都县教体局"),
        ("于都县第一中学", "于都县教育科学体育局"),
        ("江门市技师学院", "江门市人力资源和社会保障局"),
        ("江门市技工学校", "江门市人力资源和社会保障局"),
        ("北京航空航天大学", "工业和信息化部"),
        ("江门市卫生职业学院", "广东省卫生健康委员会"),
        ("江门市疾病预防控制中心", "江门市疾病预防控制局"),
        ("江门市文化馆", "江门市文化广电旅游体育局"),
    ] {
        assert_ne!(r(institution, department), Relation::Unaffiliated, "{institution} → {department}");
    }
    assert_eq!(r("于都县第一中学", "于都县财政局"), Relation::Unaffiliated);
    // A university's school is its internal unit, the party's school no college of education.
    for name in ["华南理工大学土木与交通学院", "中共宁波市委党校", "宁波市社会主义学院", "浙江省农业科学院"]
    {
        assert_ne!(view.parse_name(name).kind, OrgKind::PublicInstitution, "{name}");
    }
    // A university an academy founded is a university, not the academy's 学院.
    for name in ["中国科学院大学", "中国社会科学院大学"] {
        assert_eq!(view.parse_name(name).kind, OrgKind::PublicInstitution, "{name}");
    }
}

/// A committee of a 人民代表大会 answers to its 常委会; it is no department of the government.
/// A 嘎查 is a 村 by another name.
#[test]
fn congress_committees_and_gacha() {
    let view = view();
    let committee = view.parse_name("延吉市人民代表大会财政经济委员会");
    assert_ne!(committee.kind, OrgKind::Department);
    assert_eq!(view.relation(&committee, &view.parse_name("延吉市人大常委会")), Relation::Superior);
    // One committee, one name, however it is written.
    assert_eq!(view.parse_name("延吉市人大财政经济委员会").name, committee.name);
    assert_eq!(view.parse_name("延吉市人大常委会法制工作委员会").name, "延吉市人大常委会法制工作委员会");
    // The 常委会's working bodies, however written, are the 常委会's.
    for (written, name) in [
        ("延吉市人大法制工作委员会", "延吉市人大常委会法制工作委员会"),
        ("延吉市人大法工委", "延吉市人大常委会法工委"),
        ("延吉市人大研究室", "延吉市人大常委会研究室"),
    ] {
        assert_eq!(view.parse_name(written).name, name, "{written}");
    }
    assert_eq!(
        view.parse_name("伊金霍洛旗红庆河镇巴音敖包嘎查村民委员会").name,
        "伊金霍洛旗红庆河镇巴音敖包嘎查村民委员会"
    );
}

/// A 村委会 writing to its town by the town's short name (唐江镇人民政府), its own name giving
/// the town with the district (南康区唐江镇新圩村村民委员会).
#[test]
fn a_village_writes_to_its_town_by_the_towns_short_name() {
    let view = view();
    let village = view.parse_name("南康区唐江镇新圩村村民委员会");
    assert_eq!(village.kind, OrgKind::ResidentsCommittee);
    for town in ["唐江镇人民政府", "赣州市南康区唐江镇人民政府"] {
        assert_eq!(view.relation(&village, &view.parse_name(town)), Relation::Guiding, "{town}");
    }
    assert_ne!(view.relation(&village, &view.parse_name("横寨乡人民政府")), Relation::Guiding);
    // Another town whose name ends the same way is another town.
    assert_ne!(view.relation(&village, &view.parse_name("江镇人民政府")), Relation::Guiding);
}

#[test]
fn merged_bureaus_and_sector_parents_by_function() {
    let view = OrgView::default();
    let school = view.parse_name("于都县第二中学");
    let bureau = view.parse_name("于都县教育科学体育局");
    assert_eq!(view.relation(&school, &bureau), Relation::Superior);
    let county = view.parse_name("婺源县教育体育局");
    let province = view.parse_name("江西省教育厅");
    assert!(
        matches!(view.relation(&county, &province), Relation::GuidingSkipping { .. }),
        "{:?}",
        view.relation(&county, &province)
    );
}

#[test]
fn merged_bureaus_named_by_abbreviation_keep_their_lines_of_guidance() {
    let view = OrgView::default();
    let guided = |from: &str, to: &str| {
        let relation = view.relation(&view.parse_name(from), &view.parse_name(to));
        matches!(relation, Relation::Guiding | Relation::GuidingSkipping { .. })
    };
    assert!(guided("南平市建阳区文体旅局", "南平市文化和旅游局"));
    assert!(guided("建阳区文化广电体育和旅游局", "福建省文化和旅游厅"));
    assert!(guided("婺源县卫健局", "上饶市卫生健康委员会"));
    assert!(!guided("南平市建阳区文体旅局", "南平市教育局"), "no field in common");
    assert!(!guided("南平市建阳区农业农村局", "南平市水利局"));
}

#[test]
fn county_level_areas_by_other_names() {
    let view = OrgView::default();
    let sender = view.parse_name("六盘水市生态环境局");
    let group = view.resolve("各县（市、特区、区）人民政府", Some(&sender));
    assert!(group.group().is_some(), "{group:?}");
}

#[test]
fn a_department_under_another_spelling_is_the_same() {
    let view = view();
    assert_eq!(relation(&view, "江门市住房和城乡建设局", "江门市住房城乡建设局"), Relation::Same);
    assert_eq!(relation(&view, "江门市住房和城乡建设局", "江门市自然资源局"), Relation::Peer);
}

#[test]
fn relative_names_in_a_place_the_gazetteer_does_not_list() {
    let view = view();
    let bureau = view.parse_name("瑞金源县教育体育局");
    let peer = view.resolve("县自然资源局", Some(&bureau));
    assert_eq!(peer.org().map(|o| o.name.as_str()), Some("瑞金源县自然资源局"));
    assert_eq!(view.addressee_relation(&bureau, &peer), Relation::Peer);
    let government = view.resolve("县政府", Some(&bureau));
    assert_eq!(view.addressee_relation(&bureau, &government), Relation::Superior);
    // From a town of that county, 县 is the county above it.
    let town = view.parse_name("瑞金源县梅溪镇人民政府");
    let county = view.resolve("县人民政府", Some(&town));
    assert_eq!(view.addressee_relation(&town, &county), Relation::Superior);
    // 县直各单位, 市场: no place to write out.
    assert!(view.resolve("市场监管所", Some(&bureau)).org().is_none_or(|o| !o.name.starts_with("瑞金源县")));
}

#[test]
fn a_departments_office_addresses_the_departments_bodies() {
    let view = view();
    let office = view.parse_name("江门市卫生健康局办公室");
    let bodies = view.resolve("局属各医疗机构", Some(&office));
    assert_eq!(view.addressee_relation(&office, &bodies), Relation::Subordinate);
    // Another unit of the bureau does not.
    let unit = view.parse_name("江门市卫生健康局医政科");
    let bodies = view.resolve("局属各医疗机构", Some(&unit));
    assert_ne!(view.addressee_relation(&unit, &bodies), Relation::Subordinate);
}

#[test]
fn organs_of_one_system_across_tiers() {
    let view = view();
    assert_eq!(
        relation(&view, "江油市人民检察院", "四川省人民检察院"),
        Relation::SuperiorSkipping { skipped: vec!["绵阳市人民检察院".to_string()] }
    );
    assert_eq!(relation(&view, "江油市人民检察院", "绵阳市人民检察院"), Relation::Superior);
    assert_eq!(
        relation(&view, "共青团苍溪县委", "共青团四川省委员会"),
        Relation::GuidingSkipping { skipped: vec!["共青团广元市委".to_string()] }
    );
    assert_eq!(relation(&view, "共青团苍溪县委", "共青团广元市委"), Relation::Guiding);
    // Another organisation of the same tier is no counterpart.
    assert_ne!(relation(&view, "苍溪县妇女联合会", "共青团广元市委"), Relation::Guiding);
    // Beside the government's line: neither leads the other.
    assert_eq!(relation(&view, "郴州市科学技术协会", "郴州市教育局"), Relation::Unaffiliated);
    assert_eq!(relation(&view, "郴州市政协办公室", "郴州市财政局"), Relation::Unaffiliated);
    assert_eq!(relation(&view, "郴州市总工会", "郴州市人民政府"), Relation::Unknown);
}

/// 各旗县区文化和旅游主管部门: Inner Mongolia's 旗 among the area words, and a department named
/// by its field; the sender's counterparts one tier down, which it guides.
#[test]
fn counterparts_named_by_their_field_in_banners_and_counties() {
    let view = view();
    let sender = view.parse_name("赤峰市文化和旅游局");
    let to = view.resolve("各旗县区文化和旅游主管部门", Some(&sender));
    assert_eq!(view.addressee_relation(&sender, &to), Relation::Guided, "{to:?}");
}

/// 局属各市场监督管理所: the sender's own units, named by their kind.
#[test]
fn own_units_by_the_name_of_their_kind() {
    let view = view();
    let sender = view.parse_name("浏阳市市场监督管理局");
    for text in ["局属各市场监督管理所", "所属各基层站所", "局属各执法大队"] {
        let to = view.resolve(text, Some(&sender));
        assert_eq!(view.addressee_relation(&sender, &to), Relation::Subordinate, "{text}: {to:?}");
    }
    // Without an owner word, a name ending in 所 is no 统称 of the sender's.
    let to = view.resolve("各律师事务所", Some(&sender));
    assert_ne!(view.addressee_relation(&sender, &to), Relation::Subordinate, "{to:?}");
}

/// 各县（区）委组织部: the 党委's departments of the areas below, the sender's counterparts.
#[test]
fn party_departments_of_the_areas_below() {
    let view = view();
    let sender = view.parse_name("中共庆阳市委组织部");
    let to = view.resolve("各县（区）委组织部", Some(&sender));
    assert_eq!(view.addressee_relation(&sender, &to), Relation::Guided, "{to:?}");
    // A government department's name is not read as one.
    let sender = view.parse_name("江门市教育局");
    assert!(view.resolve("各市（区）教育局", Some(&sender)).group().is_some());
}
