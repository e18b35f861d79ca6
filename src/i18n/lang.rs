//! The languages the tool writes its reports, site and summaries in.

/// A language of the tool's own words (`locales/<tag>.ftl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Chinese in Simplified characters.
    ZhHans,
}

impl Lang {
    /// Every language, English first: the order of language switches.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::ZhHans];

    /// The BCP 47 tag: `en`, `es`, `zh-Hans`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::ZhHans => "简体中文",
        }
    }

    /// The tag to translate `ledger`'s texts into for output in this
    /// language: `None` when it is the ledger's own (`[ledger] language`).
    pub fn translating(self, ledger: &crate::model::Ledger) -> Option<&'static str> {
        (!ledger.language_tag().eq_ignore_ascii_case(self.tag())).then_some(self.tag())
    }

    /// The language of a tag, matched without regard to case (`zh-hans`
    /// is `zh-Hans`, as BCP 47 says).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(tag))
    }

    /// The language a ledger's reports are written in by default: its
    /// `[ledger] language` when the tool speaks it, else English.
    pub fn of_ledger(ledger: &crate::model::Ledger) -> Lang {
        Lang::from_tag(ledger.language_tag()).unwrap_or_default()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_ignore_case() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("ZH-hans"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
