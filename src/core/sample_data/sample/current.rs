//! The sample's current period, placed relative to the day the sample is loaded, so the
//! dashboard has something alive to show: the regulation of the five-year term that holds that
//! day (the series' terms follow 2013–2017, 2018–2022: 2023–2027, 2028–2032, …), in force, with
//! its annual working session due in a few weeks, last year's session held, and a
//! recommendation raised there that is due next month. Every record says it is illustrative.
//!
//! Its ids and envelopes come from the day it was placed (the envelope's `created`), so two
//! offices that loaded the sample on the same day hold the same records, and records placed on
//! different days are different records (never one id with two contents).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use super::{
    areas, day, party, sample_id, sample_office_id, AGREEMENT_2018, ORG_TINH_DOAN, ORG_UBND,
    PERSON_LAM, PERSON_NGA,
};
use crate::records::duty::{DueRule, Duty, DutySettlement};
use crate::records::event::{Chair, Event, EventKind, EventLink, EventRole};
use crate::records::meta::Meta;
use crate::records::model::{Agreement, AgreementKind, Authority, Period, Signatory};
use crate::records::recommendation::Recommendation;
use crate::records::workspace::Dataset;
use crate::rules::dates::vietnam_offset;

/// Said in every record of the current period.
pub const ILLUSTRATIVE_CURRENT: &str = "Minh họa: giai đoạn hiện tại do ứng dụng đặt theo ngày \
nạp dữ liệu mẫu để trang chủ có việc đang diễn ra; không phải văn bản có thật.";

/// The first year of the term that holds `year` (terms of five years from 2018).
pub fn term_start(year: i32) -> i32 {
    2018 + (year - 2018).div_euclid(5) * 5
}

/// The day the records were placed, read back from one of their envelopes.
pub fn placed_on(created: DateTime<Utc>) -> NaiveDate {
    created.with_timezone(&vietnam_offset()).date_naive()
}

fn key(placed: NaiveDate, what: &str) -> String {
    format!("current/{placed}/{what}")
}

/// Placed at 08:00 in Vietnam on the day of loading, one edit by the sample office.
fn meta(placed: NaiveDate, what: &str) -> Meta {
    let at = vietnam_offset()
        .from_local_datetime(&placed.and_time(NaiveTime::from_hms_opt(8, 0, 0).expect("valid")))
        .single()
        .expect("a fixed offset has one reading")
        .to_utc();
    let mut meta = Meta::new(sample_id(&key(placed, what)), at);
    meta.version.bump(sample_office_id());
    meta
}

