//! The UN citation grammar: finds references to resolutions, decisions and document symbols
//! in a text, with byte spans and a normal form.
//!
//! ```
//! use resolute_cite::{extract_with, Context, Kind};
//! use resolute_draft::Body;
//!
//! let text = "Recalling paragraph 3 of its resolution 61/208 of 20 December 2006 and \
//!             Security Council resolution 1325\u{a0}(2000), see A/61/515 and Add.1,";
//! let found = extract_with(text, Context { body: Some(Body::GeneralAssembly) });
//!
//! let first = &found[0];
//! assert_eq!(&text[first.span.range()], "61/208");
//! assert_eq!(first.kind, Kind::Resolution);
//! assert_eq!(first.normalized.as_deref(), Some("A/RES/61/208"));
//! assert_eq!(first.date.map(|d| d.date.to_string()).as_deref(), Some("2006-12-20"));
//! assert_eq!(first.pinpoints[0].label, "3");
//!
//! assert_eq!(found[1].normalized.as_deref(), Some("S/RES/1325 (2000)"));
//! assert_eq!(found[1].body, Some(Body::SecurityCouncil));
//! assert_eq!(found[2].normalized.as_deref(), Some("A/61/515"));
//! assert_eq!(found[3].normalized.as_deref(), Some("A/61/515/Add.1"));
//! ```
//!
//! # What is recognised
//!
//! A resolution or decision *number* is recognised only after a cue word — "resolution(s)",
//! "decision(s)", optionally preceded by "its" or an organ's name — or as a later item of the
//! same list ("resolutions 60/227 of 23 December 2005 and 61/208 of 20 December 2006"), so
//! "2030 Agenda", "1 August 2023" or "para. 61" are never citations. Each list item is its own
//! [`Citation`] and shares the list's cue. A *document symbol* is recognised by its grammar
//! ([`validate_symbol`]): a known series, slash-separated components, at least one numbered.
//!
//! The body comes, in this order, from the shape of the number ("1325 (2000)" is always the
//! Security Council, "1990/47" always ECOSOC), from an organ named before the keyword
//! ("Human Rights Council resolution 5/1"; "the General Assembly, in its resolution 60/251"),
//! from the caller's [`Context`] for "its resolution" and bare cues, and failing those from
//! the shape again (session/number below 31 is the HRC's, above it the GA's). Items of one
//! list share a body the context could not explain, and an adoption date can overrule a
//! body the text did not name (the HRC did not exist in 1993). A citation of another organ
//! ("Commission on Human Rights resolution 2005/69") has no body and no normal form, so it
//! is never checked against the wrong register. See [`BodySource`].
//!
//! Pinpoints are read before the cue ("section III, paragraph 3, of its resolution 61/275",
//! "paragraphs 1 to 4 of the annex to …") and after the citation ("resolution 60/1, paras. 61
//! and 62", "…, and in particular paragraphs 1 and 16 thereof"). A symbol's continuations
//! ("A/61/L.45 and Add.1", "A/59/558/Add.7 to Add.10", "Corr.1 and 2") are citations of
//! their own, relative to the symbol as written.
//!
//! # Normal forms
//!
//! Resolutions take their official document symbol; decisions, which have none, take the
//! same pattern with `DEC`:
//!
//! | cited as | normal form |
//! |---|---|
//! | GA resolution 61/208, 68/247 B, 69/96 A and B | `A/RES/61/208`, `A/RES/68/247 B`, `A/RES/69/96 A-B` |
//! | GA resolution 1514 (XV), 3419 A to D (XXX), 3362 (S-VII) | `A/RES/1514 (XV)`, `A/RES/3419 A-D (XXX)`, `A/RES/3362 (S-VII)` |
//! | GA resolution S-13/2, ES-10/19 | `A/RES/S-13/2`, `A/RES/ES-10/19` |
//! | GA decision 50/411 | `A/DEC/50/411` |
//! | SC resolution 1325 (2000); 2097 in an SC text | `S/RES/1325 (2000)`; `S/RES/2097` |
//! | ECOSOC resolution 1990/47, 1733 (LIV); decision 2005/213 | `E/RES/1990/47`, `E/RES/1733 (LIV)`; `E/DEC/2005/213` |
//! | HRC resolution 5/1; decision 6/102 | `A/HRC/RES/5/1`; `A/HRC/DEC/6/102` |
//! | symbol `A/65/L.78*`, `S/RES/1325\u{a0}(2000)` | `A/65/L.78`, `S/RES/1325 (2000)` (whitespace and the reissue star dropped) |
//!
//! Letters of a composite resolution are kept in [`Number::letters`]; the normal form joins a
//! contiguous run with a hyphen as the UN does in symbols ("A-B").
//!
//! # Guarantees
//!
//! Pure (no I/O), no panics on any input, spans always on `char` boundaries inside the text,
//! identifiers in order and never overlapping, and time linear in the input: every grammar
//! rule reads a bounded number of bytes beyond the position where the scan resumes
//! (tests/linear.rs, tests/props.rs). Text extracted from PDFs is expected: line breaks and
//! no-break spaces inside citations, footnote marks glued to years and commas.

mod cue;
mod date;
mod extract;
mod model;
mod normal;
mod number;
mod pinpoint;
mod scan;
mod symbol;
mod symbols;

pub use extract::{extract, extract_with, Context};
pub use model::{BodySource, Citation, Date, Dated, Kind, Number, PinKind, Pinpoint, SessionKind};
pub use resolute_draft::{Body, Span};
pub use symbol::{validate_symbol, Modifier, Part, Symbol, SymbolError, SERIES};
