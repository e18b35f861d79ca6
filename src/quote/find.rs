//! Whether each of many quotes occurs in a text, exactly: a table of the
//! quotes' first bytes for the usual case, one Aho-Corasick automaton when
//! many quotes start alike.

/// For each of `quotes`, whether it occurs in `text`: one pass over `text`
/// for all of them, so 10,000 quotes against a 1 MB source cost about one
/// scan of the source.
pub fn find_all(text: &str, quotes: &[String]) -> Vec<bool> {
    // The same quote cited many times is one pattern: duplicates would make
    // the automaton report every match once per copy.
    let mut unique: Vec<&str> = Vec::with_capacity(quotes.len());
    // Sized once: grown by doubling, it was rehashed 200 times at 10k.
    let mut index: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(quotes.len());
    let slots: Vec<usize> = quotes
        .iter()
        .map(|quote| {
            *index.entry(quote.as_str()).or_insert_with(|| {
                unique.push(quote.as_str());
                unique.len() - 1
            })
        })
        .collect();
    let found = find_unique(text, &unique);
    slots.into_iter().map(|slot| found[slot]).collect()
}

/// The bytes a quote is indexed by in [`find_by_prefix`].
const PREFIX: usize = 8;

/// The most quotes [`find_by_prefix`] lets share one prefix: more, and a
/// text full of that prefix would compare each of them at each place.
const MAX_SHARING_A_PREFIX: usize = 32;

/// [`find_all`] for distinct quotes.
fn find_unique(text: &str, quotes: &[&str]) -> Vec<bool> {
    find_by_prefix(text.as_bytes(), quotes).unwrap_or_else(|| find_by_automaton(text, quotes))
}

