//! The phrases every output composes from a language's messages: dates,
//! deadlines and how far from them, shares, lists, statuses, kinds and the
//! headcount. Each is one function here, so that the Markdown report, the
//! HTML report, the site and the summaries say a thing the same way.

use chrono::{Datelike, NaiveDate};

use super::{Lang, Locale};
use crate::model::{Headcount, Kind, Precision, Status};

/// A status as message ids spell it: `partially-kept`.
fn status_id(status: Status) -> String {
    status.as_str().replace('_', "-")
}

impl Locale {
    /// A status in words: "partially kept", "cumplido parcialmente".
    pub fn status(&self, status: Status) -> String {
        self.text(&format!("status-{}", status_id(status)))
    }

    /// What a status means: "underway", "en marcha".
    pub fn status_meaning(&self, status: Status) -> String {
        self.text(&format!("status-meaning-{}", status_id(status)))
    }

    /// A status as an emoji and its word; the word is always there.
    pub fn status_label(&self, status: Status) -> String {
        let emoji = match status {
            Status::Announced => "📣",
            Status::InProgress => "🚧",
            Status::Active => "🔄",
            Status::AtRisk => "⚠️",
            Status::Stalled => "⏸️",
            Status::Kept => "✅",
            Status::PartiallyKept => "🌓",
            Status::Broken => "❌",
        };
        format!("{emoji} {}", self.status(status))
    }

    /// A kind in words: "deliverable", "entregable".
    pub fn kind(&self, kind: Kind) -> String {
        self.text(&format!("kind-{}", kind.as_str()))
    }

    /// A date in a table or a list: `2024-06-28` in English (the ledger's
    /// own form), `28/06/2024` in Spanish, `2024年6月28日` in Chinese.
    pub fn date(&self, date: NaiveDate) -> String {
        self.with(
            "date-short",
            &[
                ("iso", date.to_string().into()),
                ("day", date.day().into()),
                ("dd", format!("{:02}", date.day()).into()),
                ("mm", format!("{:02}", date.month()).into()),
                ("month", date.month().into()),
                ("year", date.year().into()),
            ],
        )
    }

    /// A date in a sentence: "14 November 2024", "14 de noviembre de
    /// 2024", "2024年11月14日".
    pub fn date_words(&self, date: NaiveDate) -> String {
        self.with(
            "date-words",
            &[
                ("day", date.day().into()),
                ("month", self.month(date.month()).into()),
                ("month-number", date.month().into()),
                ("year", date.year().into()),
            ],
        )
    }

    /// "May 2025", "mayo de 2025", "2025年5月".
    pub fn month_year(&self, date: NaiveDate) -> String {
        self.with(
            "month-year",
            &[
                ("month", self.month(date.month()).into()),
                ("month-number", date.month().into()),
                ("year", date.year().into()),
            ],
        )
    }

    fn month(&self, month: u32) -> String {
        self.text(&format!("month-{month}"))
    }

    /// A deadline as every output writes it: a day, "by the end of
    /// November 2024" or "by the end of 2029", followed by "(the editors'
    /// estimate)" when no source states it. A month or a year is never
    /// written as the day that stands for it.
    pub fn deadline(&self, due: NaiveDate, precision: Precision, estimated: bool) -> String {
        let date = match precision {
            Precision::Day => self.date(due),
            Precision::Month => self.with(
                "deadline-month",
                &[("month-year", self.month_year(due).into())],
            ),
            Precision::Year => self.with("deadline-year", &[("year", due.year().into())]),
        };
        if estimated {
            self.with("deadline-estimated", &[("deadline", date.into())])
        } else {
            date
        }
    }

    /// What a count of days against a deadline rests on, to follow "16 days
    /// early" or "3 days overdue": nothing for a day that a source states.
    pub fn against(&self, precision: Precision, estimated: bool) -> String {
        match (estimated, precision) {
            (true, _) => self.text("against-estimate"),
            (false, Precision::Day) => String::new(),
            (false, Precision::Month) => self.text("against-month"),
            (false, Precision::Year) => self.text("against-year"),
        }
    }

    /// "1 day", "16 days", "16 días", "16天".
    pub fn days(&self, days: u64) -> String {
        self.with("days", &[("n", days.into())])
    }

    /// "3 days overdue" (no basis: see [`Locale::against`]).
    pub fn days_overdue(&self, days: i64) -> String {
        self.with(
            "days-overdue",
            &[("days", self.days(days.unsigned_abs()).into())],
        )
    }

    /// A delivery against its deadline: "16 days early, against the
    /// editors' estimate of the deadline", "on the deadline", "3 days late".
    pub fn deviation(&self, days: i64, precision: Precision, estimated: bool) -> String {
        let words = match days {
            0 => self.text("deviation-on-time"),
            d if d < 0 => self.with(
                "deviation-early",
                &[("days", self.days(d.unsigned_abs()).into())],
            ),
            d => self.with(
                "deviation-late",
                &[("days", self.days(d.unsigned_abs()).into())],
            ),
        };
        format!("{words}{}", self.against(precision, estimated))
    }

    /// A share in percent with its one decimal: "58.3%", "58,3 %".
    pub fn percent(&self, percent: f64) -> String {
        let number = percent.to_string();
        let number = match self.lang() {
            Lang::Es => number.replace('.', ","),
            Lang::En | Lang::ZhHans => number,
        };
        self.with("percent", &[("value", number.into())])
    }

