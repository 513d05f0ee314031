//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The shared corpus (see `resolute_testkit::corpus`: skips outside CI, fails under it).
pub fn corpus() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

/// A fresh empty folder under the system temp folder, unique to this test process.
pub fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("resolute-lib-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A small deterministic pseudo-random generator (xorshift), so samples are reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// A resolution text in the clean one-paragraph-per-block form, written for the tests.
pub fn resolution_text(symbol: &str, preamble: &[&str], operative: &[&str]) -> String {
    let organ = if symbol.starts_with("S/") {
        "Security Council"
    } else {
        "General Assembly"
    };
    let mut out = format!("{symbol}\n\nThe {organ},\n\n");
    for p in preamble {
        out.push_str(p);
        out.push_str("\n\n");
    }
    for (i, p) in operative.iter().enumerate() {
        out.push_str(&format!("{}. {p}\n\n", i + 1));
    }
    out
}
