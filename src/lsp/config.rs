//! The settings the editor gives at initialisation: the position encoding,
//! which files are ledgers, and where each rule's documentation is.

use std::collections::HashMap;
use std::str::FromStr;

use lsp_types::{InitializeParams, Uri};

use super::document::{self, Document, Encoding};

/// Settings the editor gives at initialisation.
#[derive(Debug)]
pub(super) struct Config {
    pub(super) encoding: Encoding,
    /// Besides `commitments.toml` and files whose first line is our
    /// `#:schema` comment, the files that are ledgers.
    pub(super) ledger_globs: Vec<glob::Pattern>,
    /// Each rule's heading in its documentation (`docs/rules.md` of a
    /// published copy, or of the local source tree), by code.
    pub(super) rule_links: HashMap<&'static str, Uri>,
    /// The language of hovers (`lang`), else each ledger's own.
    pub(super) lang: Option<crate::i18n::Lang>,
}

impl Config {
    pub(super) fn from_initialize(params: &InitializeParams) -> (Config, Vec<String>) {
        let encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|general| general.position_encodings.as_deref()),
        );
        let options = params.initialization_options.as_ref();
        let mut problems = Vec::new();
        let ledger_globs = options
            .and_then(|o| o.get("ledgerGlobs"))
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|glob| {
                let text = glob.as_str()?;
                match glob::Pattern::new(text) {
                    Ok(pattern) => Some(pattern),
                    Err(error) => {
                        problems.push(format!("ledgerGlobs: `{text}` is not a glob: {error}"));
                        None
                    }
                }
            })
            .collect();
        let rules_url = options
            .and_then(|o| o.get("rulesDocsUrl"))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
            .or_else(local_rules_docs);
        let rule_links = rules_url
            .map(|base| {
                crate::rules::RULES
                    .iter()
                    .filter_map(|rule| {
                        let anchor = format!("{}-{}", rule.code, rule.name).to_lowercase();
                        let link = Uri::from_str(&format!("{base}#{anchor}")).ok()?;
                        Some((rule.code, link))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let lang = options.and_then(|o| o.get("lang")).and_then(|value| {
            let tag = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned);
            let lang = crate::i18n::Lang::from_tag(&tag);
            if lang.is_none() {
                let tags: Vec<&str> = crate::i18n::Lang::ALL.map(crate::i18n::Lang::tag).into();
                problems.push(format!(
                    "lang: `{tag}` is not a language of the tool; write one of {}",
                    tags.join(", ")
                ));
            }
            lang
        });
        let config = Config {
            encoding,
            ledger_globs,
            rule_links,
            lang,
        };
        (config, problems)
    }

    /// Whether the document is a ledger this server checks. One larger
    /// than `commitments check` reads is not (the editor is told on open).
    /// `listed` says whether a workspace above it lists it: read from disk
    /// on open and save, not at every change.
    pub(super) fn is_ledger(&self, uri: &Uri, document: &Document, listed: bool) -> bool {
        if document.text.len() as u64 > crate::load::MAX_LEDGER_BYTES {
            return false;
        }
        let first_line = document.text.lines().next().unwrap_or_default();
        let has_our_schema = first_line.starts_with("#:schema")
            && first_line.trim_end().ends_with("commitments.schema.json");
        let path = document.path.as_deref();
        has_our_schema
            || path.is_some_and(|p| p.file_name() == Some("commitments.toml".as_ref()))
            || listed
            || self.ledger_globs.iter().any(|glob| match path {
                Some(path) => glob.matches_path(path),
                None => glob.matches(uri.as_str()),
            })
    }
}

/// `docs/rules.md` of the source tree this binary was built from, when it
/// is still there (as after `cargo install --path .` or `--git`): the
/// rules' documentation, offline.
fn local_rules_docs() -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if !path.is_file() {
        return None;
    }
    document::path_to_uri(&path).map(|uri| uri.as_str().to_owned())
}
