//! Embeds the web page (`web/dist`, built by `scripts/build-web`) into the binary, so one binary
//! serves everything: each file as it is, gzipped (text files, when that is smaller), and an ETag.
//! Without a build, the server serves a page saying how to make one.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dist = manifest.join("../../web/dist");
    // Watching a missing path would rerun this script on every build; an empty directory is
    // watched cheaply and changes when Vite writes into it.
    let _ = std::fs::create_dir_all(&dist);
    println!("cargo:rerun-if-changed={}", dist.display());
    let mut files = Vec::new();
    collect(&dist, &dist, &mut files);
    files.sort();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut code = String::from(
        "/// The web page's files: path relative to `web/dist`, bytes, gzipped bytes (empty when not\n\
         /// worth it), ETag.\npub static ASSETS: &[(&str, &[u8], &[u8], &str)] = &[\n",
    );
    for (index, (relative, absolute)) in files.iter().enumerate() {
        let bytes = std::fs::read(absolute).expect("web/dist is readable");
        let gzipped = out.join(format!("asset-{index}.gz"));
        let compressed = if is_text(relative) { gzip(&bytes) } else { Vec::new() };
        let compressed = if compressed.len() < bytes.len() {
            compressed
        } else {
            Vec::new()
        };
        std::fs::write(&gzipped, compressed).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    ({relative:?}, include_bytes!({:?}), include_bytes!({:?}), \"\\\"{:016x}\\\"\"),",
            absolute.display().to_string(),
            gzipped.display().to_string(),
            fnv1a(&bytes)
        )
        .expect("write to String");
    }
    code.push_str("];\n");
    std::fs::write(out.join("web_assets.rs"), code).expect("OUT_DIR is writable");
}

fn is_text(path: &str) -> bool {
    matches!(
        path.rsplit_once('.').map(|(_, extension)| extension),
        Some("html" | "js" | "mjs" | "css" | "svg" | "json" | "txt" | "map")
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// A content hash for the ETag (not a security boundary: the bytes are the binary's own).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn collect(root: &Path, directory: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            if !relative.starts_with('.') {
                let absolute = path.canonicalize().unwrap_or(path);
                files.push((relative, absolute));
            }
        }
    }
}
