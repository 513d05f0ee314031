//! How often the library's paragraphs open with a phrase: the ranking of opening-phrase
//! completion in the editor ("ranked by how often the library uses them").

use tantivy::collector::Count;

use crate::error::Result;
use crate::register::term;
use crate::Library;

impl Library {
    /// The number of paragraphs in the library whose opening phrase is exactly `phrase`
    /// (case and runs of whitespace ignored): "Recalling" counts paragraphs that open with
    /// "Recalling", not those opening with "Recalling also". Openings are stored lower-cased
    /// as the segmenter recognised them, modifiers included. Deleted (re-imported) paragraphs
    /// are not counted.
    pub fn opening_count(&self, phrase: &str) -> Result<u64> {
        let key = phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if key.is_empty() {
            return Ok(0);
        }
        let hits = self
            .searcher()
            .search(&*term(self.fields.opening, &key), &Count)?;
        Ok(hits as u64)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn counts_paragraphs_by_their_exact_opening() {
        let dir = std::env::temp_dir().join(format!("resolute-openings-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let texts = dir.join("texts");
        assert!(fs::create_dir_all(&texts).is_ok());
        let doc = |n: u32, pre: &str| {
            format!(
                "A/RES/90/{n}\n\nThe General Assembly,\n\n{pre}\n\n\
                 Recalling also its resolution 61/208,\n\n1. Requests a report;\n\n\
                 2. Also requests the Secretary-General to act;\n\n3. Requests further x.\n"
            )
        };
        let one = doc(
            1,
            "Recalling its resolution 70/1,\n\nRecalling its resolution 69/313,",
        );
        assert!(fs::write(texts.join("A_RES_90_1.txt"), one).is_ok());
        let two = doc(2, "Noting the report,");
        assert!(fs::write(texts.join("A_RES_90_2.txt"), two).is_ok());
        let lib = Library::open(dir.join("lib"));
        let mut lib = lib.unwrap_or_else(|e| panic!("{e}"));
        let imported = lib.import(&[texts], &mut |_| {});
        assert_eq!(imported.map(|s| s.added).ok(), Some(2));
        let count = |p: &str| lib.opening_count(p).unwrap_or(u64::MAX);
        assert_eq!(count("Recalling"), 2);
        assert_eq!(count("recalling  ALSO"), 2);
        assert_eq!(count("Noting"), 1);
        assert_eq!(count("Requests"), 2);
        assert_eq!(count("Deplores"), 0);
        assert_eq!(count(" "), 0);
        let _ = fs::remove_dir_all(&dir);
    }
}
