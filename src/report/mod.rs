//! Report: ledger + as-of date → a progress report, rendered as Markdown,
//! JSON, CSV or HTML.
//!
//! [`build`] is one pure function of the loaded ledger and the date: it
//! reads no clock and does no I/O, so the same inputs give the same bytes.
//! `document` holds the report's shape, `build` makes it, and one file per
//! format renders it. `present` is the presentation model that the HTML
//! report and the site share (the site's one way into how the report
//! draws): colours, status words, bars, the headline, the timeline.

mod build;
mod csv;
mod datapackage;
mod document;
mod html;
mod json;
mod markdown;
pub(crate) mod present;
mod workspace;

pub use self::build::{build, build_checked, build_in};
pub use self::csv::{to_csv, write_csv};
pub use self::datapackage::{FILES as DATA_PACKAGE_FILES, data_package, write_data_package_tables};
pub use self::document::*;
pub use self::html::to_html;
pub use self::json::{json_schema, to_json, write_json};
pub use self::markdown::to_markdown;
pub use self::workspace::{
    WorkspaceReport, WorkspaceReportError, WorkspaceTotals, build_workspace, sum as sum_totals,
    workspace_to_json, workspace_to_markdown,
};
