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
//! `server.rs` holds the state and the loop, `router.rs` sends each method
//! to its handler, and one file holds each kind of answer: `navigate.rs`
//! (hover, definition, references, outline), `complete.rs`, `actions.rs`
//! (code actions) and `diagnostics.rs`.

mod actions;
mod complete;
mod config;
mod diagnostics;
mod document;
mod navigate;
mod router;
mod server;
pub mod transport;

pub use server::{Ending, ServeError, ServerOptions, serve};
