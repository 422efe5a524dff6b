//! #/agreements/<id>/report[/<year>]: the period report (or the yearly one) as a draft document,
//! printable from the page (style/report.css) and downloadable as .docx. The page only renders
//! the core's `report::document`; the document is Vietnamese whatever the interface language.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::exports::{Content, ExportBar, FileKind, Maker, UiWords};
use super::state::use_app;
use super::widgets::Missing;
use crate::core::records::meta::Id;
use crate::core::records::model::Agreement;
use crate::core::records::record::{Collection, Record};
use crate::core::views::report::document::{document, dots, Block, DocTable, ReportDocument, KIND};
use crate::core::views::report::{period_report, Scope};
use crate::route::Route;

#[component]
pub fn ReportPage(id: Id, year: Option<i32>) -> impl IntoView {
    let state = use_app();
    let agreement = Memo::new(move |_| state.data.with(|d| d.agreements.get(&id).cloned()));
    move || match agreement.get() {
        None => view! { <Missing what=Collection::Agreements deleted=false/> }.into_any(),
        Some(a) if !a.is_live() => {
            view! { <Missing what=Collection::Agreements deleted=true/> }.into_any()
        }
        Some(a) => view! { <ReportView agreement=a year=year/> }.into_any(),
    }
}

fn scope_of(year: Option<i32>) -> Scope {
    year.map_or(Scope::Period, Scope::Year)
}

#[component]
fn ReportView(agreement: Agreement, year: Option<i32>) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    let today = state.today();
    let doc = state.data.with_untracked(|d| {
        document(
            d,
            &agreement,
            &period_report(d, &agreement, scope_of(year), today),
        )
    });
    let years = agreement.period.years();
    let for_docx = agreement.clone();
    let docx: Maker = Arc::new(move |_: &UiWords| {
        state.data.with_untracked(|d| {
            let model = period_report(d, &for_docx, scope_of(year), today);
            Ok(Content::Document(document(d, &for_docx, &model)))
        })
    });
    let name = match (agreement.number.trim(), year) {
        ("", None) => format!("báo cáo {}", agreement.title),
        ("", Some(y)) => format!("báo cáo năm {y} {}", agreement.title),
        (number, None) => format!("báo cáo {number}"),
        (number, Some(y)) => format!("báo cáo năm {y} {number}"),
    };
    let choose = move |ev: leptos::ev::Event| {
        let year = event_target_value(&ev).parse::<i32>().ok();
        state.navigate(Route::AgreementReport(id, year));
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let heading = move || match year {
        Some(y) => tr!(i18n, "report-scope-year", {"year" => y.to_string()}),
        None => tr!(i18n, "report-heading"),
    };
    view! {
        <nav class="breadcrumb" aria-label=move_tr!("breadcrumb-label")>
            <a href=Route::Agreements.href()>{move_tr!("nav-agreements")}</a>
            " › "
            <a href=Route::Agreement(id).href()>{agreement.title.clone()}</a>
        </nav>
        <div class="page-head">
            <div>
                <p class="eyebrow">{heading}</p>
                <h1>{move_tr!("report-open")}</h1>
            </div>
            <div class="actions">
                <button class="primary report-print" on:click=print>{move_tr!("report-print")}</button>
                <ExportBar what=name files=vec![(FileKind::Docx, docx)]/>
            </div>
        </div>
        <div class="filters report-scope">
            <label>
                <span>{move_tr!("report-scope")}</span>
                <select id="report-scope" on:change=choose>
                    <option value="" selected=year.is_none()>{move_tr!("report-scope-period")}</option>
                    {years.into_iter().map(|y| view! {
                        <option value=y.to_string() selected=year == Some(y)>{move_tr!("report-scope-year", {"year" => y.to_string()})}</option>
                    }).collect_view()}
                </select>
            </label>
            <p class="help">{move_tr!("report-intro")}</p>
        </div>
        <ReportDocumentView doc=doc/>
    }
}

/// The document itself: heading, title, parts, closing. Its classes are styled for screen and
/// print in style/report.css (the decree's layout, as the .docx has it).
#[component]
fn ReportDocumentView(doc: ReportDocument) -> impl IntoView {
    let head = doc.head;
    view! {
        <article class="report-doc" lang="vi" aria-label=move_tr!("report-document-label")>
            <super::agreement_page::DocHeadTable head=head/>
            <p class="doc-kind">{KIND}</p>
            <p class="doc-subtitle">{doc.subtitle}</p>
            <div class="doc-rule short"></div>
            {doc.blocks.into_iter().map(block).collect_view()}
            <table class="doc-closing" role="presentation"><tbody>
                <tr>
                    <td class="recipients">
                        <p class="recipients-title">"Nơi nhận:"</p>
                        {doc.recipients.into_iter().map(|r| view! { <p>{r}</p> }).collect_view()}
                    </td>
                    <td class="signature">
                        <div class="sig-authority">{doc.signature.authority}</div>
                        <div class="sig-position">{doc.signature.position}</div>
                        <div class="sig-space"></div>
                        <div class="sig-name">{doc.signature.name}</div>
                    </td>
                </tr>
            </tbody></table>
        </article>
    }
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Heading { level: 1, text } => view! { <h2 class="doc-part">{text}</h2> }.into_any(),
        Block::Heading { text, .. } => view! { <h3 class="doc-section">{text}</h3> }.into_any(),
        Block::Paragraph(text) => view! { <p class="doc-para">{text}</p> }.into_any(),
        Block::ToFill(hint) => view! {
            <p class="doc-fill"><em>"(" {hint} ")"</em></p>
            <p class="doc-dots">{dots()}</p>
            <p class="doc-dots">{dots()}</p>
        }
        .into_any(),
        Block::Table(t) => table(t),
    }
}

fn table(t: DocTable) -> AnyView {
    let last = t.rows.len().saturating_sub(1);
    let total = t.total;
    view! {
        <div class="table-scroll">
            <table class="doc-table">
                <thead><tr>{t.header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {t.rows.into_iter().enumerate().map(|(i, row)| view! {
                        <tr class:total=total && i == last>
                            {row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
