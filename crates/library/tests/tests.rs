#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test
//! Integration tests of the library: behaviour on small hand-written documents, malformed
//! inputs, a real kill during an import, and measures on a CI-sized subset of the corpus.

mod basics;
mod common;
mod corpus;
mod kill;
mod malformed;
mod pack;
