//! Generated datasets of realistic shape and size, for tests and benchmarks (not the sample).

use chrono::{DateTime, Duration, NaiveDate};
use uuid::Uuid;

use crate::exchange::file_format::{export, Header, Scope};
use crate::records::event::{Chair, Event, EventKind, EventLink, EventRole};
use crate::records::meta::{Id, Meta, OfficeId};
use crate::records::model::{
    Agreement, AgreementKind, Authority, CoordinationArea, Organisation, OrganisationKind, Party,
    Period, Person, Signatory,
};
use crate::records::workspace::{Dataset, OfficeProfile, Stamp};
use crate::sample_data::support::stamp;

/// A tiny deterministic generator: the same seed gives the same dataset on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn uuid(&mut self) -> Uuid {
        let bytes: [u8; 16] = std::array::from_fn(|_| self.next() as u8);
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

const AREA_TITLES: [&str; 6] = [
    "Tuyên truyền, giáo dục thế hệ trẻ",
    "Đoàn kết, tập hợp thanh niên",
    "Hỗ trợ thanh niên khởi nghiệp, lập nghiệp",
    "Chăm sóc, bảo vệ, giáo dục thiếu niên, nhi đồng",
    "Kiểm tra, giám sát, phản biện xã hội",
    "Nâng cao thể chất, đời sống văn hóa tinh thần",
];

/// `organisations` organisations, 2 people each, and `agreements` two-party agreements of about
/// the size offices write (title, number, two signatories, four areas, notes).
pub fn dataset(organisations: usize, agreements: usize, seed: u64) -> Dataset {
    let mut rng = Lcg(seed);
    let office: OfficeId = rng.uuid();
    let now = DateTime::from_timestamp(1_700_000_000, 0).expect("valid time");
    let stamp = Stamp { office, now };
    let mut data = Dataset::default();
    let mut org_ids = Vec::new();
    let mut person_ids = Vec::new();
    for i in 0..organisations.max(2) {
        let org = Organisation::new(
            Meta::new(rng.uuid(), now),
            &format!("Sở Ngành số {i} tỉnh Trà Vinh"),
            &format!("SN{i}"),
            OrganisationKind::Department,
        );
        org_ids.push(data.commit(org, stamp).id);
        for j in 0..2 {
            let person = Person::new(
                Meta::new(rng.uuid(), now),
                &format!("Nguyễn Văn Đoàn {i}-{j}"),
            );
            person_ids.push(data.commit(person, stamp).id);
        }
    }
    for i in 0..agreements {
        let a = rng.below(org_ids.len() as u64) as usize;
        let b = (a + 1 + rng.below(org_ids.len() as u64 - 1) as usize) % org_ids.len();
        let start_year = 2010 + rng.below(15) as i32;
        let mut ag = Agreement::new(
            Meta::new(rng.uuid(), now),
            &format!(
                "Kế hoạch phối hợp công tác giữa SN{a} và SN{b} về công tác thanh niên, giai đoạn {start_year} - {}",
                start_year + 4
            ),
            AgreementKind::Other,
        );
        ag.number = format!("{}/KHPH-SN{a}-SN{b}", i + 1);
        ag.parties = vec![
            Party {
                organisation: org_ids[a],
                role: "chủ trì".into(),
                lead: true,
                unknown: Default::default(),
            },
            Party {
                organisation: org_ids[b],
                role: "phối hợp".into(),
                lead: false,
                unknown: Default::default(),
            },
        ];
        let signed = NaiveDate::from_ymd_opt(
            start_year,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        );
        ag.signed_on = signed;
        ag.signed_place = "Trung tâm Hội nghị tỉnh".into();
        ag.period = Period {
            start: NaiveDate::from_ymd_opt(start_year, 1, 1),
            end: NaiveDate::from_ymd_opt(start_year + 4, 12, 31),
            unknown: Default::default(),
        };
        for (k, org) in [org_ids[a], org_ids[b]].into_iter().enumerate() {
            ag.signatories.push(Signatory {
                person: person_ids[if k == 0 { a * 2 } else { b * 2 + 1 }],
                position: "Giám đốc Sở".into(),
                authority: Authority::OnBehalfOf,
                organisation: org,
                signed_on: signed,
                unknown: Default::default(),
            });
        }
        for k in 0..4 {
            ag.areas.push(CoordinationArea {
                id: rng.uuid(),
                title: AREA_TITLES[(i + k) % AREA_TITLES.len()].into(),
                description: "Phối hợp tổ chức các hoạt động hằng năm, báo cáo kết quả định kỳ."
                    .into(),
                responsible: vec![org_ids[a], org_ids[b]],
                unknown: Default::default(),
            });
        }
        ag.notes = "Dữ liệu sinh tự động để đo hiệu năng.".into();
        data.commit(ag, stamp);
    }
    data
}

