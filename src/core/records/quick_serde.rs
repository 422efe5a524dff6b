//! Quicker readers for what a record holds most of: ids, dates and times. Each one reads the
//! form we write (`parse_hyphenated`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.fraction]`, the same
//! with `Z`) itself and hands anything else to `uuid`'s or `chrono`'s own reader, so results and
//! error messages are theirs exactly (the import words its refusals from those messages). Why:
//! an import reads thousands of records, and in wasm32 their general parsers cost several times
//! as much.
//!
//! Quicker writers for dates and times too: each writes exactly what chrono writes (the
//! fingerprints of the import compare our records' text with the file's), without the
//! formatting machinery, which an import's undo, a save and an export go through thousands of
//! times.
//!
//! A field opts in with `#[serde(with = "quick")]`; [`Quick`] and [`Writable`] say which types
//! can.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::de::value::StrDeserializer;
use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field of a quick type: `#[serde(with = "quick")]`.
pub mod quick {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Reads a field of a [`Quick`](super::Quick) type.
    pub fn deserialize<'de, D: Deserializer<'de>, T: super::Quick<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::Wire::deserialize(deserializer).map(T::from_wire)
    }

    /// Writes a field of a [`Writable`](super::Writable) type.
    pub fn serialize<S: Serializer, T: super::Writable>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.write(serializer)
    }
}

/// A type read the quick way: through `Wire`, which serde reads, then converted.
pub trait Quick<'de>: Sized {
    type Wire: Deserialize<'de>;
    fn from_wire(wire: Self::Wire) -> Self;
}

/// What is read the quick way, as serde sees it.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub struct Read<T>(T);

/// The value types read the quick way, each with its own reader's `expecting` text; anything
/// but the form we write goes to that reader (its `Deserialize`: its value, or its error).
pub trait Readable: Sized + for<'de> Deserialize<'de> {
    const EXPECTING: &'static str;
    /// The form we write, or `None`.
    fn quickly(text: &str) -> Option<Self>;
}

impl<'de, T: Readable> Deserialize<'de> for Read<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ReadVisitor(PhantomData))
    }
}

struct ReadVisitor<T>(PhantomData<T>);

impl<'de, T: Readable> Visitor<'de> for ReadVisitor<T> {
    type Value = Read<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    // serde_json hands a string to nothing else; any other value is refused with `EXPECTING`,
    // the words of the type's own reader.
    fn visit_str<E: Error>(self, text: &str) -> Result<Read<T>, E> {
        match T::quickly(text) {
            Some(value) => Ok(Read(value)),
            None => T::deserialize(StrDeserializer::<E>::new(text)).map(Read),
        }
    }
}

impl Readable for NaiveDate {
    const EXPECTING: &'static str = "a formatted date string";

    fn quickly(text: &str) -> Option<NaiveDate> {
        let b: &[u8; 10] = text.as_bytes().try_into().ok()?;
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        NaiveDate::from_ymd_opt(
            digits(&b[0..4])? as i32,
            digits(&b[5..7])?,
            digits(&b[8..10])?,
        )
    }
}

impl Readable for NaiveDateTime {
    const EXPECTING: &'static str = "a formatted date and time string";

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]`, as chrono writes it (an event's start).
    fn quickly(text: &str) -> Option<NaiveDateTime> {
        let b = text.as_bytes();
        if b.len() < 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let date = NaiveDate::quickly(&text[..10])?;
        let (hour, minute, second) = (
            digits(&b[11..13])?,
            digits(&b[14..16])?,
            digits(&b[17..19])?,
        );
        let nanos = match &b[19..] {
            [] => 0,
            [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
                digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
            }
            _ => return None,
        };
        // Out of range, or a leap second (written as second 60): chrono's to read.
        let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
        Some(date.and_time(time))
    }
}

impl Readable for DateTime<Utc> {
    const EXPECTING: &'static str = "an RFC 3339 formatted date and time string";

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`: the naive form, in UTC.
    fn quickly(text: &str) -> Option<DateTime<Utc>> {
        NaiveDateTime::quickly(text.strip_suffix('Z')?).map(|time| time.and_utc())
    }
}

/// ASCII digits as a number (at most 9 of them), or `None`.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

impl<'de, T: Readable> Quick<'de> for T {
    type Wire = Read<T>;
    fn from_wire(wire: Read<T>) -> T {
        wire.0
    }
}

impl<'de, T: Readable> Quick<'de> for Option<T> {
    type Wire = Option<Read<T>>;
    fn from_wire(wire: Option<Read<T>>) -> Option<T> {
        wire.map(|read| read.0)
    }
}

