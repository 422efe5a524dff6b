//! The app's pages and their URLs. Routes live in the URL's fragment (`#/agreements/<id>`), so
//! a reload or a shared link opens the same page from any static host or file share, with no
//! server rewrite rules.

use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Agreements,
    /// The register filtered to one status (links from the dashboard's counts).
    AgreementsWithStatus(crate::core::records::model::Status),
    AgreementNew,
    /// An agreement's page, on its overview.
    Agreement(Uuid),
    /// An agreement's page, on one of its other sections (#/agreements/<id>/events).
    AgreementSection(Uuid, AgreementTab),
    AgreementEdit(Uuid),
    /// The period report of an agreement; with a year, the yearly report of that year.
    AgreementReport(Uuid, Option<i32>),
    Organisations,
    OrganisationNew,
    Organisation(Uuid),
    People,
    PersonNew,
    Person(Uuid),
    Events,
    EventNew,
    Event(Uuid),
    EventEdit(Uuid),
    Recommendations,
    RecommendationNew,
    /// A recommendation to read (and its status to change).
    Recommendation(Uuid),
    RecommendationEdit(Uuid),
    /// Trao đổi dữ liệu: export, and import with its preview.
    Sharing,
    /// Every change of every record (the audit page).
    Audit,
    /// The audit page showing the changes made at one office (an import's report links here).
    AuditOfOffice(Uuid),
    Settings,
    NotFound(String),
}

impl Route {
    /// The page of a stored record.
    pub fn of_record(collection: crate::core::records::record::Collection, id: Uuid) -> Route {
        use crate::core::records::record::Collection as C;
        match collection {
            C::Organisations => Route::Organisation(id),
            C::People => Route::Person(id),
            C::Agreements => Route::Agreement(id),
            C::Events => Route::Event(id),
            C::Recommendations => Route::Recommendation(id),
        }
    }

    /// An agreement's page on `tab` (the overview is the page's own address).
    pub fn agreement_tab(id: Uuid, tab: AgreementTab) -> Route {
        match tab {
            AgreementTab::Overview => Route::Agreement(id),
            tab => Route::AgreementSection(id, tab),
        }
    }

    /// The page this route shows: the sections of one agreement are one page, so moving between
    /// them keeps the page (and what its forms hold) and only changes the section shown.
    pub fn page(&self) -> Route {
        match self {
            Route::AgreementSection(id, _) => Route::Agreement(*id),
            other => other.clone(),
        }
    }

