//! Organisations: the searchable list, and one organisation's page (its form, the agreements it
//! is party to, its sub-organisations, delete).

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use super::{
    focus_first_invalid, has_error, organisation_choices, presence, OrganisationSelect, Presence,
};
use crate::core::dates::{format_instant, format_period_years};
use crate::core::listing::{self, collate};
use crate::core::meta::{new_id, Id, Meta};
use crate::core::model::{Organisation, OrganisationKind, Record};
use crate::core::validate::Issue;
use crate::core::workspace::Dataset;
use crate::route::Route;
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{FieldIssues, Missing, StatusBadge};

#[derive(Clone, Debug, PartialEq)]
struct OrganisationRow {
    id: Id,
    name: String,
    short_name: String,
    kind: OrganisationKind,
    parent: Option<(Id, String, bool)>,
    agreements: usize,
}

/// How many live agreements each organisation is party to.
fn agreement_counts(data: &Dataset) -> HashMap<Id, usize> {
    let mut counts = HashMap::new();
    for a in data.agreements.iter_live() {
        let parties: BTreeSet<Id> = a.parties.iter().map(|p| p.organisation).collect();
        for org in parties {
            *counts.entry(org).or_insert(0) += 1;
        }
    }
    counts
}

#[component]
pub fn OrganisationList() -> impl IntoView {
    let state = use_app();
    let query = RwSignal::new(String::new());
    let counts = Memo::new(move |_| state.data.with(agreement_counts));
    let rows = Memo::new(move |_| {
        let text = query.get();
        state.data.with(|d| {
            counts.with(|counts| {
                listing::find_organisations(d, &text)
                    .into_iter()
                    .map(|o| OrganisationRow {
                        id: o.id(),
                        name: o.name.clone(),
                        short_name: o.short_name.clone(),
                        kind: o.kind,
                        parent: o.parent.map(|p| {
                            (
                                p,
                                d.organisation_label(&p),
                                d.organisations.live(&p).is_some(),
                            )
                        }),
                        agreements: counts.get(&o.id()).copied().unwrap_or(0),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = move || state.data.with(|d| d.organisations.count_live());
    let searching = move || !query.with(|q| q.trim().is_empty());

    view! {
        <div class="page-head">
            <h1>"Cơ quan, đơn vị"</h1>
            <a class="button primary" href=Route::OrganisationNew.href()>"+ Thêm cơ quan"</a>
        </div>
        <div class="filters" role="search">
            <div class="search-box">
                <label for="organisation-search" class="visually-hidden">"Tìm cơ quan"</label>
                <input
                    id="organisation-search"
                    type="search"
                    placeholder="Tìm theo tên hoặc tên viết tắt… (gõ không dấu cũng được)"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
        </div>
        <p class="result-count" aria-live="polite">
            {move || {
                let shown = rows.with(Vec::len);
                if searching() { format!("{shown} / {} cơ quan khớp", total()) } else { format!("{shown} cơ quan") }
            }}
        </p>
        {move || {
            if total() == 0 {
                return view! {
                    <section class="empty">
                        <h2>"Chưa có cơ quan nào"</h2>
                        <p>"Thêm các cơ quan, đơn vị tham gia ký kết: văn bản phối hợp chọn các bên từ danh bạ này."</p>
                        <a class="button primary" href=Route::OrganisationNew.href()>"+ Thêm cơ quan"</a>
                    </section>
                }
                .into_any();
            }
            if rows.with(Vec::is_empty) {
                return view! {
                    <section class="empty">
                        <h2>"Không có cơ quan nào khớp"</h2>
                        <p>"Thử từ khóa khác hoặc ngắn hơn. Tìm kiếm không phân biệt dấu và chữ hoa."</p>
                        <button on:click=move |_| query.set(String::new())>"Xóa từ khóa"</button>
                    </section>
                }
                .into_any();
            }
            view! {
                <table class="register">
                    <thead>
                        <tr>
                            <th scope="col">"Tên cơ quan"</th>
                            <th scope="col">"Viết tắt"</th>
                            <th scope="col">"Loại"</th>
                            <th scope="col">"Trực thuộc"</th>
                            <th scope="col" class="number">"Văn bản"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr>
                                            <td class="title"><a href=Route::Organisation(row.id).href()>{row.name}</a></td>
                                            <td>{row.short_name}</td>
                                            <td>{text::organisation_kind(row.kind)}</td>
                                            <td>
                                                {row.parent.map(|(pid, label, live)| {
                                                    if live {
                                                        view! { <a href=Route::Organisation(pid).href()>{label}</a> }.into_any()
                                                    } else {
                                                        view! { <span class="muted">{label} " (đã xóa)"</span> }.into_any()
                                                    }
                                                })}
                                            </td>
                                            <td class="number">{row.agreements}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            }
            .into_any()
        }}
    }
}

#[component]
pub fn OrganisationPage(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let presence = presence::<Organisation>(state, id);
    move || match (presence.get(), id) {
        (Presence::New, _) => view! { <OrganisationView id=None/> }.into_any(),
        (Presence::Live, Some(id)) => view! { <OrganisationView id=Some(id)/> }.into_any(),
        (Presence::Deleted, _) => view! { <Missing what="cơ quan" deleted=true/> }.into_any(),
        _ => view! { <Missing what="cơ quan" deleted=false/> }.into_any(),
    }
}

/// `id` itself and every organisation below it: none of them can be its parent.
fn self_and_descendants(data: &Dataset, id: Id) -> BTreeSet<Id> {
    let mut found = BTreeSet::from([id]);
    loop {
        let before = found.len();
        for o in data.organisations.iter_all() {
            if o.parent.is_some_and(|p| found.contains(&p)) {
                found.insert(o.id());
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

#[component]
fn OrganisationView(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let record_id = id.unwrap_or_else(new_id);
    let stored = state
        .data
        .with_untracked(|d| id.and_then(|id| d.organisations.get(&id).cloned()));
    let initial = stored.unwrap_or_else(|| {
        Organisation::new(
            Meta::new(record_id, state.stamp().now),
            "",
            "",
            OrganisationKind::Other,
        )
    });

    let name = RwSignal::new(initial.name.clone());
    let short_name = RwSignal::new(initial.short_name.clone());
    let kind = RwSignal::new(initial.kind);
    let parent = RwSignal::new(initial.parent);
    let notes = RwSignal::new(initial.notes.clone());
    let issues = RwSignal::new(Vec::<Issue>::new());
    let form_error = RwSignal::new(false);
    let blockers = RwSignal::new(None::<Vec<crate::core::workspace::RecordKey>>);

    let initial_parent = initial.parent;
    let parent_choices = Signal::derive(move || {
        state.data.with(|d| {
            let exclude = if id.is_some() {
                self_and_descendants(d, record_id)
            } else {
                BTreeSet::new()
            };
            organisation_choices(d, &exclude, initial_parent)
        })
    });
    let heading = move || match id {
        None => "Thêm cơ quan, đơn vị".to_string(),
        Some(id) => state.data.with(|d| {
            d.organisations
                .get(&id)
                .map(|o| o.name.clone())
                .unwrap_or_default()
        }),
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let base = state
            .data
            .with_untracked(|d| d.organisations.get(&record_id).cloned())
            .unwrap_or_else(|| initial.clone());
        let record = Organisation {
            name: name.get_untracked().trim().to_string(),
            short_name: short_name.get_untracked().trim().to_string(),
            kind: kind.get_untracked(),
            parent: parent.get_untracked(),
            notes: notes.get_untracked().trim_end().to_string(),
            ..base
        };
        let result = state.apply(
            |data, stamp| data.save_organisation(record, stamp),
            |r| r.iter().copied().collect(),
        );
        match result {
            Ok(_) => {
                name.update(|n| *n = n.trim().to_string());
                short_name.update(|n| *n = n.trim().to_string());
                issues.set(Vec::new());
                form_error.set(false);
                state.notify("Đã lưu", None);
                if id.is_none() {
                    state.navigate(Route::Organisation(record_id));
                }
            }
            Err(found) => {
                issues.set(found);
                form_error.set(true);
                focus_first_invalid("organisation-form");
            }
        }
    };

    let delete = move |_| {
        let label = state
            .data
            .with_untracked(|d| d.organisation_label(&record_id));
        match state.delete::<Organisation>(record_id, &label) {
            Ok(()) => state.navigate(Route::Organisations),
            Err(ids) => blockers.set(Some(ids)),
        }
    };

    view! {
        <nav class="breadcrumb" aria-label="Vị trí">
            <a href=Route::Organisations.href()>"Cơ quan, đơn vị"</a>
        </nav>
        <div class="page-head">
            <h1>{heading}</h1>
        </div>
        <section class="card">
            <h2>{if id.is_some() { "Thông tin cơ quan" } else { "Thông tin cơ quan mới" }}</h2>
            <form id="organisation-form" class="stack narrow" on:submit=save novalidate=true>
                <label for="organisation-name">"Tên đầy đủ " <span aria-hidden="true">"*"</span></label>
                <input
                    id="organisation-name"
                    type="text"
                    required=true
                    placeholder="Ví dụ: Sở Giáo dục và Đào tạo tỉnh Trà Vinh"
                    aria-invalid=move || has_error(issues, "name").then_some("true")
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <FieldIssues issues=issues field="name".to_string()/>

                <label for="organisation-short-name">"Tên viết tắt"</label>
                <input
                    id="organisation-short-name"
                    type="text"
                    placeholder="Ví dụ: Sở GD&ĐT"
                    aria-describedby="organisation-short-name-help"
                    prop:value=move || short_name.get()
                    on:input=move |ev| short_name.set(event_target_value(&ev))
                />
                <p id="organisation-short-name-help" class="help">"Dùng trong các danh sách hẹp; để trống thì dùng tên đầy đủ."</p>

                <label for="organisation-kind">"Loại"</label>
                <select
                    id="organisation-kind"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        kind.set(OrganisationKind::ALL.into_iter().find(|k| format!("{k:?}") == value).unwrap_or_default());
                    }
                >
                    {OrganisationKind::ALL
                        .into_iter()
                        .map(|k| view! { <option value=format!("{k:?}") prop:selected=move || kind.get() == k>{text::organisation_kind(k)}</option> })
                        .collect_view()}
                </select>

                <label for="organisation-parent">"Trực thuộc"</label>
                <OrganisationSelect
                    id="organisation-parent"
                    value=parent
                    choices=parent_choices
                    none_label="— Không trực thuộc cơ quan nào —"
                    invalid=Signal::derive(move || has_error(issues, "parent"))
                />
                <FieldIssues issues=issues field="parent".to_string()/>

                <label for="organisation-notes">"Ghi chú"</label>
                <textarea id="organisation-notes" rows="3" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>

                <Show when=move || form_error.get()>
                    <p class="field-error" role="alert">"Chưa lưu: hãy sửa các ô có thông báo bên cạnh."</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary">"Lưu"</button>
                    {id.is_none().then(|| view! { <a class="button" href=Route::Organisations.href()>"Hủy"</a> })}
                </div>
            </form>
        </section>
        {id.map(|id| view! {
            <OrganisationAgreements id=id/>
            <SubOrganisations id=id/>
            <section class="card">
                <h2>"Xóa cơ quan"</h2>
                <p class="help">"Chỉ xóa được khi không còn văn bản nào dùng đến cơ quan này. Sau khi xóa vẫn có thể hoàn tác."</p>
                <crate::ui::widgets::DeleteRefused
                    blockers=blockers
                    explanation="vẫn dùng đến cơ quan này (là một bên, ký thay mặt cơ quan, hoặc chịu trách nhiệm một nội dung phối hợp). Hãy gỡ cơ quan khỏi các văn bản dưới đây, hoặc xóa các văn bản đó, rồi thử lại:"
                />
                <button class="danger" on:click=delete>"Xóa"</button>
            </section>
            <p class="record-meta">
                {move || state.data.with(|d| d.organisations.get(&id).map(|o| format!(
                    "Tạo lúc {} · Sửa lần cuối {} · {} lần sửa",
                    format_instant(o.meta.created),
                    format_instant(o.meta.updated),
                    o.meta.version.total()
                )))}
            </p>
        })}
    }
}

/// The live agreements the organisation is party to, newest period first.
#[component]
fn OrganisationAgreements(id: Id) -> impl IntoView {
    let state = use_app();
    let agreements = Memo::new(move |_| {
        state.data.with(|d| {
            listing::agreements_of(d, id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card">
            <h2>{move || format!("Văn bản tham gia ({})", agreements.with(Vec::len))}</h2>
            {move || {
                let list = agreements.get();
                if list.is_empty() {
                    return view! { <p class="muted">"Cơ quan này chưa là một bên của văn bản nào."</p> }.into_any();
                }
                view! {
                    <table class="plain">
                        <thead>
                            <tr>
                                <th scope="col">"Văn bản"</th>
                                <th scope="col">"Giai đoạn"</th>
                                <th scope="col">"Vai trò"</th>
                                <th scope="col">"Trạng thái"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list
                                .into_iter()
                                .map(|a| {
                                    let party = a.parties.iter().find(|p| p.organisation == id).cloned();
                                    let (role, lead) = party.map(|p| (p.role, p.lead)).unwrap_or_default();
                                    view! {
                                        <tr>
                                            <td><a href=Route::Agreement(a.id()).href()>{a.title.clone()}</a></td>
                                            <td class="period">{format_period_years(a.period.start, a.period.end)}</td>
                                            <td>
                                                {lead.then(|| view! { <span class="badge lead">"Chủ trì"</span> " " })}
                                                {role}
                                            </td>
                                            <td><StatusBadge agreement=a.clone()/></td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}

/// The live organisations directly under this one.
#[component]
fn SubOrganisations(id: Id) -> impl IntoView {
    let state = use_app();
    let children = Memo::new(move |_| {
        state.data.with(|d| {
            let mut found: Vec<(Id, String)> = d
                .organisations
                .iter_live()
                .filter(|o| o.parent == Some(id))
                .map(|o| (o.id(), o.name.clone()))
                .collect();
            found.sort_by_key(|(_, name)| collate(name));
            found
        })
    });
    view! {
        <section class="card">
            <h2>{move || format!("Đơn vị trực thuộc ({})", children.with(Vec::len))}</h2>
            {move || {
                let list = children.get();
                if list.is_empty() {
                    return view! { <p class="muted">"Không có đơn vị nào ghi là trực thuộc cơ quan này."</p> }.into_any();
                }
                view! {
                    <ul>
                        {list
                            .into_iter()
                            .map(|(cid, name)| view! { <li><a href=Route::Organisation(cid).href()>{name}</a></li> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
