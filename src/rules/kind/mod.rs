//! GW1xx: 文种 (《党政机关公文处理工作条例》第八条、第十五条).
pub mod address_term_direction;
pub mod audience;
pub mod closing_phrase;
pub mod han_for_unaffiliated;
pub mod issuer_eligibility;
pub mod legal_doc_kind;
pub mod no_request_in_report;
pub mod one_issue_per_request;
pub mod phrases;
pub mod public_notice_kinds;
pub mod reply_cites_request;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &no_request_in_report::NoRequestInReport,
    &one_issue_per_request::OneIssuePerRequest,
    &legal_doc_kind::LegalDocKind,
    &closing_phrase::ClosingPhrase,
    &han_for_unaffiliated::HanForUnaffiliated,
    &reply_cites_request::ReplyCitesRequest,
    &address_term_direction::AddressTermDirection,
    &public_notice_kinds::PublicNoticeKinds,
    &issuer_eligibility::IssuerEligibility,
];
