//! Checking time grows linearly with the input, even on adversarial text: long runs of
//! digits, slashes, "A/" repeated, "resolution" cues without numbers, dates without years.

use std::time::{Duration, Instant};

use resolute_check::{check, MemoryRegister, Register};
use resolute_draft::segment;

/// Text of about `bytes` bytes made of paragraphs that stress the citation and date scanners.
fn adversarial(bytes: usize) -> String {
    let pieces = [
        "Recalling its resolutions 1/1/1/1/1/1/1/1/1/1/1/1 and A/A/A/A/A/A/A/A/A/A/A/A/A/A,\n\n",
        "1. Decides 12345678901234567890123456789012345678901234567890 of 20 December of 20;\n\n",
        "Noting A/A/A/A/A/RES/RES/RES/1/2/3/4/5 (2000) (2000) (2000) resolution resolution,\n\n",
        "2. Requests paragraphs 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 11 thereof thereof thereof;\n\n",
    ];
    let mut out = String::from("The General Assembly,\n\n");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(pieces[i % pieces.len()]);
        i += 1;
    }
    out
}

fn time_check(text: &str) -> Duration {
    let register = MemoryRegister::new();
    let start = Instant::now();
    let draft = segment(text);
    let found = check(text, &draft, Some(&register as &dyn Register));
    std::hint::black_box(found);
    start.elapsed()
}

#[test]
fn ten_megabytes_of_adversarial_text_take_ten_times_one() {
    let small = adversarial(1 << 20);
    let large = adversarial(10 << 20);
    // Best of two runs for each size, so a busy machine does not decide the result.
    let t_small = time_check(&small).min(time_check(&small));
    let t_large = time_check(&large).min(time_check(&large));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    println!("1 MiB: {t_small:?}, 10 MiB: {t_large:?}, ratio {ratio:.1} (linear: 10)");
    assert!(ratio < 20.0, "checking is not linear: ratio {ratio:.1}");
}
