//! Every page but the dashboard, by route: the registers, records, forms, settings, the period
//! report and sharing. They come with the rest of the app (the part `app`, lazy.rs).

use leptos::prelude::*;

use super::{
    agreement_form, agreement_list, agreement_page, audit_page, directory, events, recommendations,
    report_page, settings, sharing, widgets,
};
use crate::route::Route;

/// The page of `route`. (The dashboard is drawn by the shell itself.)
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Agreements => view! { <agreement_list::AgreementList/> }.into_any(),
        Route::AgreementsWithStatus(status) => {
            view! { <agreement_list::AgreementList initial_status=status/> }.into_any()
        }
        Route::AgreementNew => view! { <agreement_form::AgreementForm id=None/> }.into_any(),
        Route::Agreement(id) => view! { <agreement_page::AgreementPage id=id/> }.into_any(),
        Route::AgreementEdit(id) => {
            view! { <agreement_form::AgreementForm id=Some(id)/> }.into_any()
        }
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
        Route::RecommendationNew => {
            view! { <recommendations::RecommendationPage id=None/> }.into_any()
        }
        Route::Recommendation(id) => {
            view! { <recommendations::RecommendationRead id=id/> }.into_any()
        }
        Route::RecommendationEdit(id) => {
            view! { <recommendations::RecommendationPage id=Some(id)/> }.into_any()
        }
        Route::Settings => settings::Settings().into_any(),
        Route::Audit => {
            audit_page::AuditPage(audit_page::AuditPageProps { office: None }).into_any()
        }
        Route::AuditOfOffice(office) => audit_page::AuditPage(audit_page::AuditPageProps {
            office: Some(office),
        })
        .into_any(),
        Route::AgreementReport(id, year) => {
            view! { <report_page::ReportPage id=id year=year/> }.into_any()
        }
        Route::Sharing => sharing::SharingPage().into_any(),
        // An agreement's sections are its page (Route::page); the shell draws the dashboard.
        other => view! { <widgets::NotFound path=other.href()/> }.into_any(),
    }
}
