//! The sample's events, duty and recommendations: the 02/04/2018 conference from the seed, and
//! illustrative annual working sessions (2021 deliberately missing, so the dashboard shows an
//! overdue year) with recommendations in every status.

use chrono::{Datelike, NaiveDateTime};

use super::{
    day, sample_id, sample_meta, AGREEMENT_2013, AGREEMENT_2018, ORG_TINH_DOAN, PERSON_LAM,
    PERSON_NGA, PLACE,
};
use crate::records::duty::{DueRule, Duty};
use crate::records::event::{Chair, Event, EventKind, EventLink, EventRole};
use crate::records::model::Agreement;
use crate::records::recommendation::{Recommendation, RecommendationStatus};
use crate::records::results::{AreaMark, AreaResult};

const ILLUSTRATIVE: &str = "Minh họa: bản tin chỉ nêu lệ làm việc định kỳ hằng năm; ngày, nội dung và kiến nghị ở đây là ví dụ.";

fn at(y: i32, m: u32, d: u32, hour: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(hour, 0, 0).expect("valid time")
}

fn chair(person: &str, position: &str) -> Chair {
    Chair {
        person: sample_id(person),
        position: position.to_string(),
        co_chair: true,
        unknown: Default::default(),
    }
}

/// The conference of 02/04/2018: it summarised 2013–2017 and signed 2018–2022.
fn conference() -> Event {
    let mut e = Event::new(
        sample_meta("event/2018-04-02"),
        EventKind::SummaryConference,
        "Hội nghị tổng kết Quy chế phối hợp công tác giai đoạn 2013 - 2017 và ký kết Quy chế phối hợp công tác giai đoạn 2018 - 2022",
        at(2018, 4, 2, 8),
    );
    e.place = PLACE.to_string();
    e.chairs = vec![
        chair(
            PERSON_LAM,
            "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh",
        ),
        chair(
            PERSON_NGA,
            "Ủy viên Ban Chấp hành Trung ương Đoàn, Bí thư Tỉnh Đoàn",
        ),
    ];
    e.attendee_count = Some(200);
    e.guests = vec![
        "Lãnh đạo các sở, ban, ngành, đoàn thể tỉnh".to_string(),
        "Ủy ban nhân dân các huyện, thị xã, thành phố".to_string(),
        "Các đồng chí Ủy viên Ban Thường vụ, Ban Chấp hành Tỉnh đoàn".to_string(),
        "Trên 200 cán bộ, đoàn viên thanh niên tiêu biểu".to_string(),
    ];
    e.agreements = vec![
        EventLink {
            agreement: sample_id(AGREEMENT_2013),
            role: EventRole::Summarised,
            unknown: Default::default(),
        },
        EventLink {
            agreement: sample_id(AGREEMENT_2018),
            role: EventRole::Signed,
            unknown: Default::default(),
        },
    ];
    e.agenda = "Tổng kết Quy chế phối hợp giai đoạn 2013 - 2017; ký kết Quy chế phối hợp giai đoạn 2018 - 2022.".to_string();
    e.reports = "Báo cáo tổng kết: Tỉnh đoàn phối hợp với các sở, ban, ngành, đoàn thể tỉnh thực hiện tốt các nội dung đã ký kết; đã ký kết với 20 đơn vị sở, ban, ngành, đoàn thể tỉnh.".to_string();
    e.conclusions = "Ký kết Quy chế phối hợp giai đoạn 2018 - 2022. Định kỳ hằng năm, Chủ tịch UBND tỉnh làm việc với Ban Chấp hành Tỉnh đoàn để nghe báo cáo và giải quyết các kiến nghị liên quan đến thanh niên.".to_string();
    e.minutes = "Bản tin ghi số người dự là \"trên 200\"; giờ bắt đầu là minh họa.".to_string();
    e
}

fn annual_session(year: i32, month: u32, d: u32) -> Event {
    let mut e = Event::new(
        sample_meta(&format!("event/session/{year}")),
        EventKind::AnnualSession,
        &format!("Chủ tịch UBND tỉnh làm việc với Ban Chấp hành Tỉnh đoàn năm {year}"),
        at(year, month, d, 14),
    );
    e.place = "Trụ sở Ủy ban nhân dân tỉnh Trà Vinh".to_string();
    e.chairs = vec![Chair {
        person: sample_id(PERSON_LAM),
        position: "Chủ tịch Ủy ban nhân dân tỉnh".to_string(),
        co_chair: false,
        unknown: Default::default(),
    }];
    e.agreements = vec![EventLink {
        agreement: sample_id(AGREEMENT_2018),
        role: EventRole::Reviewed,
        unknown: Default::default(),
    }];
    e.agenda = "Nghe báo cáo tình hình thanh niên, kết quả công tác Đoàn và phong trào thanh thiếu nhi; giải quyết kiến nghị.".to_string();
    e.minutes = ILLUSTRATIVE.to_string();
    e
}

/// Sessions for 2018, 2019, 2020 and 2022; none for 2021.
fn sessions() -> Vec<Event> {
    vec![
        annual_session(2018, 11, 20),
        annual_session(2019, 10, 15),
        annual_session(2020, 12, 8),
        annual_session(2022, 11, 24),
    ]
}

