//! The file's top level, read in one pass over the text: header fields (and unknown keys) kept
//! as written, each collection split into its records' raw text. That one pass also checks the
//! JSON syntax of the whole file, so a syntax error anywhere comes before any other problem.
//! (It used to be two passes: the top level as raw values, then each collection again.)
//! This is the careful way, which words every problem; most files are split by [`super::scan`].

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::records::record::Collection;

/// The top-level object of a file.
#[derive(Default)]
pub(super) struct TopLevel<'a> {
    /// Every key that is not a collection, with its value as written.
    pub fields: BTreeMap<String, &'a RawValue>,
    pub collections: BTreeMap<Collection, Section<'a>>,
    /// The first key given twice, if any: which of its values is meant cannot be known.
    pub twice: Option<String>,
}

/// A record's text as found in the file. Split here, its syntax is checked; split by
/// [`super::scan`], it is either one of ours (its digest known) or still to be checked in full.
pub(super) struct Span<'a> {
    pub text: &'a [u8],
    pub seen: Seen,
}

/// What the split found out of whether a record is one of ours.
#[derive(Clone, Copy)]
pub(super) enum Seen {
    /// Not looked at (the careful split): the reader hashes its text.
    NotYet,
    /// Its text is that of one of ours, with this digest.
    Ours(u128),
    /// Its text is not that of one of ours: no record of ours starts it (the quick scan).
    NotOurs,
}

/// The value of a collection's key.
pub(super) enum Section<'a> {
    /// A list: each record's raw text.
    Records(Vec<Span<'a>>),
    /// Anything else. Its text is looked up again only to word the refusal.
    NotAList,
}

impl Section<'_> {
    /// How many records it holds (none when it is not a list).
    pub fn len(&self) -> usize {
        match self {
            Section::Records(records) => records.len(),
            Section::NotAList => 0,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for TopLevel<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Top<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Top<'a> {
            type Value = TopLevel<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel<'a>, A::Error> {
                let mut top = TopLevel::default();
                // A key given twice is noted (the file is refused after its syntax is checked).
                while let Some(key) = map.next_key::<String>()? {
                    let again = match Collection::from_name(&key) {
                        Some(collection) => top
                            .collections
                            .insert(collection, map.next_value()?)
                            .is_some(),
                        None => top.fields.insert(key.clone(), map.next_value()?).is_some(),
                    };
                    if again && top.twice.is_none() {
                        top.twice = Some(key);
                    }
                }
                Ok(top)
            }
        }
        deserializer.deserialize_map(Top(PhantomData))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Section<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Any<'a> {
            type Value = Section<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Section<'a>, A::Error> {
                let mut records = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(record) = seq.next_element::<&'a RawValue>()? {
                    records.push(Span {
                        text: record.get().as_bytes(),
                        seen: Seen::NotYet,
                    });
                }
                Ok(Section::Records(records))
            }
            // Not a list: its syntax is still checked (skipped as raw values are, at any depth).
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Section<'a>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Section::NotAList)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Section<'a>, E> {
                Ok(Section::NotAList)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Section<'a>, E> {
                Ok(Section::NotAList)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Section<'a>, E> {
                Ok(Section::NotAList)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Section<'a>, E> {
                Ok(Section::NotAList)
            }
            fn visit_str<E>(self, _: &str) -> Result<Section<'a>, E> {
                Ok(Section::NotAList)
            }
            fn visit_unit<E>(self) -> Result<Section<'a>, E> {
                Ok(Section::NotAList)
            }
        }
        deserializer.deserialize_any(Any(PhantomData))
    }
}
