//! One app window under WebDriver: start it on a draft, read and type, wait for conditions,
//! take screenshots, close it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::sync::{Mutex, MutexGuard};

use crate::{Driver, Error, Tools};

/// How to start the app.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// The file given as the first argument (opened at start-up).
    pub draft: Option<PathBuf>,
    /// `RESOLUTE_LIBRARY`; without it an empty folder (never the user's own library).
    pub library: Option<PathBuf>,
    /// More environment for the app (e.g. `RESOLUTE_STARTUP_REPORT`).
    pub env: Vec<(String, PathBuf)>,
    /// The editor's view the app starts in (its settings file is written before the start).
    pub view: View,
}

/// The editor's view at start-up. The tests written before the document view existed type
/// into the Markdown source and say nothing: they run in the source view; the document
/// view's tests ask for it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The Markdown source.
    #[default]
    Source,
    /// The document view (the app's own default).
    Document,
    /// Whatever the state folder's settings say (a relaunch that checks what was remembered).
    AsSaved,
}

impl Launch {
    /// Start on `draft`, with no library.
    pub fn draft(draft: &Path) -> Launch {
        Launch {
            draft: Some(draft.to_path_buf()),
            ..Launch::default()
        }
    }

    /// The same, with the library at `dir`.
    pub fn with_library(mut self, dir: &Path) -> Launch {
        self.library = Some(dir.to_path_buf());
        self
    }

    /// The same, in the document view.
    pub fn in_document_view(mut self) -> Launch {
        self.view = View::Document;
        self
    }
}

/// A running app window with its WebDriver session.
#[derive(Debug)]
pub struct App {
    /// The WebDriver client (for anything the helpers below do not cover).
    pub client: Client,
    /// The test's name: screenshots are `target/artefacts/e2e/<name>.png`.
    pub name: String,
    /// The test's work folder (state folder, driver log).
    pub dir: PathBuf,
    /// When the session was asked for (the app is launched by that request).
    pub requested_at: Instant,
    /// Kept after the client so the session is closed before the driver stops.
    pub driver: Driver,
    /// One window at a time in this process (see [`ONE_AT_A_TIME`]).
    _turn: MutexGuard<'static, ()>,
}

/// The tests of a binary run on parallel threads (a plain `cargo test --workspace`), but two
/// windows at once on two cores would make each test's timing-dependent waits flaky: a
/// session waits here for the previous one to end.
static ONE_AT_A_TIME: Mutex<()> = Mutex::const_new(());

/// How long a session may take to start (the app's cold start is measured separately).
const SESSION_TIMEOUT: Duration = Duration::from_secs(30);

