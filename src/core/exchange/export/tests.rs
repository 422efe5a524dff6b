use std::io::Read;

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::records::recommendation::RecommendationStatus;
use crate::records::record::Record;
use crate::records::workspace::{Dataset, Stamp};
use crate::rules::status::statuses;
use crate::sample_data::sample::{
    regulation_2013_2017_id, regulation_2018_2022_id, sample_dataset,
};
use crate::views::listing::{self, AgreementQuery, EventQuery, RecommendationQuery};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

/// Words as their debug form: the tests see which word went where.
fn words(w: Word) -> String {
    match w {
        Word::CalendarDeadline(s) => format!("Hạn: {s}"),
        Word::CalendarReminder(s) => format!("Nhắc: {s}"),
        other => format!("{other:?}"),
    }
}

/// A file of a zip archive (xlsx, docx), as text.
pub(crate) fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut file = archive.by_name(name).expect(name);
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

fn hostile(data: &mut Dataset) -> crate::records::meta::Id {
    let id = crate::sample_data::sample::regulation_2018_2022_id();
    let mut a = data.agreements.get(&id).unwrap().clone();
    a.number = "=HYPERLINK(\"http://x\",\"y\")".into();
    a.title = "+cmd|' /C calc'!A0; \"Quy chế\", dòng 1\r\ndòng 2".into();
    let stamp = Stamp {
        office: crate::sample_data::sample::sample_office_id(),
        now: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    };
    data.commit(a, stamp);
    id
}

#[test]
fn file_names_are_safe_everywhere() {
    let d = today();
    assert_eq!(
        file_name("Kiến nghị", d, "csv"),
        "phoihop-kien-nghi-2026-12-04.csv"
    );
    assert_eq!(
        file_name("Đoàn TNCS / \"Hồ Chí Minh\" <CON>: *?", d, "xlsx"),
        "phoihop-doan-tncs-ho-chi-minh-con-2026-12-04.xlsx"
    );
    assert_eq!(file_name("", d, "ics"), "phoihop-2026-12-04.ics");
    assert_eq!(
        file_name("../../etc/passwd", d, "docx"),
        "phoihop-etc-passwd-2026-12-04.docx"
    );
    let long = file_name(&"Quy chế phối hợp ".repeat(20), d, "docx");
    assert!(long.len() <= 90, "{long}");
    assert!(long
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
}

#[test]
fn formulas_are_recognised() {
    for f in ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
        assert!(looks_like_formula(f), "{f:?}");
    }
    for t in ["Quy chế", "2018 - 2022", "", " =x"] {
        assert!(!looks_like_formula(t), "{t:?}");
    }
}

#[test]
fn the_register_table_has_typed_cells_in_the_order_found() {
    let data = sample_dataset();
    let hay = listing::agreement_haystacks(&data);
    let query = AgreementQuery {
        text: "2018".into(),
        ..AgreementQuery::default()
    };
    let found = listing::find_agreements(&data, &hay, &query, &statuses(&data, today()));
    let t = tables::agreements(&data, &found, today(), &words);
    assert_eq!(t.sheet, "Sheet(Agreements)");
    assert_eq!(t.columns[0], "Column(Number)");
    assert_eq!(t.rows.len(), found.len());
    let row = t
        .rows
        .iter()
        .find(|r| r[1] == Cell::Text(found[0].title.clone()))
        .unwrap();
    assert!(row.contains(&Cell::Date(NaiveDate::from_ymd_opt(2018, 4, 2).unwrap())));
    let reg = t
        .rows
        .iter()
        .find(|r| matches!(&r[1], Cell::Text(s) if s.contains("2018 - 2022")))
        .unwrap();
    assert_eq!(reg[9], Cell::Number(0.0), "no plans under 2018–2022");
    assert!(matches!(&reg[3], Cell::Text(s) if s.contains("Ủy ban nhân dân tỉnh Trà Vinh")));
}

#[test]
fn the_recommendations_table_says_days_overdue_and_the_event() {
    let data = sample_dataset();
    let query = RecommendationQuery {
        status: Some(RecommendationStatus::Open),
        ..RecommendationQuery::default()
    };
    let found = listing::find_recommendations_matching(&data, &query);
    assert_eq!(found.len(), 2);
    let t = tables::recommendations(&data, &found, today(), &words);
    let first = &t.rows[0];
    assert_eq!(
        first[7],
        Cell::Date(NaiveDate::from_ymd_opt(2021, 3, 31).unwrap())
    );
    let days = (today() - NaiveDate::from_ymd_opt(2021, 3, 31).unwrap()).num_days();
    assert_eq!(first[9], Cell::Number(days as f64));
    assert!(
        matches!(&first[3], Cell::Text(s) if s.contains("năm 2020")),
        "{:?}",
        first[3]
    );
    assert!(
        matches!(&first[4], Cell::Text(s) if s.contains("Nội vụ")),
        "{:?}",
        first[4]
    );
}

