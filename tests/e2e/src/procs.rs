//! Memory of a process tree, read from /proc: the app and its WebKit helper processes.

use std::path::Path;

/// One process of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proc {
    /// Process id.
    pub pid: u32,
    /// Its command name (`/proc/<pid>/comm`).
    pub name: String,
    /// Resident set size in KiB (`VmRSS`).
    pub rss_kib: u64,
    /// Proportional set size in KiB (`Pss` of smaps_rollup): shared pages divided among
    /// the processes sharing them, so the sum over a tree counts each page once.
    pub pss_kib: u64,
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    let after = stat.rsplit_once(')')?.1;
    after.split_whitespace().nth(1)?.parse().ok()
}

fn kib(file: &Path, field: &str) -> u64 {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn all_pids() -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect()
}

/// Every descendant of `root` (not `root` itself), with its memory.
pub fn descendants(root: u32) -> Vec<Proc> {
    let parents: Vec<(u32, u32)> = all_pids()
        .into_iter()
        .filter_map(|p| Some((p, parent_of(p)?)))
        .collect();
    let mut tree = vec![root];
    let mut i = 0;
    while let Some(&pid) = tree.get(i) {
        tree.extend(parents.iter().filter(|(_, pp)| *pp == pid).map(|(p, _)| *p));
        i += 1;
    }
    tree.into_iter().skip(1).map(read).collect()
}

fn read(pid: u32) -> Proc {
    let dir = format!("/proc/{pid}");
    let name = std::fs::read_to_string(format!("{dir}/comm")).unwrap_or_default();
    Proc {
        pid,
        name: name.trim().to_string(),
        rss_kib: kib(Path::new(&format!("{dir}/status")), "VmRSS:"),
        pss_kib: kib(Path::new(&format!("{dir}/smaps_rollup")), "Pss:"),
    }
}

/// The app (a process named `resolute-app`) under `root` and all its descendants (the
/// WebKit web and network processes).
pub fn app_tree(root: u32) -> Vec<Proc> {
    let all = descendants(root);
    let Some(app) = all.iter().find(|p| p.name.starts_with("resolute-app")) else {
        return Vec::new();
    };
    let mut tree = vec![app.clone()];
    tree.extend(descendants(app.pid));
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_process_is_found_with_its_memory() {
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        let found = descendants(std::process::id());
        let _ = child.kill();
        let _ = child.wait();
        let sleep = found
            .iter()
            .find(|p| p.pid == child.id())
            .expect("child listed");
        assert_eq!(sleep.name, "sleep");
        assert!(sleep.rss_kib > 0, "{sleep:?}");
    }

    #[test]
    fn no_app_under_a_process_without_one() {
        assert!(app_tree(std::process::id()).is_empty());
    }
}
