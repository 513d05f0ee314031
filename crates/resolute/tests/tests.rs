//! Integration tests of the `resolute` crate: one test binary (faster to build than one per
//! file), modules by subject.

mod akn_input;
mod amend;
mod check;
mod cli_errors;
mod compile;
mod corpus;
mod diff;
mod export;
mod export_negotiation;
mod export_tracked;
mod fmt;
mod negotiation;
mod parse;
mod progress;
mod util;
