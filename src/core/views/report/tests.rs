use chrono::NaiveDate;

use super::document::{document, Block};
use super::*;
use crate::sample_data::sample::{
    regulation_2013_2017_id, regulation_2018_2022_id, sample_dataset,
};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn text(doc: &document::ReportDocument) -> String {
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::ToFill(text) => {
                text.clone()
            }
            Block::Table(t) => {
                let mut rows = vec![t.header.join(" | ")];
                rows.extend(t.rows.iter().map(|r| r.join(" | ")));
                rows.join("\n")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_2018_2022_period_counts_sessions_recommendations_and_areas() {
    let data = sample_dataset();
    let a = data.agreements.get(&regulation_2018_2022_id()).unwrap();
    let r = period_report(&data, a, Scope::Period, d(2026, 12, 4));
    // No summary conference recorded: dated the day it is drafted.
    assert_eq!(r.dated, d(2026, 12, 4));
    assert!(r.period_ended);
    assert_eq!(r.years, (2018..=2022).collect::<Vec<_>>());
    assert_eq!(
        r.events.len(),
        5,
        "the signing conference and four sessions"
    );
    let missed: Vec<i32> = r
        .duties
        .iter()
        .filter(|l| l.state == OccurrenceState::Overdue)
        .map(|l| l.year)
        .collect();
    assert_eq!(missed, vec![2021]);
    let t = &r.recommendations.total;
    assert_eq!(
        (t.raised, t.resolved, t.declined, t.pending, t.overdue),
        (5, 1, 1, 3, 3)
    );
    let finance = r
        .recommendations
        .by_addressee
        .iter()
        .find(|(n, _)| n.contains("Tài chính"))
        .unwrap();
    assert_eq!(
        (finance.1.raised, finance.1.resolved, finance.1.declined),
        (2, 1, 1)
    );
    assert_eq!(r.recommendations.open.len(), 3);
    assert_eq!(r.areas.len(), 10);
    assert_eq!(r.areas[0].years[0].1, AreaState::Done);
    assert_eq!(r.areas[0].years[2].1, AreaState::Overdue);
    let plans = r.plans.as_ref().unwrap();
    assert_eq!((plans.plans, plans.departments_with_plan), (0, 0));
    assert_eq!(r.signatories[0].name, "Đồng Văn Lâm");
    assert!(r.next.is_none());
}

#[test]
fn the_2013_2017_report_is_dated_at_its_summary_conference_with_twenty_plans_and_the_next_period() {
    let data = sample_dataset();
    let a = data.agreements.get(&regulation_2013_2017_id()).unwrap();
    let r = period_report(&data, a, Scope::Period, d(2026, 12, 4));
    assert_eq!(r.dated, d(2018, 4, 2));
    assert!(r.period_ended);
    let plans = r.plans.as_ref().unwrap();
    assert_eq!(plans.plans, 20);
    assert_eq!(plans.departments_with_plan, 20);
    assert_eq!(plans.per_year, vec![20; 5]);
    let next = r.next.as_ref().unwrap();
    assert!(next.title.ends_with("giai đoạn 2018 - 2022"));
    assert_eq!(next.signed_on, Some(d(2018, 4, 2)));
    let doc = document(&data, a, &r);
    assert_eq!(doc.head.place_and_date, "……………, ngày 02 tháng 4 năm 2018");
    assert_eq!(doc.head.issuers, vec!["ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"]);
    assert_eq!(doc.head.number, "Số: …/BC-UBND");
    assert!(
        doc.subtitle
            .starts_with("Tổng kết thực hiện Quy chế phối hợp công tác"),
        "{}",
        doc.subtitle
    );
    let all = text(&doc);
    assert!(
        all.contains("Đã ký 20 kế hoạch phối hợp với 20/20 đơn vị."),
        "{all}"
    );
    assert!(all.contains("Giai đoạn tới thực hiện Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022, đang có hiệu lực, ký ngày 02/04/2018."), "{all}");
    assert!(all.contains("Số kế hoạch | 20 | 20 | 20 | 20 | 20"));
}

#[test]
fn the_document_has_the_decrees_parts_tables_and_closing() {
    let data = sample_dataset();
    let a = data.agreements.get(&regulation_2018_2022_id()).unwrap();
    let r = period_report(&data, a, Scope::Period, d(2026, 12, 4));
    let doc = document(&data, a, &r);
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "I. ĐẶC ĐIỂM TÌNH HÌNH",
            "II. KẾT QUẢ THỰC HIỆN",
            "III. ĐÁNH GIÁ CHUNG",
            "IV. BÀI HỌC KINH NGHIỆM",
            "V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI",
            "VI. KIẾN NGHỊ, ĐỀ XUẤT",
        ]
    );
    let all = text(&doc);
    assert!(all.contains("Ngày 02/04/2018, tại Trung tâm Hội nghị tỉnh Trà Vinh, Ủy ban nhân dân tỉnh Trà Vinh và Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Trà Vinh ký kết"), "{all}");
    assert!(
        all.contains("đã thực hiện 4/5 năm (2018, 2019, 2020 và 2022); không tổ chức năm 2021."),
        "{all}"
    );
    assert!(all.contains("Tổng số 5 kiến nghị; đã giải quyết 1; không chấp nhận 1; đang giải quyết, chưa trả lời 3, trong đó 3 kiến nghị quá hạn (tính đến ngày 04/12/2026)."));
    assert!(all.contains("Tổng cộng | 5 | 1 | 1 | 3 | 3"));
    assert!(all.contains("Ghi chú: kiến nghị gửi nhiều cơ quan"));
    assert!(
        all.contains("Đề nghị các cơ quan, đơn vị giải quyết dứt điểm 3 kiến nghị còn tồn đọng:")
    );
    assert!(all.trim_end().ends_with("./."));
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::ToFill(h) if h == "Bài học kinh nghiệm")));
    assert_eq!(doc.signature.authority, "TM. ỦY BAN NHÂN DÂN TỈNH TRÀ VINH");
    assert_eq!(doc.signature.name, "Đồng Văn Lâm");
    assert_eq!(doc.recipients.last().unwrap(), "- Lưu: VT.");
    assert!(doc.recipients[0].contains("Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Trà Vinh"));
}

