//! `commitments lsp`: the checker inside an editor, as a Language Server
//! Protocol server over stdio.
//!
//! It calls the library's load, check and edit functions directly; editor
//! positions are turned into byte spans at this edge ([`document`]) and
//! nowhere else. One thread answers in order. A burst of keystrokes is
//! applied in full before any check runs, so a check never starts on a
//! version that a newer one has already replaced, and a result is not
//! published while newer messages wait.
//!
//! `server.rs` holds the state and the loop, and `router.rs` sends each
//! method to its handler. One file holds each kind of request: `hover.rs`,
//! `definition.rs`, `references.rs`, `document_symbol.rs`, `complete.rs`
//! (completion) and `actions.rs` (code actions). Each handler is a function
//! of an immutable [`snapshot::Snapshot`] of the document and its
//! parameters; `ids.rs` finds the ids they share, and `diagnostics.rs`
//! turns findings into what is published.

mod actions;
mod complete;
mod config;
mod definition;
mod diagnostics;
mod document;
mod document_symbol;
mod hover;
mod ids;
mod references;
mod router;
mod server;
mod snapshot;
pub mod transport;

pub use server::{Ending, ServeError, ServerOptions, serve};
