//! Saving a record typed in a form: validated first; warnings do not block, errors do and
//! change nothing.

use crate::records::model::{Agreement, Organisation, Person};
use crate::records::workspace::{Dataset, Saved, Stamp};
use crate::rules::validate::{self, Issue};

impl Dataset {
    /// Validates and saves an agreement. Warnings do not block; errors do, and change nothing.
    pub fn save_agreement(
        &mut self,
        agreement: Agreement,
        stamp: Stamp,
    ) -> Result<Saved, Vec<Issue>> {
        let issues = validate::agreement(&agreement, self);
        if issues.iter().any(Issue::is_error) {
            return Err(issues);
        }
        Ok(self.save(agreement, stamp))
    }

    pub fn save_organisation(
        &mut self,
        organisation: Organisation,
        stamp: Stamp,
    ) -> Result<Saved, Vec<Issue>> {
        let issues = validate::organisation(&organisation, self);
        if issues.iter().any(Issue::is_error) {
            return Err(issues);
        }
        Ok(self.save(organisation, stamp))
    }

    pub fn save_person(&mut self, person: Person, stamp: Stamp) -> Result<Saved, Vec<Issue>> {
        let issues = validate::person(&person, self);
        if issues.iter().any(Issue::is_error) {
            return Err(issues);
        }
        Ok(self.save(person, stamp))
    }
}
