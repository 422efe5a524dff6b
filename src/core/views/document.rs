//! An agreement as a printed Vietnamese administrative document (the layout of Nghị định
//! 30/2020/NĐ-CP): issuing bodies and number on the left, the national motto with place and date
//! on the right, the title, then the content, and the signature block with one column per
//! signatory (authority, position, name). The print-only blocks of the agreement page show this.

use crate::records::sorting;
use chrono::{Datelike, NaiveDate};

use crate::records::model::{Agreement, Authority};
use crate::records::workspace::Dataset;

/// The heading of the printed document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentHead {
    /// The parties' names in capitals, lead first ("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH").
    pub issuers: Vec<String>,
    /// "Số: 01/QCPH-UBND-TĐ", or "Số: …" left to fill in.
    pub number: String,
    /// "Trà Vinh, ngày 02 tháng 4 năm 2018".
    pub place_and_date: String,
    /// The title in capitals.
    pub title: String,
}

/// One column of the signature block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureColumn {
    /// "TM. ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"; empty when the signatory signs in their own name.
    pub authority: String,
    /// The position as written at signing, in capitals.
    pub position: String,
    pub name: String,
}

/// The locality a document is dated from (địa danh) out of the recorded signing place, which is
/// often a venue: "Trung tâm Hội nghị tỉnh Trà Vinh" → "Trà Vinh" (what follows the last "tỉnh"
/// or "thành phố" before a name); a place without one is taken whole ("Hà Nội").
pub fn locality(place: &str) -> &str {
    const MARKERS: [&str; 6] = ["tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "TP. ", "TP "];
    let place = place.trim();
    let after_marker = MARKERS
        .iter()
        .filter_map(|m| {
            place
                .rmatch_indices(m)
                // A whole word, followed by a name ("tỉnh Trà Vinh", not "Tỉnh ủy").
                .find(|(i, _)| {
                    (*i == 0 || place[..*i].ends_with([' ', ',']))
                        && place[i + m.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                })
                .map(|(i, _)| i + m.len())
        })
        .max();
    match after_marker {
        Some(start) => place[start..].trim().trim_end_matches(['.', ',', ';']),
        None => place,
    }
}

/// Place and date as documents write them: "Trà Vinh, ngày 02 tháng 4 năm 2018". Days below 10
/// and the months 1 and 2 take a leading zero (Nghị định 30/2020, phụ lục I); what is unknown
/// is left as dots to fill in by hand.
pub fn place_and_date(place: &str, date: Option<NaiveDate>) -> String {
    let place = match locality(place) {
        "" => "……………",
        p => p,
    };
    match date {
        Some(d) => {
            let month = if d.month() <= 2 {
                format!("{:02}", d.month())
            } else {
                d.month().to_string()
            };
            format!(
                "{place}, ngày {:02} tháng {month} năm {}",
                d.day(),
                d.year()
            )
        }
        None => format!("{place}, ngày … tháng … năm ……"),
    }
}

/// The heading of `agreement` as printed.
pub fn head(agreement: &Agreement, data: &Dataset) -> DocumentHead {
    let mut parties: Vec<_> = agreement.parties.iter().collect();
    // Lead first; otherwise as recorded.
    sorting::sort_by_key(&mut parties, |p| !p.lead);
    let issuers = parties
        .iter()
        .filter_map(|p| data.organisations.get(&p.organisation))
        .map(|o| o.name.trim().to_uppercase())
        .filter(|n| !n.is_empty())
        .collect();
    let number = agreement.number.trim();
    DocumentHead {
        issuers,
        number: format!("Số: {}", if number.is_empty() { "…" } else { number }),
        place_and_date: place_and_date(&agreement.signed_place, agreement.signing_date()),
        title: agreement.title.trim().to_uppercase(),
    }
}

/// The signature block: one column per signatory, in the order recorded.
pub fn signatures(agreement: &Agreement, data: &Dataset) -> Vec<SignatureColumn> {
    agreement
        .signatories
        .iter()
        .map(|s| {
            let organisation = data
                .organisations
                .get(&s.organisation)
                .map(|o| o.name.trim().to_uppercase())
                .unwrap_or_default();
            let authority = match s.authority {
                Authority::Own => String::new(),
                a => format!("{} {organisation}", a.abbreviation())
                    .trim()
                    .to_string(),
            };
            SignatureColumn {
                authority,
                position: s.position.trim().to_uppercase(),
                name: data
                    .people
                    .get(&s.person)
                    .map(|p| p.full_name.trim().to_string())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_data::sample;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn place_and_date_follow_the_decree() {
        assert_eq!(
            place_and_date("Trà Vinh", day(2018, 4, 2)),
            "Trà Vinh, ngày 02 tháng 4 năm 2018"
        );
        assert_eq!(
            place_and_date("Hà Nội", day(2020, 2, 15)),
            "Hà Nội, ngày 15 tháng 02 năm 2020"
        );
        assert_eq!(
            place_and_date(" Cần Thơ ", day(2021, 12, 31)),
            "Cần Thơ, ngày 31 tháng 12 năm 2021"
        );
        assert_eq!(place_and_date("", None), "……………, ngày … tháng … năm ……");
    }

    #[test]
    fn locality_is_what_follows_the_province_or_city() {
        assert_eq!(locality("Trung tâm Hội nghị tỉnh Trà Vinh"), "Trà Vinh");
        assert_eq!(locality("Hội trường UBND thành phố Cần Thơ."), "Cần Thơ");
        assert_eq!(locality("TP. Hồ Chí Minh"), "Hồ Chí Minh");
        assert_eq!(locality(" Hà Nội "), "Hà Nội");
        // "tỉnh" inside a word or with nothing after it is no marker.
        assert_eq!(locality("Nhà khách Tỉnh ủy"), "Nhà khách Tỉnh ủy");
        assert_eq!(locality("Hội trường tỉnh "), "Hội trường tỉnh");
    }

    #[test]
    fn the_2018_sample_prints_its_parties_date_and_signatories() {
        let data = sample::sample_dataset();
        let a = data
            .agreements
            .get(&sample::regulation_2018_2022_id())
            .unwrap();
        let head = head(a, &data);
        assert_eq!(head.issuers[0], "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH");
        assert_eq!(head.issuers.len(), 2);
        assert_eq!(head.number, "Số: …");
        assert_eq!(head.place_and_date, "Trà Vinh, ngày 02 tháng 4 năm 2018");
        assert!(head
            .title
            .starts_with("QUY CHẾ PHỐI HỢP CÔNG TÁC GIỮA ỦY BAN NHÂN DÂN TỈNH"));

        let columns = signatures(a, &data);
        assert_eq!(columns.len(), 2);
        assert_eq!(columns[0].authority, "TM. ỦY BAN NHÂN DÂN TỈNH TRÀ VINH");
        assert_eq!(
            columns[0].position,
            "PHÓ BÍ THƯ TỈNH ỦY, CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
        );
        assert_eq!(columns[0].name, "Đồng Văn Lâm");
    }
}