#[test]
fn the_yearly_report_covers_its_year_and_names_a_missed_session() {
    let data = sample_dataset();
    let a = data.agreements.get(&regulation_2018_2022_id()).unwrap();
    let r2020 = period_report(&data, a, Scope::Year(2020), d(2026, 12, 4));
    assert_eq!(r2020.dated, d(2020, 12, 8), "dated at the year's session");
    assert_eq!(r2020.events.len(), 1);
    assert_eq!(r2020.recommendations.total.raised, 2);
    // As of 08/12/2020 neither 2020 recommendation was past its deadline.
    assert_eq!(r2020.recommendations.total.overdue, 0);
    assert_eq!(r2020.areas[0].years.len(), 1);
    let doc = document(&data, a, &r2020);
    assert_eq!(
        doc.subtitle,
        format!("Kết quả thực hiện {} năm 2020", a.title)
    );
    let all = text(&doc);
    assert!(all.starts_with("I. KẾT QUẢ THỰC HIỆN NĂM 2020"));
    assert!(
        all.contains("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021"),
        "{all}"
    );

    let r2021 = period_report(&data, a, Scope::Year(2021), d(2026, 12, 4));
    assert_eq!(r2021.dated, d(2026, 12, 4));
    assert!(r2021.events.is_empty());
    let all = text(&document(&data, a, &r2021));
    assert!(
        all.contains("đã thực hiện 0/1 năm; không tổ chức năm 2021."),
        "{all}"
    );
}

#[test]
fn the_docx_opens_as_a_word_document_with_headings_and_tables() {
    let data = sample_dataset();
    let a = data.agreements.get(&regulation_2013_2017_id()).unwrap();
    let doc = document(
        &data,
        a,
        &period_report(&data, a, Scope::Period, d(2026, 12, 4)),
    );
    let bytes = crate::exchange::export::docx::report_docx(&doc).unwrap();
    let xml = crate::exchange::export::tests::part(&bytes, "word/document.xml");
    assert!(xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(xml.contains("Độc lập - Tự do - Hạnh phúc"));
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading1" />"#)
            || xml.contains(r#"<w:pStyle w:val="Heading1"/>"#),
        "real headings"
    );
    assert!(
        xml.matches("<w:tbl>").count() >= 5,
        "heading, tables, closing"
    );
    assert!(xml.contains("Nơi nhận:"));
    assert!(xml.contains("Số: …/BC-UBND"));
    let styles = crate::exchange::export::tests::part(&bytes, "word/styles.xml");
    assert!(styles.contains("heading 1"));
}
