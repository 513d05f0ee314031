//! Prints the citations found in a text file, one per line:
//! `cargo run -p resolute-cite --example cite -- FILE [GA|SC|HRC|ECOSOC]`.

use resolute_cite::{extract_with, Body, Context};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: cite FILE [GA|SC|HRC|ECOSOC]");
        std::process::exit(2);
    };
    let body = args.next().and_then(|b| Body::parse(&b));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    for c in extract_with(&text, Context { body }) {
        let written = text.get(c.extent().range()).unwrap_or_default();
        let date = c.date.map(|d| d.date.to_string()).unwrap_or_default();
        let pins: Vec<String> = c
            .pinpoints
            .iter()
            .map(|p| format!("{:?} {}", p.kind, p.label))
            .collect();
        println!(
            "{:>7} {:?}\t{:?}/{:?}/{:?}\t{}\t{}\t{}",
            c.span.start,
            written.replace(char::is_whitespace, " "),
            c.kind,
            c.body.map(Body::code),
            c.body_source,
            c.normalized.unwrap_or_default(),
            date,
            pins.join(", ")
        );
    }
}
