//! The report as a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the heading of
//! [`crate::views::document`] (issuing body and number, national name and motto, place and date), the
//! title, numbered parts of headings, paragraphs and tables, then "Nơi nhận" and the signature.
//! Its words are Vietnamese whatever the interface's language, like the printed agreement. What
//! only the office can write (an assessment not recorded yet) is left as a line to fill in.

use super::{Counts, PeriodReport, Scope};
use crate::records::event::{EventKind, EventRole};
use crate::records::model::{Agreement, AgreementKind, OrganisationKind, Status};
use crate::records::workspace::Dataset;
use crate::rules::dates::format_date;
use crate::rules::schedule::{AreaState, OccurrenceState};
use crate::views::document::{place_and_date, signatures, DocumentHead, SignatureColumn};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The last row is a total (bold).
    pub total: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// 1: a part ("I. KẾT QUẢ THỰC HIỆN"), 2: a section ("1. Kết quả theo nội dung").
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// For the office to write: shown as a line of dots with this hint.
    ToFill(String),
    Table(DocTable),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportDocument {
    pub head: DocumentHead,
    /// "Tổng kết thực hiện Quy chế … giai đoạn 2013 - 2017", under "BÁO CÁO".
    pub subtitle: String,
    pub blocks: Vec<Block>,
    pub recipients: Vec<String>,
    pub signature: SignatureColumn,
}

/// The name "BÁO CÁO" is the document's kind (Nghị định 30/2020, phụ lục III).
pub const KIND: &str = "BÁO CÁO";
const DOTS: &str = "…………………………………………………………………………";

fn h1(text: impl Into<String>) -> Block {
    Block::Heading {
        level: 1,
        text: text.into(),
    }
}
fn h2(text: impl Into<String>) -> Block {
    Block::Heading {
        level: 2,
        text: text.into(),
    }
}
fn p(text: impl Into<String>) -> Block {
    Block::Paragraph(text.into())
}

const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/// The numbering of parts: "I. ", "II. "…
struct Parts(usize);
impl Parts {
    fn next(&mut self, title: &str) -> Block {
        let n = ROMAN.get(self.0).copied().unwrap_or("");
        self.0 += 1;
        h1(format!("{n}. {title}"))
    }
}

/// Document code of the issuing body in the number ("Số: …/BC-UBND"): UBND for a People's
/// Committee, else the initials of its short name ("Tỉnh Đoàn" → "TĐ").
fn issuer_code(data: &Dataset, report: &PeriodReport) -> String {
    let Some(org) = report.issuer.and_then(|o| data.organisations.get(&o)) else {
        return "…".into();
    };
    if org.kind == OrganisationKind::PeoplesCommittee {
        return "UBND".into();
    }
    let code: String = org
        .short()
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    if code.is_empty() {
        "…".into()
    } else {
        code
    }
}

fn subject(report: &PeriodReport) -> String {
    let kind = match report.kind {
        AgreementKind::Plan => "Kế hoạch phối hợp",
        _ => "Quy chế phối hợp",
    };
    // "Quy chế phối hợp …" titles already name the document; others are introduced.
    if report.title.is_empty() {
        kind.to_string()
    } else {
        report.title.clone()
    }
}

fn subtitle(report: &PeriodReport) -> String {
    let subject = subject(report);
    match report.scope {
        Scope::Period => {
            let verb = if report.period_ended {
                "Tổng kết"
            } else {
                "Sơ kết"
            };
            let period = if subject.contains("giai đoạn") || report.period_years.is_empty() {
                String::new()
            } else {
                format!(" giai đoạn {}", report.period_years)
            };
            format!("{verb} thực hiện {subject}{period}")
        }
        Scope::Year(y) => format!("Kết quả thực hiện {subject} năm {y}"),
    }
}

fn area_mark(state: AreaState) -> &'static str {
    match state {
        AreaState::Done => "x",
        AreaState::Overdue => "chưa ghi nhận",
        AreaState::Waived => "–",
        AreaState::Pending => "",
    }
}

fn event_kind(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Signing => "Hội nghị ký kết",
        EventKind::AnnualSession => "Buổi làm việc định kỳ",
        EventKind::MidTermReview => "Hội nghị sơ kết",
        EventKind::SummaryConference => "Hội nghị tổng kết",
        EventKind::YouthDialogue => "Đối thoại với thanh niên",
        EventKind::Other => "Sự kiện khác",
    }
}

