//! tauri-driver as a child process: two free ports, its own process group (so WebKitWebDriver
//! and the app go with it), SIGTERM to the whole group on drop.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Error, Tools};

/// A running tauri-driver; stopped (with everything it started) when dropped.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    /// The WebDriver port tauri-driver listens on.
    pub port: u16,
    /// tauri-driver's (and so WebKitWebDriver's and the app's) stdout and stderr.
    pub log: PathBuf,
}

/// A port nobody listens on right now (the OS picks it).
fn free_port() -> Result<u16, Error> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| Error::io("finding a free port", e))?;
    let port = listener
        .local_addr()
        .map_err(|e| Error::io("finding a free port", e))?
        .port();
    Ok(port)
}

impl Driver {
    /// Starts tauri-driver in `cwd` with `env` added to its environment (the app inherits
    /// it through WebKitWebDriver), and waits until it accepts connections.
    pub fn start(tools: &Tools, cwd: &Path, env: &[(&str, &Path)]) -> Result<Driver, Error> {
        let port = free_port()?;
        let native = free_port()?;
        let mut cmd = Command::new(&tools.tauri_driver);
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .arg("--native-driver")
        .arg(&tools.native_driver);
        for (k, v) in env {
            cmd.env(k, v);
        }
        // tauri-driver listens at once but forwards to WebKitWebDriver, which starts a little
        // later: a session asked for before then fails with an incomplete message.
        Driver::spawn(cmd, cwd, port, &[port, native])
    }

    /// Starts WebKitWebDriver alone (no tauri-driver): the peer that launches a bare
    /// WebKitGTK browser (MiniBrowser) in the app benchmark.
    pub fn start_native(tools: &Tools, cwd: &Path) -> Result<Driver, Error> {
        let port = free_port()?;
        let mut cmd = Command::new(&tools.native_driver);
        cmd.arg(format!("--port={port}"));
        Driver::spawn(cmd, cwd, port, &[port])
    }

    fn spawn(mut cmd: Command, cwd: &Path, port: u16, wait: &[u16]) -> Result<Driver, Error> {
        let log = cwd.join("driver.log");
        let out = std::fs::File::create(&log).map_err(|e| Error::io("creating driver.log", e))?;
        let err = out.try_clone().map_err(|e| Error::io("driver.log", e))?;
        cmd.current_dir(cwd)
            // dconf is absent under Xvfb: without this GTK warns on every start.
            .env("GSETTINGS_BACKEND", "memory")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0);
        let child = cmd
            .spawn()
            .map_err(|e| Error::io("starting a WebDriver server", e))?;
        let driver = Driver { child, port, log };
        for p in wait {
            driver.wait_listening(*p, Duration::from_secs(10))?;
        }
        Ok(driver)
    }

    /// The URL fantoccini connects to.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_listening(&self, port: u16, limit: Duration) -> Result<(), Error> {
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let start = Instant::now();
        while start.elapsed() < limit {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(100)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        Err(Error::Timeout {
            what: format!("a WebDriver server on port {port}"),
            seconds: limit.as_secs(),
        })
    }

    /// The process id of tauri-driver (the root of the process tree it starts).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends `signal` to the whole process group; true when `kill` succeeded.
    fn signal_group(&self, signal: &str) -> bool {
        Command::new("kill")
            .args([signal, "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Driver {
    /// SIGTERM to the group (SIGKILL would leave WebKitWebDriver holding its port), then
    /// SIGKILL only if something is still there after three seconds.
    fn drop(&mut self) {
        self.signal_group("-TERM");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.signal_group("-KILL");
        let _ = self.child.wait();
    }
}
