#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a failed unwrap is a failed test

//! Integration tests of resolute-convert: the real corpus files, DOCX files built in
//! memory, and malformed inputs.

mod akn;
mod corpus;
mod docx_built;
mod docx_render;
mod docx_write;
mod formats;
mod malformed;
mod support;
