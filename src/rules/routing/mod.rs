//! GW2xx: 行文规则 (《党政机关公文处理工作条例》第十四条至第十七条、第二十二条, 江门市人民政府工作规则).
pub(crate) mod common;
pub mod consult_and_countersign;
pub mod dept_no_directive_to_lower_gov;
pub mod forward_with_opinion;
pub mod internal_unit_no_external;
pub mod issuance_consolidation;
pub mod joint_issuance;
pub mod no_leader_personal;
pub mod no_level_bypass;
pub mod no_org_staffing_funding;
pub mod no_supporting_docs_demand;
pub mod normative_forbidden_content;
pub mod normative_validity;
pub mod procedure_metadata;
pub mod upward_no_cc_subordinate;
pub mod upward_signer;
pub mod upward_single_main_recipient;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &upward_single_main_recipient::UpwardSingleMainRecipient,
    &no_level_bypass::NoLevelBypass,
    &no_leader_personal::NoLeaderPersonal,
    &dept_no_directive_to_lower_gov::DeptNoDirectiveToLowerGov,
    &upward_no_cc_subordinate::UpwardNoCcSubordinate,
    &internal_unit_no_external::InternalUnitNoExternal,
    &joint_issuance::JointIssuance,
    &upward_signer::UpwardSigner,
    &forward_with_opinion::ForwardWithOpinion,
    &consult_and_countersign::ConsultAndCountersign,
    &no_org_staffing_funding::NoOrgStaffingFunding,
    &no_supporting_docs_demand::NoSupportingDocsDemand,
    &issuance_consolidation::IssuanceConsolidation,
    &normative_validity::NormativeValidity,
    &normative_forbidden_content::NormativeForbiddenContent,
    &procedure_metadata::ProcedureMetadata,
];
