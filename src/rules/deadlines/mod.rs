//! GW7xx: 会议与时限 (《江门市人民政府工作规则》二十二、二十五、二十九 and the working-day calendar).
pub mod adopted_docs_within_5_workdays;
mod common;
pub mod consultation_reply_5_workdays;
pub mod dept_meeting_attendance;
pub mod forums_ceremonies;
pub mod meeting_request_10_workdays;
pub mod minutes_within_2_days;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &minutes_within_2_days::MinutesWithin2Days,
    &adopted_docs_within_5_workdays::AdoptedDocsWithin5Workdays,
    &meeting_request_10_workdays::MeetingRequest10Workdays,
    &consultation_reply_5_workdays::ConsultationReply5Workdays,
    &dept_meeting_attendance::DeptMeetingAttendance,
    &forums_ceremonies::ForumsCeremonies,
];
