//! A table as CSV for the office's own templates: UTF-8 with a byte-order mark (so Excel reads
//! Vietnamese correctly), comma-separated, CRLF line ends, every text field quoted (RFC 4180),
//! dates dd/mm/yyyy, and text a spreadsheet would take for a formula given an apostrophe.

use super::{looks_like_formula, Cell, Table};

const BOM: &str = "\u{feff}";

pub fn csv(table: &Table) -> Vec<u8> {
    let mut out = String::from(BOM);
    let header: Vec<String> = table.columns.iter().map(|c| quoted(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let fields: Vec<String> = row.iter().map(field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(_) => cell.as_text(),
        other => quoted(&other.as_text()),
    }
}

/// A quoted field: quotes doubled, line breaks kept as CRLF inside the quotes, and an apostrophe
/// before text that starts like a formula.
fn quoted(text: &str) -> String {
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n");
    let neutral = if looks_like_formula(&text) {
        format!("'{text}")
    } else {
        text
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}
