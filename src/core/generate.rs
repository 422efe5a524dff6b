//! Generated datasets of realistic shape and size, for tests and benchmarks (not the sample).

use chrono::{DateTime, NaiveDate};
use uuid::Uuid;

use super::meta::{Meta, OfficeId};
use super::model::{
    Agreement, AgreementKind, Authority, CoordinationArea, Organisation, OrganisationKind, Party,
    Period, Person, Signatory,
};
use super::workspace::{Dataset, Stamp};

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
            },
            Party {
                organisation: org_ids[b],
                role: "phối hợp".into(),
                lead: false,
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
        };
        for (k, org) in [org_ids[a], org_ids[b]].into_iter().enumerate() {
            ag.signatories.push(Signatory {
                person: person_ids[if k == 0 { a * 2 } else { b * 2 + 1 }],
                position: "Giám đốc Sở".into(),
                authority: Authority::OnBehalfOf,
                organisation: org,
                signed_on: signed,
            });
        }
        for k in 0..4 {
            ag.areas.push(CoordinationArea {
                id: rng.uuid(),
                title: AREA_TITLES[(i + k) % AREA_TITLES.len()].into(),
                description: "Phối hợp tổ chức các hoạt động hằng năm, báo cáo kết quả định kỳ."
                    .into(),
                responsible: vec![org_ids[a], org_ids[b]],
            });
        }
        ag.notes = "Dữ liệu sinh tự động để đo hiệu năng.".into();
        data.commit(ag, stamp);
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate;

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
}
