//! The window manager's side of closing a window: finding the app's top-level X11 window by
//! its title and sending it WM_DELETE_WINDOW, as a desktop's close button does (WebDriver has
//! no command for it: closing a WebDriver window destroys it without asking the app).

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt as _, EventMask};
use x11rb::rust_connection::RustConnection;

use crate::Error;

/// An X11 window id.
pub type WindowId = u32;

fn x11(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Tool(format!("X11 {what}: {e}"))
}

/// A connection to `$DISPLAY` and the root window of its default screen.
fn connect() -> Result<(RustConnection, WindowId), Error> {
    let (conn, screen) = x11rb::connect(None).map_err(|e| x11("connect", e))?;
    let root = conn
        .setup()
        .roots
        .get(screen)
        .map(|s| s.root)
        .ok_or_else(|| Error::Tool(format!("X11: no screen {screen}")))?;
    Ok((conn, root))
}

fn atom(conn: &RustConnection, name: &str) -> Result<u32, Error> {
    let reply = conn
        .intern_atom(false, name.as_bytes())
        .map_err(|e| x11("intern_atom", e))?
        .reply()
        .map_err(|e| x11("intern_atom", e))?;
    Ok(reply.atom)
}

/// A text property of `window` (any type), or None when it has none.
fn text_property(conn: &RustConnection, window: WindowId, prop: u32) -> Option<String> {
    let reply = conn
        .get_property(false, window, prop, AtomEnum::ANY, 0, 4096)
        .ok()?
        .reply()
        .ok()?;
    (!reply.value.is_empty()).then(|| String::from_utf8_lossy(&reply.value).into_owned())
}

/// The window's title: `_NET_WM_NAME` (UTF-8, what GTK sets), else `WM_NAME`.
fn title(conn: &RustConnection, window: WindowId, net_wm_name: u32) -> Option<String> {
    text_property(conn, window, net_wm_name)
        .or_else(|| text_property(conn, window, AtomEnum::WM_NAME.into()))
}

/// Every window (at any depth under the root) whose title contains `part`, with its title.
pub fn windows_titled(part: &str) -> Result<Vec<(WindowId, String)>, Error> {
    let (conn, root) = connect()?;
    let net_wm_name = atom(&conn, "_NET_WM_NAME")?;
    let mut found = Vec::new();
    let mut pending = vec![root];
    while let Some(window) = pending.pop() {
        if let Some(t) = title(&conn, window, net_wm_name).filter(|t| t.contains(part)) {
            found.push((window, t));
        }
        // A window destroyed meanwhile has no tree: skip it rather than fail.
        if let Ok(Ok(tree)) = conn.query_tree(window).map(|c| c.reply()) {
            pending.extend(tree.children);
        }
    }
    Ok(found)
}

/// Sends `window` the ICCCM close request: a `WM_PROTOCOLS` ClientMessage carrying
/// `WM_DELETE_WINDOW`, addressed to the client that owns the window.
pub fn request_close(window: WindowId) -> Result<(), Error> {
    let (conn, _) = connect()?;
    let protocols = atom(&conn, "WM_PROTOCOLS")?;
    let delete = atom(&conn, "WM_DELETE_WINDOW")?;
    // data: the protocol atom and a timestamp (CurrentTime = 0).
    let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, event)
        .map_err(|e| x11("send_event", e))?;
    conn.flush().map_err(|e| x11("flush", e))?;
    Ok(())
}
