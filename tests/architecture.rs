//! Architecture invariant: the pure core (`model`, `engine`, `analysis`, `charts`) never
//! imports a browser crate (leptos, web_sys, wasm_bindgen, js_sys), so it builds and is
//! tested natively and can run in a Web Worker or on a server unchanged.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const CORE: [&str; 4] = ["model", "engine", "analysis", "charts"];
const FORBIDDEN: [&str; 4] = ["leptos", "web_sys", "wasm_bindgen", "js_sys"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of `source` that name a forbidden crate as a path (`leptos::`, `use web_sys`,
/// `extern crate js_sys`). Comments are ignored.
fn offending_lines(source: &str) -> Vec<(usize, String)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            FORBIDDEN.iter().any(|krate| {
                code.match_indices(krate).any(|(at, _)| {
                    let before = code[..at].chars().last();
                    let after = &code[at + krate.len()..];
                    let starts_word = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
                    starts_word
                        && (after.starts_with("::")
                            || after.starts_with(';')
                            || after.starts_with(" as ")
                            || code.trim_start().starts_with("use ")
                            || code.contains("extern crate"))
                })
            })
        })
        .map(|(i, line)| (i + 1, line.to_string()))
        .collect()
}

#[test]
fn the_scanner_catches_web_imports() {
    assert_eq!(offending_lines("use leptos::prelude::*;").len(), 1);
    assert_eq!(offending_lines("    let w = web_sys::window();").len(), 1);
    assert_eq!(offending_lines("use wasm_bindgen;").len(), 1);
    assert_eq!(offending_lines("extern crate js_sys;").len(), 1);
    assert!(offending_lines("// leptos:: in a comment is fine").is_empty());
    assert!(offending_lines("let not_leptos_thing = 1;").is_empty());
}

#[test]
fn the_pure_core_imports_no_browser_crate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in CORE {
        rust_files(&src.join(module), &mut files);
    }
    assert!(
        files.len() >= CORE.len(),
        "expected the core modules under src/: found {files:?}"
    );
    let mut problems = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable source file");
        for (line, code) in offending_lines(&text) {
            problems.push(format!("{}:{line}: {}", file.display(), code.trim()));
        }
    }
    assert!(
        problems.is_empty(),
        "the pure core must not import browser crates:\n{}",
        problems.join("\n")
    );
}
