//! The one test binary: every test of the tool's behaviour, on frozen
//! fixtures, plus `ledger`, the one suite that reads the live ledger.
//! One binary links once, and one failure does not hide the others.

mod common;

mod architecture;
mod caveats;
mod cli;
mod counts;
mod diff;
mod docs;
mod edit;
mod feed;
mod hostile;
mod i18n;
mod i18n_site;
mod ledger;
mod loaders;
mod lsp;
mod open_data;
mod readme;
mod report;
mod rules;
mod site;
mod workspace;