/// For each quote, whether it is in `text`: each place of the text is
/// looked up by its first [`PREFIX`] bytes in a table of the quotes', and
/// compared with the quotes that start so. For the quotes of one source
/// (hundreds, tens of bytes each) this costs a fraction of building an
/// Aho-Corasick automaton, which was a fifth of `check` (BENCHMARKS.md).
/// `None` when too many quotes share a prefix, or when comparing them
/// costs more than a few passes over the text.
fn find_by_prefix(text: &[u8], quotes: &[&str]) -> Option<Vec<bool>> {
    let mut found: Vec<bool> = quotes.iter().map(|q| q.is_empty()).collect();
    let key_of = |bytes: &[u8]| -> u64 {
        let mut key = [0u8; PREFIX];
        key.copy_from_slice(&bytes[..PREFIX]);
        u64::from_le_bytes(key)
    };
    // Short quotes are looked for one by one (there are few, if any).
    let mut indexed: Vec<(u64, usize)> = Vec::with_capacity(quotes.len());
    for (slot, quote) in quotes.iter().enumerate() {
        if quote.len() >= PREFIX {
            indexed.push((key_of(quote.as_bytes()), slot));
        } else if !quote.is_empty() {
            found[slot] = memchr::memmem::find(text, quote.as_bytes()).is_some();
        }
    }
    if indexed.is_empty() || text.len() < PREFIX {
        return Some(found);
    }
    indexed.sort_unstable();
    let widest = indexed
        .chunk_by(|a, b| a.0 == b.0)
        .map(<[_]>::len)
        .max()
        .unwrap_or(0);
    if widest > MAX_SHARING_A_PREFIX {
        return None;
    }
    // An open-addressed table of the distinct prefixes: slot → the run of
    // `indexed` that starts so.
    let runs: Vec<(u64, usize, usize)> = {
        let mut runs = Vec::new();
        let mut start = 0;
        for group in indexed.chunk_by(|a, b| a.0 == b.0) {
            runs.push((group[0].0, start, start + group.len()));
            start += group.len();
        }
        runs
    };
    let size = (runs.len() * 2).next_power_of_two();
    let shift = 64 - size.trailing_zeros();
    let place = |key: u64| (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize;
    let mut table: Vec<u32> = vec![u32::MAX; size];
    for (run, &(key, _, _)) in runs.iter().enumerate() {
        let mut at = place(key);
        while table[at] != u32::MAX {
            at = (at + 1) & (size - 1);
        }
        table[at] = run as u32;
    }
    // Which first two bytes any quote has: most places are passed over
    // with one look at this.
    let mut starts = vec![0u64; 1024];
    for &(key, _) in &indexed {
        let pair = (key & 0xFFFF) as usize;
        starts[pair / 64] |= 1 << (pair % 64);
    }
    let mut remaining = found.iter().filter(|f| !**f).count();
    // Bytes compared: a text of one repeated letter and quotes that repeat
    // it for thousands of bytes would compare every quote in full at every
    // place. Past this budget the automaton, linear whatever the input,
    // takes over.
    let mut budget = text.len().saturating_mul(16).saturating_add(1 << 20);
    for at in 0..=text.len() - PREFIX {
        if remaining == 0 {
            break;
        }
        let pair = usize::from(text[at]) | usize::from(text[at + 1]) << 8;
        if starts[pair / 64] & (1 << (pair % 64)) == 0 {
            continue;
        }
        let key = key_of(&text[at..]);
        let mut probe = place(key);
        let run = loop {
            match table[probe] {
                u32::MAX => break None,
                run if runs[run as usize].0 == key => break Some(run as usize),
                _ => probe = (probe + 1) & (size - 1),
            }
        };
        let Some(run) = run else { continue };
        let (_, from, to) = runs[run];
        for &(_, slot) in &indexed[from..to] {
            if found[slot] {
                continue;
            }
            budget = budget.checked_sub(quotes[slot].len())?;
            if text[at..].starts_with(quotes[slot].as_bytes()) {
                found[slot] = true;
                remaining -= 1;
            }
        }
    }
    Some(found)
}

/// [`find_all`] for distinct quotes, with one Aho-Corasick automaton: for
/// many quotes that share their first bytes.
fn find_by_automaton(text: &str, quotes: &[&str]) -> Vec<bool> {
    let mut found = vec![false; quotes.len()];
    // An empty quote is in every text (the schema refuses empty quotes).
    for (slot, quote) in found.iter_mut().zip(quotes) {
        *slot = quote.is_empty();
    }
    // A contiguous NFA builds fast and scans fast enough; the default may
    // build a DFA, which costs more than the scan for one source.
    let built = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(quotes);
    let Ok(automaton) = built else {
        // Too large to build: fall back to one search per quote.
        return quotes.iter().map(|q| text.contains(q)).collect();
    };
    let mut remaining = found.iter().filter(|f| !**f).count();
    if remaining == 0 {
        return found;
    }
    for hit in automaton.find_overlapping_iter(text) {
        let slot = &mut found[hit.pattern().as_usize()];
        if !*slot {
            *slot = true;
            remaining -= 1;
            if remaining == 0 {
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_many_quotes_in_one_pass_and_treats_them_literally() {
        let text = "a (b) [c]* d.e $f ^g";
        let quotes: Vec<String> = ["(b)", "[c]*", "d.e", "$f ^g", "d?e", "x"]
            .iter()
            .map(|q| q.to_string())
            .collect();
        assert_eq!(
            find_all(text, &quotes),
            [true, true, true, true, false, false]
        );
        // The same quote twice, and overlapping quotes.
        let quotes: Vec<String> = ["ab", "ab", "bc"].iter().map(|q| q.to_string()).collect();
        assert_eq!(find_all("abc", &quotes), [true, true, true]);
    }

    #[test]
    fn the_prefix_table_and_the_automaton_agree() {
        let text = "the two sides will build the harbour; the two sides will open it. é the end";
        let quotes = [
            "the two sides will build",
            "the two sides will open it.",
            "the two sides will close",
            "é the end",
            "the end",
            "end",
            "",
            "harbour; the two sides will open it. é the end and more",
            "it. é the",
        ];
        assert_eq!(
            find_by_prefix(text.as_bytes(), &quotes),
            Some(find_by_automaton(text, &quotes))
        );
        assert_eq!(
            find_by_automaton(text, &quotes),
            [true, true, false, true, true, true, true, false, true]
        );
        // Random texts and quotes, half of them cut from the text (some
        // across a multi-byte character), half changed by a byte.
        let mut seed: u64 = 7;
        let mut next = move |below: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % below
        };
        for _ in 0..200 {
            let words = ["ab", "abc", "ba", "é", "ab ab", " ", "c"];
            let text: String = (0..next(80)).map(|_| words[next(words.len())]).collect();
            let mut quotes: Vec<String> = Vec::new();
            for _ in 0..next(30) {
                let (start, len) = (next(text.len() + 1), next(20));
                let mut quote = text
                    .get(start..(start + len).min(text.len()))
                    .unwrap_or("ab")
                    .to_owned();
                if next(2) == 0 {
                    quote.push('x');
                }
                quotes.push(quote);
            }
            quotes.sort();
            quotes.dedup();
            let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
            if let Some(found) = find_by_prefix(text.as_bytes(), &quotes) {
                assert_eq!(
                    found,
                    find_by_automaton(&text, &quotes),
                    "{text:?} {quotes:?}"
                );
            }
        }
        // One letter, repeated: the comparisons would be quadratic, so the
        // automaton takes over, with the same answer.
        let letter = "a".repeat(200_000);
        let long: Vec<String> = (0..20)
            .map(|n| format!("{}{n}", "a".repeat(5_000)))
            .collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        assert_eq!(find_by_prefix(letter.as_bytes(), &long), None);
        assert!(find_unique(&letter, &long).iter().all(|f| !f));
        // Many quotes with one prefix go to the automaton.
        let many: Vec<String> = (0..40).map(|n| format!("the two sides {n}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(find_by_prefix(text.as_bytes(), &many), None);
        assert!(find_unique(text, &many).iter().all(|f| !f));
    }
}
