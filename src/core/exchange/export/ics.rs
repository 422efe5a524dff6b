//! Calendars (RFC 5545, the icalendar crate): events, recommendation deadlines, the expected
//! occurrences of recurring duties not yet held (the annual working session of a year), and the
//! 90- and 30-day reminders of an agreement's end, for one agreement or for everything.
//!
//! Importing a newer file updates rather than duplicates: every entry's UID is fixed by the
//! record (and year or offset) it comes from, its SEQUENCE is the record's version (the sum of
//! its version vector, which every edit raises) and DTSTAMP its last change. An entry that was
//! pending and is settled since (a deadline answered, a session held) is sent again as
//! CANCELLED, so a calendar that took the earlier file strikes it out. Times are Vietnam's
//! (TZID=Asia/Ho_Chi_Minh, with its VTIMEZONE); deadlines are all-day entries. Each pending entry
//! has a reminder (VALARM) a week before.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{
    Alarm, Calendar, CalendarDateTime, Component, Event as Entry, EventLike, EventStatus, Property,
    Trigger,
};

use super::{Word, Words};
use crate::records::event::Event;
use crate::records::meta::{Id, Meta};
use crate::records::model::{Agreement, Status};
use crate::records::record::Record;
use crate::records::workspace::Dataset;
use crate::rules::schedule::{occurrences, OccurrenceState};
use crate::rules::status::status_in;

pub const TIME_ZONE: &str = "Asia/Ho_Chi_Minh";
/// The record keeps no end time: a calendar gets a two-hour meeting.
pub const EVENT_HOURS: i64 = 2;
/// Reminders before an agreement's end, in days.
pub const ENDING_REMINDERS: [i64; 2] = [90, 30];
const REMINDER_DAYS: i64 = 7;
const UID_DOMAIN: &str = "phoihop";

/// Vietnam has kept UTC+7 without daylight saving since 1975.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\nBEGIN:STANDARD\r\n\
DTSTART:19700101T000000\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\nTZNAME:+07\r\n\
END:STANDARD\r\nEND:VTIMEZONE\r\n";

/// The calendar of `agreement` (None: of everything), as seen on `today`.
pub fn calendar(
    data: &Dataset,
    agreement: Option<Id>,
    today: NaiveDate,
    words: &dyn Words,
) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!(
                "-//Phoi hop//Phoi hop {}//VI",
                crate::exchange::file_format::APP_VERSION
            ),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(Property::new("X-WR-TIMEZONE", TIME_ZONE));
    let name = match agreement.and_then(|a| data.agreements.get(&a)) {
        Some(a) => format!("{} — {}", words.word(Word::CalendarName), clean(&a.title)),
        None => words.word(Word::CalendarName),
    };
    cal.append_property(Property::new("X-WR-CALNAME", clean(&name)));

    let concerns = |links: &dyn Fn(Id) -> bool| agreement.is_none_or(links);
    for e in data
        .events
        .iter_live()
        .filter(|e| concerns(&|a| e.links(a)))
    {
        cal.push(event_entry(data, e, words));
    }
    for r in data
        .recommendations
        .iter_live()
        .filter(|r| concerns(&|a| r.agreement == Some(a)))
    {
        let Some(deadline) = r.deadline else { continue };
        let summary = words.word(Word::CalendarDeadline(clean(&r.content)));
        let pending = r.status.is_pending();
        let key = format!("deadline-{}", r.id());
        let mut entry = all_day(&r.meta, &key, deadline, &summary, !pending, r.meta.updated);
        let to = r
            .addressed_to
            .iter()
            .map(|o| data.organisation_display_name(o))
            .collect::<Vec<_>>()
            .join("; ");
        let status = words.word(Word::RecommendationStatus(r.status));
        entry.description(&clean(&[to.as_str(), status.as_str()].join("\n")));
        finish(&mut entry, pending, &summary, words);
        cal.push(entry);
    }
    let events: Vec<&Event> = data.events.iter_live().collect();
    for a in data
        .agreements
        .iter_live()
        .filter(|a| concerns(&|id| a.id() == id))
    {
        for o in occurrences(a, &events, today) {
            let Some(duty) = a.duties.iter().find(|d| d.id == o.duty) else {
                continue;
            };
            // A held one is in the calendar as its event: its expectation is cancelled.
            let pending = !matches!(o.state, OccurrenceState::Done | OccurrenceState::Waived);
            let changed = o
                .event
                .and_then(|e| data.events.get(&e))
                .map_or(a.meta.updated, |e| e.meta.updated.max(a.meta.updated));
            let summary = words.word(Word::CalendarDutyDue {
                duty: clean(&duty.title),
                year: o.year,
            });
            let key = format!("duty-{}-{}-{}", a.id(), duty.id, o.year);
            let mut entry = all_day(&a.meta, &key, o.due, &summary, !pending, changed);
            entry.description(&clean(&a.title));
            finish(&mut entry, pending, &summary, words);
            cal.push(entry);
        }
        for entry in ending_entries(data, a, today, words) {
            cal.push(entry);
        }
    }
    let text = refold(&cal.to_string());
    // The crate writes no VTIMEZONE; every TZID must have one, before the entries using it.
    let at = text
        .find("BEGIN:VEVENT")
        .or_else(|| text.find("END:VCALENDAR"))
        .unwrap_or(text.len());
    format!("{}{VTIMEZONE}{}", &text[..at], &text[at..])
}

