//! `commitments`: a checked ledger of what governments promise each other.
//!
//! The data flows one way:
//!
//! 1. [`load`]: text → spanned [`model::Ledger`] (plus `syntax`, `schema`
//!    and `source-file` findings);
//! 2. [`check`]: ledger + as-of date → [`finding::Finding`]s, one
//!    [`rules`] module per rule;
//! 3. [`render`]: findings → human, JSON or GitHub output.
//!
//! A [`workspace`] loads several ledgers at once, so that references between
//! them resolve.
//!
//! ```
//! use commitments::{check::{check, Levels}, load::load_bytes};
//! let ledger = br#"
//! [ledger]
//! title = "Example"
//! reviewed = 2025-01-01
//! "#;
//! let loaded = load_bytes("example.toml", ledger, None);
//! let as_of = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
//! let findings = check(&loaded, &Levels::of(&loaded), as_of);
//! assert!(findings.is_empty());
//! ```
#![warn(missing_docs)]

pub mod atomic_write;
pub mod check;
pub(crate) mod context;
pub mod diff;
pub mod edit;
pub mod finding;
pub mod i18n;
pub mod json_schema;
pub(crate) mod layout;
pub mod load;
pub mod lsp;
pub mod markup;
pub mod model;
pub mod quote;
pub mod render;
pub mod replay;
pub mod report;
pub mod rule;
pub mod rules;
pub mod site;
pub mod span;
pub mod suggest;
pub mod text;
pub mod workspace;
