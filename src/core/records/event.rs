//! Events: signings, annual working sessions, reviews, summary conferences, dialogues with youth.
//! Agreements live through them; recommendations are raised at them.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::records::meta::{record_struct, Id, Meta};
use crate::records::quick_serde::quick;
use crate::records::record::{Collection, Record, UnknownFields};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Hội nghị ký kết.
    Signing,
    /// Buổi làm việc định kỳ hằng năm.
    AnnualSession,
    /// Hội nghị sơ kết.
    MidTermReview,
    /// Hội nghị tổng kết.
    SummaryConference,
    /// Đối thoại với thanh niên (Decree 13/2021: at least once a year).
    YouthDialogue,
    #[default]
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Signing,
        EventKind::AnnualSession,
        EventKind::MidTermReview,
        EventKind::SummaryConference,
        EventKind::YouthDialogue,
        EventKind::Other,
    ];
}

/// What the event did to a linked agreement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventRole {
    /// Signed here: the agreement counts as signed on the event's day.
    Signed,
    /// Summarised here: the agreement's period is closed out.
    Summarised,
    /// Reviewed here (mid-term review, annual session).
    #[default]
    Reviewed,
}

impl EventRole {
    pub const ALL: [EventRole; 3] = [
        EventRole::Signed,
        EventRole::Summarised,
        EventRole::Reviewed,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLink {
    #[serde(with = "quick")]
    pub agreement: Id,
    #[serde(default)]
    pub role: EventRole,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Who chaired, with the position they held that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chair {
    #[serde(with = "quick")]
    pub person: Id,
    #[serde(default)]
    pub position: String,
    /// Đồng chủ trì.
    #[serde(default)]
    pub co_chair: bool,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

record_struct! {
    #[derive(Clone, Debug, PartialEq)]
    pub struct Event {
        #[serde(default)]
        pub kind: EventKind,
        pub title: String,
        /// Local time in Vietnam (what the invitation says), not UTC.
        #[serde(with = "quick")]
        pub starts_at: NaiveDateTime,
        #[serde(default)]
        pub place: String,
        #[serde(default)]
        pub chairs: Vec<Chair>,
        /// "trên 200": the count as reported.
        #[serde(default)]
        pub attendee_count: Option<u32>,
        /// Named guests, as written.
        #[serde(default)]
        pub guests: Vec<String>,
        #[serde(default)]
        pub agreements: Vec<EventLink>,
        #[serde(default)]
        pub agenda: String,
        /// Reports heard.
        #[serde(default)]
        pub reports: String,
        #[serde(default)]
        pub conclusions: String,
        #[serde(default)]
        pub minutes: String,
        #[serde(flatten)]
        pub unknown: UnknownFields,
    }
}

impl Record for Event {
    const COLLECTION: Collection = Collection::Events;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
    fn dates_out_of_range(&self, out: &mut Vec<String>) {
        crate::records::date_bounds::check(out, Some(self.starts_at), || "starts_at".into());
    }
}

impl Event {
    pub fn new(meta: Meta, kind: EventKind, title: &str, starts_at: NaiveDateTime) -> Event {
        Event {
            meta,
            kind,
            title: title.to_string(),
            starts_at,
            place: String::new(),
            chairs: Vec::new(),
            attendee_count: None,
            guests: Vec::new(),
            agreements: Vec::new(),
            agenda: String::new(),
            reports: String::new(),
            conclusions: String::new(),
            minutes: String::new(),
            unknown: UnknownFields::new(),
        }
    }

    pub fn day(&self) -> NaiveDate {
        self.starts_at.date()
    }

    pub fn links(&self, agreement: Id) -> bool {
        self.agreements.iter().any(|l| l.agreement == agreement)
    }

    pub fn role_for(&self, agreement: Id) -> Option<EventRole> {
        self.agreements
            .iter()
            .find(|l| l.agreement == agreement)
            .map(|l| l.role)
    }
}
