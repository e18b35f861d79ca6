//! Byte spans, and values that carry the span they were read from.

use std::ops::Range;

/// A half-open byte range `start..end` into one file's text.
///
/// Kept as two `u32`: every field of the model carries one, and at 100,000
/// commitments half the size is 40 MB less. The loader reads no ledger
/// over 256 MiB and no source over 64 MiB, so an offset always fits; one
/// past 4 GiB would be held as `u32::MAX` (a wrong place, never a panic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start: offset(start),
            end: offset(end),
        }
    }

    /// First byte of the range.
    pub const fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte of the range.
    pub const fn end(self) -> usize {
        self.end as usize
    }

    /// The span as a `Range`, as codespan and string slicing want it.
    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }
}

/// A byte offset as a `u32`, saturating.
const fn offset(byte: usize) -> u32 {
    if byte > u32::MAX as usize {
        u32::MAX
    } else {
        byte as u32
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// A value together with the span of the text it was read from.
///
/// Every field of the [`crate::model`] carries one, so that any finding can
/// point at the exact place in the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value itself.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps `value` with `span`.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// In a JSON Schema, a spanned value is just its value.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_round_trip_and_saturate_past_four_gibibytes() {
        let span = Span::new(7, 4_000_000_000);
        assert_eq!(span.range(), 7..4_000_000_000);
        let past = usize::try_from(u64::from(u32::MAX) + 1).unwrap_or(usize::MAX);
        assert_eq!(
            Span::new(past, usize::MAX).range(),
            4_294_967_295..4_294_967_295
        );
        assert!(Span::new(1, 2) < Span::new(1, 3) && Span::new(1, 3) < Span::new(2, 0));
    }
}
