//! Recognising the opening phrase of a paragraph ("Noting with appreciation", "Also requests")
//! without a catalogue: optional adverbs, a head word of the right form, then the complements
//! that the corpus shows to belong to the head ("Calls upon", "Takes note with appreciation
//! of", "Bearing in mind", "Expressing its deep concern").

use crate::model::Kind;

/// Adverbs that may stand before the head ("Also requests", "Deeply concerned") or after it
/// ("Recalling also", "Decides further").
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "again",
    "strongly",
    "deeply",
    "firmly",
    "gravely",
    "seriously",
    "profoundly",
    "greatly",
    "fully",
    "urgently",
    "once",
    "most",
    "equally",
    "particularly",
    "especially",
    "still",
    "moreover",
    "emphatically",
    "solemnly",
    "highly",
    "extremely",
    "increasingly",
    "additionally",
    "likewise",
    "similarly",
    "therefore",
];

/// Adjectives that head a preambular paragraph ("Mindful", "Aware").
const ADJECTIVES: &[&str] = &[
    "mindful",
    "aware",
    "conscious",
    "cognizant",
    "cognisant",
    "desirous",
    "confident",
    "anxious",
    "fearful",
    "hopeful",
    "grateful",
    "appreciative",
    "apprehensive",
    "eager",
    "keen",
    "resolute",
    "sensitive",
    "respectful",
    "fully",
];

/// Capitalised words ending in "s" that open a sentence as nouns, not as verbs.
const NOT_VERBS: &[&str] = &[
    "states",
    "members",
    "governments",
    "parties",
    "nations",
    "countries",
    "actions",
    "measures",
    "resolutions",
    "representatives",
    "proposals",
    "forests",
    "this",
    "its",
    "his",
    "thus",
    "as",
    "was",
    "has",
    "is",
    "progress",
    "access",
    "business",
    "address",
    "status",
    "process",
    "success",
    "focus",
    "consensus",
    "census",
    "chairs",
    "experts",
    "persons",
    "peoples",
    "rights",
    "activities",
    "programmes",
    "resources",
    "organizations",
    "institutions",
    "operations",
    "services",
    "affairs",
    "relations",
    "territories",
    "forces",
    "refugees",
    "migrants",
    "workers",
];

/// Nouns of feeling that follow "with" ("Noting with appreciation") or "Expresses its ...".
const FEELINGS: &[&str] = &[
    "appreciation",
    "concern",
    "satisfaction",
    "interest",
    "regret",
    "alarm",
    "gratitude",
    "approval",
    "deep",
    "grave",
    "great",
    "serious",
    "profound",
    "utmost",
    "particular",
    "sincere",
    "strong",
    "full",
    "deepest",
    "outrage",
    "indignation",
    "condolences",
    "solidarity",
    "support",
    "thanks",
    "sympathy",
    "hope",
    "conviction",
    "intention",
    "willingness",
    "commitment",
    "dismay",
    "disappointment",
    "readiness",
    "determination",
    "recognition",
    "heartfelt",
    "firm",
    "unwavering",
    "continued",
    "increasing",
];

/// Byte length of the opening phrase at the start of `text`, if one is recognised.
pub fn opening_len(text: &str, kind: Kind) -> Option<usize> {
    let words = words(text);
    let mut i = leading_adverbs(&words);
    let head = words.get(i)?;
    let head_lower = head.lower();
    let ok = match kind {
        Kind::Preambular => is_preambular_head(&head_lower, head.word),
        Kind::Operative => is_operative_head(&head_lower, head.word),
    };
    if !ok || !(i > 0 || starts_upper(head.word)) {
        return None;
    }
    i += 1;
    if !head.ends_phrase {
        i = complements(&words, i, &head_lower);
    }
    let last = words.get(i.checked_sub(1)?)?;
    Some(last.start + last.word.trim_end_matches([',', ';', ':']).len())
}

/// The kind a paragraph's opening suggests, when it suggests exactly one.
pub(crate) fn kind_of(text: &str) -> Option<Kind> {
    let pre = opening_len(text, Kind::Preambular).is_some();
    let op = opening_len(text, Kind::Operative).is_some();
    match (pre, op) {
        (true, false) => Some(Kind::Preambular),
        (false, true) => Some(Kind::Operative),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    word: &'a str,
    start: usize,
    /// A comma, semicolon or colon after the word closes the phrase.
    ends_phrase: bool,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.word.trim_end_matches([',', ';', ':']).to_lowercase()
    }
}

