//! The main window's size and place, kept between runs in the state folder
//! (`window.json`), and put back only where a monitor still shows it.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The smallest window the layout works in (as `tauri.conf.json` says).
pub const MIN_SIZE: (u32, u32) = (800, 500);

/// Where the window was: outer position and inner size in physical pixels, and whether it
/// was maximised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowPlace {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width of the content.
    pub width: u32,
    /// Height of the content.
    pub height: u32,
    /// Maximised when it was closed.
    pub maximized: bool,
}

/// A monitor's area in physical pixels: x, y, width, height.
pub type Area = (i32, i32, u32, u32);

impl WindowPlace {
    /// The place to restore among `monitors`: `None` when no monitor shows at least a
    /// 100-pixel square of the window's top edge (a monitor was unplugged), so the window
    /// opens where the system puts it; the size is never below [`MIN_SIZE`].
    pub fn restorable(self, monitors: &[Area]) -> Option<WindowPlace> {
        const GRIP: i64 = 100;
        let visible = monitors.iter().any(|&(mx, my, mw, mh)| {
            let (left, top) = (i64::from(self.x), i64::from(self.y));
            let right = left + i64::from(self.width);
            let (m_left, m_top) = (i64::from(mx), i64::from(my));
            let (m_right, m_bottom) = (m_left + i64::from(mw), m_top + i64::from(mh));
            let overlap = right.min(m_right) - left.max(m_left);
            overlap >= GRIP && top >= m_top && top + GRIP <= m_bottom
        });
        visible.then_some(WindowPlace {
            width: self.width.max(MIN_SIZE.0),
            height: self.height.max(MIN_SIZE.1),
            ..self
        })
    }
}

const FILE: &str = "window.json";

/// The place saved in `state_dir`; `None` when there is none or it cannot be read.
pub fn load_window_place(state_dir: &Path) -> Option<WindowPlace> {
    let text = std::fs::read_to_string(state_dir.join(FILE)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Saves the place atomically in `state_dir`.
pub fn save_window_place(state_dir: &Path, place: &WindowPlace) -> Result<(), crate::Error> {
    super::settings::save_state(state_dir, FILE, place)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Area = (0, 0, 1920, 1080);

    fn place(x: i32, y: i32, width: u32, height: u32) -> WindowPlace {
        WindowPlace {
            x,
            y,
            width,
            height,
            maximized: false,
        }
    }

    #[test]
    fn a_place_on_a_monitor_is_restored_and_one_off_every_monitor_is_not() {
        assert_eq!(
            place(100, 80, 1280, 800).restorable(&[SCREEN]),
            Some(place(100, 80, 1280, 800))
        );
        // On the second monitor, which is still there.
        let both = [SCREEN, (1920, 0, 2560, 1440)];
        assert!(place(2200, 100, 1280, 800).restorable(&both).is_some());
        // That monitor was unplugged; a title bar above the screen; a sliver at the edge.
        assert_eq!(place(2200, 100, 1280, 800).restorable(&[SCREEN]), None);
        assert_eq!(place(100, -300, 1280, 800).restorable(&[SCREEN]), None);
        assert_eq!(place(1880, 100, 1280, 800).restorable(&[SCREEN]), None);
        // Never smaller than the layout needs.
        assert_eq!(
            place(0, 0, 300, 200).restorable(&[SCREEN]),
            Some(place(0, 0, 800, 500))
        );
    }

    #[test]
    fn the_place_survives_a_restart_and_a_damaged_file_is_ignored() {
        let dir = std::env::temp_dir().join(format!("resolute-window-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(load_window_place(&dir), None);
        let p = WindowPlace {
            maximized: true,
            ..place(10, 20, 1000, 700)
        };
        save_window_place(&dir, &p).unwrap();
        assert_eq!(load_window_place(&dir), Some(p));
        std::fs::write(dir.join(FILE), "{\"x\": 1").unwrap();
        assert_eq!(load_window_place(&dir), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