/// Content lines folded at 75 octets, continuation lines included (RFC 5545 §3.1): the crate
/// lets a continuation line reach 76 (its space plus 75), so its folding is undone and redone.
fn refold(text: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for line in unfolded.split_terminator("\r\n") {
        let mut room = LIMIT;
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > room {
                out.push_str("\r\n ");
                // The leading space counts.
                room = LIMIT - 1;
                used = 0;
            }
            out.push(c);
            used += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

/// Text as a calendar takes it: line breaks as "\n" (the crate escapes them), no other controls.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

fn uid(key: &str) -> String {
    format!("{key}@{UID_DOMAIN}")
}

/// The version a calendar compares: raised by every edit of the record.
fn sequence(meta: &Meta) -> u32 {
    u32::try_from(meta.version.total()).unwrap_or(u32::MAX)
}

/// UID, SEQUENCE and DTSTAMP of an entry: `settled` (a pending entry settled since, which the
/// record's own version may not show) raises the sequence by one, so a calendar takes the change.
fn stamped(entry: &mut Entry, meta: &Meta, key: &str, settled: bool, changed: DateTime<Utc>) {
    entry
        .uid(&uid(key))
        .sequence(sequence(meta).saturating_add(settled.into()))
        .timestamp(changed)
        .last_modified(changed);
}

fn event_entry(data: &Dataset, e: &Event, words: &dyn Words) -> Entry {
    let mut entry = Entry::new();
    stamped(
        &mut entry,
        &e.meta,
        &format!("event-{}", e.id()),
        false,
        e.meta.updated,
    );
    let local = |t: NaiveDateTime| CalendarDateTime::WithTimezone {
        date_time: t,
        tzid: TIME_ZONE.to_string(),
    };
    let summary = clean(&e.title);
    entry
        .summary(&summary)
        .starts(local(e.starts_at))
        .ends(local(e.starts_at + Duration::hours(EVENT_HOURS)))
        .add_property("CATEGORIES", clean(&words.word(Word::EventKind(e.kind))));
    if !e.place.trim().is_empty() {
        entry.location(&clean(&e.place));
    }
    let mut description: Vec<String> = Vec::new();
    for l in &e.agreements {
        if let Some(a) = data.agreements.get(&l.agreement) {
            description.push(format!(
                "{} ({})",
                a.title,
                words.word(Word::EventRole(l.role))
            ));
        }
    }
    if !e.agenda.trim().is_empty() {
        description.push(e.agenda.clone());
    }
    if !description.is_empty() {
        entry.description(&clean(&description.join("\n")));
    }
    // Past events are a record; a reminder only for what is still ahead.
    finish(&mut entry, true, &summary, words);
    entry
}

fn all_day(
    meta: &Meta,
    key: &str,
    day: NaiveDate,
    summary: &str,
    settled: bool,
    changed: DateTime<Utc>,
) -> Entry {
    let mut entry = Entry::new();
    stamped(&mut entry, meta, key, settled, changed);
    entry.summary(summary).all_day(day);
    entry
}

/// Confirmed with a reminder a week before, or cancelled (settled since) without one.
fn finish(entry: &mut Entry, pending: bool, summary: &str, words: &dyn Words) {
    if pending {
        entry.status(EventStatus::Confirmed);
        let uid = entry.get_uid().unwrap_or_default().to_string();
        let stamp = entry
            .property_value("DTSTAMP")
            .and_then(|s| chrono::NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%SZ").ok())
            .map(|t| Utc.from_utc_datetime(&t))
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
        let mut alarm = Alarm::display(
            &clean(&words.word(Word::CalendarReminder(summary.to_string()))),
            Trigger::before_start(Duration::days(REMINDER_DAYS)),
        );
        // Fixed, so the same file comes out of the same data (the crate would draw a random
        // UID); the trigger as calendars write it ("-P7D", where the crate counts seconds).
        alarm
            .uid(&format!("alarm-{uid}"))
            .timestamp(stamp)
            .append_property(Property::new("TRIGGER", format!("-P{REMINDER_DAYS}D")));
        entry.alarm(alarm);
    } else {
        entry.status(EventStatus::Cancelled);
    }
}

/// Reminders 90 and 30 days before the end of a signed agreement.
fn ending_entries(
    data: &Dataset,
    a: &Agreement,
    today: NaiveDate,
    words: &dyn Words,
) -> Vec<Entry> {
    let Some(end) = a.period.end else {
        return Vec::new();
    };
    let status = status_in(data, a, today).status;
    if status == Status::Draft {
        return Vec::new();
    }
    // Summarised, terminated or over: a reminder sent earlier is cancelled.
    let running = matches!(status, Status::Signed | Status::InForce);
    ENDING_REMINDERS
        .iter()
        .map(|&days| {
            let summary = words.word(Word::CalendarEnding {
                title: clean(&a.title),
                days,
                end,
            });
            let key = format!("ending-{}-{days}", a.id());
            let day = end - Duration::days(days);
            let mut entry = all_day(&a.meta, &key, day, &summary, !running, a.meta.updated);
            finish(&mut entry, running, &summary, words);
            entry
        })
        .collect()
}
