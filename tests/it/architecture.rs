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

/// The library's source files: the binary's command line (`src/cli/`)
/// sits on top of everything and is left out.
fn library_files() -> Vec<PathBuf> {
    let cli = Path::new(ROOT).join("src/cli");
    all_source_files()
        .into_iter()
        .filter(|path| !path.starts_with(&cli))
        .collect()
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
    let files = library_files();
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

/// Every source file of the library and the command line.
fn all_source_files() -> Vec<PathBuf> {
    crate::common::files_under(&Path::new(ROOT).join("src"))
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect()
}

#[test]
fn no_source_file_is_over_600_lines() {
    let files = all_source_files();
    assert!(files.len() > 50, "{} files", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(file).unwrap().lines().count();
            (lines > 600).then(|| format!("{}: {lines} lines", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

/// The names a child file takes from its folder's `mod.rs` through
/// `super::`: `use super::X`, `use super::{X, Y}` and `super::x(...)` in
/// code. A sibling's path (`super::sibling::...`) is not its parent's.
fn taken_from_parent(text: &str, siblings: &[String]) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut taken = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("super::") {
            let after = &rest[at + "super::".len()..];
            let names: Vec<String> = if let Some(list) = after.strip_prefix('{') {
                let list = list.split('}').next().unwrap_or("");
                list.split(',').map(|n| n.trim().to_owned()).collect()
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                vec![name]
            };
            for name in names {
                let first = name.split("::").next().unwrap_or("").trim().to_owned();
                if first.is_empty() || first == "self" || siblings.contains(&first) {
                    continue;
                }
                taken.push((number + 1, first));
            }
            rest = after;
        }
    }
    taken
}

/// A shared type (`Report`) or constant (`MARKER`), not logic (`read_ledger`).
fn is_shared_type(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

#[test]
fn child_files_take_only_shared_types_from_their_folder() {
    let mut wrong = Vec::new();
    let mut children = 0;
    for file in all_source_files() {
        let Some(folder) = file.parent() else {
            continue;
        };
        if file
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "main.rs" || n == "lib.rs")
            || !folder.join("mod.rs").is_file()
        {
            continue;
        }
        children += 1;
        let siblings: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .filter_map(|e| {
                let path = e.unwrap().path();
                let stem = path.file_stem()?.to_str()?.to_owned();
                (stem != "mod").then_some(stem)
            })
            .collect();
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, name) in taken_from_parent(&text, &siblings) {
            if !is_shared_type(&name) {
                wrong.push(format!(
                    "{}:{line}: takes `{name}` from its folder's mod.rs; move it to a file of its own and import that",
                    file.display()
                ));
            }
        }
    }
    assert!(children > 30, "{children} child files");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_a_child_taking_logic_from_its_parent() {
    let siblings = ["reader".to_owned()];
    let taken = taken_from_parent(
        "use super::reader::Reader;\nuse super::{ROOT_KEYS, read_ledger};\nfn f() { super::extend(x) }\n#[cfg(test)]\nuse super::*;\n",
        &siblings,
    );
    assert_eq!(
        taken,
        [
            (2, "ROOT_KEYS".to_owned()),
            (2, "read_ledger".to_owned()),
            (3, "extend".to_owned())
        ]
    );
    assert!(is_shared_type("ROOT_KEYS") && !is_shared_type("read_ledger"));
}

#[test]
fn the_site_and_the_report_draw_with_the_shared_presentation_not_each_others_pages() {
    let mut wrong = Vec::new();
    let mut read = 0;
    for file in all_source_files() {
        let site = file.starts_with(Path::new(ROOT).join("src/site"));
        let report = file.starts_with(Path::new(ROOT).join("src/report"));
        if !site && !report {
            continue;
        }
        read += 1;
        let text = std::fs::read_to_string(&file).unwrap();
        // The site does not borrow the report's page, nor the report the
        // site's; what both draw is in src/report/present.rs.
        let other = if site { "report::html" } else { "site::" };
        for (line, text) in text.lines().enumerate() {
            if text.contains(other) || text.contains("widgets") {
                wrong.push(format!("{}:{}: {text}", file.display(), line + 1));
            }
        }
    }
    assert!(read >= 12, "{read} site and report files");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
