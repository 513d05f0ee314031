//! The app as the desktop starts it, without WebDriver: several files on the command line
//! open in windows of their own, a second launch hands its file to the running app (one
//! instance over D-Bus) and exits, and the main window's size comes back at the next start.
//! Run under Xvfb: `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test desktop`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use resolute_e2e::desktop::xdotool;
use resolute_e2e::x11::{request_close, windows_titled};
use resolute_e2e::{fresh_sample, patience, work_dir, Error, Tools};

/// A private D-Bus session bus, as a desktop session has one; stopped on drop.
struct Bus {
    daemon: Child,
    address: String,
}

impl Bus {
    fn start(dir: &Path) -> Result<Bus, Error> {
        let socket = dir.join("bus");
        let address = format!("unix:path={}", socket.display());
        let daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile"])
            .arg(format!("--address={address}"))
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| Error::io("dbus-daemon (apt-get install dbus)", e))?;
        wait("the D-Bus socket", 10, || Ok(socket.exists().then_some(())))?;
        Ok(Bus { daemon, address })
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// Polls `probe` until it gives a value, for at most `seconds` (times the patience factor).
fn wait<T>(
    what: &str,
    seconds: u64,
    mut probe: impl FnMut() -> Result<Option<T>, Error>,
) -> Result<T, Error> {
    let start = Instant::now();
    loop {
        if let Some(v) = probe()? {
            return Ok(v);
        }
        if start.elapsed() > patience(seconds) {
            return Err(Error::Timeout {
                what: what.into(),
                seconds: patience(seconds).as_secs(),
            });
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The app started as a desktop starts it: a home folder of its own, the session bus, no
/// RESOLUTE_STATE_DIR (which would make it an instance of its own).
fn launch(tools: &Tools, home: &Path, bus: &Bus, files: &[&Path]) -> Result<Child, Error> {
    Command::new(&tools.app)
        .args(files)
        .env("HOME", home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env_remove("RESOLUTE_STATE_DIR")
        .env_remove("RESOLUTE_LIBRARY")
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| Error::io("start the app", e))
}

fn window(title_part: &str) -> Result<Option<u32>, Error> {
    Ok(windows_titled(title_part)?.first().map(|(id, _)| *id))
}

/// A copy of the sample draft named `name` in `dir`.
fn draft(sample: &Path, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(sample, &path).expect("copy the sample draft");
    path
}

/// Closes every window of the app (none has unsaved work) and waits for it to exit. The
/// close request goes again to any window still there every few seconds, as a user clicks
/// again when a click is lost on a busy machine.
fn close_all(app: &mut Child, titles: &[&str]) -> Result<(), Error> {
    let start = Instant::now();
    loop {
        for t in titles {
            if let Some(id) = window(t)? {
                request_close(id)?;
            }
        }
        let round = Instant::now();
        while round.elapsed() < Duration::from_secs(5) {
            if app.try_wait().map_err(|e| Error::io("wait", e))?.is_some() {
                eprintln!("closed {titles:?}: {:.1} s", start.elapsed().as_secs_f64());
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if start.elapsed() > patience(30) {
            return Err(Error::Timeout {
                what: "the app to exit".into(),
                seconds: patience(30).as_secs(),
            });
        }
    }
}

#[test]
fn files_open_in_windows_of_one_instance_and_the_window_size_is_kept() -> Result<(), Error> {
    let name = "files_open_in_windows_of_one_instance";
    let Some(tools) = Tools::find_or_skip(name) else {
        return Ok(());
    };
    let dir = work_dir(name)?;
    let home = dir.join("home");
    std::fs::create_dir_all(&home).map_err(|e| Error::io("home", e))?;
    let sample = fresh_sample(name)?;
    let (a, b, c) = (
        draft(&sample, &dir, "alpha.md"),
        draft(&sample, &dir, "bravo.md"),
        draft(&sample, &dir, "charlie.md"),
    );
    let bus = Bus::start(&dir)?;
    resolute_e2e::ran(name);

    // Two files: two windows.
    let mut app = launch(&tools, &home, &bus, &[&a, &b])?;
    let alpha = wait("a window titled alpha.md", 60, || window("alpha.md"))?;
    wait("a window titled bravo.md", 60, || window("bravo.md"))?;
    // A second launch hands its file over and exits; the first process opens it.
    let mut second = launch(&tools, &home, &bus, &[&c])?;
    let status = wait("the second launch to exit", 30, || {
        second.try_wait().map_err(|e| Error::io("wait", e))
    })?;
    assert!(status.success(), "the second launch failed: {status}");
    wait("a window titled charlie.md", 60, || window("charlie.md"))?;
    assert!(
        app.try_wait().map_err(|e| Error::io("wait", e))?.is_none(),
        "the first app exited"
    );

    // The main window (alpha) resized, then everything closed: the size is kept.
    if let Some(Err(e)) = xdotool(&["windowsize", &alpha.to_string(), "1000", "640"]) {
        return Err(e);
    }
    wait("the resize", 10, || {
        let geometry = xdotool(&["getwindowgeometry", &alpha.to_string()]).and_then(Result::ok);
        Ok(geometry.filter(|g| g.contains("1000x640")))
    })?;
    close_all(&mut app, &["alpha.md", "bravo.md", "charlie.md"])?;
    let saved = std::fs::read_to_string(home.join("state/resolute/window.json"))
        .map_err(|e| Error::io("window.json", e))?;
    assert!(
        saved.contains("\"width\":1000") && saved.contains("\"height\":640"),
        "{saved}"
    );

    let mut again = launch(&tools, &home, &bus, &[&a])?;
    let alpha = wait("a window titled alpha.md", 60, || window("alpha.md"))?;
    let geometry = wait("the restored size", 20, || {
        let g = xdotool(&["getwindowgeometry", &alpha.to_string()]).and_then(Result::ok);
        Ok(g.filter(|g| g.contains("1000x640")))
    });
    close_all(&mut again, &["alpha.md"])?;
    geometry.map(|_| ())
}
