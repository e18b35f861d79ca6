//! A string of the ledger that shares the ledger's text instead of copying it.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A string of the model: a range of the text it was read from, or a text
/// of its own (a string with escapes, or one made by a program).
///
/// Why: a ledger of 100,000 commitments holds 2.2 million strings, 57 MB
/// of them, and as `String`s they were copies of the text that is kept
/// anyway for the diagnostics. A `SharedStr` is 16 bytes (a `String` is
/// 24) and costs no allocation when it is a range of the text.
///
/// It reads as a `str` (it derefs to one) and compares, orders and hashes
/// as its characters do, wherever they are kept.
#[derive(Clone)]
pub struct SharedStr {
    text: Arc<String>,
    start: u32,
    end: u32,
}

impl SharedStr {
    /// A string with a text of its own.
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        match u32::try_from(text.len()) {
            Ok(end) => SharedStr {
                text: Arc::new(text),
                start: 0,
                end,
            },
            // Past 4 GiB a string cannot be a range: no loader reads one.
            Err(_) => SharedStr::new(String::new()),
        }
    }

    /// `part` as a range of `text` when it lies in it (a string read without
    /// escapes); otherwise a copy of `part`.
    pub(crate) fn within(text: &Arc<String>, part: &str) -> Self {
        let base = text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        let range = at
            .checked_sub(base)
            .filter(|start| start + part.len() <= text.len())
            .and_then(|start| Some((u32::try_from(start).ok()?, start + part.len())))
            .and_then(|(start, end)| Some((start, u32::try_from(end).ok()?)));
        match range {
            Some((start, end)) => SharedStr {
                text: Arc::clone(text),
                start,
                end,
            },
            None => SharedStr::new(part),
        }
    }

    /// Whether this is a range of `text` rather than a copy.
    #[cfg(test)]
    pub(crate) fn is_range_of(&self, text: &Arc<String>) -> bool {
        Arc::ptr_eq(&self.text, text)
    }

    /// The characters.
    pub fn as_str(&self) -> &str {
        // The range was cut from this very text, at char boundaries (a
        // whole `&str` within it), so this slicing cannot fail.
        &self.text[self.start as usize..self.end as usize]
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        SharedStr::new(String::new())
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<std::path::Path> for SharedStr {
    fn as_ref(&self) -> &std::path::Path {
        self.as_str().as_ref()
    }
}

impl AsRef<std::ffi::OsStr> for SharedStr {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.as_str().as_ref()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        SharedStr::new(text)
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        SharedStr::new(text)
    }
}

impl From<&SharedStr> for String {
    fn from(text: &SharedStr) -> Self {
        text.as_str().to_owned()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As `str` hashes, so that a map keyed by it finds a `&str`.
        self.as_str().hash(state);
    }
}

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// In a JSON Schema, a shared string is a string.
impl schemars::JsonSchema for SharedStr {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_the_text_is_a_range_of_it_and_anything_else_a_copy() {
        let text = Arc::new("title = \"Chancay\"".to_owned());
        let inside = SharedStr::within(&text, &text[9..16]);
        assert_eq!(inside, "Chancay");
        assert!(inside.is_range_of(&text));

        let decoded = String::from("Chan\u{e7}ay");
        let outside = SharedStr::within(&text, &decoded);
        assert_eq!(outside, "Chançay");
        assert!(!outside.is_range_of(&text));

        // A string that starts in the text and runs past its end is copied.
        let longer = format!("{}!", &text[9..]);
        assert_eq!(SharedStr::within(&text, &longer), "Chancay\"!");
        assert_eq!(SharedStr::within(&text, &text[17..]), "");
    }

    #[test]
    fn it_compares_orders_hashes_and_prints_as_its_characters() {
        use std::collections::HashSet;
        let text = Arc::new("b a".to_owned());
        let a = SharedStr::within(&text, &text[2..]);
        let b = SharedStr::within(&text, &text[..1]);
        assert_eq!(a, SharedStr::new("a"));
        assert!(a < b);
        assert_eq!(a, "a");
        assert_eq!("a", a);
        let owned = String::from("a");
        assert_eq!(a, owned);
        let set: HashSet<SharedStr> = [a.clone(), b].into_iter().collect();
        assert!(set.contains("a"));
        assert_eq!(format!("{a} {a:?}"), "a \"a\"");
        assert_eq!(std::mem::size_of::<SharedStr>(), 16);
    }
}
