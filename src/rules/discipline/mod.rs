//! GW8xx: 廉洁纪律（含作风、减负）(《江门市人民政府工作规则》三十五、四十二, 《整治形式主义为基层减负若干规定》).
pub mod agreement_witness;
pub mod no_congratulations_inscriptions;
pub mod no_inspection_in_dept_docs;
pub mod no_veto_pledge_demands;
pub mod simplified_reception;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &no_congratulations_inscriptions::NoCongratulationsInscriptions,
    &agreement_witness::AgreementWitness,
    &no_inspection_in_dept_docs::NoInspectionInDeptDocs,
    &no_veto_pledge_demands::NoVetoPledgeDemands,
    &simplified_reception::SimplifiedReception,
];
