//! Embeds the autograder's hidden tests (`grading/<assignment>/*`) in the binary,
//! so `workbench grade` needs nothing but itself and the student's crate.
//!
//! It writes `$OUT_DIR/grading.rs`: one `(assignment, &[(file name, contents)])`
//! entry per directory under `grading/`, in sorted order.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("grading");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut assignments: Vec<(String, Vec<(String, String)>)> = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(&root) {
        for dir in dirs.flatten() {
            let path = dir.path();
            if !path.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let name = dir.file_name().to_string_lossy().into_owned();
            let mut files = Vec::new();
            for file in std::fs::read_dir(&path).expect("readable grading directory").flatten() {
                let fpath = file.path();
                if fpath.is_file() {
                    println!("cargo:rerun-if-changed={}", fpath.display());
                    let fname = file.file_name().to_string_lossy().into_owned();
                    files.push((fname, fpath.display().to_string()));
                }
            }
            files.sort();
            assignments.push((name, files));
        }
    }
    assignments.sort();
    let mut out = String::from("/// Hidden tests per assignment: `(name, [(file name, contents)])`.\n");
    out.push_str("pub const HIDDEN: &[(&str, &[(&str, &str)])] = &[\n");
    for (name, files) in &assignments {
        writeln!(out, "    ({name:?}, &[").unwrap();
        for (fname, fpath) in files {
            writeln!(out, "        ({fname:?}, include_str!({fpath:?})),").unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("grading.rs");
    std::fs::write(dest, out).expect("writable OUT_DIR");
}
