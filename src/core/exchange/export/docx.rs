//! The period report as a Word document (docx-rs) that Word and LibreOffice open for editing:
//! A4 with the decree's margins, Times New Roman 13 pt, the heading as a borderless two-column
//! table, real heading styles ("Heading 1/2", so the navigation pane and a table of contents
//! see the parts), paragraphs justified with a first-line indent, bordered tables with a header
//! row repeated on each page, and "Nơi nhận" beside the signature block.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Style, StyleType, Table, TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use crate::views::report::document::{dots, Block, DocTable, ReportDocument, KIND};

const FONT: &str = "Times New Roman";
/// Sizes in half-points.
const BODY: usize = 26;
const SMALL: usize = 24;
const TITLE: usize = 28;
/// The text width of A4 less the margins (30 mm left, 15 mm right), in twentieths of a point.
const TEXT_WIDTH: usize = 9354;
const FIRST_LINE: i32 = 567;
/// Underlined no-break spaces: the short rule under the issuing body and the title.
const RULE: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn run(text: &str) -> Run {
    Run::new().add_text(text)
}

fn centred(run: Run) -> Paragraph {
    Paragraph::new()
        .add_run(run)
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

fn rule() -> Paragraph {
    centred(Run::new().add_text(RULE).underline("single").size(SMALL))
}

fn borderless(cells: Vec<TableCell>, widths: &[usize]) -> Table {
    Table::without_borders(vec![TableRow::new(cells)])
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn head(doc: &ReportDocument) -> Table {
    let left_width = TEXT_WIDTH * 42 / 100;
    let mut left = TableCell::new().width(left_width, WidthType::Dxa);
    for issuer in &doc.head.issuers {
        left = left.add_paragraph(centred(run(issuer).bold().size(SMALL)));
    }
    left = left
        .add_paragraph(rule())
        .add_paragraph(centred(run(&doc.head.number)));
    let right = TableCell::new()
        .width(TEXT_WIDTH - left_width, WidthType::Dxa)
        .add_paragraph(centred(
            run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold().size(SMALL),
        ))
        .add_paragraph(centred(
            run("Độc lập - Tự do - Hạnh phúc")
                .bold()
                .underline("single"),
        ))
        .add_paragraph(centred(run("")))
        .add_paragraph(centred(run(&doc.head.place_and_date).italic()));
    borderless(vec![left, right], &[left_width, TEXT_WIDTH - left_width])
}

fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text))
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(0).after(120))
}

/// Column widths: each at least its longest word (a number, a date, "TT"), the rest of the text
/// width shared by how much longer each column's text runs.
fn grid(table: &DocTable) -> Vec<usize> {
    /// About one character of 12 pt Times New Roman, and a cell's margins (108 each side), in
    /// twentieths of a point.
    const CHAR: usize = 150;
    const MARGINS: usize = 280;
    let columns = table.header.len().max(1);
    let texts = |c: usize| {
        table
            .rows
            .iter()
            .filter_map(move |r| r.get(c))
            .chain(table.header.get(c))
    };
    let word = |c: usize| {
        texts(c)
            .flat_map(|t| t.split_whitespace())
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
    };
    let longest = |c: usize| {
        texts(c)
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(1)
            .min(60)
    };
    let minimum: Vec<usize> = (0..columns).map(|c| word(c) * CHAR + MARGINS).collect();
    let total: usize = minimum.iter().sum();
    if total >= TEXT_WIDTH {
        return minimum.iter().map(|m| m * TEXT_WIDTH / total).collect();
    }
    let extra: Vec<usize> = (0..columns)
        .map(|c| longest(c).saturating_sub(word(c)))
        .collect();
    let extra_sum: usize = extra.iter().sum::<usize>().max(1);
    let spare = TEXT_WIDTH - total;
    minimum
        .iter()
        .zip(&extra)
        .map(|(m, e)| m + spare * e / extra_sum)
        .collect()
}

