//! Turns the glyphs that pdf-extract reports (with their positions) into lines and blocks
//! laid out like the corpus's raw PDF extractions: one line per visual line, a `" "` line
//! between blocks, pages kept apart by the caller.
//!
//! Glyphs are taken in content-stream order, which for the born-digital UN PDFs (written
//! by Word) is reading order; sorting by position would interleave the two columns of the
//! page-1 heading block.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A vertical move larger than this share of the font size starts a new line. Superscript
/// footnote marks sit about a third of the size higher and stay on their line.
const NEW_LINE: f64 = 0.6;
/// A vertical gap between two lines larger than this many font sizes starts a new block
/// (paragraph spacing in UN documents is about half a line on top of 1.2 leading).
const NEW_BLOCK: f64 = 1.55;
/// A horizontal gap larger than this share of the font size is a word space.
const WORD_GAP: f64 = 0.15;
/// A horizontal gap larger than this many font sizes separates two blocks on the same
/// baseline (the "United Nations" / symbol columns of the page-1 heading).
const COLUMN_GAP: f64 = 4.0;

/// One visual line being assembled.
#[derive(Debug, Default)]
struct Line {
    text: String,
    /// Baseline of the first glyph, top-down page coordinates.
    y: f64,
    /// Largest font size seen on the line.
    size: f64,
    /// Where the last glyph ended.
    end_x: f64,
    /// Whether a gap was seen before this line (forces a block separator).
    new_block: bool,
}

/// Collects pages of lines from pdf-extract's callbacks.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    /// Finished pages, each a list of lines ("" never occurs; " " separates blocks).
    pages: Vec<Vec<String>>,
    lines: Vec<String>,
    current: Option<Line>,
    /// Baseline and size of the last finished line on this page.
    last: Option<(f64, f64)>,
    page_height: f64,
}

impl Collector {
    /// The finished text and the byte offset where each page starts.
    pub(crate) fn finish(self) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(self.pages.len());
        for (i, page) in self.pages.iter().enumerate() {
            if i > 0 {
                // An empty line between pages, as in the corpus extractions.
                text.push_str("\n\n");
            }
            starts.push(text.len());
            if page.is_empty() {
                // A page without text still occupies its place.
                text.push(' ');
            }
            text.push_str(&page.join("\n"));
        }
        if !text.is_empty() {
            text.push('\n');
        }
        (text, starts)
    }

    fn glyph(&mut self, x: f64, y: f64, size: f64, advance: f64, ch: &str) {
        let breaks = match &self.current {
            None => Break::Line,
            Some(line) => classify(line, x, y, size),
        };
        match breaks {
            Break::None => {}
            Break::Space => self.push_space(),
            Break::Line | Break::Column => {
                self.flush();
                self.start(y, size, matches!(breaks, Break::Column));
            }
        }
        if let Some(line) = self.current.as_mut() {
            push_glyph(&mut line.text, ch);
            line.size = line.size.max(size);
            line.end_x = x + advance;
        }
    }

    fn start(&mut self, y: f64, size: f64, column: bool) {
        let gap = self
            .last
            .map(|(last_y, last_size)| {
                let dy = y - last_y;
                dy < 0.0 || dy > NEW_BLOCK * last_size.max(size)
            })
            .unwrap_or(false);
        self.current = Some(Line {
            y,
            size,
            new_block: gap || column,
            ..Line::default()
        });
    }

    fn push_space(&mut self) {
        if let Some(line) = self.current.as_mut() {
            if !line.text.ends_with(' ') && !line.text.is_empty() {
                line.text.push(' ');
            }
        }
    }

    fn flush(&mut self) {
        let Some(line) = self.current.take() else {
            return;
        };
        let text = line.text.trim_end();
        if text.trim().is_empty() {
            return;
        }
        if line.new_block && !self.lines.is_empty() {
            self.lines.push(" ".to_string());
        }
        self.lines.push(text.to_string());
        self.last = Some((line.y, line.size));
    }
}

/// How a glyph relates to the line being built.
enum Break {
    None,
    Space,
    Line,
    Column,
}

fn classify(line: &Line, x: f64, y: f64, size: f64) -> Break {
    let reference = line.size.max(size);
    if (y - line.y).abs() > NEW_LINE * reference {
        return Break::Line;
    }
    let gap = x - line.end_x;
    if gap > COLUMN_GAP * reference {
        return Break::Column;
    }
    if gap < -reference && !line.text.is_empty() {
        // Moved back left on the same baseline: another block drawn over this line.
        return Break::Column;
    }
    if gap > WORD_GAP * reference {
        return Break::Space;
    }
    Break::None
}

/// Appends a glyph's text, expanding typographic ligatures that break word search.
fn push_glyph(out: &mut String, ch: &str) {
    for c in ch.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\0' => {}
            ' ' | '\u{a0}' if out.is_empty() || out.ends_with(' ') => {}
            _ => out.push(c),
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.lines.clear();
        self.current = None;
        self.last = None;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        self.pages.push(std::mem::take(&mut self.lines));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        // Effective size: the font size scaled by the text rendering matrix (its area
        // scale, so rotated or mirrored text still gets a positive size).
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale).max(0.1);
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        if !x.is_finite() || !y.is_finite() || !size.is_finite() {
            return Ok(());
        }
        self.glyph(x, y, size, width * size, ch);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_line(c: &mut Collector, y: f64, words: &[&str]) {
        let mut x = 72.0;
        for word in words {
            for ch in word.chars() {
                c.glyph(x, y, 10.0, 5.0, &ch.to_string());
                x += 5.0;
            }
            x += 3.0; // a word gap without a space glyph
        }
    }

    #[test]
    fn lines_blocks_and_pages() {
        let mut c = Collector {
            page_height: 800.0,
            ..Collector::default()
        };
        type_line(&mut c, 100.0, &["Recalling", "its"]);
        type_line(&mut c, 112.0, &["resolution"]);
        type_line(&mut c, 130.0, &["Decides"]);
        c.end_page().unwrap();
        type_line(&mut c, 100.0, &["2/3"]);
        c.end_page().unwrap();
        let (text, starts) = c.finish();
        assert_eq!(text, "Recalling its\nresolution\n \nDecides\n\n2/3\n");
        assert_eq!(starts, vec![0, text.find("2/3").unwrap()]);
    }

    #[test]
    fn superscript_mark_stays_on_its_line_and_far_columns_split() {
        let mut c = Collector::default();
        type_line(&mut c, 100.0, &["2023,"]);
        c.glyph(97.0, 96.5, 6.5, 3.0, "1");
        c.glyph(400.0, 100.0, 10.0, 5.0, "A");
        c.end_page().unwrap();
        let (text, _) = c.finish();
        assert_eq!(text, "2023,1\n \nA\n");
    }

    #[test]
    fn ligatures_are_expanded() {
        let mut s = String::new();
        push_glyph(&mut s, "\u{FB01}nal");
        assert_eq!(s, "final");
    }
}
