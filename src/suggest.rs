//! "Did you mean ...?" for misspelled keys, ids and values.

/// The candidate closest to `word`, if one is close enough to be a likely typo.
///
/// Close enough means an edit distance (with transpositions) of at most a
/// third of the word's length, and at most 3.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// `a`, `b` and `c` as "`a`, `b` or `c`".
pub fn one_of<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = values.into_iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_transpositions_and_rejects_strangers() {
        let keys = ["status", "source", "title"];
        assert_eq!(closest("stauts", keys), Some("status"));
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("evidence", keys), None);
    }

    #[test]
    fn lists_values() {
        assert_eq!(one_of(["a"]), "`a`");
        assert_eq!(one_of(["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