fn table(t: &DocTable) -> Table {
    let widths = grid(t);
    let cell = |text: &str, width: usize, bold: bool, centre: bool| {
        let mut r = run(text).size(SMALL);
        if bold {
            r = r.bold();
        }
        let p = Paragraph::new()
            .add_run(r)
            .align(if centre {
                AlignmentType::Center
            } else {
                AlignmentType::Left
            })
            .line_spacing(LineSpacing::new().before(0).after(0));
        TableCell::new()
            .add_paragraph(p)
            .width(width, WidthType::Dxa)
            .vertical_align(VAlignType::Center)
    };
    let numeric = |text: &str| text.len() <= 8 && !text.is_empty();
    let header = TableRow::new(
        t.header
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(h, *w, true, true))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for (i, row) in t.rows.iter().enumerate() {
        let bold = t.total && i + 1 == t.rows.len();
        rows.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(text, w)| cell(text, *w, bold, numeric(text) && !text.contains(' ')))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn closing(doc: &ReportDocument) -> Table {
    let left_width = TEXT_WIDTH * 45 / 100;
    let mut left = TableCell::new()
        .width(left_width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(run("Nơi nhận:").bold().italic().size(SMALL)));
    for r in &doc.recipients {
        left = left.add_paragraph(
            Paragraph::new()
                .add_run(run(r).size(22))
                .line_spacing(LineSpacing::new().before(0).after(0)),
        );
    }
    let s = &doc.signature;
    let mut right = TableCell::new().width(TEXT_WIDTH - left_width, WidthType::Dxa);
    for line in [&s.authority, &s.position] {
        if !line.is_empty() {
            right = right.add_paragraph(centred(run(line).bold()));
        }
    }
    for _ in 0..4 {
        right = right.add_paragraph(centred(run("")));
    }
    right = right.add_paragraph(centred(run(&s.name).bold().size(TITLE)));
    borderless(vec![left, right], &[left_width, TEXT_WIDTH - left_width])
}

/// A heading style Word and LibreOffice know by name ("heading 1" is Word's own).
fn heading_style(id: &str, name: &str, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .bold()
        .size(BODY)
        .fonts(fonts())
        .color("000000")
        .outline_lvl(level)
}

/// The report's .docx.
pub fn report_docx(doc: &ReportDocument) -> Result<Vec<u8>, String> {
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1701)
                .right(850),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .add_style(heading_style("Heading1", "heading 1", 0))
        .add_style(heading_style("Heading2", "heading 2", 1))
        .add_table(head(doc))
        .add_paragraph(centred(run("")))
        .add_paragraph(centred(run(KIND).bold().size(TITLE)))
        .add_paragraph(centred(run(&doc.subtitle).bold().size(TITLE)))
        .add_paragraph(rule())
        .add_paragraph(centred(run("")));
    for block in &doc.blocks {
        d = match block {
            Block::Heading { level, text } => d.add_paragraph(
                Paragraph::new()
                    .add_run(run(text))
                    .style(if *level <= 1 { "Heading1" } else { "Heading2" })
                    .keep_next(true)
                    .indent(
                        None,
                        Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                        None,
                        None,
                    )
                    .line_spacing(LineSpacing::new().before(120).after(120)),
            ),
            Block::Paragraph(text) => d.add_paragraph(body(text)),
            Block::ToFill(hint) => d
                .add_paragraph(
                    Paragraph::new()
                        .add_run(run(&format!("({hint})")).italic())
                        .indent(
                            None,
                            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                            None,
                            None,
                        ),
                )
                .add_paragraph(body(dots()))
                .add_paragraph(body(dots())),
            Block::Table(t) => d
                .add_table(table(t))
                .add_paragraph(Paragraph::new().line_spacing(LineSpacing::new().after(0))),
        };
    }
    d = d.add_paragraph(centred(run(""))).add_table(closing(doc));
    let mut out = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
