//! The `resolute` command-line tool.

fn main() {}
