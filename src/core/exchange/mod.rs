//! Files between offices and sync: the file format, import, merge, migrations, export, live sync.

pub mod export;
pub mod file_format;
pub mod import;
pub mod merge;
pub mod migrate;
pub mod sync_protocol;
