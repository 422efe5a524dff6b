//! One document's live revisions on the server (its leaves: one, or several when offices wrote
//! it at once) against our record, by version vectors only: the file import's merge
//! (`merge::relate`). A leaf that has seen ours and more is taken; a leaf ours has seen is
//! closed on the server (a losing branch); a leaf concurrent with ours is a conflict the user
//! decides in the import's conflict view (keep mine / take theirs / keep both). Nothing is ever
//! overwritten unseen, and the server's own choice of a winning revision decides nothing.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::doc::{closing_doc, edition_hash, Rev, ServerDoc};
use super::revs::RevMap;
use crate::exchange::merge::{relate, Step};
use crate::records::meta::{Causality, Id};
use crate::records::record::{from_value, Collection, RecordKey};
use crate::records::workspace::{Dataset, Stored};

/// A document that changed on the server: its live leaves of ours, the server's winner first.
#[derive(Clone, Debug, PartialEq)]
pub struct PulledDoc {
    pub id: Id,
    pub leaves: Vec<ServerDoc>,
}

/// A record edited here and in another office at once: `theirs` is the server's leaf `rev`.
/// Kept (`phoihop/sync/conflicts`) until the user decides; ours is the record as stored here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncConflict {
    pub collection: Collection,
    pub id: Id,
    pub rev: String,
    pub theirs: Value,
}

impl SyncConflict {
    pub fn key(&self) -> RecordKey {
        RecordKey {
            collection: self.collection,
            id: self.id,
        }
    }
}

/// What taking in a batch of documents did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pulled {
    /// Records written into the dataset (to be stored, like an import's).
    pub written: Vec<RecordKey>,
    /// New conflicts to ask about.
    pub asked: Vec<SyncConflict>,
    /// Records whose conflict (if one was asked before) is settled: no leaf left concurrent.
    pub settled: Vec<RecordKey>,
    /// Deletions of losing leaves, for `_bulk_docs`.
    pub closing: Vec<Value>,
    /// Leaves that did not read as a record of their collection (left on the server).
    pub unreadable: usize,
}

/// Takes a batch of pulled documents into `data`, noting in `revs` the revision each record now
/// stands on. Decided against the data as it is when called: under the storage lock, just
/// before the written records are stored.
pub fn apply_pulled(data: &mut Dataset, revs: &mut RevMap, docs: Vec<PulledDoc>) -> Pulled {
    let mut pulled = Pulled::default();
    for doc in docs {
        let Some(collection) = doc.leaves.first().map(|l| l.collection) else {
            continue;
        };
        crate::with_record_type!(collection, T => apply_one::<T>(data, revs, doc, &mut pulled));
    }
    pulled
}

fn apply_one<T: Stored>(data: &mut Dataset, revs: &mut RevMap, doc: PulledDoc, out: &mut Pulled) {
    let key = RecordKey {
        collection: T::COLLECTION,
        id: doc.id,
    };
    let mut leaves: Vec<(String, T)> = Vec::new();
    for leaf in doc.leaves {
        match from_value::<T>(&leaf.record) {
            Ok(record) if leaf.collection == T::COLLECTION && record.id() == doc.id => {
                leaves.push((leaf.rev, record))
            }
            _ => out.unreadable += 1,
        }
    }
    if leaves.is_empty() {
        return;
    }
    let mut current = T::table(data).get(&doc.id).cloned();
    let mut changed = false;
    let mut asked: Option<(String, T)> = None;
    for (rev, leaf) in &leaves {
        match relate(current.as_ref(), leaf).1 {
            Step::Put(record) => {
                current = Some(record);
                changed = true;
            }
            Step::Ask if asked.is_none() => asked = Some((rev.clone(), leaf.clone())),
            Step::Ask | Step::Nothing => {}
        }
    }
    let current = current.expect("a leaf was read");
    let value = |r: &T| serde_json::to_value(r).expect("records serialise");
    let ours = value(&current);
    let hash = edition_hash(&ours);
    let seen = |leaf: &T| {
        matches!(
            current.meta().version.compare(&leaf.meta().version),
            Causality::Dominates | Causality::Equal
        )
    };
    // The revision our record stands on: the leaf that is it; else the revision it stood on, if
    // our record is still what that holds (a leaf the feed listed, not fetched again); else the
    // first leaf it has seen (the next change is sent as its child); else it stays where it
    // was (a conflict open).
    let is_ours = |rev: &str| Rev::parse(rev).is_some_and(|r| r.hash == hash);
    let known = revs
        .get(&doc.id)
        .filter(|rev| is_ours(rev))
        .map(String::from);
    let based_on = leaves
        .iter()
        .find(|(rev, _)| is_ours(rev))
        .map(|(rev, _)| rev.clone())
        .or(known)
        .or_else(|| {
            leaves
                .iter()
                .find(|(_, leaf)| seen(leaf))
                .map(|(rev, _)| rev.clone())
        });
    for (rev, leaf) in &leaves {
        let is_asked = asked.as_ref().is_some_and(|(r, _)| r == rev);
        if Some(rev) != based_on.as_ref() && !is_asked && seen(leaf) {
            if let Some(parsed) = Rev::parse(rev) {
                out.closing.push(closing_doc(doc.id, &parsed));
            }
        }
    }
    if let Some(rev) = based_on {
        revs.insert(doc.id, rev);
    }
    if changed {
        T::table_mut(data).put(current.clone());
        out.written.push(key);
    }
    match asked {
        Some((rev, theirs)) => out.asked.push(SyncConflict {
            collection: key.collection,
            id: key.id,
            rev,
            theirs: value(&theirs),
        }),
        None => out.settled.push(key),
    }
}
