//! The records of the ledger: organisations, people and agreements.
//! Plain data; rules live in `validate`, `status` and `workspace`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::records::date_bounds::{check, check_year};
use crate::records::meta::{record_struct, Id, Meta};
use crate::records::quick_serde::quick;
use crate::records::record::{Collection, Record, UnknownFields};

macro_rules! impl_record {
    ($ty:ty, $collection:expr $(, $extra:item)*) => {
        impl Record for $ty {
            const COLLECTION: Collection = $collection;
            fn meta(&self) -> &Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.meta
            }
            $($extra)*
        }
    };
}

// ---------------------------------------------------------------- organisations

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// UBND: a People's Committee.
    PeoplesCommittee,
    /// Tỉnh ủy, Huyện ủy…: a Party committee.
    PartyCommittee,
    /// Đoàn, Hội…: a mass organisation.
    MassOrganisation,
    /// Sở, ban, ngành.
    Department,
    #[default]
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 5] = [
        OrganisationKind::PeoplesCommittee,
        OrganisationKind::PartyCommittee,
        OrganisationKind::MassOrganisation,
        OrganisationKind::Department,
        OrganisationKind::Other,
    ];
}

/// Titles and names are one line: a title pasted from a document keeps no line breaks and no
/// runs of spaces (they would travel into exports and the printed document).
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The legal basis as typed, one act per line, stored without the words the document adds: a
/// leading "Căn cứ" (any case, with or without accents, a colon after it) and the ";" or "."
/// ending the line. So "Căn cứ Luật Thanh niên năm 2020;" and "Luật Thanh niên năm 2020" are
/// the same line, printed once as "Căn cứ Luật Thanh niên năm 2020;".
pub fn legal_basis_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(legal_basis_line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// "Căn cứ" in any case, with or without its accents, whatever the Unicode form.
fn is_can_cu(words: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let words: String = words
        .trim_end_matches(':')
        .nfc()
        .flat_map(char::to_lowercase)
        .collect();
    matches!(words.as_str(), "căn cứ" | "can cu" | "căn cu" | "can cứ")
}

/// One line of [`legal_basis_lines`].
pub fn legal_basis_line(line: &str) -> String {
    let line = one_line(line);
    let mut words = line.splitn(3, ' ');
    let first_two = [words.next().unwrap_or(""), words.next().unwrap_or("")].join(" ");
    let rest = if is_can_cu(&first_two) {
        let after = line.get(first_two.len()..).unwrap_or("");
        after.trim_start_matches([' ', ':'])
    } else {
        line.as_str()
    };
    rest.trim_end_matches([';', '.', ',', ' ']).to_string()
}

record_struct! {
    #[derive(Clone, Debug, PartialEq)]
    pub struct Organisation {
        pub name: String,
        #[serde(default)]
        pub short_name: String,
        #[serde(default)]
        pub kind: OrganisationKind,
        #[serde(default, with = "quick")]
        pub parent: Option<Id>,
        /// The province or city it belongs to (tỉnh/thành: "Trà Vinh"), which tells two provinces'
        /// "Sở Y tế" apart; empty when not recorded (older files).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        pub locality: String,
        #[serde(default)]
        pub notes: String,
        #[serde(flatten)]
        pub unknown: UnknownFields,
    }
}
impl_record!(Organisation, Collection::Organisations);

impl Organisation {
    pub fn new(meta: Meta, name: &str, short_name: &str, kind: OrganisationKind) -> Organisation {
        Organisation {
            meta,
            name: name.to_string(),
            short_name: short_name.to_string(),
            kind,
            parent: None,
            locality: String::new(),
            notes: String::new(),
            unknown: UnknownFields::new(),
        }
    }

    /// The short name where there is one (lists are narrow), with the locality: "SYT (Trà Vinh)".
    pub fn label(&self) -> String {
        self.with_locality(self.short())
    }

    /// The short name where there is one, else the name; without the locality.
    pub fn short(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }

    /// The full name with the locality: "Sở Y tế (Trà Vinh)". This and [`Organisation::label`]
    /// are the one rule for naming an organisation on screen (printed documents keep the
    /// official name alone).
    pub fn display_name(&self) -> String {
        self.with_locality(&self.name)
    }

    /// `name`, followed by the locality in brackets unless the name already says it ("UBND tỉnh
    /// Trà Vinh" stays as it is; compared without case, whatever the Unicode form).
    fn with_locality(&self, name: &str) -> String {
        let name = name.trim();
        let locality = self.locality.trim();
        if locality.is_empty() || same_letters(name).contains(&same_letters(locality)) {
            name.to_string()
        } else {
            format!("{name} ({locality})")
        }
    }
}

/// Text as compared for the display rule: NFC, lower case.
fn same_letters(text: &str) -> String {
    text.nfc().flat_map(char::to_lowercase).collect()
}

// ---------------------------------------------------------------- people

/// A position a person held in an organisation over a span of time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionHeld {
    pub title: String,
    #[serde(default, with = "quick")]
    pub organisation: Option<Id>,
    #[serde(default, with = "quick")]
    pub from: Option<NaiveDate>,
    #[serde(default, with = "quick")]
    pub to: Option<NaiveDate>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PositionHeld {
    /// Whether the position was held on `day` (open ends count as held).
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

record_struct! {
    #[derive(Clone, Debug, PartialEq)]
    pub struct Person {
        pub full_name: String,
        #[serde(default)]
        pub positions: Vec<PositionHeld>,
        #[serde(default)]
        pub notes: String,
        #[serde(flatten)]
        pub unknown: UnknownFields,
    }
}
impl_record!(
    Person,
    Collection::People,
    fn dates_out_of_range(&self, out: &mut Vec<String>) {
        for (i, p) in self.positions.iter().enumerate() {
            check(out, p.from, || format!("positions[{i}].from"));
            check(out, p.to, || format!("positions[{i}].to"));
        }
    }
);

impl Person {
    pub fn new(meta: Meta, full_name: &str) -> Person {
        Person {
            meta,
            full_name: full_name.to_string(),
            positions: Vec::new(),
            notes: String::new(),
            unknown: UnknownFields::new(),
        }
    }

    /// Titles held on `day`, joined as Vietnamese documents write them ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh").
    pub fn positions_on(&self, day: NaiveDate) -> String {
        let titles: Vec<&str> = self
            .positions
            .iter()
            .filter(|p| p.held_on(day))
            .map(|p| p.title.as_str())
            .collect();
        titles.join(", ")
    }

    /// What a signatory or chair row is filled with on choosing the person: the positions held
    /// on `day` (as [`Person::positions_on`]) and the organisation of the first of them.
    pub fn post_on(&self, day: NaiveDate) -> (String, Option<Id>) {
        let organisation = self
            .positions
            .iter()
            .find(|p| p.held_on(day))
            .and_then(|p| p.organisation);
        (self.positions_on(day), organisation)
    }
}

// ---------------------------------------------------------------- agreements

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// Quy chế phối hợp: between two or more bodies for a period.
    #[default]
    Regulation,
    /// Kế hoạch / giao ước phối hợp with one department, under a regulation.
    Plan,
    Other,
}

impl AgreementKind {
    pub const ALL: [AgreementKind; 3] = [
        AgreementKind::Regulation,
        AgreementKind::Plan,
        AgreementKind::Other,
    ];
}

/// An organisation that is party to an agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    #[serde(with = "quick")]
    pub organisation: Id,
    /// Free text role as the document words it ("chủ trì", "phối hợp").
    #[serde(default)]
    pub role: String,
    /// Exactly one party leads.
    #[serde(default)]
    pub lead: bool,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The authority with which a signatory signs (the prefix of a Vietnamese signature block).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Signs in their own right: no prefix.
    #[default]
    Own,
    /// TM. (thay mặt): on behalf of a collective body.
    OnBehalfOf,
    /// KT. (ký thay): a deputy signing for the head.
    ActingFor,
    /// Q. (quyền): interim head.
    Interim,
    /// TL. (thừa lệnh): by order.
    ByOrder,
    /// TUQ. (thừa ủy quyền): by delegation.
    ByDelegation,
}

