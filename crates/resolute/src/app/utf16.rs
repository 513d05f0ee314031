//! The one place where Rust byte offsets and the editor's UTF-16 offsets meet.
//!
//! CodeMirror (like every JavaScript string) counts UTF-16 code units: "2018–2028" is nine
//! units but eleven bytes, and an emoji is two units but four bytes. Every offset the app
//! API hands out or receives goes through a [`Utf16Index`] built once per text.

use serde::Serialize;

/// A range of UTF-16 code units `from..to` in the editor's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Range {
    /// First code unit.
    pub from: usize,
    /// One past the last code unit.
    pub to: usize,
}

/// Maps byte offsets of one text to UTF-16 offsets and back in O(log n).
///
/// Only the positions right after each non-ASCII character are stored: between two of them
/// every character is ASCII, where one byte is one code unit, so an offset is the nearest
/// stored position before it plus the distance. An all-ASCII text stores nothing.
#[derive(Debug, Clone, Default)]
pub struct Utf16Index {
    /// `(byte, utf16)` just after each non-ASCII character, increasing in both.
    marks: Vec<(usize, usize)>,
    /// Byte length of the text.
    len: usize,
    /// Whether `byte` starts a character, for clamping offsets that fall inside one.
    boundaries: Vec<usize>,
}

impl Utf16Index {
    /// Indexes `text` (one pass).
    pub fn new(text: &str) -> Utf16Index {
        let mut marks = Vec::new();
        let mut boundaries = Vec::new();
        let mut units = 0;
        for (at, c) in text.char_indices() {
            units += c.len_utf16();
            if !c.is_ascii() {
                // Inner bytes of this character are not boundaries; remember where it starts.
                boundaries.push(at);
                marks.push((at + c.len_utf8(), units));
            }
        }
        Utf16Index {
            marks,
            len: text.len(),
            boundaries,
        }
    }

    /// Byte length of the indexed text.
    pub fn byte_len(&self) -> usize {
        self.len
    }

    /// Length of the text in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.to_utf16(self.len)
    }

    /// The UTF-16 offset of byte offset `byte`. An offset past the end is clamped to the end;
    /// one inside a multi-byte character counts as the start of that character.
    pub fn to_utf16(&self, byte: usize) -> usize {
        let byte = self.floor_char(byte.min(self.len));
        match self.marks.partition_point(|&(b, _)| b <= byte) {
            0 => byte,
            i => self.marks.get(i - 1).map_or(byte, |&(b, u)| u + (byte - b)),
        }
    }

    /// The byte offset of UTF-16 offset `unit`. Past the end is clamped to the end; an
    /// offset between the two halves of a surrogate pair gives the start of that character.
    pub fn to_byte(&self, unit: usize) -> usize {
        let byte = match self.marks.partition_point(|&(_, u)| u <= unit) {
            0 => unit,
            i => self.marks.get(i - 1).map_or(unit, |&(b, u)| b + (unit - u)),
        };
        self.floor_char(byte.min(self.len))
    }

    /// A byte span as a UTF-16 [`Range`].
    pub fn range(&self, start: usize, end: usize) -> Range {
        Range {
            from: self.to_utf16(start),
            to: self.to_utf16(end),
        }
    }

    /// `byte`, or the start of the character it falls inside.
    fn floor_char(&self, byte: usize) -> usize {
        // The character starting at the last non-ASCII start <= byte is the only one
        // that can contain `byte` without starting there (ASCII characters are one byte).
        let i = self.boundaries.partition_point(|&b| b <= byte);
        match i.checked_sub(1).and_then(|i| self.boundaries.get(i)) {
            Some(&start) if self.inside(start, byte) => start,
            _ => byte,
        }
    }

    /// Whether `byte` lies strictly inside the non-ASCII character starting at `start`.
    fn inside(&self, start: usize, byte: usize) -> bool {
        let end = self
            .marks
            .get(self.boundaries.partition_point(|&b| b < start))
            .map_or(start, |&(b, _)| b);
        start < byte && byte < end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: count code units of the prefix, as JavaScript would.
    fn units(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn ascii_offsets_are_the_same() {
        let idx = Utf16Index::new("The General Assembly,");
        assert_eq!(idx.to_utf16(4), 4);
        assert_eq!(idx.to_byte(4), 4);
        assert_eq!(idx.utf16_len(), 21);
    }

    #[test]
    fn every_char_boundary_round_trips_in_non_ascii_text() {
        let text = "é “Water”, 2018–2028 🌊 done\n(a) naïve 💧💧";
        let idx = Utf16Index::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let u = idx.to_utf16(byte);
            assert_eq!(u, units(text, byte), "byte {byte}");
            assert_eq!(idx.to_byte(u), byte, "unit {u}");
        }
        assert_eq!(idx.utf16_len(), text.encode_utf16().count());
    }

    #[test]
    fn en_dash_is_one_unit_and_emoji_two() {
        let text = "2018–2028 🌊x";
        let idx = Utf16Index::new(text);
        let x = text.find('x').unwrap_or_default();
        // 9 units for the years, space, 2 for the wave.
        assert_eq!(idx.to_utf16(x), 12);
        assert_eq!(idx.to_byte(12), x);
    }

    #[test]
    fn offsets_inside_a_character_are_clamped_to_its_start() {
        let text = "a–b🌊c";
        let idx = Utf16Index::new(text);
        // Bytes 2 and 3 are inside the en dash (bytes 1..4).
        assert_eq!(idx.to_utf16(2), 1);
        assert_eq!(idx.to_utf16(3), 1);
        // Unit 4 is between the surrogates of the wave (units 3..5).
        let wave = text.find('🌊').unwrap_or_default();
        assert_eq!(idx.to_byte(4), wave);
        assert_eq!(idx.to_byte(999), text.len());
        assert_eq!(idx.to_utf16(999), text.encode_utf16().count());
    }
}