    /// "N of M": shares of fewer than [`MIN_FOR_PERCENT`] items are not
    /// given as percentages, which would claim a precision a handful
    /// cannot have.
    pub fn share(&self, part: usize, whole: usize, percent: f64) -> String {
        let args = [("part", part.into()), ("whole", whole.into())];
        if whole >= MIN_FOR_PERCENT {
            let mut args = args.to_vec();
            args.push(("percent", self.percent(percent).into()));
            self.with("share-percent", &args)
        } else {
            self.with("share", &args)
        }
    }

    /// "a", "a and b", "a, b and c".
    pub fn list(&self, mut items: Vec<String>) -> String {
        let Some(last) = items.pop() else {
            return String::new();
        };
        if items.is_empty() {
            return last;
        }
        let first = items.join(&self.text("list-comma"));
        self.with(
            "list-two",
            &[("first", first.into()), ("last", last.into())],
        )
    }

    /// A count of things by the message `id`, which picks its plural
    /// form: `count-commitments`, `count-errors`…
    pub fn count(&self, id: &str, n: usize) -> String {
        self.with(id, &[("n", n.into())])
    }

    /// "24 commitments (5 signed at the talks) plus 1 request and 1
    /// umbrella", or "2 commitments": groups that are empty are not named.
    pub fn headcount(&self, count: &Headcount) -> String {
        format!(
            "{}{}",
            self.count("count-commitments", count.commitments),
            self.headcount_rest(count)
        )
    }

    /// What a headcount says after "N commitments", starting with its own
    /// space or punctuation: " (5 signed at the talks) plus 1 request and
    /// 1 umbrella", or nothing.
    pub fn headcount_rest(&self, count: &Headcount) -> String {
        let mut rest = String::new();
        if count.signed_at_talks > 0 {
            rest.push_str(&self.count("headcount-signed", count.signed_at_talks));
        }
        let uncounted: Vec<String> = [
            ("count-requests", count.requests),
            ("count-umbrellas", count.umbrellas),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| self.count(id, n))
        .collect();
        if !uncounted.is_empty() {
            rest.push_str(&self.with("headcount-plus", &[("list", self.list(uncounted).into())]));
        }
        rest
    }

    /// `sentence` with its first letter capitalised, for a status that
    /// opens a sentence ("Kept on …", "Cumplido el …").
    pub fn capitalised(&self, sentence: &str) -> String {
        let mut chars = sentence.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The fewest items a share is given as a percentage of.
pub const MIN_FOR_PERCENT: usize = 10;

impl std::fmt::Display for Headcount {
    /// The headcount in English, where no language was chosen (the
    /// diagnostics' own words).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Locale::en().headcount(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn deadlines_say_their_precision_and_whether_they_are_estimated() {
        let en = Locale::en();
        assert_eq!(
            en.deadline(day("2024-11-30"), Precision::Day, false),
            "2024-11-30"
        );
        assert_eq!(
            en.deadline(day("2024-11-30"), Precision::Day, true),
            "2024-11-30 (the editors' estimate)"
        );
        assert_eq!(
            en.deadline(day("2025-05-31"), Precision::Month, false),
            "by the end of May 2025"
        );
        assert_eq!(
            en.deadline(day("2029-12-31"), Precision::Year, false),
            "by the end of 2029"
        );
        assert_eq!(
            en.deviation(-16, Precision::Day, true),
            "16 days early, against the editors' estimate of the deadline"
        );
        assert_eq!(en.deviation(1, Precision::Day, false), "1 day late");
        assert_eq!(en.share(1, 2, 50.0), "1 of 2");
        assert_eq!(en.share(7, 12, 58.3), "7 of 12 (58.3%)");
    }

    #[test]
    fn spanish_and_chinese_write_dates_and_numbers_their_way() {
        let es = Locale::of(Lang::Es);
        let zh = Locale::of(Lang::ZhHans);
        assert_eq!(es.date_words(day("2024-11-14")), "14 de noviembre de 2024");
        assert_eq!(zh.date_words(day("2024-11-14")), "2024年11月14日");
        assert_eq!(es.date(day("2024-06-08")), "08/06/2024");
        assert_eq!(zh.date(day("2024-06-08")), "2024年6月8日");
        assert_eq!(
            es.deadline(day("2025-05-31"), Precision::Month, false),
            "antes del fin de mayo de 2025"
        );
        assert_eq!(
            zh.deadline(day("2029-12-31"), Precision::Year, false),
            "2029年底前"
        );
        assert_eq!(es.share(7, 12, 58.3), "7 de 12 (58,3 %)");
        assert_eq!(es.days(1), "1 día");
        assert_eq!(es.days(2), "2 días");
        assert_eq!(zh.days(2), "2天");
        assert_eq!(
            es.list(vec!["a".into(), "b".into(), "c".into()]),
            "a, b y c"
        );
        assert_eq!(
            zh.list(vec!["甲".into(), "乙".into(), "丙".into()]),
            "甲、乙和丙"
        );
    }

    #[test]
    fn headcounts_name_only_the_groups_there_are() {
        let en = Locale::en();
        let count = Headcount {
            commitments: 24,
            signed_at_talks: 5,
            requests: 1,
            umbrellas: 1,
        };
        assert_eq!(
            en.headcount(&count),
            "24 commitments (5 signed at the talks) plus 1 request and 1 umbrella"
        );
        assert_eq!(
            en.headcount(&Headcount {
                commitments: 1,
                ..Headcount::default()
            }),
            "1 commitment"
        );
        assert_eq!(
            Locale::of(Lang::Es).headcount(&count),
            "24 compromisos (5 firmados en las conversaciones) más 1 solicitud y 1 compromiso marco"
        );
        assert_eq!(
            Locale::of(Lang::ZhHans).headcount(&count),
            "24项承诺（其中5项在会谈期间签署），另有1项请求和1项总括承诺"
        );
    }
}