impl Authority {
    pub const ALL: [Authority; 6] = [
        Authority::Own,
        Authority::OnBehalfOf,
        Authority::ActingFor,
        Authority::Interim,
        Authority::ByOrder,
        Authority::ByDelegation,
    ];

    /// The abbreviation written in the signature block; these are fixed in Vietnamese administrative style.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Authority::Own => "",
            Authority::OnBehalfOf => "TM.",
            Authority::ActingFor => "KT.",
            Authority::Interim => "Q.",
            Authority::ByOrder => "TL.",
            Authority::ByDelegation => "TUQ.",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    #[serde(with = "quick")]
    pub person: Id,
    /// The position exactly as written at signing; people change posts, documents do not.
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub authority: Authority,
    #[serde(with = "quick")]
    pub organisation: Id,
    #[serde(default, with = "quick")]
    pub signed_on: Option<NaiveDate>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The years an agreement covers. Either end may be unknown while drafting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    #[serde(default, with = "quick")]
    pub start: Option<NaiveDate>,
    #[serde(default, with = "quick")]
    pub end: Option<NaiveDate>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Period {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Period {
        Period {
            start: Some(start),
            end: Some(end),
            unknown: Default::default(),
        }
    }

    /// Whether any day of `year` falls in the period (an open end reaches forever).
    pub fn covers_year(&self, year: i32) -> bool {
        use chrono::Datelike;
        self.start.is_none_or(|s| s.year() <= year)
            && self.end.is_none_or(|e| year <= e.year())
            && (self.start.is_some() || self.end.is_some())
    }

    /// The years of the period (none when it is open or implausibly long).
    pub fn years(&self) -> Vec<i32> {
        use chrono::Datelike;
        match (self.start, self.end) {
            (Some(s), Some(e)) if e >= s && e.year() - s.year() <= 50 => {
                (s.year()..=e.year()).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// One area the parties coordinate on (nội dung phối hợp); followed like an obligation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinationArea {
    /// Stable, so yearly results can refer to the area while the list is reordered.
    #[serde(with = "quick")]
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Organisations (parties) responsible for the area.
    #[serde(default, with = "quick")]
    pub responsible: Vec<Id>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The life stage of an agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    /// Signed, but its period has not started.
    Signed,
    InForce,
    Expired,
    /// Its summary conference has been held.
    Summarised,
    /// Ended early.
    Terminated,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Draft,
        Status::Signed,
        Status::InForce,
        Status::Expired,
        Status::Summarised,
        Status::Terminated,
    ];
}

/// A status the user set by hand, with why; it wins over the derived one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusOverride {
    pub status: Status,
    #[serde(default)]
    pub reason: String,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

record_struct! {
    #[derive(Clone, Debug, PartialEq)]
    pub struct Agreement {
        /// Số hiệu, e.g. "01/QCPH-UBND-TĐ".
        #[serde(default)]
        pub number: String,
        pub title: String,
        #[serde(default)]
        pub kind: AgreementKind,
        #[serde(default)]
        pub parties: Vec<Party>,
        #[serde(default)]
        pub signatories: Vec<Signatory>,
        #[serde(default, with = "quick")]
        pub signed_on: Option<NaiveDate>,
        #[serde(default)]
        pub signed_place: String,
        #[serde(default)]
        pub legal_basis: Vec<String>,
        #[serde(default)]
        pub period: Period,
        #[serde(default)]
        pub status_override: Option<StatusOverride>,
        /// The previous period's agreement that this one replaces.
        #[serde(default, with = "quick")]
        pub supersedes: Option<Id>,
        /// For a plan: the regulation it implements.
        #[serde(default, with = "quick")]
        pub parent: Option<Id>,
        #[serde(default)]
        pub areas: Vec<CoordinationArea>,
        /// Recurring duties ("annual working session, once a year").
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub duties: Vec<crate::records::duty::Duty>,
        /// Each area's status per year, with evidence.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub area_results: Vec<crate::records::results::AreaResult>,
        /// The account of the period, once it has ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub close_out: Option<crate::records::results::CloseOut>,
        /// Bản gốc: where the signed scan is kept, and its SHA-256.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub original: Option<crate::records::original::Original>,
        #[serde(default)]
        pub notes: String,
        #[serde(flatten)]
        pub unknown: UnknownFields,
    }
}
impl_record!(
    Agreement,
    Collection::Agreements,
    /// An agreement's number is unique among those of the same parties: the copy goes without.
    fn part_from_kept(&mut self, kept: &Self) {
        if numbers_clash(self, kept) {
            self.number.clear();
        }
    },
    /// Signing dates, the period, settled duties and area results.
    fn dates_out_of_range(&self, out: &mut Vec<String>) {
        for (i, s) in self.signatories.iter().enumerate() {
            check(out, s.signed_on, || format!("signatories[{i}].signed_on"));
        }
        check(out, self.signed_on, || "signed_on".into());
        check(out, self.period.start, || "period.start".into());
        check(out, self.period.end, || "period.end".into());
        for (i, duty) in self.duties.iter().enumerate() {
            for (j, s) in duty.settlements.iter().enumerate() {
                check_year(out, s.year, || format!("duties[{i}].settlements[{j}].year"));
                check(out, s.on, || format!("duties[{i}].settlements[{j}].on"));
            }
        }
        for (i, r) in self.area_results.iter().enumerate() {
            check_year(out, r.year, || format!("area_results[{i}].year"));
        }
    }
);

impl Agreement {
    pub fn new(meta: Meta, title: &str, kind: AgreementKind) -> Agreement {
        Agreement {
            meta,
            number: String::new(),
            title: title.to_string(),
            kind,
            parties: Vec::new(),
            signatories: Vec::new(),
            signed_on: None,
            signed_place: String::new(),
            legal_basis: Vec::new(),
            period: Period::default(),
            status_override: None,
            supersedes: None,
            parent: None,
            areas: Vec::new(),
            duties: Vec::new(),
            area_results: Vec::new(),
            close_out: None,
            original: None,
            notes: String::new(),
            unknown: UnknownFields::new(),
        }
    }

    pub fn lead(&self) -> Option<Id> {
        self.parties.iter().find(|p| p.lead).map(|p| p.organisation)
    }

    pub fn has_party(&self, organisation: Id) -> bool {
        self.parties.iter().any(|p| p.organisation == organisation)
    }

    /// The date the agreement was signed: its own, else the earliest signatory's.
    pub fn signing_date(&self) -> Option<NaiveDate> {
        self.signed_on
            .or_else(|| self.signatories.iter().filter_map(|s| s.signed_on).min())
    }
}

// ---------------------------------------------------------------- agreement numbers

/// Numbers compare without case or spaces, and whatever the Unicode form of their letters (a
/// number pasted from a PDF is often decomposed): "01/QCPH-UBND-TĐ" = "01 / qcph-ubnd-tđ".
pub(crate) fn normalised_number(number: &str) -> String {
    let mut out = String::new();
    for_number_char(number, |c| out.push(c));
    out
}

/// Calls `f` with each character of the number as compared, in order, without building it.
fn for_number_char(number: &str, mut f: impl FnMut(char)) {
    let mut fold = |c: char| {
        if c.is_ascii() {
            // ASCII's own whitespace and case, quicker (U+000B is whitespace for `char`).
            if !c.is_whitespace() {
                f(c.to_ascii_lowercase());
            }
        } else if !c.is_whitespace() {
            c.to_lowercase().for_each(&mut f);
        }
    };
    // Most numbers are already composed: the quick check spares composing them again (and
    // ASCII, as many are, is composed).
    if number.is_ascii() || is_nfc_quick(number.chars()) == IsNormalized::Yes {
        number.chars().for_each(&mut fold);
    } else {
        number.nfc().for_each(&mut fold);
    }
}

/// A hash of the number as compared (None: it has none), taken without building it: the import's
/// [`NumberIndex`] reads every agreement's number, and equal numbers have equal hashes.
pub(crate) fn number_hash(number: &str) -> Option<u64> {
    let mut hash = None::<u64>;
    for_number_char(number, |c| {
        let h = hash.unwrap_or(0xcbf2_9ce4_8422_2325);
        hash = Some((h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x5851_f42d_4c95_7f2d));
    });
    hash
}

pub(crate) fn party_set(agreement: &Agreement) -> BTreeSet<Id> {
    agreement.parties.iter().map(|p| p.organisation).collect()
}

/// Two agreements of the same parties with the same (non-empty) number: only one may be live.
pub fn numbers_clash(a: &Agreement, b: &Agreement) -> bool {
    let number = normalised_number(&a.number);
    !number.is_empty() && holds_number(b, &number, a)
}

/// `other` has `number` (normalised) among the same parties as `a`; the parties are compared
/// only when the numbers match.
pub(crate) fn holds_number(other: &Agreement, number: &str, a: &Agreement) -> bool {
    normalised_number(&other.number) == number && party_set(other) == party_set(a)
}

#[cfg(test)]
mod tests;
