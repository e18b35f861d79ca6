//! The dashboard's description of the ledger as a dataset, for search
//! engines.

use super::Site;

/// schema.org `Dataset` JSON-LD for the dashboard, as Google Dataset Search
/// reads it: the ledger's name and description, the period its
/// commitments cover, who publishes it, and every download. No licence:
/// the ledger format has no field for one yet.
pub(super) fn dataset_json_ld(site: &Site<'_>) -> String {
    let report = &site.report;
    let first = report
        .commitments
        .iter()
        .map(|c| c.made)
        .min()
        .unwrap_or(report.as_of);
    let download = |path: &str, format: &str| serde_json::json!({ "@type": "DataDownload", "encodingFormat": format, "contentUrl": site.shared_href(path) });
    let mut dataset = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": report.title,
        "description": report.description.clone().unwrap_or_else(|| report.title.clone()),
        "identifier": report.ledger_id,
        "temporalCoverage": format!("{first}/{}", report.as_of),
        "dateModified": report.as_of.to_string(),
        "distribution": [
            download("ledger.json", "application/json"),
            download("commitments.csv", "text/csv"),
            download("datapackage.json", "application/vnd.datapackage+json"),
            download("deadlines.ics", "text/calendar"),
            serde_json::json!({ "@type": "DataDownload", "encodingFormat": "application/atom+xml", "contentUrl": site.href("feed.xml") }),
        ],
    });
    if let Some(publisher) = site.view.meta.as_ref().and_then(|m| m.publisher.as_ref()) {
        dataset["publisher"] =
            serde_json::json!({ "@type": "Organization", "name": publisher.value });
    }
    // No `<` at all inside the script element: ledger text such as
    // `</script>` or `<!--` could end it or change how it is parsed. The
    // JSON escape reads back as the same text.
    let text = serde_json::to_string(&dataset)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{text}</script>")
}