const FAMILY_NAMES: [&str; 14] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương",
];
const MIDDLE_NAMES: [&str; 12] = [
    "Văn",
    "Thị",
    "Hữu",
    "Minh",
    "Thanh",
    "Ngọc",
    "Quốc",
    "Hoàng",
    "Thị Hằng",
    "Công",
    "Đức",
    "Kim",
];
const GIVEN_NAMES: [&str; 24] = [
    "Lâm", "Nga", "Hùng", "Dũng", "Tuấn", "Hương", "Lan", "Phúc", "Khang", "Trí", "Thảo", "Vy",
    "Nam", "Hải", "Sơn", "Tâm", "Hòa", "Bình", "An", "Quyên", "Thắng", "Đạt", "Nhân", "Trinh",
];
const DISTRICTS: [&str; 9] = [
    "thành phố Trà Vinh",
    "huyện Càng Long",
    "huyện Cầu Kè",
    "huyện Tiểu Cần",
    "huyện Châu Thành",
    "huyện Cầu Ngang",
    "huyện Trà Cú",
    "huyện Duyên Hải",
    "thị xã Duyên Hải",
];
const PLACES: [&str; 8] = [
    "Trung tâm Hội nghị tỉnh",
    "Hội trường Ủy ban nhân dân tỉnh",
    "Phòng họp số 1, Văn phòng UBND tỉnh",
    "Hội trường Tỉnh Đoàn",
    "Nhà Văn hóa Thanh niên tỉnh",
    "Hội trường Ủy ban nhân dân",
    "Trường Chính trị tỉnh",
    "Hội trường Sở Giáo dục và Đào tạo",
];
const CHAIR_POSITIONS: [&str; 6] = [
    "Chủ tịch UBND tỉnh",
    "Phó Chủ tịch UBND tỉnh",
    "Bí thư Tỉnh Đoàn",
    "Phó Bí thư Thường trực Tỉnh Đoàn",
    "Giám đốc Sở",
    "Chủ tịch UBND huyện",
];
const CONCLUSION_OPENINGS: [&str; 6] = [
    "Thống nhất giao",
    "Đề nghị",
    "Yêu cầu",
    "Ghi nhận đề xuất của",
    "Chỉ đạo",
    "Đồng ý chủ trương để",
];
const CONCLUSION_TASKS: [&str; 10] = [
    "bố trí kinh phí hỗ trợ thanh niên khởi nghiệp",
    "tổ chức tập huấn kỹ năng chuyển đổi số cho cán bộ Đoàn",
    "xây dựng công trình thanh niên tại các xã nông thôn mới",
    "hướng nghiệp, giới thiệu việc làm cho thanh niên lao động",
    "tăng cường tuyên truyền pháp luật về trẻ em",
    "rà soát, bổ sung chỉ tiêu vào kế hoạch phát triển kinh tế - xã hội",
    "phối hợp tổ chức đối thoại với thanh niên trước ngày",
    "hỗ trợ vốn vay cho dự án thanh niên",
    "báo cáo kết quả thực hiện về Văn phòng UBND tỉnh",
    "kiện toàn Ban Chỉ đạo công tác thanh niên",
];

fn person_name(rng: &mut Lcg) -> String {
    format!(
        "{} {} {}",
        FAMILY_NAMES[rng.below(14) as usize],
        MIDDLE_NAMES[rng.below(12) as usize],
        GIVEN_NAMES[rng.below(24) as usize]
    )
}

fn event_title(
    kind: EventKind,
    year: i32,
    district: &str,
    agreement: Option<&Agreement>,
) -> String {
    let of = agreement.map_or("Quy chế phối hợp công tác thanh niên", |a| {
        a.number.as_str()
    });
    match kind {
        EventKind::Signing => format!("Hội nghị ký kết {of} năm {year}"),
        EventKind::AnnualSession => format!(
            "Buổi làm việc định kỳ năm {year} giữa Chủ tịch UBND {district} với Ban Thường vụ Đoàn"
        ),
        EventKind::MidTermReview => format!("Hội nghị sơ kết giữa kỳ thực hiện {of}"),
        EventKind::SummaryConference => {
            format!("Hội nghị tổng kết thực hiện {of}, giai đoạn đến {year}")
        }
        EventKind::YouthDialogue => {
            format!("Chủ tịch UBND {district} đối thoại với thanh niên năm {year}")
        }
        EventKind::Other => format!("Tập huấn triển khai {of} tại {district}"),
    }
}

