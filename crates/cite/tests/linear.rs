//! Linear time on pathological inputs, in the spirit of pulldown-cmark's dos-fuzzer: each
//! input is built at 10k and 100k repetitions of a unit, and the larger must take less than
//! 20 times as long (10 for linear time, slack for timer noise on a shared machine). Only the
//! ratio of two sizes measured in the same run is asserted, never a speed: a loaded machine
//! slows both alike, while a quadratic rule makes the ratio near 100 every time. Throughput is
//! measured in `benches/`.

use std::time::{Duration, Instant};

use resolute_cite::{extract_with, Body, Context};

/// (prefix, unit) pairs that stress a rule each: cue words without numbers, slash runs,
/// symbol starts, digit runs, endless lists, pinpoint lists, symbol continuations, titles,
/// no-break spaces.
const INPUTS: &[(&str, &str)] = &[
    ("", "resolution "),
    ("", "1/"),
    ("", "A/"),
    ("", "1"),
    ("", "1 "),
    ("resolution ", "12345 "),
    ("", "resolution 1/1 "),
    ("", "resolutions 1/1, "),
    ("resolution ", "1/1, "),
    ("resolution ", "1 (2000) and "),
    ("", "resolution 1 ("),
    ("", "resolution 1 A and "),
    ("resolution 1/1 ", "A and "),
    ("", "paragraph 1 and "),
    ("", "paragraph 1, of "),
    ("resolution 1/1, ", "paragraph 1 thereof "),
    ("A/61/515", " and Add.1"),
    ("A/61/515/Corr.1", " and 2"),
    ("", "A/1/"),
    ("", "A/RES/1 ("),
    ("", "S-1/"),
    ("resolution 1 ", "(XV"),
    ("", "its "),
    ("", "Council "),
    ("", "General Assembly resolution 61/208 on x, "),
    ("resolution 1/1 on ", "x, "),
    ("resolution 1/1", " of 20 December 2006"),
    ("resolution", "\u{a0}"),
    ("", "\u{201c}resolution 1/1\u{201d} "),
];

fn build(unit: &str, reps: usize, prefix: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + unit.len() * reps);
    s.push_str(prefix);
    for _ in 0..reps {
        s.push_str(unit);
    }
    s
}

fn once(text: &str) -> Duration {
    let ctx = Context {
        body: Some(Body::GeneralAssembly),
    };
    let start = Instant::now();
    std::hint::black_box(extract_with(text, ctx));
    start.elapsed()
}

/// The best of three interleaved runs of each size. The small input is run ten times in a row
/// and the mean taken, so both measurements last about as long and suffer alike from other
/// processes preempting this one on a shared machine.
fn times(small: &str, large: &str) -> (Duration, Duration) {
    let (mut s, mut l) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        s = s.min((0..10).map(|_| once(small)).sum::<Duration>() / 10);
        l = l.min(once(large));
    }
    (s, l)
}

/// The ratio of the 100k time to the 10k time, measured again (up to three times) while it
/// is over the bound: load from other processes can inflate one measurement, while a
/// superlinear rule (a ratio near 100 for quadratic time) exceeds the bound every time.
fn ratio(prefix: &str, unit: &str) -> (f64, Duration) {
    let small_text = build(unit, 10_000, prefix);
    let large_text = build(unit, 100_000, prefix);
    let mut best = (f64::MAX, Duration::ZERO);
    for _ in 0..3 {
        let (small, large) = times(&small_text, &large_text);
        let r = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        println!("{prefix:?} + {unit:?}: 10k {small:?}, 100k {large:?}, ratio {r:.1}");
        if r < best.0 {
            best = (r, large);
        }
        // Under 2 ms the ratio is mostly timer noise.
        if r < 20.0 || large < Duration::from_millis(2) {
            break;
        }
    }
    best
}

#[test]
fn pathological_inputs_take_linear_time() {
    let mut worst = 0.0_f64;
    for (prefix, unit) in INPUTS {
        let (ratio, large) = ratio(prefix, unit);
        if large > Duration::from_millis(2) {
            assert!(
                ratio < 20.0,
                "{prefix:?} + {unit:?} looks superlinear: {ratio:.1}"
            );
            worst = worst.max(ratio);
        }
    }
    println!("worst ratio {worst:.1}");
}
