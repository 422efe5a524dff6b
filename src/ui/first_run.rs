//! First run: name the office, then load the sample or start empty.

use leptos::prelude::*;

use super::state::use_app;
use super::text;
use crate::core::meta::new_id;
use crate::core::sample::sample_dataset;
use crate::core::storage;
use crate::core::workspace::OfficeProfile;
use crate::route::Route;

#[component]
pub fn FirstRun() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let step_two = RwSignal::new(false);
    let has_data = move || state.data.with(|d| !d.is_empty());

    let submit_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.with(|n| n.trim().is_empty()) {
            error.set(Some("Hãy nhập tên cơ quan, đơn vị của bạn.".into()));
        } else {
            error.set(None);
            step_two.set(true);
        }
    };

    let finish = move |load_sample: bool| {
        let office = OfficeProfile {
            id: new_id(),
            name: name.get_untracked().trim().to_string(),
        };
        if load_sample {
            let sample = sample_dataset();
            let keys = storage::all_keys(&sample);
            state.data.set(sample);
            state.persist(keys);
        }
        match state.save_office(office) {
            Ok(()) => {
                state.navigate(Route::Agreements);
                if load_sample {
                    state.notify("Đã nạp dữ liệu mẫu Trà Vinh 2013 – 2022.", None);
                }
            }
            Err(e) => error.set(Some(format!("Không lưu được: {}", text::store_error(&e)))),
        }
    };

    view! {
        <main class="first-run">
            <div class="first-run-card">
                <div class="brand-mark big" aria-hidden="true">"PH"</div>
                <h1>"Chào mừng đến với Phối hợp"</h1>
                <p class="lead">
                    "Sổ theo dõi quy chế phối hợp công tác giữa các cơ quan: văn bản, các bên, người ký, nội dung phối hợp và kế hoạch thực hiện. Dữ liệu nằm ngay trong trình duyệt này, dùng được cả khi không có mạng."
                </p>
                <Show
                    when=move || step_two.get()
                    fallback=move || {
                        view! {
                            <form on:submit=submit_name class="stack">
                                <label for="office-name">"Tên cơ quan / đơn vị của bạn"</label>
                                <input
                                    id="office-name"
                                    type="text"
                                    placeholder="Ví dụ: Văn phòng UBND tỉnh Trà Vinh"
                                    autofocus=true
                                    prop:value=move || name.get()
                                    on:input=move |ev| name.set(event_target_value(&ev))
                                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                                    aria-describedby="office-name-help"
                                />
                                <p id="office-name-help" class="help">
                                    "Tên này đi kèm các tệp bạn xuất để đơn vị khác biết nguồn. Có thể đổi sau trong Cài đặt."
                                </p>
                                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                                <button type="submit" class="primary">"Tiếp tục"</button>
                            </form>
                        }
                    }
                >
                    <div class="stack">
                        <p>
                            "Xin chào, " <strong>{move || name.get()}</strong> ". Bạn muốn bắt đầu thế nào?"
                        </p>
                        <Show when=has_data>
                            <p class="help">
                                "Trình duyệt này đã có dữ liệu của Phối hợp; dữ liệu đó được giữ nguyên."
                            </p>
                        </Show>
                        <div class="choice-grid">
                            <Show when=move || !has_data()>
                                <button class="choice primary" on:click=move |_| finish(true)>
                                    <strong>"Nạp dữ liệu mẫu"</strong>
                                    <span>
                                        "Quy chế phối hợp giữa UBND tỉnh và Tỉnh Đoàn Trà Vinh, giai đoạn 2013 – 2017 và 2018 – 2022, cùng 20 kế hoạch với các sở, ngành (minh họa)."
                                    </span>
                                </button>
                            </Show>
                            <button class="choice" on:click=move |_| finish(false)>
                                <strong>{move || if has_data() { "Tiếp tục với dữ liệu hiện có" } else { "Bắt đầu trống" }}</strong>
                                <span>"Tự nhập văn bản, cơ quan và người ký của đơn vị bạn."</span>
                            </button>
                        </div>
                        <button class="link" on:click=move |_| step_two.set(false)>"← Đổi tên cơ quan"</button>
                    </div>
                </Show>
                {move || error.get().filter(|_| step_two.get()).map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
        </main>
    }
}