fn role(role: EventRole) -> &'static str {
    match role {
        EventRole::Signed => "ký kết",
        EventRole::Summarised => "tổng kết",
        EventRole::Reviewed => "đánh giá, kiểm điểm",
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Draft => "đang dự thảo",
        Status::Signed => "đã ký, chưa đến thời gian hiệu lực",
        Status::InForce => "đang có hiệu lực",
        Status::Expired => "đã hết hiệu lực",
        Status::Summarised => "đã tổng kết",
        Status::Terminated => "đã chấm dứt",
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

fn years_list(years: &[i32]) -> String {
    join_and(&years.iter().map(i32::to_string).collect::<Vec<_>>())
}

/// The report as a document, from its model.
pub fn document(data: &Dataset, agreement: &Agreement, report: &PeriodReport) -> ReportDocument {
    let issuer = report
        .issuer
        .map(|o| data.organisation_name(&o).to_uppercase())
        .into_iter()
        .collect();
    let head = DocumentHead {
        issuers: issuer,
        number: format!("Số: …/BC-{}", issuer_code(data, report)),
        place_and_date: place_and_date(&report.signed_place, Some(report.dated)),
        title: KIND.to_string(),
    };
    let mut blocks = Vec::new();
    let mut parts = Parts(0);
    if report.scope == Scope::Period {
        blocks.push(parts.next("ĐẶC ĐIỂM TÌNH HÌNH"));
        blocks.extend(context(report));
        blocks.push(parts.next("KẾT QUẢ THỰC HIỆN"));
    } else {
        blocks.push(parts.next(&format!(
            "KẾT QUẢ THỰC HIỆN NĂM {}",
            report.years.first().copied().unwrap_or_default()
        )));
    }
    blocks.extend(results(report));
    blocks.push(parts.next("ĐÁNH GIÁ CHUNG"));
    let close = report.close_out.clone().unwrap_or_default();
    blocks.push(h2("1. Ưu điểm"));
    blocks.push(text_or_fill(
        &close.achievements,
        "Ưu điểm, kết quả nổi bật",
    ));
    blocks.push(h2("2. Hạn chế, nguyên nhân"));
    blocks.push(text_or_fill(&close.shortcomings, "Hạn chế và nguyên nhân"));
    if report.scope == Scope::Period {
        blocks.push(parts.next("BÀI HỌC KINH NGHIỆM"));
        blocks.push(text_or_fill(&close.lessons, "Bài học kinh nghiệm"));
        blocks.push(parts.next("PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI"));
        if let Some(next) = &report.next {
            let signed = match next.signed_on {
                Some(d) => format!(", ký ngày {}", format_date(d)),
                None => String::new(),
            };
            let number = if next.number.is_empty() {
                String::new()
            } else {
                format!(" (số {})", next.number)
            };
            blocks.push(p(format!(
                "Giai đoạn tới thực hiện {}{number}{}, {}{signed}.",
                next.title,
                if next.title.contains("giai đoạn") || next.years.is_empty() {
                    String::new()
                } else {
                    format!(" giai đoạn {}", next.years)
                },
                status(next.status)
            )));
        }
        blocks.push(text_or_fill(
            &close.next_period,
            "Phương hướng, nhiệm vụ giai đoạn tới",
        ));
    } else {
        let y = report.years.first().copied().unwrap_or_default();
        blocks.push(parts.next(&format!("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {}", y + 1)));
        blocks.push(Block::ToFill("Phương hướng, nhiệm vụ năm tới".into()));
    }
    blocks.push(parts.next("KIẾN NGHỊ, ĐỀ XUẤT"));
    blocks.extend(proposals(report));
    let what = match report.scope {
        Scope::Period if report.period_ended => "báo cáo tổng kết",
        Scope::Period => "báo cáo sơ kết",
        Scope::Year(_) => "báo cáo kết quả",
    };
    blocks.push(p(format!(
        "Trên đây là {what} thực hiện {}./.",
        subject(report)
    )));

    let mut recipients: Vec<String> = report
        .parties
        .iter()
        .filter(|party| !party.lead)
        .map(|party| format!("- {};", party.name))
        .collect();
    if report.plans.as_ref().is_some_and(|p| p.plans > 0) {
        recipients.push("- Các sở, ban, ngành, đoàn thể tỉnh;".into());
    }
    recipients.push("- Lưu: VT.".into());

    let lead = agreement.lead();
    let signature = signatures(agreement, data)
        .into_iter()
        .zip(&agreement.signatories)
        .find(|(_, s)| Some(s.organisation) == lead)
        .map(|(c, _)| c)
        .unwrap_or_else(|| SignatureColumn {
            authority: report
                .issuer
                .map(|o| format!("TM. {}", data.organisation_name(&o).to_uppercase()))
                .unwrap_or_default(),
            position: String::new(),
            name: String::new(),
        });
    ReportDocument {
        head,
        subtitle: subtitle(report),
        blocks,
        recipients,
        signature,
    }
}

fn text_or_fill(text: &str, hint: &str) -> Block {
    if text.trim().is_empty() {
        Block::ToFill(hint.to_string())
    } else {
        p(text.trim())
    }
}

fn context(report: &PeriodReport) -> Vec<Block> {
    let mut out = Vec::new();
    let parties: Vec<String> = report.parties.iter().map(|p| p.name.clone()).collect();
    let number = if report.number.is_empty() {
        String::new()
    } else {
        format!(" (số {})", report.number)
    };
    let when = match (report.signed_on, report.signed_place.is_empty()) {
        (Some(d), false) => format!("Ngày {}, tại {}, ", format_date(d), report.signed_place),
        (Some(d), true) => format!("Ngày {}, ", format_date(d)),
        (None, _) => String::new(),
    };
    let verb = if report.signed_on.is_some() {
        "ký kết"
    } else {
        "thống nhất xây dựng"
    };
    let period = match (report.period_start, report.period_end) {
        (Some(s), Some(e)) => format!(
            ", thời gian thực hiện từ ngày {} đến ngày {}",
            format_date(s),
            format_date(e)
        ),
        _ => String::new(),
    };
    let sentence = format!(
        "{}{} {verb} {}{number}{period}.",
        when,
        join_and(&parties),
        subject(report)
    );
    out.push(p(capitalise(&sentence)));
    if !report.signatories.is_empty() {
        let signers: Vec<String> = report
            .signatories
            .iter()
            .map(|s| {
                let position = if s.position.is_empty() {
                    String::new()
                } else {
                    format!(", {}", s.position)
                };
                format!("đồng chí {}{position} ({})", s.name, s.organisation)
            })
            .collect();
        out.push(p(format!("Ký văn bản: {}.", signers.join("; "))));
    }
    if !report.legal_basis.is_empty() {
        out.push(p(format!(
            "Căn cứ ký kết: {}.",
            report.legal_basis.join("; ")
        )));
    }
    let mut scope = format!("Văn bản gồm {} nội dung phối hợp", report.areas.len());
    match &report.plans {
        Some(plans) if plans.plans > 0 => scope.push_str(&format!(
            "; các sở, ban, ngành, đoàn thể cụ thể hóa bằng {} kế hoạch phối hợp với {} đơn vị",
            plans.plans, plans.departments_with_plan
        )),
        Some(_) => {
            scope.push_str("; chưa ghi nhận kế hoạch phối hợp nào với các sở, ban, ngành, đoàn thể")
        }
        None => {}
    }
    out.push(p(format!("{scope}.")));
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn results(report: &PeriodReport) -> Vec<Block> {
    let mut out = Vec::new();
    let mut n = 0;
    let mut section = |title: &str, out: &mut Vec<Block>| {
        n += 1;
        out.push(h2(format!("{n}. {title}")));
    };

    section("Kết quả theo nội dung phối hợp", &mut out);
    if report.areas.is_empty() {
        out.push(p("Văn bản chưa ghi nhận nội dung phối hợp."));
    } else {
        let cells: Vec<AreaState> = report
            .areas
            .iter()
            .flat_map(|a| a.years.iter().map(|y| y.1))
            .collect();
        let count = |s: AreaState| cells.iter().filter(|c| **c == s).count();
        out.push(p(format!(
            "Theo dõi {} nội dung phối hợp qua {} năm ({}): {} lượt đã thực hiện, {} lượt hết năm chưa ghi nhận kết quả, {} lượt không thực hiện, {} lượt chưa đến hạn.",
            report.areas.len(),
            report.years.len(),
            years_list(&report.years),
            count(AreaState::Done),
            count(AreaState::Overdue),
            count(AreaState::Waived),
            count(AreaState::Pending),
        )));
        let mut header = vec!["TT".to_string(), "Nội dung phối hợp".to_string()];
        header.extend(report.years.iter().map(i32::to_string));
        let rows = report
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut row = vec![(i + 1).to_string(), a.title.clone()];
                row.extend(a.years.iter().map(|(_, s, _)| area_mark(*s).to_string()));
                row
            })
            .collect();
        out.push(Block::Table(DocTable {
            header,
            rows,
            total: false,
        }));
        out.push(p("Ghi chú: x: đã thực hiện; chưa ghi nhận: hết năm chưa ghi nhận kết quả; –: không thực hiện; để trống: chưa đến hạn."));
        for (i, a) in report.areas.iter().enumerate() {
            let evidence: Vec<String> = a
                .years
                .iter()
                .filter(|(_, _, e)| !e.is_empty())
                .map(|(y, _, e)| format!("năm {y}: {e}"))
                .collect();
            if a.result.is_empty() && evidence.is_empty() {
                continue;
            }
            let mut text = format!("{}. {}", i + 1, a.title);
            if !a.result.is_empty() {
                text.push_str(&format!(": {}", a.result.trim_end_matches('.')));
            }
            if !evidence.is_empty() {
                text.push_str(&format!(" (minh chứng: {})", evidence.join("; ")));
            }
            text.push('.');
            out.push(p(text));
        }
    }

    section("Hội nghị, buổi làm việc", &mut out);
    let held = report.events.len();
    if held == 0 {
        out.push(p("Chưa ghi nhận hội nghị, buổi làm việc nào."));
    } else {
        let mut kinds: Vec<(EventKind, usize)> = Vec::new();
        for e in &report.events {
            match kinds.iter_mut().find(|(k, _)| *k == e.kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((e.kind, 1)),
            }
        }
        let by_kind: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{n} {}", event_kind(*k).to_lowercase()))
            .collect();
        out.push(p(format!(
            "Đã tổ chức {held} hội nghị, buổi làm việc: {}.",
            by_kind.join("; ")
        )));
    }
    let mut duties: Vec<&str> = report.duties.iter().map(|d| d.duty.as_str()).collect();
    duties.dedup();
    for duty in duties {
        let lines: Vec<_> = report.duties.iter().filter(|d| d.duty == duty).collect();
        let done: Vec<i32> = lines
            .iter()
            .filter(|d| d.state == OccurrenceState::Done)
            .map(|d| d.year)
            .collect();
        let missed: Vec<i32> = lines
            .iter()
            .filter(|d| d.state == OccurrenceState::Overdue)
            .map(|d| d.year)
            .collect();
        let waived: Vec<i32> = lines
            .iter()
            .filter(|d| d.state == OccurrenceState::Waived)
            .map(|d| d.year)
            .collect();
        let ahead: Vec<i32> = lines
            .iter()
            .filter(|d| {
                matches!(
                    d.state,
                    OccurrenceState::DueSoon | OccurrenceState::Upcoming
                )
            })
            .map(|d| d.year)
            .collect();
        let mut text = format!("{duty}: đã thực hiện {}/{} năm", done.len(), lines.len());
        if !done.is_empty() {
            text.push_str(&format!(" ({})", years_list(&done)));
        }
        if !missed.is_empty() {
            text.push_str(&format!("; không tổ chức năm {}", years_list(&missed)));
        }
        if !waived.is_empty() {
            text.push_str(&format!(
                "; không thực hiện theo thống nhất năm {}",
                years_list(&waived)
            ));
        }
        if !ahead.is_empty() {
            text.push_str(&format!("; chưa đến hạn năm {}", years_list(&ahead)));
        }
        text.push('.');
        out.push(p(text));
    }
    if held > 0 {
        let rows = report
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let attendees = e
                    .attendees
                    .map(|n| format!("; {n} đại biểu"))
                    .unwrap_or_default();
                vec![
                    (i + 1).to_string(),
                    format_date(e.day),
                    e.title.clone(),
                    e.place.clone(),
                    format!("{} ({}){attendees}", event_kind(e.kind), role(e.role)),
                ]
            })
            .collect();
        out.push(Block::Table(DocTable {
            header: [
                "TT",
                "Ngày",
                "Hội nghị, buổi làm việc",
                "Địa điểm",
                "Hình thức",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            total: false,
        }));
    }

    section("Giải quyết kiến nghị", &mut out);
    let figures = &report.recommendations;
    let t = &figures.total;
    if t.raised == 0 {
        out.push(p("Chưa ghi nhận kiến nghị nào."));
    } else {
        out.push(p(format!(
            "Tổng số {} kiến nghị; đã giải quyết {}; không chấp nhận {}; đang giải quyết, chưa trả lời {}, trong đó {} kiến nghị quá hạn (tính đến ngày {}).",
            t.raised, t.resolved, t.declined, t.pending, t.overdue, format_date(report.dated)
        )));
        let row = |name: &str, c: &Counts| {
            vec![
                name.to_string(),
                c.raised.to_string(),
                c.resolved.to_string(),
                c.declined.to_string(),
                c.pending.to_string(),
                c.overdue.to_string(),
            ]
        };
        let mut rows: Vec<Vec<String>> = figures
            .by_addressee
            .iter()
            .map(|(n, c)| row(n, c))
            .collect();
        rows.push(row("Tổng cộng", t));
        out.push(Block::Table(DocTable {
            header: [
                "Cơ quan, đơn vị giải quyết",
                "Kiến nghị",
                "Đã giải quyết",
                "Không chấp nhận",
                "Đang giải quyết",
                "Quá hạn",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            total: true,
        }));
        if figures
            .by_addressee
            .iter()
            .map(|(_, c)| c.raised)
            .sum::<usize>()
            > t.raised
        {
            out.push(p("Ghi chú: kiến nghị gửi nhiều cơ quan được tính cho từng cơ quan; dòng tổng cộng tính mỗi kiến nghị một lần."));
        }
    }

    if let Some(plans) = &report.plans {
        section(
            "Kế hoạch phối hợp với các sở, ban, ngành, đoàn thể",
            &mut out,
        );
        let departments = plans.rows.len();
        let mut text = format!(
            "Đã ký {} kế hoạch phối hợp với {}/{} đơn vị",
            plans.plans, plans.departments_with_plan, departments
        );
        if !plans.departments_without_plan.is_empty() && plans.departments_without_plan.len() <= 10
        {
            text.push_str(&format!(
                "; chưa có kế hoạch: {}",
                plans.departments_without_plan.join(", ")
            ));
        } else if !plans.departments_without_plan.is_empty() {
            text.push_str(&format!(
                "; {} đơn vị chưa có kế hoạch",
                plans.departments_without_plan.len()
            ));
        }
        text.push('.');
        out.push(p(text));
        if plans.plans > 0 {
            let mut header = vec!["TT".to_string(), "Đơn vị".to_string()];
            header.extend(plans.years.iter().map(i32::to_string));
            let mut rows: Vec<Vec<String>> = plans
                .rows
                .iter()
                .enumerate()
                .map(|(i, (name, counts))| {
                    let mut row = vec![(i + 1).to_string(), name.clone()];
                    row.extend(counts.iter().map(|n| {
                        if *n > 0 {
                            "x".to_string()
                        } else {
                            String::new()
                        }
                    }));
                    row
                })
                .collect();
            let mut total = vec![String::new(), "Số kế hoạch".to_string()];
            total.extend(plans.per_year.iter().map(usize::to_string));
            rows.push(total);
            out.push(Block::Table(DocTable {
                header,
                rows,
                total: true,
            }));
        }
    }
    out
}

fn proposals(report: &PeriodReport) -> Vec<Block> {
    let open = &report.recommendations.open;
    if open.is_empty() {
        return vec![Block::ToFill("Kiến nghị, đề xuất".into())];
    }
    let mut out = vec![p(format!(
        "Đề nghị các cơ quan, đơn vị giải quyết dứt điểm {} kiến nghị còn tồn đọng:",
        open.len()
    ))];
    for r in open {
        let to = if r.addressees.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.addressees.join(", "))
        };
        let deadline = match (r.deadline, r.days_overdue) {
            (Some(d), Some(late)) => format!("; hạn {}, đã quá {late} ngày", format_date(d)),
            (Some(d), None) => format!("; hạn {}", format_date(d)),
            (None, _) => String::new(),
        };
        out.push(p(format!(
            "- {}{to}{deadline}.",
            r.content.trim_end_matches('.')
        )));
    }
    out.push(Block::ToFill("Kiến nghị, đề xuất khác".into()));
    out
}

/// The dots a line to fill in shows.
pub fn dots() -> &'static str {
    DOTS
}
