//! Architecture invariants of the core crate: it depends on no browser crate (leptos,
//! web-sys, wasm-bindgen, js-sys; checked in `Cargo.toml`, so the compiler refuses any
//! import, and in the sources, so a path through another crate is caught too), so it builds
//! and is tested natively and runs in a Web Worker or the CLI unchanged; and inside the core
//! nothing imports upward (format → model → engine → analysis → charts: the engine knows
//! nothing of analysis, analysis nothing of charts).
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

/// The core's layers, lowest first: a module may use its own layer and those before it.
const LAYERS: [&str; 5] = ["format", "model", "engine", "analysis", "charts"];

/// `crate::<module>` paths in the code (not the comments) of `source` that reach a layer
/// above `layer`: (line, module).
fn upward_imports(layer: usize, source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let above = LAYERS
                .iter()
                .position(|l| *l == name)
                .is_some_and(|rank| rank > layer);
            if above {
                found.push((i + 1, name));
            }
        }
    }
    found
}

#[test]
fn the_layer_scanner_catches_an_upward_import() {
    let engine = 2;
    assert_eq!(
        upward_imports(engine, "    pub sla: crate::analysis::sla::SlaReport,"),
        vec![(1, "analysis".to_string())]
    );
    assert_eq!(upward_imports(engine, "use crate::charts::svg;").len(), 1);
    assert!(upward_imports(engine, "use crate::model::Scenario;").is_empty());
    assert!(upward_imports(engine, "/// see [`crate::analysis::sla`]").is_empty());
    assert!(upward_imports(4, "use crate::analysis::x;").is_empty());
}

/// Every upward import under `src` (a crate's source folder laid out as `LAYERS`), as
/// "file:line: layer uses module".
fn layer_violations(src: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for (rank, layer) in LAYERS.iter().enumerate() {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        files.push(src.join(format!("{layer}.rs")));
        for file in files.iter().filter(|f| f.exists()) {
            let text = fs::read_to_string(file).expect("readable source file");
            for (line, module) in upward_imports(rank, &text) {
                problems.push(format!("{}:{line}: {layer} uses {module}", file.display()));
            }
        }
    }
    problems
}

#[test]
fn a_planted_upward_import_is_found_in_a_source_tree() {
    let root = std::env::temp_dir().join(format!("handoff-layers-{}", std::process::id()));
    let engine = root.join("engine");
    fs::create_dir_all(&engine).expect("temporary folder");
    fs::write(engine.join("mod.rs"), "use crate::model::Scenario;\n").expect("write");
    fs::write(
        engine.join("leak.rs"),
        "// crate::analysis\nuse crate::analysis::sla;\n",
    )
    .expect("write");
    fs::write(root.join("format.rs"), "pub fn f() {}\n").expect("write");
    let found = layer_violations(&root);
    fs::remove_dir_all(&root).expect("clean up");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("leak.rs:2: engine uses analysis"),
        "{found:?}"
    );
}

#[test]
fn nothing_in_the_core_imports_upward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = layer_violations(&src);
    assert!(
        problems.is_empty(),
        "layers import only downward:\n{}",
        problems.join("\n")
    );
}

/// Dependency names in a `Cargo.toml`'s dependency tables (`[dependencies]`,
/// `[target.'...'.dependencies]`, dev- and build-dependencies): the keys, and the table
/// names of the `[dependencies.name]` form.
fn dependency_names(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_end_matches(']');
            in_deps = header.ends_with("dependencies");
            if let Some((_, name)) = header.split_once("dependencies.") {
                names.push(name.to_string());
            }
            continue;
        }
        if in_deps && !line.starts_with('#') {
            if let Some((key, _)) = line.split_once('=') {
                names.push(key.trim().trim_end_matches(".workspace").to_string());
            }
        }
    }
    names
}

#[test]
fn the_manifest_reader_finds_a_web_dependency() {
    let planted = "[package]\nname = \"x\"\n[dependencies]\nserde = \"1\"\n\
        [target.'cfg(target_arch = \"wasm32\")'.dependencies]\nweb-sys = \"0.3\"\n\
        [dependencies.leptos]\nversion = \"0.8\"\n";
    assert_eq!(dependency_names(planted), ["serde", "web-sys", "leptos"]);
}

#[test]
fn the_core_crate_depends_on_no_browser_crate() {
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("core/Cargo.toml");
    let names = dependency_names(&manifest);
    assert!(
        names.iter().any(|n| n == "serde"),
        "read no dependencies: {names:?}"
    );
    let web: Vec<_> = names
        .iter()
        .filter(|n| FORBIDDEN.contains(&n.replace('-', "_").as_str()))
        .collect();
    assert!(web.is_empty(), "the core must not depend on {web:?}");
}