fn capabilities(tools: &Tools, launch: &Launch) -> serde_json::Map<String, Value> {
    let args: Vec<String> = launch
        .draft
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let caps = json!({
        "browserName": "wry",
        "tauri:options": { "application": tools.app, "args": args },
    });
    match caps {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}

/// A WebDriver session on `driver` with `caps`, within [`SESSION_TIMEOUT`].
pub async fn session(
    driver: &Driver,
    caps: serde_json::Map<String, Value>,
) -> Result<Client, Error> {
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let mut builder = ClientBuilder::new(connector);
    builder.capabilities(caps);
    let url = driver.url();
    tokio::time::timeout(SESSION_TIMEOUT, builder.connect(&url))
        .await
        .map_err(|_| Error::Session("no session after 30 s".into()))?
        .map_err(|e| Error::Session(format!("{e} (see {})", driver.log.display())))
}

impl App {
    /// Starts tauri-driver and a session on the app (not waiting for the UI).
    pub async fn start(tools: &Tools, name: &str, launch: &Launch) -> Result<App, Error> {
        let dir = crate::artefacts().join("work").join(name);
        let state = dir.join("state");
        let no_library = dir.join("no-library");
        for d in [&state, &no_library] {
            std::fs::create_dir_all(d)
                .map_err(|e| Error::io(format!("creating {}", d.display()), e))?;
        }
        let view = match launch.view {
            View::Source => Some("source"),
            View::Document => Some("document"),
            View::AsSaved => None,
        };
        if let Some(view) = view {
            let settings = state.join("settings.json");
            std::fs::write(&settings, format!("{{\"view\":\"{view}\"}}"))
                .map_err(|e| Error::io(format!("writing {}", settings.display()), e))?;
        }
        let library = launch.library.clone().unwrap_or(no_library);
        let mut env: Vec<(&str, &Path)> = vec![
            ("RESOLUTE_STATE_DIR", state.as_path()),
            ("RESOLUTE_LIBRARY", library.as_path()),
        ];
        env.extend(launch.env.iter().map(|(k, v)| (k.as_str(), v.as_path())));
        let turn = ONE_AT_A_TIME.lock().await;
        let driver = Driver::start(tools, &dir, &env)?;
        let requested_at = Instant::now();
        let client = session(&driver, capabilities(tools, launch)).await?;
        crate::record("ran.txt", name);
        Ok(App {
            client,
            name: name.to_string(),
            dir,
            requested_at,
            driver,
            _turn: turn,
        })
    }

    /// Starts the app and waits until the start-up draft is in the editor.
    pub async fn launch(tools: &Tools, name: &str, launch: Launch) -> Result<App, Error> {
        let app = App::start(tools, name, &launch).await?;
        app.wait_true(
            "the window to be ready",
            "return document.body.dataset.ready === 'true'",
            20,
        )
        .await?;
        Ok(app)
    }

    /// Runs a script in the window and returns its value.
    pub async fn js(&self, script: &str) -> Result<Value, Error> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Runs a script with one string argument (`arguments[0]`).
    pub async fn js_with(&self, script: &str, arg: &str) -> Result<Value, Error> {
        Ok(self.client.execute(script, vec![json!(arg)]).await?)
    }

    /// Polls `script` (which returns a boolean) until it is true, for at most `seconds`.
    pub async fn wait_true(&self, what: &str, script: &str, seconds: u64) -> Result<(), Error> {
        let start = Instant::now();
        loop {
            if self.js(script).await? == Value::Bool(true) {
                return Ok(());
            }
            if start.elapsed() > crate::patience(seconds) {
                return Err(Error::Timeout {
                    what: what.to_string(),
                    seconds: crate::patience(seconds).as_secs(),
                });
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The editor's whole text (through the read-only `window.__resoluteText` hook, because
    /// CodeMirror only renders the lines near the viewport).
    pub async fn text(&self) -> Result<String, Error> {
        let v = self
            .js("return window.__resoluteText ? window.__resoluteText() : null")
            .await?;
        v.as_str().map(str::to_string).ok_or_else(|| {
            Error::Tool("window.__resoluteText is missing: the UI did not start".into())
        })
    }

    /// Waits until the editor's text differs from `before`, and returns it.
    pub async fn wait_text_change(&self, before: &str, seconds: u64) -> Result<String, Error> {
        let start = Instant::now();
        loop {
            let now = self.text().await?;
            if now != before {
                return Ok(now);
            }
            if start.elapsed() > crate::patience(seconds) {
                return Err(Error::Timeout {
                    what: "the text to change".into(),
                    seconds: crate::patience(seconds).as_secs(),
                });
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// How many analyses the window has applied (`body[data-analysis-rev]`).
    pub async fn analysis_rev(&self) -> Result<u64, Error> {
        let v = self
            .js("return Number(document.body.dataset.analysisRev || 0)")
            .await?;
        Ok(v.as_u64().unwrap_or(0))
    }

    /// Waits until an analysis newer than `rev` has been applied.
    pub async fn wait_analysis_after(&self, rev: u64) -> Result<(), Error> {
        let script = format!("return Number(document.body.dataset.analysisRev || 0) > {rev}");
        self.wait_true("fresh diagnostics", &script, 10).await
    }

    /// Types text into whatever has the focus (the editor, normally).
    pub async fn type_text(&self, text: &str) -> Result<(), Error> {
        let focused = self.client.active_element().await?;
        focused.send_keys(text).await?;
        Ok(())
    }

    /// Presses one key (Enter, arrows …) in the focused element.
    pub async fn press(&self, key: Key) -> Result<(), Error> {
        self.type_text(&char::from(key).to_string()).await
    }

    /// Presses `key` (a [`Key`] or a character) with modifiers held (e.g. `[Key::Alt]`,
    /// `Key::Up`), as real key events.
    pub async fn chord(&self, modifiers: &[Key], key: impl Into<char>) -> Result<(), Error> {
        let key: char = key.into();
        let mut keys = KeyActions::new("keyboard".to_string());
        for m in modifiers {
            keys = keys.then(KeyAction::Down {
                value: char::from(*m),
            });
        }
        keys = keys
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        for m in modifiers.iter().rev() {
            keys = keys.then(KeyAction::Up {
                value: char::from(*m),
            });
        }
        self.client.perform_actions(keys).await?;
        self.client.release_actions().await?;
        Ok(())
    }

    /// Clicks the first element matching a CSS selector.
    pub async fn click(&self, css: &str) -> Result<(), Error> {
        self.client.find(Locator::Css(css)).await?.click().await?;
        Ok(())
    }

    /// Waits for an element matching `css` to exist.
    pub async fn wait_for(&self, what: &str, css: &str, seconds: u64) -> Result<(), Error> {
        let script = format!("return document.querySelector({}) !== null", json!(css));
        self.wait_true(what, &script, seconds).await
    }

    /// A script's array of strings (anything else gives an empty list).
    pub async fn strings(&self, script: &str) -> Result<Vec<String>, Error> {
        let v = self.js(script).await?;
        let items = v.as_array().cloned().unwrap_or_default();
        Ok(items
            .iter()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect())
    }

    /// The labels of the outline panel, in order (PP1, OP2(a) …).
    pub async fn outline_labels(&self) -> Result<Vec<String>, Error> {
        self.strings(
            "return [...document.querySelectorAll('.outline-jump')].map(b => b.dataset.label)",
        )
        .await
    }

    /// The outline entry's text for `label` ("Invites States sharing …").
    pub async fn outline_text(&self, label: &str) -> Result<String, Error> {
        let script = "const b = document.querySelector(`.outline-jump[data-label=\"${arguments[0]}\"] .outline-text`); return b ? b.textContent : ''";
        let v = self.js_with(script, label).await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// The gutter labels CodeMirror has drawn (the lines near the viewport only).
    pub async fn gutter_labels(&self) -> Result<Vec<String>, Error> {
        self.strings("return [...document.querySelectorAll('.cm-labels .cm-gutterElement')].map(e => e.textContent.trim()).filter(t => t)")
            .await
    }

    /// Clicks the outline entry `label`, which puts the cursor at that paragraph's start.
    pub async fn jump(&self, label: &str) -> Result<(), Error> {
        self.click(&format!(".outline-jump[data-label=\"{label}\"]"))
            .await
    }

    /// Saves a screenshot of the window to `target/artefacts/e2e/<name><suffix>.png`.
    pub async fn screenshot(&self, suffix: &str) -> Result<PathBuf, Error> {
        // Two animation frames: the DOM changes just made are painted, not only laid out.
        let frames = "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)))";
        self.client.execute_async(frames, vec![]).await?;
        let png = self.client.screenshot().await?;
        let path = crate::artefacts().join(format!("{}{suffix}.png", self.name));
        std::fs::write(&path, png)
            .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
        Ok(path)
    }

    /// Ends the session (the app quits) and stops the driver.
    pub async fn finish(self) -> Result<(), Error> {
        let App {
            client,
            driver,
            _turn,
            ..
        } = self;
        let closed = client.close().await;
        drop(driver);
        drop(_turn);
        closed.map_err(Error::from)
    }
}