impl<'de, T: Readable> Quick<'de> for Vec<T> {
    type Wire = Vec<Read<T>>;
    fn from_wire(wire: Vec<Read<T>>) -> Vec<T> {
        wire.into_iter().map(|read| read.0).collect()
    }
}

/// Maps keyed by a quick type (a version vector's offices).
impl<'de, K: Readable + Ord, V: Deserialize<'de>> Quick<'de> for BTreeMap<K, V> {
    type Wire = BTreeMap<Read<K>, V>;
    fn from_wire(wire: BTreeMap<Read<K>, V>) -> BTreeMap<K, V> {
        super::sorting::map_of(wire.into_iter().map(|(key, value)| (key.0, value)))
    }
}

/// A type written the quick way: exactly as its own `Serialize` writes it.
pub trait Writable {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// Writes one value with [`Writable`], for the containers below.
struct Write<'a, T>(&'a T);

impl<T: Writable> Serialize for Write<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(serializer)
    }
}

/// Room for the longest text written here: `YYYY-MM-DDTHH:MM:SS.fffffffffZ`, 30 bytes.
type Text = [u8; 32];

impl Writable for NaiveDate {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        quickly_or_own(self, serializer, |text| date_text(*self, text))
    }
}

impl Writable for NaiveDateTime {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        quickly_or_own(self, serializer, |text| date_time_text(*self, text))
    }
}

impl Writable for DateTime<Utc> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        quickly_or_own(self, serializer, |text| {
            let len = date_time_text(self.naive_utc(), text)?;
            text[len] = b'Z';
            Some(len + 1)
        })
    }
}

/// The text `quickly` puts at the start of a buffer (it gives the length), or, when it cannot,
/// `value` as its own `Serialize` writes it.
fn quickly_or_own<S: Serializer, T: Serialize>(
    value: &T,
    serializer: S,
    quickly: impl FnOnce(&mut Text) -> Option<usize>,
) -> Result<S::Ok, S::Error> {
    let mut text = Text::default();
    match quickly(&mut text) {
        Some(len) => serializer.serialize_str(ascii(&text[..len])),
        None => value.serialize(serializer),
    }
}

impl<T: Writable> Writable for Option<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&Write(value)),
            None => serializer.serialize_none(),
        }
    }
}

impl<T: Writable> Writable for Vec<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Write))
    }
}

impl<K: Writable, V: Serialize> Writable for BTreeMap<K, V> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (Write(key), value)))
    }
}

/// `YYYY-MM-DD` at the start of `out`, as chrono's `Debug` writes it, and its length; `None`
/// for a year chrono writes with a sign (outside 0–9999).
fn date_text(date: NaiveDate, out: &mut Text) -> Option<usize> {
    use chrono::Datelike;
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    put_digits(&mut out[0..4], year);
    out[4] = b'-';
    put_digits(&mut out[5..7], date.month());
    out[7] = b'-';
    put_digits(&mut out[8..10], date.day());
    Some(10)
}

/// `YYYY-MM-DDTHH:MM:SS`, then `.` and 3, 6 or 9 digits of the fraction when it has any (the
/// fewest that hold it), as chrono's `Debug` and RFC 3339 writer (`AutoSi`) write it; a leap
/// second as second 60.
fn date_time_text(at: NaiveDateTime, out: &mut Text) -> Option<usize> {
    use chrono::Timelike;
    date_text(at.date(), out)?;
    out[10] = b'T';
    let (mut second, mut nano) = (at.second(), at.nanosecond());
    if nano >= 1_000_000_000 {
        second += 1;
        nano -= 1_000_000_000;
    }
    put_digits(&mut out[11..13], at.hour());
    out[13] = b':';
    put_digits(&mut out[14..16], at.minute());
    out[16] = b':';
    put_digits(&mut out[17..19], second);
    let (fraction, digits) = if nano == 0 {
        return Some(19);
    } else if nano % 1_000_000 == 0 {
        (nano / 1_000_000, 3)
    } else if nano % 1_000 == 0 {
        (nano / 1_000, 6)
    } else {
        (nano, 9)
    };
    out[19] = b'.';
    put_digits(&mut out[20..20 + digits], fraction);
    Some(20 + digits)
}

/// `value` in decimal, zero-padded to fill `out`.
fn put_digits(out: &mut [u8], mut value: u32) {
    for byte in out.iter_mut().rev() {
        *byte = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

fn ascii(text: &[u8]) -> &str {
    std::str::from_utf8(text).expect("digits and punctuation")
}

#[cfg(test)]
mod tests;