struct Sample {
    key: &'static str,
    content: &'static str,
    session_year: i32,
    to: &'static [&'static str],
    /// The 1-based number of the 2018–2022 area it concerns.
    area: usize,
    deadline: (i32, u32, u32),
    status: RecommendationStatus,
    response: &'static str,
}

const RECOMMENDATIONS: [Sample; 5] = [
    Sample {
        key: "rec/2019/khoi-nghiep",
        content:
            "Bố trí kinh phí hỗ trợ thanh niên khởi nghiệp trong dự toán ngân sách tỉnh năm 2020.",
        session_year: 2019,
        to: &["org/so-tai-chinh", "org/so-kh-dt"],
        area: 5,
        deadline: (2020, 6, 30),
        status: RecommendationStatus::Resolved,
        response: "Đã bố trí trong dự toán năm 2020 (minh họa).",
    },
    Sample {
        key: "rec/2020/can-bo-doan",
        content: "Bổ sung biên chế cán bộ chuyên trách Đoàn cấp huyện theo quy định.",
        session_year: 2020,
        to: &["org/so-noi-vu"],
        area: 2,
        deadline: (2021, 3, 31),
        status: RecommendationStatus::Open,
        response: "",
    },
    Sample {
        key: "rec/2020/chuyen-doi-so",
        content: "Tạo điều kiện cho đoàn viên thanh niên tham gia tổ công nghệ số cộng đồng.",
        session_year: 2020,
        to: &["org/so-tt-tt"],
        area: 3,
        deadline: (2021, 6, 30),
        status: RecommendationStatus::InProgress,
        response: "Đang xây dựng kế hoạch phối hợp (minh họa).",
    },
    Sample {
        key: "rec/2022/thiet-che",
        content: "Đầu tư thiết chế văn hóa, thể thao cho thanh thiếu nhi tại các huyện.",
        session_year: 2022,
        to: &["org/so-vh-tt-dl"],
        area: 6,
        deadline: (2023, 6, 30),
        status: RecommendationStatus::Open,
        response: "",
    },
    Sample {
        key: "rec/2022/quy-lap-nghiep",
        content: "Thành lập Quỹ hỗ trợ thanh niên lập nghiệp cấp tỉnh.",
        session_year: 2022,
        to: &["org/so-tai-chinh"],
        area: 5,
        deadline: (2023, 3, 31),
        status: RecommendationStatus::Declined,
        response: "Chưa có nguồn; lồng ghép vào chương trình khuyến công (minh họa).",
    },
];

fn recommendation(s: &Sample, sessions: &[Event]) -> Recommendation {
    let session = sessions.iter().find(|e| e.day().year() == s.session_year);
    let mut r = Recommendation::new(sample_meta(s.key), s.content);
    r.event = session.map(|e| e.meta.id);
    r.raised_on = session.map(Event::day);
    r.raised_by = Some(sample_id(ORG_TINH_DOAN));
    r.addressed_to = s.to.iter().map(|k| sample_id(k)).collect();
    r.agreement = Some(sample_id(AGREEMENT_2018));
    r.area = Some(sample_id(&format!("area/2018/{}", s.area)));
    r.deadline = Some(day(s.deadline.0, s.deadline.1, s.deadline.2));
    r.response = s.response.to_string();
    if let Some(raised) = r.raised_on {
        let mut steps = Vec::new();
        match s.status {
            RecommendationStatus::Open => {}
            RecommendationStatus::InProgress => steps.push(RecommendationStatus::InProgress),
            RecommendationStatus::Resolved => steps.extend([
                RecommendationStatus::InProgress,
                RecommendationStatus::Resolved,
            ]),
            RecommendationStatus::Declined => steps.push(RecommendationStatus::Declined),
        }
        let recorded = r.meta.created;
        for (i, to) in steps.into_iter().enumerate() {
            let on = raised + chrono::Duration::days(30 * (i as i64 + 1));
            r.set_status(to, on, "", recorded);
        }
    }
    r
}

/// Adds the annual working-session duty and illustrative area results to the 2018–2022 regulation.
pub(super) fn add_duties(a: &mut Agreement) {
    a.duties.push(Duty {
        id: sample_id("duty/2018/annual-session"),
        title: "Chủ tịch UBND tỉnh làm việc định kỳ hằng năm với Ban Chấp hành Tỉnh đoàn"
            .to_string(),
        due: DueRule::YearAnyTime.into(),
        fulfilled_by: Some(EventKind::AnnualSession),
        settlements: Vec::new(),
        unknown: Default::default(),
    });
    for (year, area, evidence) in [
        (
            2018,
            1,
            "Báo cáo kết quả công tác giáo dục thanh niên năm 2018 (minh họa)",
        ),
        (2019, 1, "Báo cáo năm 2019 (minh họa)"),
        (2019, 5, "Hỗ trợ 35 dự án khởi nghiệp (minh họa)"),
    ] {
        a.area_results.push(AreaResult {
            area: sample_id(&format!("area/2018/{area}")),
            year,
            mark: AreaMark::Done,
            evidence: evidence.to_string(),
            unknown: Default::default(),
        });
    }
}

pub(super) fn events() -> Vec<Event> {
    let mut all = vec![conference()];
    all.extend(sessions());
    all
}

pub(super) fn recommendations() -> Vec<Recommendation> {
    let sessions = sessions();
    RECOMMENDATIONS
        .iter()
        .map(|s| recommendation(s, &sessions))
        .collect()
}
