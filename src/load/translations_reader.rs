//! `i18n` tables and language tags: `[commitment.i18n.es] title = "…"`.

use crate::model::{SharedStr, Translation, Translations};
use crate::rules::schema;
use crate::span::Spanned;

use super::reader::{FindingSink, TableReader, Value, text};

/// Whether `tag` has the shape of a BCP 47 tag: ASCII letters and digits
/// in parts of one to eight, joined by hyphens, the first letters only.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A language tag, such as `language = "es"`.
pub(crate) fn language_tag(
    value: Value<'_>,
    key: &str,
    sink: &mut FindingSink,
) -> Option<Spanned<SharedStr>> {
    let tag = text(value, key, sink)?;
    if !is_language_tag(&tag.value) {
        sink.push(schema::bad_language_tag(tag.span, key, &tag.value));
        return None;
    }
    Some(tag)
}

/// An `i18n` table: language tag → a table of the `keys` it may translate,
/// each a text.
pub(crate) fn read_translations(
    value: Value<'_>,
    key: &str,
    keys: &'static [&'static str],
    sink: &mut FindingSink,
) -> Option<Translations> {
    let Some(table) = value.as_table() else {
        sink.push(schema::wrong_type(
            sink.span_of(value),
            key,
            "a table of languages, such as `i18n.es.title = \"...\"`",
            &value.describe(),
        ));
        return None;
    };
    let mut translations = Vec::new();
    for (tag, tag_span, texts) in table.iter() {
        let language = Spanned::new(sink.string(tag), sink.shift(tag_span));
        if !is_language_tag(tag) {
            sink.push(schema::bad_language_tag(language.span, key, tag));
            continue;
        }
        let reader = TableReader::of(texts, tag, format!("`{key}.{tag}`"), keys, sink)?;
        let mut read = Vec::new();
        for wanted in keys {
            if let Ok(Some(text)) = reader.optional(wanted, sink, text) {
                read.push((Spanned::new(SharedStr::from(*wanted), text.span), text));
            }
        }
        let span = reader.span;
        reader.finish(sink);
        translations.push(Translation {
            language,
            texts: read,
            span,
        });
    }
    Some(Translations::new(translations))
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn language_tags_have_the_bcp47_shape() {
        for good in ["en", "es", "zh-Hans", "zh-Hant-TW", "es-419"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "zh_Hans", "español", "-es", "es-", "123"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