    /// Reads a location hash ("#/agreements/…", "" or "#/").
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        let id = |s: &str| Uuid::parse_str(s).ok();
        let year = |s: &str| {
            s.parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y) && s.len() == 4)
        };
        match parts.as_slice() {
            [""] => Route::Dashboard,
            ["agreements"] => match query_value(hash, "status").and_then(status_from_name) {
                Some(status) => Route::AgreementsWithStatus(status),
                None => Route::Agreements,
            },
            ["agreements", "new"] => Route::AgreementNew,
            ["agreements", x] if id(x).is_some() => Route::Agreement(id(x).unwrap()),
            ["agreements", x, "edit"] if id(x).is_some() => Route::AgreementEdit(id(x).unwrap()),
            ["agreements", x, tab] if id(x).is_some() && AgreementTab::from_name(tab).is_some() => {
                Route::agreement_tab(id(x).unwrap(), AgreementTab::from_name(tab).unwrap())
            }
            ["agreements", x, "report"] if id(x).is_some() => {
                Route::AgreementReport(id(x).unwrap(), None)
            }
            ["agreements", x, "report", y] if id(x).is_some() && year(y).is_some() => {
                Route::AgreementReport(id(x).unwrap(), year(y))
            }
            ["organisations"] => Route::Organisations,
            ["organisations", "new"] => Route::OrganisationNew,
            ["organisations", x] if id(x).is_some() => Route::Organisation(id(x).unwrap()),
            ["people"] => Route::People,
            ["people", "new"] => Route::PersonNew,
            ["people", x] if id(x).is_some() => Route::Person(id(x).unwrap()),
            ["events"] => Route::Events,
            ["events", "new"] => Route::EventNew,
            ["events", x] if id(x).is_some() => Route::Event(id(x).unwrap()),
            ["events", x, "edit"] if id(x).is_some() => Route::EventEdit(id(x).unwrap()),
            ["recommendations"] => Route::Recommendations,
            ["recommendations", "new"] => Route::RecommendationNew,
            ["recommendations", x] if id(x).is_some() => Route::Recommendation(id(x).unwrap()),
            ["recommendations", x, "edit"] if id(x).is_some() => {
                Route::RecommendationEdit(id(x).unwrap())
            }
            ["sharing"] => Route::Sharing,
            ["audit"] => match query_value(hash, "office").and_then(id) {
                Some(office) => Route::AuditOfOffice(office),
                None => Route::Audit,
            },
            ["settings"] => Route::Settings,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The href of the route ("#/agreements/…").
    pub fn href(&self) -> String {
        let path = match self {
            Route::Dashboard => String::new(),
            Route::Agreements => "agreements".to_string(),
            Route::AgreementsWithStatus(status) => {
                format!("agreements?status={}", status_name(*status))
            }
            Route::AgreementNew => "agreements/new".to_string(),
            Route::Agreement(id) => format!("agreements/{id}"),
            Route::AgreementSection(id, tab) => format!("agreements/{id}/{}", tab.name()),
            Route::AgreementEdit(id) => format!("agreements/{id}/edit"),
            Route::AgreementReport(id, None) => format!("agreements/{id}/report"),
            Route::AgreementReport(id, Some(year)) => format!("agreements/{id}/report/{year}"),
            Route::Organisations => "organisations".to_string(),
            Route::OrganisationNew => "organisations/new".to_string(),
            Route::Organisation(id) => format!("organisations/{id}"),
            Route::People => "people".to_string(),
            Route::PersonNew => "people/new".to_string(),
            Route::Person(id) => format!("people/{id}"),
            Route::Events => "events".to_string(),
            Route::EventNew => "events/new".to_string(),
            Route::Event(id) => format!("events/{id}"),
            Route::EventEdit(id) => format!("events/{id}/edit"),
            Route::Recommendations => "recommendations".to_string(),
            Route::RecommendationNew => "recommendations/new".to_string(),
            Route::Recommendation(id) => format!("recommendations/{id}"),
            Route::RecommendationEdit(id) => format!("recommendations/{id}/edit"),
            Route::Sharing => "sharing".to_string(),
            Route::Audit => "audit".to_string(),
            Route::AuditOfOffice(office) => format!("audit?office={office}"),
            Route::Settings => "settings".to_string(),
            Route::NotFound(path) => path.clone(),
        };
        format!("#/{path}")
    }

    /// Which top-level section the route belongs to, for the navigation highlight.
    pub fn section(&self) -> Section {
        match self {
            Route::Dashboard => Section::Dashboard,
            Route::Agreements
            | Route::AgreementsWithStatus(_)
            | Route::AgreementNew
            | Route::Agreement(_)
            | Route::AgreementSection(..)
            | Route::AgreementEdit(_)
            | Route::AgreementReport(..) => Section::Agreements,
            Route::Organisations | Route::OrganisationNew | Route::Organisation(_) => {
                Section::Organisations
            }
            Route::People | Route::PersonNew | Route::Person(_) => Section::People,
            Route::Events | Route::EventNew | Route::Event(_) | Route::EventEdit(_) => {
                Section::Events
            }
            Route::Recommendations
            | Route::RecommendationNew
            | Route::Recommendation(_)
            | Route::RecommendationEdit(_) => Section::Recommendations,
            Route::Sharing => Section::Sharing,
            Route::Audit | Route::AuditOfOffice(_) => Section::Audit,
            Route::Settings => Section::Settings,
            Route::NotFound(_) => Section::None,
        }
    }
}

/// The sections of an agreement's page, each with its own address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgreementTab {
    /// Facts, parties, signatories, the original, legal basis, areas, notes.
    Overview,
    /// A regulation's plans and their year × department matrix.
    Plans,
    Events,
    Duties,
    Recommendations,
    /// Results by area and year, and the period's close-out.
    Results,
}

impl AgreementTab {
    pub const ALL: [AgreementTab; 6] = [
        AgreementTab::Overview,
        AgreementTab::Plans,
        AgreementTab::Events,
        AgreementTab::Duties,
        AgreementTab::Recommendations,
        AgreementTab::Results,
    ];

