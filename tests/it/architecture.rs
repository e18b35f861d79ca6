//! The layering of `docs/architecture.md` holds: no module imports from a
//! module in its own or a higher layer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::ROOT;

/// Module name → layer, read from the table in docs/architecture.md.
fn layers() -> BTreeMap<String, usize> {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/architecture.md")).unwrap();
    let mut layers = BTreeMap::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(layer) = cells.get(1).and_then(|c| c.parse::<usize>().ok()) else {
            continue;
        };
        for module in cells[2].split(',') {
            let module = module.trim().trim_matches('`');
            assert!(!module.is_empty(), "an empty module name in: {line}");
            layers.insert(module.to_owned(), layer);
        }
    }
    assert!(layers.len() > 10, "the layer table was not found");
    layers
}

fn library_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            // The binary's command line sits on top of everything.
            if path.file_name().is_some_and(|name| name != "cli") {
                library_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/load/chunks.rs` → `load`.
fn module_of(file: &Path) -> Option<String> {
    let relative = file.strip_prefix(Path::new(ROOT).join("src")).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_owned())
}

/// Every `crate::name` in the code, with its line: comments and the
/// `#[cfg(test)]` module at the end of a file are left out.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push((number + 1, name));
            rest = after;
        }
    }
    found
}

#[test]
fn no_module_imports_from_its_own_or_a_higher_layer() {
    let layers = layers();
    let mut files = Vec::new();
    library_files(&Path::new(ROOT).join("src"), &mut files);
    files.sort();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let Some(&own) = layers.get(&module) else {
            wrong.push(format!(
                "{}: the module `{module}` is in no layer of docs/architecture.md",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, target) in crate_paths(&text) {
            checked += 1;
            if target == module {
                continue;
            }
            match layers.get(&target) {
                Some(&layer) if layer < own => {}
                Some(&layer) => wrong.push(format!(
                    "{}:{line}: `{module}` (layer {own}) uses `crate::{target}` (layer {layer})",
                    file.display()
                )),
                None => wrong.push(format!(
                    "{}:{line}: `crate::{target}` is in no layer of docs/architecture.md",
                    file.display()
                )),
            }
        }
    }
    assert!(checked > 100, "only {checked} crate:: paths were found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_import() {
    let paths = crate_paths(
        "use crate::check::Levels; // crate::report\nfn f() {}\n#[cfg(test)]\nuse crate::edit;\n",
    );
    assert_eq!(paths, [(1, "check".to_owned())]);
}
