//! Tables as an Excel workbook (rust_xlsxwriter): one sheet per table, a bold frozen header row
//! with an autofilter, widths from the content, dates as dates shown dd/mm/yyyy, counts as
//! numbers, and text that looks like a formula kept as text (quote prefix).

use chrono::{DateTime, Datelike, Timelike, Utc};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{looks_like_formula, Cell, Table};

/// Excel's limits: 31 characters for a sheet name, 32,767 for a cell's text.
const SHEET_NAME_MAX: usize = 31;
const CELL_TEXT_MAX: usize = 32_767;
/// Column widths in characters.
const WIDTH_MIN: usize = 8;
const WIDTH_MAX: usize = 60;

/// The workbook of `tables`, stamped as created at `created`.
pub fn workbook(tables: &[Table], created: DateTime<Utc>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let stamp = ExcelDateTime::from_ymd(
        created.year() as u16,
        created.month() as u8,
        created.day() as u8,
    )?
    .and_hms(
        created.hour() as u16,
        created.minute() as u8,
        created.second(),
    )?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&stamp));
    let mut used = Vec::new();
    for table in tables {
        let name = sheet_name(&table.sheet, &used);
        used.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        write_table(sheet, table)?;
    }
    book.save_to_buffer()
}

fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xDDE7F0)
        .set_border_bottom(FormatBorder::Thin);
    let text = Format::new().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let quoted = Format::new().set_align(FormatAlign::Top).set_quote_prefix();
    let quoted_wrapped = quoted.clone().set_text_wrap();
    let date = Format::new()
        .set_align(FormatAlign::Top)
        .set_num_format("dd/mm/yyyy");
    let date_time = Format::new()
        .set_align(FormatAlign::Top)
        .set_num_format("dd/mm/yyyy hh:mm");
    let number = Format::new().set_align(FormatAlign::Top);

    let widths = widths(table);
    for (c, title) in table.columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, clip(title), &header)?;
        sheet.set_column_width(c, widths[c as usize] as f64)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c16 = c as u16;
            let wide = widths.get(c).is_some_and(|w| *w >= WIDTH_MAX);
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    let format = match (looks_like_formula(s), wide) {
                        (true, true) => &quoted_wrapped,
                        (true, false) => &quoted,
                        (false, true) => &wrapped,
                        (false, false) => &text,
                    };
                    sheet.write_string_with_format(r, c16, clip(s), format)?;
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(r, c16, *n, &number)?;
                }
                Cell::Date(d) => {
                    let day =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    sheet.write_date_with_format(r, c16, &day, &date)?;
                }
                Cell::DateTime(t) => {
                    let at =
                        ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)?
                            .and_hms(t.hour() as u16, t.minute() as u8, t.second())?;
                    sheet.write_datetime_with_format(r, c16, &at, &date_time)?;
                }
            }
        }
    }
    if !table.columns.is_empty() {
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(
            0,
            0,
            table.rows.len() as u32,
            table.columns.len() as u16 - 1,
        )?;
    }
    Ok(())
}

/// Text within Excel's limit for a cell (longer text is cut: a cell cannot hold it).
fn clip(text: &str) -> &str {
    if text.chars().count() <= CELL_TEXT_MAX {
        return text;
    }
    let end = text
        .char_indices()
        .nth(CELL_TEXT_MAX)
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Each column's width in characters: its longest value (or title word), within bounds.
fn widths(table: &Table) -> Vec<usize> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(c, title)| {
            let title_word = title.split_whitespace().map(|w| w.chars().count()).max();
            let longest = table
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| match cell {
                    Cell::Date(_) => 10,
                    Cell::DateTime(_) => 16,
                    other => other.as_text().chars().count(),
                })
                .chain(title_word)
                .max()
                .unwrap_or(0);
            (longest + 2).clamp(WIDTH_MIN, WIDTH_MAX)
        })
        .collect()
}

/// A sheet name Excel accepts: no `[]:*?/\`, no apostrophe at either end, at most 31
/// characters, unique in the workbook (case-insensitively).
pub fn sheet_name(wanted: &str, used: &[String]) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base: String = if cleaned.is_empty() {
        "Sheet".into()
    } else {
        cleaned.chars().take(SHEET_NAME_MAX).collect()
    };
    let taken = |n: &str| used.iter().any(|u| u.to_lowercase() == n.to_lowercase());
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|i| {
            let suffix = format!(" ({i})");
            let keep = SHEET_NAME_MAX - suffix.chars().count();
            format!(
                "{}{suffix}",
                base.chars().take(keep).collect::<String>().trim_end()
            )
        })
        .find(|n| !taken(n))
        .expect("a free name")
}
