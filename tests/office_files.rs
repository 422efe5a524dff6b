//! The office files of the sample, in both languages, worded by the real translation files:
//! every word an export uses must render (else this fails), and the files are left in
//! `$OFFICE_FILES_DIR` (default: the target's tmp dir) for scripts/check-office-files.py, which
//! opens them with LibreOffice, openpyxl, icalendar and python-docx (scripts/test.sh, phase
//! "office files"). The sample gets one hostile record: a number and a title that a
//! spreadsheet would run as formulas, with quotes, commas, semicolons and a line break.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use phoihop::core::exchange::export::{self, csv, docx, ics, tables, xlsx, Word, Words};
use phoihop::core::records::workspace::{Dataset, Stamp};
use phoihop::core::sample_data::sample;
use phoihop::core::views::listing::{self, AgreementQuery, EventQuery, RecommendationQuery};
use phoihop::core::views::report::{self, Scope};

mod fluent {
    use phoihop::core::exchange::import::{Arg, Message};
    use phoihop::core::views::numbers::format_number;
    include!("support/fluent.rs");
}

const LANGUAGES: [&str; 2] = ["vi", "en"];
pub const HOSTILE_NUMBER: &str = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào\")";
pub const HOSTILE_TITLE: &str = "+cmd|' /C calc'!A0; \"Quy chế\", thử\nhai dòng";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

struct Fluent(fluent_bundle::FluentBundle<fluent_bundle::FluentResource>);

impl Words for Fluent {
    fn word(&self, word: Word) -> String {
        fluent::render_message(&self.0, &word.message())
    }
}

fn dir() -> PathBuf {
    std::env::var_os("OFFICE_FILES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("office-files"))
}

/// The sample with a hostile plan: its number and title look like formulas.
fn data() -> Dataset {
    let mut data = sample::sample_dataset();
    let plan = data
        .agreements
        .iter_live()
        .find(|a| a.number == "01/KHPH-TĐ")
        .unwrap()
        .clone();
    let mut hostile = plan;
    hostile.number = HOSTILE_NUMBER.into();
    hostile.title = HOSTILE_TITLE.into();
    let stamp = Stamp {
        office: sample::sample_office_id(),
        now: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    };
    data.commit(hostile, stamp);
    data
}

#[test]
fn every_word_of_the_exports_renders_in_both_languages() {
    for language in LANGUAGES {
        let words = Fluent(fluent::bundle(language));
        for word in Word::every() {
            let text = words.word(word.clone());
            assert!(!text.trim().is_empty(), "{language}: {word:?}");
        }
    }
}

#[test]
fn the_sample_files_are_written_for_the_office_clients() {
    let created = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let data = data();
    let reg_2013 = data
        .agreements
        .get(&sample::regulation_2013_2017_id())
        .unwrap();
    let reg_2018 = data
        .agreements
        .get(&sample::regulation_2018_2022_id())
        .unwrap();
    for language in LANGUAGES {
        let words = Fluent(fluent::bundle(language));
        let out = dir().join(language);
        std::fs::create_dir_all(&out).unwrap();
        let write = |name: &str, bytes: &[u8]| std::fs::write(out.join(name), bytes).unwrap();

        let hay = listing::agreement_haystacks(&data);
        let register = listing::find_agreements(
            &data,
            &hay,
            &AgreementQuery::default(),
            &phoihop::core::rules::status::statuses(&data, today()),
        );
        let register = tables::agreements(&data, &register, today(), &words);
        write(
            "agreements.xlsx",
            &xlsx::workbook(&[register.clone()], created).unwrap(),
        );
        write("agreements.csv", &csv::csv(&register));

        let events = listing::find_events(&data, &EventQuery::default());
        write(
            "events.xlsx",
            &xlsx::workbook(&[tables::events(&data, &events, &words)], created).unwrap(),
        );
        let recs = listing::find_recommendations_matching(&data, &RecommendationQuery::default());
        let recs = tables::recommendations(&data, &recs, today(), &words);
        write(
            "recommendations.xlsx",
            &xlsx::workbook(&[recs.clone()], created).unwrap(),
        );
        write("recommendations.csv", &csv::csv(&recs));
        let directory = [
            tables::organisations(&data, &listing::find_organisations(&data, ""), &words),
            tables::people(&data, &listing::find_people(&data, ""), &words),
        ];
        write(
            "directory.xlsx",
            &xlsx::workbook(&directory, created).unwrap(),
        );
        for (name, a) in [
            ("agreement-2013-2017", reg_2013),
            ("agreement-2018-2022", reg_2018),
        ] {
            let sheets = tables::agreement_tables(&data, a, today(), &words);
            write(
                &format!("{name}.xlsx"),
                &xlsx::workbook(&sheets, created).unwrap(),
            );
        }
        // As seen in mid-2022: the period runs, its end is near, 2021's session was missed.
        let mid_2022 = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
        write(
            "calendar.ics",
            ics::calendar(&data, None, mid_2022, &words).as_bytes(),
        );
        write(
            "calendar-2018-2022.ics",
            ics::calendar(&data, Some(reg_2018.meta.id), mid_2022, &words).as_bytes(),
        );
        assert!(export::file_name("x", today(), "ics").ends_with(".ics"));
    }
    // The report is a Vietnamese document whatever the interface's language: once.
    let out = dir();
    let hostile = serde_json::to_string(&[HOSTILE_NUMBER, HOSTILE_TITLE]).unwrap();
    std::fs::write(out.join("hostile.json"), hostile).unwrap();
    for (name, a, scope) in [
        ("report-2013-2017", reg_2013, Scope::Period),
        ("report-2018-2022", reg_2018, Scope::Period),
        ("report-2018-2022-2021", reg_2018, Scope::Year(2021)),
    ] {
        let model = report::period_report(&data, a, scope, today());
        let doc = report::document::document(&data, a, &model);
        std::fs::write(
            out.join(format!("{name}.docx")),
            docx::report_docx(&doc).unwrap(),
        )
        .unwrap();
    }
}