/// Adds `count` events of realistic shape to `data`, linked to its agreements and chaired by its
/// people: a kind-specific title with a year and a district, a place, one or two chairs with
/// their position that day, an attendee count, a few named guests, and for most a conclusion of
/// one to three sentences built from varied parts (numbers, names, deadlines), so the text is
/// not one string repeated. Edits come from three offices over several years.
pub fn add_events(data: &mut Dataset, count: usize, seed: u64) {
    let mut rng = Lcg(seed ^ 0x5eed_e7e7);
    let offices: [OfficeId; 3] = [rng.uuid(), rng.uuid(), rng.uuid()];
    let agreements: Vec<Agreement> = data.agreements.iter_live().cloned().collect();
    let people: Vec<Id> = data.people.iter_live().map(|p| p.meta.id).collect();
    let base = DateTime::from_timestamp(1_300_000_000, 0).expect("valid time");
    for _ in 0..count {
        let kind = match rng.below(10) {
            0..=2 => EventKind::AnnualSession,
            3 => EventKind::Signing,
            4 => EventKind::MidTermReview,
            5 => EventKind::SummaryConference,
            6 | 7 => EventKind::YouthDialogue,
            _ => EventKind::Other,
        };
        let year = 2011 + rng.below(16) as i32;
        let district = DISTRICTS[rng.below(DISTRICTS.len() as u64) as usize];
        let linked = (!agreements.is_empty() && rng.below(10) < 9)
            .then(|| &agreements[rng.below(agreements.len() as u64) as usize]);
        let starts_at =
            NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
                .and_then(|d| {
                    d.and_hms_opt(
                        7 + rng.below(10) as u32,
                        [0, 15, 30][rng.below(3) as usize],
                        0,
                    )
                })
                .expect("valid date");
        let created = base + Duration::seconds(rng.below(400_000_000) as i64);
        let mut event = Event::new(
            Meta::new(rng.uuid(), created),
            kind,
            &event_title(kind, year, district, linked),
            starts_at,
        );
        event.place = match rng.below(3) {
            0 => format!("{} {district}", PLACES[5]),
            _ => PLACES[rng.below(PLACES.len() as u64) as usize].to_string(),
        };
        for k in 0..1 + rng.below(2) {
            if people.is_empty() {
                break;
            }
            event.chairs.push(Chair {
                person: people[rng.below(people.len() as u64) as usize],
                position: CHAIR_POSITIONS[rng.below(CHAIR_POSITIONS.len() as u64) as usize].into(),
                co_chair: k > 0,
                unknown: Default::default(),
            });
        }
        if rng.below(10) < 7 {
            event.attendee_count = Some(20 + rng.below(280) as u32);
        }
        for _ in 0..rng.below(4) {
            event.guests.push(person_name(&mut rng));
        }
        if let Some(a) = linked {
            let role = match kind {
                EventKind::Signing => EventRole::Signed,
                EventKind::SummaryConference => EventRole::Summarised,
                _ => EventRole::Reviewed,
            };
            event.agreements.push(EventLink {
                agreement: a.meta.id,
                role,
                unknown: Default::default(),
            });
        }
        if rng.below(10) < 4 {
            event.agenda = format!(
                "Nghe báo cáo kết quả năm {year}; thảo luận {} kiến nghị của thanh niên {district}.",
                1 + rng.below(12)
            );
        }
        if rng.below(10) < 7 {
            let sentences: Vec<String> = (0..1 + rng.below(3))
                .map(|_| {
                    format!(
                        "{} {} {} trong năm {}, hoàn thành trước ngày {}/{}.",
                        CONCLUSION_OPENINGS[rng.below(6) as usize],
                        [
                            "Tỉnh Đoàn",
                            "Sở Lao động - Thương binh và Xã hội",
                            "UBND",
                            "các sở, ngành",
                            "Đoàn Thanh niên"
                        ][rng.below(5) as usize],
                        CONCLUSION_TASKS[rng.below(10) as usize],
                        year + rng.below(2) as i32,
                        1 + rng.below(28),
                        1 + rng.below(12)
                    )
                })
                .collect();
            event.conclusions = sentences.join(" ");
        }
        if rng.below(20) == 0 {
            event.minutes = format!(
                "Đồng chí {} chủ trì; thư ký {}. Có {} đại biểu dự. Ý kiến thảo luận tập trung vào việc làm, khởi nghiệp và an toàn giao thông của thanh niên {district}.",
                person_name(&mut rng),
                person_name(&mut rng),
                20 + rng.below(200)
            );
        }
        let office = offices[rng.below(3) as usize];
        for edit in 0..1 + rng.below(3) {
            let now = created + Duration::seconds(edit as i64 * 86_400 + rng.below(3_600) as i64);
            data.commit(event.clone(), Stamp { office, now });
        }
    }
}

/// The capacity benchmark's dataset: `agreements` agreements (with their organisations and people)
/// and `events` events.
pub fn large(agreements: usize, events: usize, seed: u64) -> Dataset {
    let mut data = dataset((agreements / 25).max(10), agreements, seed);
    add_events(&mut data, events, seed);
    data
}

