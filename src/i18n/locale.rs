//! A language's messages: `locales/<tag>.ftl`, built into the binary and
//! read with Project Fluent, whose plural rules are CLDR's.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The message files, one per language, as they are in `locales/`.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../locales/en.ftl")),
    (Lang::Es, include_str!("../../locales/es.ftl")),
    (Lang::ZhHans, include_str!("../../locales/zh-Hans.ftl")),
];

/// One language's messages, ready to format.
pub struct Locale {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("lang", &self.lang).finish()
    }
}

impl Locale {
    /// The messages of `lang`, made once per process, and only for the
    /// languages a run uses: an English `check` parses no other file.
    pub fn of(lang: Lang) -> &'static Locale {
        static LOCALES: [OnceLock<Locale>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let index = SOURCES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
        LOCALES[index].get_or_init(|| Locale::new(lang, SOURCES[index].1))
    }

    /// English, the language of diagnostics and the default of reports.
    pub fn en() -> &'static Locale {
        Locale::of(Lang::En)
    }

    fn new(lang: Lang, source: &str) -> Locale {
        // The files are part of the build and tested (`tests/it/i18n.rs`):
        // a syntax error in one keeps the messages that parsed.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(ok, _)| ok);
        let id = lang
            .tag()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks would end up in Markdown, CSV and
        // terminals; values are escaped by each output instead.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        Locale { lang, bundle }
    }

    /// Which language this is.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`, which takes no arguments.
    pub fn text(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// The message `id` with its arguments. A missing message is written
    /// as its id, so that it shows; the tests keep every id in every file.
    pub fn with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}
