//! Closest catalogue entries to a misspelt or misplaced opening, by edit distance.

/// Longest input compared, in characters: openings are short, and the cap keeps the
/// quadratic distance computation bounded on pasted paragraphs.
const MAX_CHARS: usize = 80;

/// Lower-cased, whitespace-collapsed, capped form used for comparisons.
pub(crate) fn normalise(s: &str) -> Vec<char> {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .chars()
        .flat_map(char::to_lowercase)
        .take(MAX_CHARS)
        .collect()
}

/// Levenshtein distance over characters.
pub(crate) fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let subst = prev[j] + usize::from(ca != cb);
            cur[j + 1] = subst.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The first word without its inflection, so that the preambular and operative forms of one
/// verb meet: "recalling"/"recalls" -> "recall", "noting"/"notes" -> "not".
pub(crate) fn stem_first_word(s: &[char]) -> Vec<char> {
    let split = s.iter().position(|c| *c == ' ').unwrap_or(s.len());
    let (first, rest) = s.split_at(split);
    let cut = ["ing", "es", "s"]
        .iter()
        .map(|suffix| suffix.chars().collect::<Vec<_>>())
        .find(|suffix| first.len() > suffix.len() + 2 && first.ends_with(suffix))
        .map_or(0, |suffix| suffix.len());
    let mut out = first[..first.len() - cut].to_vec();
    out.extend_from_slice(rest);
    out
}

/// Distance between an input and a catalogue phrase: plain edit distance, or the distance
/// between their stems plus one (a wrong inflection costs one edit, not three).
pub(crate) fn distance(input: &[char], input_stem: &[char], phrase: &str) -> usize {
    let p = normalise(phrase);
    let plain = levenshtein(input, &p);
    let stemmed = levenshtein(input_stem, &stem_first_word(&p)) + 1;
    plain.min(stemmed)
}

/// The largest distance still worth suggesting for an input of `len` characters.
pub(crate) fn threshold(len: usize) -> usize {
    (len * 2 / 5).max(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein(&chars("recals"), &chars("recalls")), 1);
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars(""), &chars("abc")), 3);
    }

    #[test]
    fn stems_meet_across_kinds() {
        for (a, b) in [
            ("recalling", "recalls"),
            ("noting with concern", "notes with concern"),
            ("welcoming", "welcomes"),
            ("expressing", "expresses"),
            ("taking note of", "takes note of"),
        ] {
            assert_eq!(
                stem_first_word(&chars(a)),
                stem_first_word(&chars(b)),
                "{a}"
            );
        }
    }

    #[test]
    fn wrong_inflection_costs_one() {
        let input = normalise("Recalling");
        assert_eq!(distance(&input, &stem_first_word(&input), "Recalls"), 1);
    }

    #[test]
    fn normalise_caps_long_input() {
        assert_eq!(normalise(&"a ".repeat(1000)).len(), MAX_CHARS);
    }
}
