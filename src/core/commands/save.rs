//! The record commands: saving a record typed in a form (validated first; warnings do not
//! block, errors do and change nothing), a control's change of one record, delete and
//! undelete. Each returns an [`Outcome`]; a save that changes nothing is no edit.

use chrono::NaiveDate;

use super::form_edit::onto_stored;
use super::outcome::{Effect, Outcome};
use crate::records::event::Event;
use crate::records::meta::Id;
use crate::records::model::{Agreement, Organisation, Person};
use crate::records::recommendation::Recommendation;
use crate::records::record::Record;
use crate::records::workspace::{Dataset, DeleteBlocked, Saved, Stamp, Stored};
use crate::rules::validate::{self, Issue};
use crate::rules::validate_activity::{self, ActivityIssue, StatusBefore};

impl<W> Outcome<Saved, W> {
    /// The record saved (or found unchanged).
    pub fn key(&self) -> crate::records::record::RecordKey {
        self.value.key()
    }
}

impl Dataset {
    /// Saves `record` as it is (a control's change: no rule of the form to check): one edit,
    /// or none when it is as stored.
    pub fn save_record<T: Stored>(&mut self, record: T, stamp: Stamp) -> Outcome<Saved> {
        let saved = self.save(record, stamp);
        Outcome::of(self, saved, saved.changed_keys(), stamp)
    }

    /// Changes the stored record `id` with `change` and saves it ([`Self::save_record`]);
    /// None when there is no such record.
    pub fn update_record<T: Stored>(
        &mut self,
        id: Id,
        change: impl FnOnce(&mut T),
        stamp: Stamp,
    ) -> Option<Outcome<Saved>> {
        let mut record = T::table(self).get(&id)?.clone();
        change(&mut record);
        Some(self.save_record(record, stamp))
    }

    /// Validates and saves an agreement. Warnings do not block; errors do, and change nothing.
    pub fn save_agreement(
        &mut self,
        agreement: Agreement,
        stamp: Stamp,
    ) -> Result<Outcome<Saved>, Vec<Issue>> {
        let issues = validate::agreement(&agreement, self);
        self.save_checked(agreement, issues, stamp)
    }

    pub fn save_organisation(
        &mut self,
        organisation: Organisation,
        stamp: Stamp,
    ) -> Result<Outcome<Saved>, Vec<Issue>> {
        let issues = validate::organisation(&organisation, self);
        self.save_checked(organisation, issues, stamp)
    }

    pub fn save_person(
        &mut self,
        person: Person,
        stamp: Stamp,
    ) -> Result<Outcome<Saved>, Vec<Issue>> {
        let issues = validate::person(&person, self);
        self.save_checked(person, issues, stamp)
    }

    fn save_checked<T: Stored>(
        &mut self,
        record: T,
        issues: Vec<Issue>,
        stamp: Stamp,
    ) -> Result<Outcome<Saved>, Vec<Issue>> {
        if issues.iter().any(Issue::is_error) {
            return Err(issues);
        }
        Ok(self.save_record(record, stamp).with_warnings(issues))
    }

    /// A form's organisation (`edited`, over `opened` as the form read it) moved onto the
    /// stored one (`form_edit`), validated and saved.
    pub fn save_organisation_edit(
        &mut self,
        opened: &Organisation,
        edited: Organisation,
        stamp: Stamp,
    ) -> Result<Outcome<Saved>, Vec<Issue>> {
        let record = onto_stored(self, opened, edited);
        self.save_organisation(record, stamp)
    }

    pub fn save_person_edit(
        &mut self,
        opened: &Person,
        edited: Person,
        stamp: Stamp,
    ) -> Result<Outcome<Saved>, Vec<Issue>> {
        let record = onto_stored(self, opened, edited);
        self.save_person(record, stamp)
    }

    /// A form's event: moved onto the stored one (`form_edit`), validated with the problems
    /// the form found reading its fields (`found`), saved. Its effects say what it did to
    /// the status of each agreement it links as signed or summarised (only those agreements'
    /// statuses are compared, before and after).
    pub fn save_event(
        &mut self,
        opened: &Event,
        edited: Event,
        found: Vec<ActivityIssue>,
        stamp: Stamp,
        today: NaiveDate,
    ) -> Result<Outcome<Saved, ActivityIssue>, Vec<ActivityIssue>> {
        let event = onto_stored(self, opened, edited);
        let mut issues = found;
        issues.extend(validate_activity::event(&event, self));
        if validate_activity::has_errors(&issues) {
            return Err(issues);
        }
        let before = StatusBefore::of(self, event.id(), &event, today);
        let saved = self.save(event, stamp);
        let mut outcome =
            Outcome::of(self, saved, saved.changed_keys(), stamp).with_warnings(issues);
        outcome.effects = before
            .effects(self, today)
            .into_iter()
            .map(Effect::AgreementStatus)
            .collect();
        Ok(outcome)
    }

    /// A form's recommendation: moved onto the stored one, validated with the problems the
    /// form found reading its fields (`found`), saved.
    pub fn save_recommendation(
        &mut self,
        opened: &Recommendation,
        edited: Recommendation,
        found: Vec<ActivityIssue>,
        stamp: Stamp,
    ) -> Result<Outcome<Saved, ActivityIssue>, Vec<ActivityIssue>> {
        let record = onto_stored(self, opened, edited);
        let mut issues = found;
        issues.extend(validate_activity::recommendation(&record, self));
        if validate_activity::has_errors(&issues) {
            return Err(issues);
        }
        let saved = self.save(record, stamp);
        Ok(Outcome::of(self, saved, saved.changed_keys(), stamp).with_warnings(issues))
    }

    /// Deletes a record (a tombstone, `Dataset::delete`); one already deleted is no edit.
    pub fn delete_record<T: Stored>(
        &mut self,
        id: Id,
        stamp: Stamp,
    ) -> Result<Outcome<crate::records::record::RecordKey>, DeleteBlocked> {
        let was_live = T::table(self).live(&id).is_some();
        let key = self.delete::<T>(id, stamp)?;
        let changed = if was_live { vec![key] } else { Vec::new() };
        Ok(Outcome::of(self, key, changed, stamp))
    }

    /// Brings a deleted record back (a new edit); one not deleted is no edit.
    pub fn undelete_record<T: Stored>(
        &mut self,
        id: Id,
        stamp: Stamp,
    ) -> Outcome<Option<crate::records::record::RecordKey>> {
        let key = self.undelete::<T>(id, stamp);
        let changed = key.into_iter().collect();
        Outcome::of(self, key, changed, stamp)
    }
}

#[cfg(test)]
mod tests;
