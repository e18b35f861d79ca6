//! The languages of a site: the ledger's own at the root, and each other
//! language of `[ledger] languages` that the tool speaks in a folder named
//! by its tag (`es/`, `zh-Hans/`) holding the readers' pages and a feed.

use crate::i18n::Lang;
use crate::model::Ledger;

/// A site's languages, and the one a set of pages is written in.
#[derive(Debug, Clone)]
pub(crate) struct SiteLanguages {
    /// Every language of the site, the root's first.
    all: Vec<Lang>,
    /// The language of these pages.
    here: Lang,
}

impl SiteLanguages {
    /// The languages of `ledger`'s site: its own (or English), then those
    /// of `[ledger] languages` the tool speaks, in the order written. A
    /// language the tool does not speak has no pages: nothing to write
    /// them with.
    pub(crate) fn of(ledger: &Ledger) -> SiteLanguages {
        let mut all = vec![Lang::of_ledger(ledger)];
        let declared = ledger.meta.as_ref().map_or(&[][..], |m| &m.languages[..]);
        for tag in declared {
            if let Some(lang) = Lang::from_tag(&tag.value)
                && !all.contains(&lang)
            {
                all.push(lang);
            }
        }
        let here = all[0];
        SiteLanguages { all, here }
    }

    /// The languages of a workspace's dashboard: those of the first
    /// ledger's site that every ledger's site has, its root's first.
    pub(crate) fn common(ledgers: &[SiteLanguages]) -> SiteLanguages {
        let Some(first) = ledgers.first() else {
            return SiteLanguages {
                all: vec![Lang::En],
                here: Lang::En,
            };
        };
        let all: Vec<Lang> = first
            .all()
            .enumerate()
            .filter(|(index, lang)| *index == 0 || ledgers.iter().all(|l| l.all.contains(lang)))
            .map(|(_, lang)| lang)
            .collect();
        SiteLanguages { here: all[0], all }
    }

    /// The same site's pages in `lang`.
    pub(crate) fn in_lang(&self, lang: Lang) -> SiteLanguages {
        SiteLanguages {
            all: self.all.clone(),
            here: lang,
        }
    }

    /// Every language, the root's first.
    pub(crate) fn all(&self) -> impl Iterator<Item = Lang> + '_ {
        self.all.iter().copied()
    }

    /// The languages written in a folder of their own.
    pub(crate) fn translations(&self) -> impl Iterator<Item = Lang> + '_ {
        self.all.iter().copied().skip(1)
    }

    /// Whether the site has more than one language (and so a switch).
    pub(crate) fn is_many(&self) -> bool {
        self.all.len() > 1
    }

    /// The language of these pages.
    pub(crate) fn here(&self) -> Lang {
        self.here
    }

    /// The folder of `lang`'s pages under the site's root: empty for the
    /// root's language, else its tag and a slash.
    pub(crate) fn folder(&self, lang: Lang) -> String {
        if lang == self.all[0] {
            String::new()
        } else {
            format!("{}/", lang.tag())
        }
    }

    /// The way from these pages' root up to the site's root, where the
    /// files written once live (style, downloads, sources, checks).
    pub(crate) fn up(&self) -> &'static str {
        if self.here == self.all[0] { "" } else { "../" }
    }

    /// The address of the page `here` (a path from a language's root) in
    /// `lang`, from a page whose way to its language's root is `root`;
    /// absolute under the site's base URL when there is one.
    pub(crate) fn href(
        &self,
        site: &super::Site<'_>,
        root: &str,
        lang: Lang,
        here: &str,
    ) -> String {
        let path = format!("{}{here}", self.folder(lang));
        match &site.base_url {
            Some(base) => format!("{base}{path}"),
            None => format!("{root}{}{path}", self.up()),
        }
    }
}
