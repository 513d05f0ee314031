//! Prints the text and metadata that `resolute-convert` reads from each file given.
//!
//! `cargo run -p resolute-convert --example convert -- FILE...`

fn main() {
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        match resolute_convert::read_path(std::path::Path::new(&arg)) {
            Ok(doc) => {
                eprintln!("{arg}: {:?} {:?}", doc.format, doc.meta);
                print!("{}", doc.text);
            }
            Err(e) => {
                eprintln!("{arg}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(2);
    }
}