/// The first dozen words with their offsets; an opening phrase is never longer.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace).take(12) {
        let word = piece.trim_end();
        if !word.is_empty() {
            let ends_phrase = word.ends_with([',', ';', ':']);
            out.push(Word {
                word,
                start: offset,
                ends_phrase,
            });
        }
        offset += piece.len();
    }
    out
}

fn leading_adverbs(words: &[Word<'_>]) -> usize {
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let lower = w.lower();
        let once_again = lower == "once" && words.get(i + 1).is_some_and(|n| n.lower() == "again");
        if once_again {
            i += 2;
        } else if ADVERBS.contains(&lower.as_str()) && lower != "once" && !w.ends_phrase {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_alpha(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

fn is_preambular_head(lower: &str, word: &str) -> bool {
    let w = word.trim_end_matches([',', ';', ':']);
    is_alpha(w)
        && (lower.ends_with("ing") && lower.len() > 4
            || lower.ends_with("ed") && lower.len() > 4
            || ADJECTIVES.contains(&lower))
}

fn is_operative_head(lower: &str, word: &str) -> bool {
    let w = word.trim_end_matches([',', ';', ':']);
    is_alpha(w)
        && lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !NOT_VERBS.contains(&lower)
}

/// Words after the head that belong to the phrase; returns the index after the last one.
fn complements(words: &[Word<'_>], mut i: usize, head: &str) -> usize {
    let stem = head
        .strip_suffix("ing")
        .or_else(|| head.strip_suffix('s'))
        .unwrap_or(head);
    i = fixed(words, i, stem);
    i = adverbs_after(words, i);
    i = with_feeling(words, i);
    if matches!(
        stem,
        "express" | "expresse" | "reiterat" | "reiterate" | "reaffirm"
    ) {
        i = its_feeling(words, i);
    }
    if matches!(stem, "tak" | "take") && ends_with_note(words, i) {
        i = optional(words, i, &["of"]);
    }
    i
}

/// Head-specific fixed complements, by the stem of the head ("call" for "Calls" and
/// "Calling"), read off the most frequent openings of the corpus: "Calls upon", "Taking note
/// of", "Bearing in mind", "Looks forward to", "Having considered", "Remaining deeply
/// concerned". Longer alternatives come first.
const FIXED: &[(&[&str], &[&[&str]])] = &[
    (
        &["call"],
        &[&["upon"], &["on"], &["for"], &["attention", "to"]],
    ),
    (
        &["tak", "take"],
        &[
            &["note", "also", "of"],
            &["note", "further", "of"],
            &["note"],
            &["into", "account"],
            &["into", "consideration"],
            &["account", "of"],
        ],
    ),
    (&["bear", "keep"], &[&["in", "mind"]]),
    (&["look"], &[&["forward", "to"]]),
    (
        &["pay"],
        &[&["tribute", "to"], &["special", "tribute", "to"]],
    ),
    (
        &["draw"],
        &[&["the", "attention", "of"], &["attention", "to"]],
    ),
    (
        &["hav"],
        &[
            &["also", "considered"],
            &["further", "considered"],
            &["considered"],
            &["examined"],
            &["heard"],
            &["regard", "to"],
            &["adopted"],
            &["reviewed"],
            &["received"],
        ],
    ),
    (
        &["remain", "be"],
        &[
            &["deeply", "concerned"],
            &["gravely", "concerned"],
            &["seriously", "concerned"],
            &["concerned"],
            &["convinced"],
            &["committed"],
            &["determined"],
            &["alarmed"],
        ],
    ),
];

/// The fixed complement of the head with this stem at word `i`, if present.
fn fixed(words: &[Word<'_>], i: usize, stem: &str) -> usize {
    let options = FIXED
        .iter()
        .find(|(stems, _)| stems.contains(&stem))
        .map_or(&[][..], |(_, options)| *options);
    options
        .iter()
        .find(|seq| matches_seq(words, i, seq))
        .map_or(i, |seq| i + seq.len())
}

fn matches_seq(words: &[Word<'_>], i: usize, seq: &[&str]) -> bool {
    seq.iter().enumerate().all(|(k, s)| {
        let w = words.get(i + k);
        let last_ok = k + 1 == seq.len() || !w.is_some_and(|w| w.ends_phrase);
        w.is_some_and(|w| w.lower() == *s) && last_ok
    })
}

fn adverbs_after(words: &[Word<'_>], mut i: usize) -> usize {
    while let Some(w) = words.get(i) {
        let l = w.lower();
        if matches!(
            l.as_str(),
            "also" | "further" | "furthermore" | "again" | "once"
        ) {
            if l == "once" && words.get(i + 1).is_none_or(|n| n.lower() != "again") {
                break;
            }
            i += 1;
            if w.ends_phrase {
                break;
            }
        } else {
            break;
        }
    }
    i
}

/// "with (deep) appreciation", "with grave concern".
fn with_feeling(words: &[Word<'_>], i: usize) -> usize {
    if words
        .get(i)
        .is_none_or(|w| w.lower() != "with" || w.ends_phrase)
    {
        return i;
    }
    let n = feeling_run(words, i + 1);
    if n == 0 {
        i
    } else {
        i + 1 + n
    }
}

/// "its deep concern", "its appreciation", "deep concern".
fn its_feeling(words: &[Word<'_>], i: usize) -> usize {
    let j = optional(words, i, &["its"]);
    let n = feeling_run(words, j);
    if n == 0 {
        i
    } else {
        j + n
    }
}

/// Number of consecutive feeling words starting at `i`, ending on a noun of feeling.
fn feeling_run(words: &[Word<'_>], i: usize) -> usize {
    let mut n = 0;
    while let Some(w) = words.get(i + n) {
        if !FEELINGS.contains(&w.lower().as_str()) {
            break;
        }
        n += 1;
        if w.ends_phrase {
            break;
        }
    }
    n
}

fn ends_with_note(words: &[Word<'_>], i: usize) -> bool {
    words[..i.min(words.len())]
        .iter()
        .any(|w| w.lower() == "note")
}

fn optional(words: &[Word<'_>], i: usize, seq: &[&str]) -> usize {
    if matches_seq(words, i, seq) {
        i + seq.len()
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pre(t: &str) -> Option<&str> {
        opening_len(t, Kind::Preambular).map(|n| &t[..n])
    }

    fn op(t: &str) -> Option<&str> {
        opening_len(t, Kind::Operative).map(|n| &t[..n])
    }

    #[test]
    fn preambular_openings() {
        assert_eq!(pre("Recalling its resolution 77/148,"), Some("Recalling"));
        assert_eq!(pre("Recalling also its resolution"), Some("Recalling also"));
        assert_eq!(pre("Deeply concerned about the"), Some("Deeply concerned"));
        assert_eq!(pre("Mindful of the"), Some("Mindful"));
        assert_eq!(
            pre("Having considered the report"),
            Some("Having considered")
        );
        assert_eq!(pre("Bearing in mind that"), Some("Bearing in mind"));
        assert_eq!(pre("Taking note of the report"), Some("Taking note of"));
        assert_eq!(pre("Taking note also of the"), Some("Taking note also of"));
        assert_eq!(
            pre("Noting with appreciation the work"),
            Some("Noting with appreciation")
        );
        assert_eq!(
            pre("Expressing its deep concern at"),
            Some("Expressing its deep concern")
        );
        assert_eq!(pre("Recalling, in this regard,"), Some("Recalling"));
        assert_eq!(
            pre("Remaining deeply concerned by"),
            Some("Remaining deeply concerned")
        );
        assert_eq!(pre("The General Assembly,"), None);
        assert_eq!(pre("1. Decides"), None);
    }

    #[test]
    fn operative_openings() {
        assert_eq!(op("Requests the Secretary-General"), Some("Requests"));
        assert_eq!(op("Calls upon States to"), Some("Calls upon"));
        assert_eq!(
            op("Takes note with appreciation of the report"),
            Some("Takes note with appreciation of")
        );
        assert_eq!(op("Takes note of the report"), Some("Takes note of"));
        assert_eq!(op("Decides to include"), Some("Decides"));
        assert_eq!(op("Also requests the"), Some("Also requests"));
        assert_eq!(op("Once again calls upon"), Some("Once again calls upon"));
        assert_eq!(
            op("Expresses its deep concern at"),
            Some("Expresses its deep concern")
        );
        assert_eq!(op("Looks forward to the"), Some("Looks forward to"));
        assert_eq!(op("Decides further that"), Some("Decides further"));
        assert_eq!(op("States parties shall"), None);
        assert_eq!(op("Persons and the 1961 Convention"), None);
        assert_eq!(op("To develop procedures"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            kind_of("Decides to remain seized of the matter."),
            Some(Kind::Operative)
        );
        assert_eq!(
            kind_of("Recalling its resolutions,"),
            Some(Kind::Preambular)
        );
        assert_eq!(kind_of("the rest of a sentence"), None);
    }
}
