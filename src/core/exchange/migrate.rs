//! Older files are brought to the current schema by ordered migrations, one per version step,
//! each a plain function over the file's JSON. Newer files are refused before this runs.
//!
//! To change the schema: add the new version to [`SCHEMA_VERSIONS`], a [`Migration`] from the
//! previous one to [`MIGRATIONS`], bump `file_format::SCHEMA_VERSION`, and keep the fixture
//! tests/fixtures/schema-v<N>.json of every released version (the import test reads them all).

use serde_json::Value;

use crate::exchange::file_format::SCHEMA_VERSION;

/// Every schema version ever released, oldest first.
pub const SCHEMA_VERSIONS: &[u32] = &[1, 2, 3];

/// One step: rewrites a file of schema `from` into schema `from + 1`; `None`: a file of schema
/// `from` reads as one of `from + 1` as it is (the newer schema only adds fields that default),
/// so the import reads it the usual way, text untouched (its checks, duplicate fields among
/// them, and its speed stay those of a current file).
pub struct Migration {
    pub from: u32,
    pub apply: Option<fn(&mut Value) -> Result<(), String>>,
}

/// The steps, in order. Schema 2 adds each record's history (`changes`, history.rs), which
/// defaults to none: a record of schema 1 starts with an empty history. Schema 3 adds the
/// summary of a record's older changes (`folded_changes`), which defaults to none (every change
/// whole); an app of schema 2 would take it for the record's content (two copies differing
/// only in it would conflict), so it refuses these files rather than misread them.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        apply: None,
    },
    Migration {
        from: 2,
        apply: None,
    },
];

/// True when a file of schema `from` reads as a current one as it is (every step on is `None`).
pub fn reads_as_is(from: u32) -> bool {
    (from..SCHEMA_VERSION).all(|v| MIGRATIONS.iter().any(|m| m.from == v && m.apply.is_none()))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrationError {
    /// No step leads on from this version (a bug: every released version must have one).
    NoStep { from: u32 },
    /// A step could not read the file.
    Failed { from: u32, reason: String },
}

/// Migrates a file of schema `from` to the current schema.
pub fn migrate(file: &mut Value, from: u32) -> Result<(), MigrationError> {
    migrate_with(MIGRATIONS, file, from, SCHEMA_VERSION)
}

/// Applies `steps` in order from `from` up to `to`, stamping each intermediate version.
pub fn migrate_with(
    steps: &[Migration],
    file: &mut Value,
    from: u32,
    to: u32,
) -> Result<(), MigrationError> {
    let mut version = from;
    while version < to {
        let step = steps
            .iter()
            .find(|s| s.from == version)
            .ok_or(MigrationError::NoStep { from: version })?;
        if let Some(apply) = step.apply {
            apply(file).map_err(|reason| MigrationError::Failed {
                from: version,
                reason,
            })?;
        }
        version += 1;
        if let Some(header) = file.as_object_mut() {
            header.insert("schema_version".into(), Value::from(version));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn versions_are_contiguous_and_end_at_the_current_one() {
        let expected: Vec<u32> = (1..=SCHEMA_VERSION).collect();
        assert_eq!(SCHEMA_VERSIONS, expected.as_slice());
    }

    #[test]
    fn every_older_version_has_exactly_one_step() {
        for &version in SCHEMA_VERSIONS.iter().filter(|&&v| v < SCHEMA_VERSION) {
            let steps = MIGRATIONS.iter().filter(|m| m.from == version).count();
            assert_eq!(steps, 1, "schema {version} needs one migration");
        }
        assert!(MIGRATIONS.iter().all(|m| m.from < SCHEMA_VERSION));
    }

    // The framework itself, on made-up steps: v1 names a field "ten", v2 "name", v3 adds "kind".
    fn rename(file: &mut Value) -> Result<(), String> {
        for org in file["organisations"]
            .as_array_mut()
            .ok_or("no organisations")?
        {
            let name = org
                .as_object_mut()
                .and_then(|o| o.remove("ten"))
                .ok_or("no ten")?;
            org["name"] = name;
        }
        Ok(())
    }
    fn add_kind(file: &mut Value) -> Result<(), String> {
        for org in file["organisations"]
            .as_array_mut()
            .ok_or("no organisations")?
        {
            org["kind"] = json!("other");
        }
        Ok(())
    }
    const STEPS: &[Migration] = &[
        Migration {
            from: 2,
            apply: Some(add_kind),
        },
        Migration {
            from: 1,
            apply: Some(rename),
        },
    ];

    #[test]
    fn steps_run_in_version_order_and_stamp_the_version() {
        let mut file = json!({"schema_version": 1, "organisations": [{"ten": "Sở Y tế"}]});
        migrate_with(STEPS, &mut file, 1, 3).unwrap();
        assert_eq!(
            file,
            json!({"schema_version": 3, "organisations": [{"name": "Sở Y tế", "kind": "other"}]})
        );
        let mut from_two = json!({"schema_version": 2, "organisations": [{"name": "A"}]});
        migrate_with(STEPS, &mut from_two, 2, 3).unwrap();
        assert_eq!(from_two["organisations"][0]["kind"], "other");
    }

    #[test]
    fn a_missing_or_failing_step_is_reported() {
        let mut file = json!({"organisations": [{"name": "no ten"}]});
        assert_eq!(
            migrate_with(STEPS, &mut file, 1, 3),
            Err(MigrationError::Failed {
                from: 1,
                reason: "no ten".into()
            })
        );
        assert_eq!(
            migrate_with(STEPS, &mut json!({}), 0, 3),
            Err(MigrationError::NoStep { from: 0 })
        );
    }
}
