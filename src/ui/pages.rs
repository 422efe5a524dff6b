//! Every page but the dashboard, from the parts that load the first time one of their pages
//! opens (lazy.rs): `pages` (the registers, records, forms and settings), `report` (the period
//! report and its print) and `sharing` (export and import). Each part the splitter cuts is one
//! file, and code that parts share goes into files of its own, one per set of parts sharing it:
//! a few parts keep a page's first opening to a few requests on a slow line.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use super::lazy::{split, NotLoaded};
use super::{
    agreement_form, agreement_list, agreement_page, audit_page, directory, events, recommendations,
    report_page, settings, sharing, widgets,
};
use crate::route::Route;

pub type Loading = Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>>>>;

/// The page of `route`, from its part. (The dashboard is drawn directly: it is in the first
/// wasm.)
pub fn load(route: Route) -> Loading {
    match route {
        Route::AgreementReport(..) => Box::pin(report_page(route)),
        Route::Sharing => Box::pin(sharing_page(route)),
        Route::Dashboard | Route::NotFound(_) => Box::pin(async move { Ok(elsewhere(route)) }),
        _ => Box::pin(page(route)),
    }
}

/// A route that `load` sent to the wrong part: never, but a page rather than a panic.
fn elsewhere(route: Route) -> AnyView {
    view! { <widgets::NotFound path=route.href()/> }.into_any()
}

split! { pages; fn page(route: Route) -> AnyView {
    match route {
        Route::Agreements => view! { <agreement_list::AgreementList/> }.into_any(),
        Route::AgreementsWithStatus(status) => {
            view! { <agreement_list::AgreementList initial_status=status/> }.into_any()
        }
        Route::AgreementNew => view! { <agreement_form::AgreementForm id=None/> }.into_any(),
        Route::Agreement(id) => view! { <agreement_page::AgreementPage id=id/> }.into_any(),
        Route::AgreementEdit(id) => view! { <agreement_form::AgreementForm id=Some(id)/> }.into_any(),
        Route::Organisations => directory::OrganisationList().into_any(),
        Route::OrganisationNew => view! { <directory::OrganisationPage id=None/> }.into_any(),
        Route::Organisation(id) => view! { <directory::OrganisationPage id=Some(id)/> }.into_any(),
        Route::People => directory::PersonList().into_any(),
        Route::PersonNew => view! { <directory::PersonPage id=None/> }.into_any(),
        Route::Person(id) => view! { <directory::PersonPage id=Some(id)/> }.into_any(),
        Route::Events => events::EventList().into_any(),
        Route::EventNew => view! { <events::EventForm id=None/> }.into_any(),
        Route::Event(id) => view! { <events::EventPage id=id/> }.into_any(),
        Route::EventEdit(id) => view! { <events::EventForm id=Some(id)/> }.into_any(),
        Route::Recommendations => recommendations::RecommendationList().into_any(),
        Route::RecommendationNew => view! { <recommendations::RecommendationPage id=None/> }.into_any(),
        Route::Recommendation(id) => view! { <recommendations::RecommendationRead id=id/> }.into_any(),
        Route::RecommendationEdit(id) => view! { <recommendations::RecommendationPage id=Some(id)/> }.into_any(),
        Route::Settings => settings::Settings().into_any(),
        Route::Audit => audit_page::AuditPage(audit_page::AuditPageProps { office: None }).into_any(),
        Route::AuditOfOffice(office) => {
            audit_page::AuditPage(audit_page::AuditPageProps { office: Some(office) }).into_any()
        }
        other => elsewhere(other),
    }
}}

split! { report; fn report_page(route: Route) -> AnyView {
    match route {
        Route::AgreementReport(id, year) => view! { <report_page::ReportPage id=id year=year/> }.into_any(),
        other => elsewhere(other),
    }
}}

split! { sharing; fn sharing_page(route: Route) -> AnyView {
    match route {
        Route::Sharing => sharing::SharingPage().into_any(),
        other => elsewhere(other),
    }
}}