/// The current period's records for a sample loaded on `today`.
pub fn current_period(today: NaiveDate) -> Dataset {
    let mut data = Dataset::default();
    let start = term_start(today.year());
    let end = start + 4;
    let (ubnd, tinh_doan) = (sample_id(ORG_UBND), sample_id(ORG_TINH_DOAN));

    let mut a = Agreement::new(
        meta(today, "agreement"),
        &format!(
            "Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Đoàn TNCS Hồ \
Chí Minh tỉnh Trà Vinh giai đoạn {start} - {end} (minh họa)"
        ),
        AgreementKind::Regulation,
    );
    a.number = "03/QCPH-UBND-TĐ".to_string();
    a.period = Period::new(day(start, 1, 1), day(end, 12, 31));
    a.supersedes = (start == 2023).then(|| sample_id(AGREEMENT_2018));
    // Signed in the first weeks of the term, or a month ago if the term began just now.
    let signed = day(start, 3, 15).min(today - Duration::days(30));
    a.signed_on = Some(signed);
    a.signed_place = "Trà Vinh".to_string();
    a.parties = vec![
        party(ubnd, "", false),
        party(tinh_doan, "Cơ quan chủ trì xây dựng quy chế", true),
    ];
    a.signatories = vec![
        Signatory {
            person: sample_id(PERSON_LAM),
            position: "Chủ tịch Ủy ban nhân dân tỉnh".to_string(),
            authority: Authority::OnBehalfOf,
            organisation: ubnd,
            signed_on: Some(signed),
            unknown: Default::default(),
        },
        Signatory {
            person: sample_id(PERSON_NGA),
            position: "Bí thư Tỉnh Đoàn".to_string(),
            authority: Authority::OnBehalfOf,
            organisation: tinh_doan,
            signed_on: Some(signed),
            unknown: Default::default(),
        },
    ];
    a.areas = areas(
        &key(today, "area"),
        &[
            ("Giáo dục chính trị, tư tưởng cho thanh niên", "Minh họa."),
            ("Thanh niên khởi nghiệp, chuyển đổi số", "Minh họa."),
            ("Chăm sóc, bảo vệ trẻ em", "Minh họa."),
        ],
        &[ubnd, tinh_doan],
    );
    // This year's session is due by a day three weeks ahead (29/02 never: the rule repeats each
    // year); late in December, by the year's last day.
    let due = today + Duration::days(21);
    let due = if due.year() > today.year() {
        day(today.year(), 12, 31)
    } else if (due.month(), due.day()) == (2, 29) {
        due + Duration::days(1)
    } else {
        due
    };
    a.duties = vec![Duty {
        id: sample_id(&key(today, "duty")),
        title:
            "Chủ tịch UBND tỉnh làm việc định kỳ hằng năm với Ban Chấp hành Tỉnh đoàn (minh họa)"
                .to_string(),
        due: DueRule::YearBy {
            month: due.month(),
            day: due.day(),
        }
        .into(),
        fulfilled_by: Some(EventKind::AnnualSession),
        settlements: Vec::new(),
        unknown: Default::default(),
    }];
    a.notes = ILLUSTRATIVE_CURRENT.to_string();
    let agreement = a.meta.id;

    let session = |what: &str, on: NaiveDate, title: String| {
        let mut e = Event::new(
            meta(today, what),
            EventKind::AnnualSession,
            &title,
            on.and_hms_opt(14, 0, 0).expect("valid time"),
        );
        e.place = "Trụ sở Ủy ban nhân dân tỉnh Trà Vinh".to_string();
        e.chairs = vec![Chair {
            person: sample_id(PERSON_LAM),
            position: "Chủ tịch Ủy ban nhân dân tỉnh".to_string(),
            co_chair: false,
            unknown: Default::default(),
        }];
        e.agreements = vec![EventLink {
            agreement,
            role: EventRole::Reviewed,
            unknown: Default::default(),
        }];
        e.minutes = ILLUSTRATIVE_CURRENT.to_string();
        e
    };
    // Always the same two events, whatever the day (so the lists count alike every day): the
    // signing conference and this year's session, coming up. The term's earlier years are
    // settled by hand in the duty, so nothing is overdue.
    let last_year = today.year() - 1;
    let mut held = session(
        "signing",
        signed,
        format!("Hội nghị ký kết Quy chế phối hợp giai đoạn {start} - {end} (minh họa)"),
    );
    held.kind = EventKind::Signing;
    held.chairs.clear();
    if let Some(link) = held.agreements.first_mut() {
        link.role = EventRole::Signed;
    }
    for year in start..=last_year {
        a.duties[0].settlements.push(DutySettlement {
            year,
            waived: false,
            on: Some(day(year, 11, 20)),
            note: "Minh họa: đã làm việc, ghi tay.".to_string(),
            unknown: Default::default(),
        });
    }
    let coming = today + Duration::days(14);
    data.events.put(session(
        "session/coming",
        coming,
        format!(
            "Chủ tịch UBND tỉnh làm việc với Ban Chấp hành Tỉnh đoàn năm {} (minh họa)",
            coming.year()
        ),
    ));

    let mut r = Recommendation::new(
        meta(today, "recommendation"),
        "Bố trí kinh phí hỗ trợ thanh niên khởi nghiệp trên nền tảng số (minh họa)",
    );
    r.event = Some(held.meta.id);
    r.raised_on = Some(held.day());
    r.raised_by = Some(tinh_doan);
    r.addressed_to = vec![ubnd];
    r.agreement = Some(agreement);
    r.area = a.areas.get(1).map(|area| area.id);
    r.deadline = Some(today + Duration::days(35));
    r.response = String::new();

    data.events.put(held);
    data.agreements.put(a);
    data.recommendations.put(r);
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::model::Status;
    use crate::records::record::Record;
    use crate::rules::status::status_in;
    use crate::rules::validate;
    use crate::rules::validate_activity;
    use crate::views::dashboard::band;

    #[test]
    fn the_term_follows_the_series() {
        assert_eq!(term_start(2018), 2018);
        assert_eq!(term_start(2022), 2018);
        assert_eq!(term_start(2023), 2023);
        assert_eq!(term_start(2026), 2023);
        assert_eq!(term_start(2028), 2028);
        assert_eq!(term_start(2017), 2013);
    }

    fn with_history(today: NaiveDate) -> Dataset {
        crate::sample_data::sample::sample_on(today)
    }

    #[test]
    fn on_any_day_the_current_regulation_is_in_force_with_work_due_soon() {
        for today in [
            day(2026, 12, 4),
            day(2023, 1, 2),
            day(2027, 12, 30),
            day(2031, 2, 8),
            day(2029, 6, 30),
        ] {
            let data = with_history(today);
            let current = current_period(today);
            let a = current.agreements.iter_all().next().unwrap();
            assert_eq!(
                status_in(&data, a, today).status,
                Status::InForce,
                "{today}"
            );
            assert!(
                validate::agreement(a, &data).iter().all(|i| !i.is_error()),
                "{today}"
            );
            for e in current.events.iter_all() {
                assert!(
                    validate_activity::event(e, &data)
                        .iter()
                        .all(|i| !i.is_error()),
                    "{today}"
                );
            }
            let r = current.recommendations.iter_all().next().unwrap();
            assert!(
                validate_activity::recommendation(r, &data)
                    .iter()
                    .all(|i| !i.is_error()),
                "{today}"
            );
            // Due next month, so in the dashboard's "within 90 days" band, not overdue.
            let deadline = r.deadline.unwrap();
            assert!(deadline > today && deadline <= today + Duration::days(60));
            assert!(band(deadline, today).is_some());
            // Nothing of the current term is overdue.
            let late: Vec<_> = crate::views::dashboard::due_items(&data, today)
                .into_iter()
                .filter(|i| i.band == crate::views::dashboard::Band::Overdue)
                .filter(|i| {
                    i.agreement == Some(a.id()) || current.agreements.get(&i.record.id).is_some()
                })
                .collect();
            assert!(late.is_empty(), "{today}: {late:?}");
            // This year's session is planned within the month (the dashboard's coming events).
            assert!(current
                .events
                .iter_all()
                .any(|e| e.day() > today && e.day() <= today + Duration::days(30)));
            assert_eq!(
                current.events.count_live(),
                2,
                "{today}: the same count every day"
            );
            // Every record says it is illustrative.
            assert!(a.title.contains("minh họa") && a.notes.starts_with("Minh họa"));
            assert!(current
                .events
                .iter_all()
                .all(|e| e.title.contains("minh họa")));
        }
    }

    #[test]
    fn placed_on_the_same_day_the_records_are_the_same_and_say_the_day() {
        let today = day(2026, 12, 4);
        assert_eq!(current_period(today), current_period(today));
        let a = current_period(today);
        let b = current_period(day(2026, 12, 5));
        let ids = |d: &Dataset| d.agreements.iter_all().map(|a| a.id()).collect::<Vec<_>>();
        assert_ne!(ids(&a), ids(&b), "another day, other records");
        for agreement in a.agreements.iter_all() {
            assert_eq!(placed_on(agreement.meta.created), today);
        }
    }
}
