//! `i18n`: a table's texts in other languages, each the editors'
//! translation. Quotes are never translated, so no `i18n` table holds one.

use std::collections::BTreeMap;

use super::SharedStr;
use crate::span::{Span, Spanned};

/// The translations of one table (`[commitment.i18n.es]`, say), by
/// language, in file order. Most tables have none: a boxed slice costs a
/// commitment or an update two words, not three.
#[derive(Debug, Clone, Default)]
pub struct Translations(Option<Box<[Translation]>>);

/// One language's texts for a table.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language tag: the key under `i18n`, such as `es` or `zh-Hans`.
    pub language: Spanned<SharedStr>,
    /// Key (such as `title`) → its text in that language, in file order.
    pub texts: Vec<(Spanned<SharedStr>, Spanned<SharedStr>)>,
    /// The table.
    pub span: Span,
}

impl Translations {
    /// The translations read from one `i18n` table.
    pub fn new(translations: Vec<Translation>) -> Self {
        Translations((!translations.is_empty()).then(|| translations.into_boxed_slice()))
    }

    /// Each language's texts, in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, Translation> {
        self.0.as_deref().map_or([].iter(), |t| t.iter())
    }

    /// The text of `key` in `language` (tags compared without regard to
    /// case, as BCP 47 says), if the editors translated it.
    pub fn get(&self, language: &str, key: &str) -> Option<&str> {
        self.iter()
            .filter(|t| t.language.value.eq_ignore_ascii_case(language))
            .flat_map(|t| &t.texts)
            .find(|(k, _)| k.value == key)
            .map(|(_, text)| text.value.as_str())
    }

    /// `original` in `language`: the editors' translation, or the original
    /// when there is none (the `missing-translation` rule says so).
    pub fn pick<'a>(&'a self, language: &str, key: &str, original: &'a str) -> &'a str {
        self.get(language, key).unwrap_or(original)
    }

    /// [`Translations::pick`] into `language`, or `original` itself when
    /// there is no language to translate into (a page in the ledger's own).
    pub fn pick_in<'a>(&'a self, language: Option<&str>, key: &str, original: &'a str) -> &'a str {
        match language {
            Some(language) => self.pick(language, key, original),
            None => original,
        }
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}

/// How the JSON Schema describes an `i18n` table: language tag → key →
/// text.
pub type TranslationsSchema = Option<BTreeMap<String, BTreeMap<String, String>>>;
