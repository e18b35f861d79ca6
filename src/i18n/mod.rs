//! The tool's words in English, Spanish and Simplified Chinese: the
//! languages ([`Lang`]), their messages ([`Locale`], from `locales/*.ftl`),
//! and the phrases every output composes from them (dates, deadlines,
//! counts, statuses).

mod lang;
mod locale;
mod phrases;

pub use fluent_bundle::FluentValue;
pub use lang::Lang;
pub use locale::{Locale, SOURCES};
pub use phrases::MIN_FOR_PERCENT;