#[test]
fn xlsx_keeps_types_freezes_the_header_and_neutralises_formulas() {
    let mut data = sample_dataset();
    hostile(&mut data);
    let hay = listing::agreement_haystacks(&data);
    let found = listing::find_agreements(
        &data,
        &hay,
        &AgreementQuery::default(),
        &statuses(&data, today()),
    );
    let t = tables::agreements(&data, &found, today(), &words);
    let bytes = xlsx::workbook(
        &[t.clone()],
        DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    )
    .unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains(&format!(r#"<autoFilter ref="A1:J{}"/>"#, t.rows.len() + 1)));
    assert!(sheet.contains("<cols>"));
    // No formula anywhere: hostile text is a shared string.
    assert!(!sheet.contains("<f>"));
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(
        strings.contains(r#"=HYPERLINK("http://x","y")"#),
        "{strings}"
    );
    assert!(strings.contains("Ủy ban nhân dân tỉnh Trà Vinh"));
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"quotePrefix="1""#));
    assert!(styles.contains(r#"formatCode="dd/mm/yyyy""#));
    // The signing date 02/04/2018 is a number (Excel's serial 43192) in a date style.
    assert!(sheet.contains("<v>43192</v>"), "a date serial");
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains(r#"name="Sheet(Agreements)""#));
}

#[test]
fn sheet_names_are_what_excel_accepts() {
    assert_eq!(
        xlsx::sheet_name("Kế hoạch [2018/2022]: *?", &[]),
        "Kế hoạch  2018 2022"
    );
    let long = "Kết quả theo nội dung phối hợp của quy chế";
    assert_eq!(xlsx::sheet_name(long, &[]).chars().count(), 31);
    let used = vec![xlsx::sheet_name(long, &[])];
    let second = xlsx::sheet_name(long, &used);
    assert!(
        second.ends_with(" (2)") && second.chars().count() <= 31,
        "{second}"
    );
    assert_eq!(xlsx::sheet_name("''", &[]), "Sheet");
}

#[test]
fn csv_has_a_bom_crlf_quotes_and_no_formulas() {
    let mut data = sample_dataset();
    hostile(&mut data);
    let hay = listing::agreement_haystacks(&data);
    let found = listing::find_agreements(
        &data,
        &hay,
        &AgreementQuery::default(),
        &statuses(&data, today()),
    );
    let t = tables::agreements(&data, &found, today(), &words);
    let bytes = csv::csv(&t);
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    assert!(
        text.contains(r#""'=HYPERLINK(""http://x"",""y"")""#),
        "{text}"
    );
    assert!(text.contains("\"'+cmd|' /C calc'!A0; \"\"Quy chế\"\", dòng 1\r\ndòng 2\""));
    assert!(text.contains(",\"02/04/2018\","), "dates dd/mm/yyyy");
    assert!(text.lines().next().unwrap().contains("\"Column(Title)\""));
}

fn ics_lines(text: &str) -> Vec<&str> {
    assert!(text.ends_with("\r\n"));
    let body = &text[..text.len() - 2];
    assert!(
        !body.replace("\r\n", "").contains('\n') && !body.replace("\r\n", "").contains('\r'),
        "CRLF only"
    );
    body.split("\r\n").collect()
}

/// Unfolded content lines.
fn unfolded(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in ics_lines(text) {
        match line.strip_prefix(' ') {
            Some(rest) => out.last_mut().unwrap().push_str(rest),
            None => out.push(line.to_string()),
        }
    }
    out
}

#[test]
fn the_calendar_is_folded_escaped_and_in_vietnams_zone() {
    let mut data = sample_dataset();
    hostile(&mut data);
    // Spaces and Vietnamese letters fall on every octet of the fold.
    let event = data.events.iter_live().next().unwrap().clone();
    for k in 0..80 {
        let mut e = event.clone();
        e.meta.id = uuid::Uuid::from_u128(1000 + k as u128);
        e.title = format!("{}90 days left: Kế hoạch phối hợp giữa Tỉnh Đoàn và Sở Kế hoạch và Đầu tư giai đoạn 2013 - 2017 ends on 31/12/2017", "x".repeat(k));
        data.events.put(e);
    }
    let text = ics::calendar(&data, None, today(), &words);
    for line in ics_lines(&text) {
        assert!(
            line.len() <= 75,
            "folded at 75 octets: {line:?} ({})",
            line.len()
        );
    }
    let lines = unfolded(&text);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 1);
    let tz = lines.iter().position(|l| l == "BEGIN:VTIMEZONE").unwrap();
    let first_event = lines.iter().position(|l| l == "BEGIN:VEVENT").unwrap();
    assert!(tz < first_event);
    assert!(
        lines.contains(&"DTSTART;TZID=Asia/Ho_Chi_Minh:20180402T080000".to_string()),
        "{lines:#?}"
    );
    assert!(lines.contains(&"DTEND;TZID=Asia/Ho_Chi_Minh:20180402T100000".to_string()));
    // Escaped: ; , \ and line breaks inside the hostile title (in the events' descriptions).
    assert!(
        lines
            .iter()
            .any(|l| l.contains(r#"+cmd|' /C calc'!A0\; "Quy chế"\, dòng 1\ndòng 2"#)),
        "escaped: {lines:#?}"
    );
}

#[test]
fn calendar_entries_keep_their_uid_and_raise_their_sequence_with_each_edit() {
    let mut data = sample_dataset();
    let before = unfolded(&ics::calendar(&data, None, today(), &words));
    let again = unfolded(&ics::calendar(&data, None, today(), &words));
    assert_eq!(before, again, "the same data gives the same file");
    let session = data
        .events
        .iter_live()
        .find(|e| e.title.ends_with("2019"))
        .unwrap()
        .clone();
    let uid = format!("UID:event-{}@phoihop", session.id());
    let entry = |lines: &[String]| -> Vec<String> {
        let at = lines
            .iter()
            .position(|l| *l == uid)
            .expect("the event's entry");
        let start = lines[..at]
            .iter()
            .rposition(|l| l == "BEGIN:VEVENT")
            .unwrap();
        let end = at + lines[at..].iter().position(|l| l == "END:VEVENT").unwrap();
        lines[start..=end].to_vec()
    };
    let old = entry(&before);
    assert!(old.contains(&"SEQUENCE:1".to_string()), "{old:#?}");
    let mut edited = session.clone();
    edited.place = "Hội trường B".into();
    let stamp = Stamp {
        office: crate::sample_data::sample::sample_office_id(),
        now: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    };
    data.commit(edited, stamp);
    let after = unfolded(&ics::calendar(&data, None, today(), &words));
    let new = entry(&after);
    assert!(new.contains(&"SEQUENCE:2".to_string()));
    assert!(new.contains(&"LOCATION:Hội trường B".to_string()));
    assert!(
        new.contains(&"DTSTAMP:20270115T080000Z".to_string()),
        "{new:#?}"
    );
}

/// The entry (BEGIN:VEVENT … END:VEVENT) holding `line`.
fn entry_with<'a>(lines: &'a [String], line: &str) -> &'a [String] {
    let at = lines
        .iter()
        .position(|l| l == line)
        .unwrap_or_else(|| panic!("{line}"));
    let start = lines[..at]
        .iter()
        .rposition(|l| l == "BEGIN:VEVENT")
        .unwrap();
    let end = at + lines[at..].iter().position(|l| l == "END:VEVENT").unwrap();
    &lines[start..=end]
}

#[test]
fn deadlines_sessions_and_endings_are_all_day_with_a_reminder_a_week_before() {
    let data = sample_dataset();
    let reg = regulation_2018_2022_id();
    // As seen in 2022: the agreement is in force, 2021's session was missed.
    let day = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    let lines = unfolded(&ics::calendar(&data, Some(reg), day, &words));
    let count = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
    // One conference + four sessions; five deadlines; five years of the duty; two endings.
    assert_eq!(count("BEGIN:VEVENT"), 5 + 5 + 5 + 2);
    let duty = data.agreements.get(&reg).unwrap().duties[0].id;
    let missed = format!("UID:duty-{reg}-{duty}-2021@phoihop");
    let entry = entry_with(&lines, &missed);
    assert!(
        entry.iter().any(|l| *l == "DTSTART;VALUE=DATE:20211231"),
        "{entry:#?}"
    );
    assert!(entry.iter().any(|l| *l == "STATUS:CONFIRMED"));
    assert!(entry.iter().any(|l| l == "TRIGGER:-P7D"), "{entry:#?}");
    let held = format!("UID:duty-{reg}-{duty}-2019@phoihop");
    let entry = entry_with(&lines, &held);
    assert!(
        entry.iter().any(|l| *l == "STATUS:CANCELLED"),
        "held: its expectation is cancelled"
    );
    assert!(!entry.iter().any(|l| *l == "BEGIN:VALARM"));
    let ending = format!("UID:ending-{reg}-90@phoihop");
    let entry = entry_with(&lines, &ending);
    assert!(
        entry.iter().any(|l| *l == "DTSTART;VALUE=DATE:20221002"),
        "{entry:#?}"
    );
    // Settled deadlines are cancelled, pending ones confirmed.
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("SUMMARY:Hạn: "))
            .count(),
        5
    );
    // Only this agreement's: the 2013–2017 plans' and nothing else.
    assert!(
        !lines
            .iter()
            .any(|l| l.contains(&regulation_2013_2017_id().to_string())
                && l.starts_with("UID:ending"))
    );
}

#[test]
fn agreement_tables_cover_matrix_duties_and_results() {
    let data = sample_dataset();
    let old = data.agreements.get(&regulation_2013_2017_id()).unwrap();
    let tables = tables::agreement_tables(&data, old, today(), &words);
    assert_eq!(tables.len(), 3);
    let matrix = &tables[0];
    assert_eq!(matrix.columns.len(), 1 + 5 + 1);
    assert_eq!(matrix.rows.len(), 20 + 1);
    let total = matrix.rows.last().unwrap();
    assert_eq!(total[1], Cell::Number(20.0));
    assert_eq!(total[6], Cell::Number(20.0));
    let new = data.agreements.get(&regulation_2018_2022_id()).unwrap();
    let tables = tables::agreement_tables(&data, new, today(), &words);
    let duties = &tables[1];
    assert_eq!(duties.rows.len(), 5);
    assert_eq!(duties.rows[3][4], Cell::Text("Occurrence(Overdue)".into()));
    let results = &tables[2];
    assert_eq!(results.rows.len(), 10 * 5);
    assert_eq!(results.rows[0][2], Cell::Text("Area(Done)".into()));
    let bytes = xlsx::workbook(&tables, DateTime::from_timestamp(0, 0).unwrap()).unwrap();
    assert!(part(&bytes, "xl/workbook.xml").contains("Sheet(Results)"));
}

#[test]
fn events_and_directory_tables() {
    let data = sample_dataset();
    let found = listing::find_events(&data, &EventQuery::default());
    let t = tables::events(&data, &found, &words);
    assert_eq!(t.rows.len(), 5);
    assert!(matches!(t.rows.last().unwrap()[0], Cell::DateTime(_)));
    assert_eq!(t.rows.last().unwrap()[5], Cell::Number(200.0));
    let orgs = listing::find_organisations(&data, "sở");
    let t = tables::organisations(&data, &orgs, &words);
    assert_eq!(t.rows.len(), orgs.len());
    let people = listing::find_people(&data, "");
    let t = tables::people(&data, &people, &words);
    let lam = t
        .rows
        .iter()
        .find(|r| r[0] == Cell::Text("Đồng Văn Lâm".into()))
        .unwrap();
    assert_eq!(lam[2], Cell::Number(1.0));
    assert!(data.organisations.iter_live().count() > 0);
    let _ = data.agreements.iter_live().map(|a| a.id());
}

#[test]
fn organisations_are_named_with_their_province_in_the_files() {
    let data = sample_dataset();
    // The directory's sheet has the province in a column of its own.
    let orgs = listing::find_organisations(&data, "Sở Y tế");
    let t = tables::organisations(&data, &orgs, &words);
    assert_eq!(t.columns[2], "Column(Locality)");
    let health = t
        .rows
        .iter()
        .find(|r| r[0] == Cell::Text("Sở Y tế".into()))
        .expect("the sample's Sở Y tế");
    assert_eq!(health[2], Cell::Text("Trà Vinh".into()));
    // Wherever else an organisation is named, its province follows the name (unless the name
    // already says it: "Ủy ban nhân dân tỉnh Trà Vinh" stays as it is).
    let regulation = data.agreements.get(&regulation_2018_2022_id()).unwrap();
    let matrix = tables::plan_matrix_table(&data, regulation, today(), &words);
    let departments: Vec<&Cell> = matrix.rows.iter().map(|r| &r[0]).collect();
    assert!(
        departments.contains(&&Cell::Text("Sở Y tế (Trà Vinh)".into())),
        "{departments:?}"
    );
    let register: Vec<_> = data.agreements.iter_live().collect();
    let t = tables::agreements(&data, &register, today(), &words);
    let parties: Vec<&str> = t
        .rows
        .iter()
        .filter_map(|r| match &r[3] {
            Cell::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .flat_map(|t| t.split("; "))
        .collect();
    assert!(parties.contains(&"Sở Y tế (Trà Vinh)"), "{parties:?}");
    assert!(
        parties.contains(&"Ủy ban nhân dân tỉnh Trà Vinh"),
        "{parties:?}"
    );
    assert!(!parties.contains(&"Sở Y tế"), "{parties:?}");
}
