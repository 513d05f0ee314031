//! Amendments to a draft resolution, as the General Assembly and its Main Committees issue
//! them ("Russian Federation: amendment to draft resolution A/80/L.18 … Delete operative
//! paragraph 9."): [`read_amendment`] reads the document, [`apply`] makes its instructions
//! on the draft it amends and reports on each.
//!
//! ```
//! use resolute_draft::amend::{apply, read_amendment, Options, Status};
//!
//! let draft = resolute_draft::segment(
//!     "The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Takes note of the report;\n\n2. Decides to remain seized of the matter.\n",
//! );
//! let amendment = read_amendment(
//!     "Ruritania: amendment to draft resolution A/80/L.99\n\nThe question\n\nIn operative paragraph 1, replace “Takes note of” with “Welcomes”.\n",
//! )
//! .unwrap();
//! let applied = apply(&draft, &amendment, Options::default());
//! assert_eq!(applied.outcomes[0].status, Status::Applied);
//! assert_eq!(applied.draft.operative[0].text, "Welcomes the report;");
//! ```

mod apply;
mod document;
mod grammar;
mod text;

#[cfg(test)]
mod tests;

pub use apply::{apply, Applied, LocatedBy, Options, Outcome, Status};
pub use document::{read_amendment, Amendment, Instruction, Target};
pub use grammar::{Op, Ref, Scope};

/// Why a text cannot be read as an amendment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmendError {
    /// No "PROPOSERS: amendment to draft resolution TARGET" line.
    #[error(
        "no sponsor line such as \"Ruritania: amendment to draft resolution A/80/L.1\": not an amendment document"
    )]
    NoSponsorLine,
    /// Nothing after the sponsor line and title reads as an instruction.
    #[error("the amendment holds no instruction after its sponsor line and title")]
    NoInstructions,
    /// Instructions were found, none of them in a form Resolute reads.
    #[error("none of the amendment's instructions could be read; the first is: \"{first}\"")]
    NothingUnderstood {
        /// The start of the first instruction.
        first: String,
    },
}