    /// The section's name in the URL.
    pub fn name(self) -> &'static str {
        match self {
            AgreementTab::Overview => "overview",
            AgreementTab::Plans => "plans",
            AgreementTab::Events => "events",
            AgreementTab::Duties => "duties",
            AgreementTab::Recommendations => "recommendations",
            AgreementTab::Results => "results",
        }
    }

    pub fn from_name(name: &str) -> Option<AgreementTab> {
        AgreementTab::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The section of an agreement's page that `route` shows, if it shows one.
    pub fn of(route: &Route) -> Option<AgreementTab> {
        match route {
            Route::Agreement(_) => Some(AgreementTab::Overview),
            Route::AgreementSection(_, tab) => Some(*tab),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Dashboard,
    Agreements,
    Events,
    Recommendations,
    Organisations,
    People,
    Sharing,
    Audit,
    Settings,
    None,
}

/// The value of `name` in the fragment's query ("#/agreements?status=in_force").
fn query_value<'a>(hash: &'a str, name: &str) -> Option<&'a str> {
    let query = hash.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// Statuses in URLs use their file-format names ("in_force").
fn status_name(status: crate::core::records::model::Status) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn status_from_name(name: &str) -> Option<crate::core::records::model::Status> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_href() {
        let id = Uuid::from_u128(0x1234);
        for route in [
            Route::Dashboard,
            Route::Agreements,
            Route::AgreementsWithStatus(crate::core::records::model::Status::InForce),
            Route::AgreementsWithStatus(crate::core::records::model::Status::Expired),
            Route::AgreementNew,
            Route::Agreement(id),
            Route::AgreementSection(id, AgreementTab::Plans),
            Route::AgreementSection(id, AgreementTab::Events),
            Route::AgreementSection(id, AgreementTab::Duties),
            Route::AgreementSection(id, AgreementTab::Recommendations),
            Route::AgreementSection(id, AgreementTab::Results),
            Route::AgreementEdit(id),
            Route::AgreementReport(id, None),
            Route::AgreementReport(id, Some(2021)),
            Route::Organisations,
            Route::OrganisationNew,
            Route::Organisation(id),
            Route::People,
            Route::PersonNew,
            Route::Person(id),
            Route::Events,
            Route::EventNew,
            Route::Event(id),
            Route::EventEdit(id),
            Route::Recommendations,
            Route::RecommendationNew,
            Route::Recommendation(id),
            Route::RecommendationEdit(id),
            Route::Sharing,
            Route::Audit,
            Route::AuditOfOffice(id),
            Route::Settings,
        ] {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn an_agreements_sections_are_one_page_with_their_own_addresses() {
        let id = Uuid::from_u128(0x1234);
        let events = Route::parse(&format!("#/agreements/{id}/events"));
        assert_eq!(events, Route::AgreementSection(id, AgreementTab::Events));
        assert_eq!(events.page(), Route::Agreement(id));
        assert_eq!(AgreementTab::of(&events), Some(AgreementTab::Events));
        // The overview is the page's own address, whichever way it is written.
        assert_eq!(
            Route::parse(&format!("#/agreements/{id}/overview")),
            Route::Agreement(id)
        );
        assert_eq!(
            Route::agreement_tab(id, AgreementTab::Overview).href(),
            format!("#/agreements/{id}")
        );
        assert_eq!(
            AgreementTab::of(&Route::Agreement(id)),
            Some(AgreementTab::Overview)
        );
        assert_eq!(AgreementTab::of(&Route::AgreementEdit(id)), None);
        assert_eq!(
            Route::parse(&format!("#/agreements/{id}/nowhere")),
            Route::NotFound(format!("agreements/{id}/nowhere"))
        );
        // "edit" and "report" stay what they were.
        assert_eq!(
            Route::parse(&format!("#/agreements/{id}/edit")),
            Route::AgreementEdit(id)
        );
    }

    #[test]
    fn empty_and_trailing_slashes_and_queries_are_tolerated() {
        assert_eq!(Route::parse(""), Route::Dashboard);
        assert_eq!(Route::parse("#"), Route::Dashboard);
        assert_eq!(Route::parse("#/"), Route::Dashboard);
        assert_eq!(
            Route::parse("#/agreements?status=nonsense"),
            Route::Agreements
        );
        assert_eq!(
            Route::parse("#/agreements?x=1&status=in_force"),
            Route::AgreementsWithStatus(crate::core::records::model::Status::InForce)
        );
        assert_eq!(Route::parse("#/people/"), Route::People);
        assert_eq!(Route::parse("#/settings?x=1"), Route::Settings);
    }

    #[test]
    fn unknown_paths_and_bad_ids_are_not_found() {
        assert_eq!(
            Route::parse("#/agreements/not-an-id"),
            Route::NotFound("agreements/not-an-id".into())
        );
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
        assert_eq!(
            Route::parse("#/agreements/00000000-0000-0000-0000-000000001234/report/20x1"),
            Route::NotFound("agreements/00000000-0000-0000-0000-000000001234/report/20x1".into())
        );
        assert_eq!(Route::NotFound("x".into()).section(), Section::None);
    }
}
