//! With `RESOLUTE_STARTUP_REPORT` set, the window calls this once the draft is editable and the
//! time since the process started goes to stderr (the app benchmark in tests/e2e reads it).

/// Prints "resolute-app: editable after N ms" (±20 ms: /proc counts in 10 ms ticks).
#[tauri::command]
pub fn startup_report() {
    if std::env::var_os("RESOLUTE_STARTUP_REPORT").is_some() {
        if let Some(s) = seconds_since_start() {
            eprintln!("resolute-app: editable after {:.0} ms", s * 1000.0);
        }
    }
}

fn seconds_since_start() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(19)?.parse().ok()?; // starttime, in 1/100 s since boot
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    Some(uptime.split_whitespace().next()?.parse::<f64>().ok()? - ticks / 100.0)
}
