//! The maintainers' pages: `checks/`, every finding of the checker with its
//! rule, line and column, and `rules/<rule>/`, each rule's documentation
//! rendered from its Markdown. Readers' pages carry none of this.

use std::io::Write;

use maud::{Markup, PreEscaped, html};

use super::Site;
use super::pages::{commitment_href, page};
use super::parts::{frame, write_part};
use crate::report::ReportFinding;
use crate::rules;

/// Every finding at the as-of date, grouped by rule in the registry's order,
/// written as it is made, a few hundred findings at a time: at 100,000
/// commitments the page lists 150,000 findings, and made whole it took
/// three copies of 40 MB at the site's peak. The bytes are those of the
/// page made whole.
pub(super) fn checks(site: &Site<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    const CHUNK: usize = 500;
    let root = "../";
    let report = &site.report;
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    let by_rule: Vec<(&crate::rule::Rule, Vec<&ReportFinding>)> = rules::RULES
        .iter()
        .map(|rule| {
            let findings = report
                .findings
                .iter()
                .filter(|f| f.code == rule.code)
                .map(|f| &**f)
                .collect::<Vec<_>>();
            (*rule, findings)
        })
        .filter(|(_, findings)| !findings.is_empty())
        .collect();
    let (before, after) = frame(site, root, None, "Checks");
    out.write_all(before.as_bytes())?;
    write_part(
        out,
        html! {
            header {
                h1 { "Checks" }
                p.meta { "For the ledger's maintainers: what " code { "commitments check --as-of " (report.as_of) } " reports. "
                    (crate::text::plural(report.findings.len(), "finding", "findings")) ", "
                    (crate::text::plural(errors, "error", "errors")) "." }
            }
            @if by_rule.is_empty() { p.muted { "No finding." } }
        },
    )?;
    for (rule, findings) in &by_rule {
        write_part(
            out,
            html! {
                (PreEscaped("<section>"))
                h2 { (rule.code) " " (rule.name) ": " (findings.len()) }
                p { (code_spans(rule.summary)) ". " a href=(format!("{root}rules/{}/index.html", rule.name)) { "About the rule" } }
                (PreEscaped("<ul>"))
            },
        )?;
        for chunk in findings.chunks(CHUNK) {
            write_part(
                out,
                html! { @for finding in chunk {
                    li class=(format!("finding-{}", finding.severity)) {
                        (finding.severity) ", line " (finding.line) ", column " (finding.column) ": "
                        @if let Some(id) = &finding.commitment {
                            @let title = site.commitment(id).map_or(id.as_str(), |c| c.title.value.as_str());
                            a href=(commitment_href(root, id)) { (title) } ": "
                        }
                        (code_spans(&finding.message))
                    }
                } },
            )?;
        }
        write_part(out, PreEscaped("</ul></section>".to_owned()))?;
    }
    write_part(
        out,
        html! { p { "Every rule: " @for rule in rules::RULES { a href=(format!("{root}rules/{}/index.html", rule.name)) { (rule.name) } " " } } },
    )?;
    out.write_all(after.as_bytes())
}

/// A rule's documentation, rendered as HTML, and its findings here.
pub(super) fn rule(site: &Site<'_>, rule: &crate::rule::Rule) -> String {
    let root = "../../";
    let findings = site
        .report
        .findings
        .iter()
        .filter(|f| f.code == rule.code)
        .count();
    let body = html! {
        header {
            h1 { (rule.code) " " (rule.name) }
            p.meta { "Default level: " (rule.default_level.as_str()) }
            p { (code_spans(rule.summary)) "." }
        }
        div.doc { (PreEscaped(markdown_html(rule.doc))) }
        h2 { "In this ledger" }
        p { (crate::text::plural(findings, "finding", "findings")) @if findings > 0 { ": " a href=(format!("{root}checks/index.html")) { "see the checks" } } "." }
    };
    page(
        site,
        root,
        None,
        &format!("{} {}", rule.code, rule.name),
        body,
    )
}

/// A finding's or a rule's text, its `backticked` words as code, as
/// Markdown would show them, and no backtick left.
fn code_spans(text: &str) -> Markup {
    html! {
        @for (index, part) in text.split('`').enumerate() {
            @if index % 2 == 1 { code { (part) } } @else { (part) }
        }
    }
}

/// A rule's Markdown as HTML, its `#` headings one level down (the page's
/// `h1` is the rule). The docs are the project's own text, not the ledger's; raw
/// HTML in them is shown as text all the same.
fn markdown_html(doc: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    // The docs' sections are `##`: they follow the page's `h1` as `h2`.
    let down = |level: HeadingLevel| match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H2,
        HeadingLevel::H3 => HeadingLevel::H3,
        _ => HeadingLevel::H4,
    };
    let events = Parser::new(doc).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: down(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(down(level))),
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::{code_spans, markdown_html};

    #[test]
    fn backticked_words_become_code() {
        assert_eq!(
            code_spans("`a-b` is not `x`").into_string(),
            "<code>a-b</code> is not <code>x</code>"
        );
        assert_eq!(code_spans("<b>").into_string(), "&lt;b&gt;");
    }

    #[test]
    fn a_rule_doc_becomes_html_without_markdown_syntax_or_raw_html() {
        let html = markdown_html(
            "## Why\n\nIds are `kebab-case`.\n\n```toml\nid = \"x\"\n```\n\n<script>x</script>\n",
        );
        assert!(html.contains("<h2>Why</h2>"), "{html}");
        assert!(html.contains("<code>kebab-case</code>"), "{html}");
        assert!(
            html.contains("<pre><code class=\"language-toml\">id = \"x\""),
            "{html}"
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("##") && !html.contains("```"), "{html}");
    }
}