/// The import benchmark's two offices (tests/bench_import.rs, examples/import_timing.rs). Both
/// start from the same data (300 organisations, 1,900 agreements); the sender (office 0xB)
/// edits 190 agreements, deletes 19 and adds 20 with their organisations and people; the
/// receiver (office 0xA) edits 95 others and 19 of the sender's. Returns the sender's full
/// export (about 5 MB) and the receiver's data.
pub fn two_offices_apart() -> (String, Dataset) {
    fn edit_notes(data: &mut Dataset, ids: &[Id], notes: &str, by: Stamp) {
        for id in ids {
            let mut a = data.agreements.get(id).unwrap().clone();
            a.notes = notes.into();
            data.commit(a, by);
        }
    }
    let base = dataset(300, 1900, 42);
    let ids: Vec<Id> = base.agreements.iter_all().map(|a| a.meta.id).collect();
    let mut theirs = base.clone();
    edit_notes(
        &mut theirs,
        &ids[0..190],
        "sửa ở đơn vị gửi",
        stamp(0xB, 1_700_000_001),
    );
    for id in &ids[190..209] {
        theirs
            .delete::<Agreement>(*id, stamp(0xB, 1_700_000_002))
            .unwrap();
    }
    let extra = dataset(20, 160, 7);
    for a in extra.agreements.iter_all() {
        theirs.agreements.put(a.clone());
    }
    for o in extra.organisations.iter_all() {
        theirs.organisations.put(o.clone());
    }
    for p in extra.people.iter_all() {
        theirs.people.put(p.clone());
    }
    let mut local = base;
    edit_notes(
        &mut local,
        &ids[240..335],
        "sửa ở đây",
        stamp(0xA, 1_700_000_003),
    );
    edit_notes(
        &mut local,
        &ids[0..19],
        "cùng sửa",
        stamp(0xA, 1_700_000_004),
    );
    let office = OfficeProfile {
        id: Uuid::from_u128(0xB),
        name: "Đơn vị gửi".into(),
    };
    let header = Header::new(&office, Scope::All, stamp(0xB, 1_700_000_005).now);
    (export(&theirs, &header, None), local)
}

/// A hostile file (issue 14): `count` small agreements that all carry the number "1" and name
/// the same organisation, which is in neither the file nor the store; at 70,000 it is about
/// 18 MB. Every rule that compares records with each other meets its worst case here: one number
/// held by every agreement, one missing reference named by every one. Benchmarked by the core's
/// `import_hostile` example.
pub fn same_number_file(count: usize) -> String {
    let mut rng = Lcg(14);
    let office = OfficeProfile {
        id: Uuid::from_u128(0xB),
        name: "Đơn vị gửi".into(),
    };
    let missing = rng.uuid();
    let now = DateTime::from_timestamp(1_700_000_000, 0).expect("valid time");
    let mut text = export(
        &Dataset::default(),
        &Header::new(&office, Scope::All, now),
        None,
    );
    // Written by hand, only the fields the schema requires: the export would add its defaults.
    let records: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"id":"{}","created":"2023-11-14T22:13:20Z","updated":"2023-11-14T22:13:20Z","version":{{"{}":1}},"number":"1","title":"Quy chế phối hợp số {i}","parties":[{{"organisation":"{missing}"}}]}}"#,
                rng.uuid(),
                office.id
            )
        })
        .collect();
    let list = format!("\"agreements\":[\n{}\n]", records.join(",\n"));
    text = text.replacen("\"agreements\":[]", &list, 1);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::validate;

    #[test]
    fn generated_data_is_deterministic_and_valid() {
        let one = dataset(10, 50, 7);
        assert_eq!(one, dataset(10, 50, 7));
        assert_eq!(one.agreements.count_live(), 50);
        for a in one.agreements.iter_live() {
            let errors: Vec<_> = validate::agreement(a, &one)
                .into_iter()
                .filter(|i| i.is_error())
                .collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
    }

    #[test]
    fn generated_events_are_deterministic_and_refer_to_the_dataset() {
        let one = large(20, 300, 3);
        assert_eq!(one, large(20, 300, 3));
        assert_eq!(one.events.count_live(), 300);
        for e in one.events.iter_live() {
            assert!(e
                .agreements
                .iter()
                .all(|l| one.agreements.get(&l.agreement).is_some()));
            assert!(e.chairs.iter().all(|c| one.people.get(&c.person).is_some()));
            assert!(!e.title.is_empty() && e.meta.version.total() >= 1);
        }
        let distinct: std::collections::BTreeSet<&str> = one
            .events
            .iter_live()
            .map(|e| e.conclusions.as_str())
            .collect();
        assert!(distinct.len() > 150, "conclusions vary: {}", distinct.len());
    }
}
