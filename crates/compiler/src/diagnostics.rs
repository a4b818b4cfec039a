//! Compiler diagnostics as data: severity, line, column and message in the user's own source.
//!
//! clang's text output is parsed line by line. Only diagnostics located in the user's file keep a
//! line and column; those in generated code are reworded to speak about the declared signature;
//! driver and linker messages keep their text without a location. Every message is scrubbed of
//! paths inside the compile jail and of control characters (terminal escapes), because it is
//! shown to users verbatim.

use std::fmt;

use wasmudf_abi::UdfSignature;

use crate::c_wrapper::{GENERATED_FILE, USER_FILE, WRAPPER_FILE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One compiler message. `line` and `column` are 1-based positions in the user's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: ")?,
            (Some(line), None) => write!(f, "{line}: ")?,
            _ => {}
        }
        write!(f, "{}: {}", self.severity.as_str(), self.message)
    }
}

/// Most diagnostics kept from one compile; clang is also run with `-ferror-limit`.
const MAX_DIAGNOSTICS: usize = 50;
/// Longest message kept, in bytes.
const MAX_MESSAGE_BYTES: usize = 1000;

/// Parses clang's stderr. `signature` lets generated-code messages name the user's function and
/// the C prototype it must have.
pub fn parse_clang_output(output: &str, signature: &UdfSignature) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for raw_line in output.lines() {
        if diagnostics.len() >= MAX_DIAGNOSTICS {
            break;
        }
        let Some(diagnostic) = parse_line(raw_line, signature) else {
            continue;
        };
        // clang repeats some notes; keep each once.
        if !diagnostics.contains(&diagnostic) {
            diagnostics.push(diagnostic);
        }
    }
    diagnostics
}

fn parse_line(line: &str, signature: &UdfSignature) -> Option<Diagnostic> {
    let function_name = signature.name();
    // Located: `FILE:LINE:COL: SEVERITY: MESSAGE`.
    for (marker, severity) in [
        (": fatal error: ", Severity::Error),
        (": error: ", Severity::Error),
        (": warning: ", Severity::Warning),
        (": note: ", Severity::Note),
    ] {
        let Some(at) = line.find(marker) else {
            continue;
        };
        let location = &line[..at];
        let message = clean_message(&line[at + marker.len()..]);
        let mut parts = location.rsplitn(3, ':');
        let column = parts.next().and_then(|text| text.parse::<u32>().ok());
        let line_number = parts.next().and_then(|text| text.parse::<u32>().ok());
        let file = parts.next();
        return Some(match (file, line_number, column) {
            (Some(file), Some(line_number), Some(column)) if file.ends_with(USER_FILE) => Diagnostic {
                severity,
                line: Some(line_number),
                column: Some(column),
                message,
            },
            (Some(file), Some(_), Some(_)) if file.ends_with(WRAPPER_FILE) || file.ends_with(GENERATED_FILE) => {
                Diagnostic {
                    severity,
                    line: None,
                    column: None,
                    message: reword_generated(&message, signature),
                }
            }
            (Some(file), Some(_), Some(_)) => Diagnostic {
                severity,
                line: None,
                column: None,
                message: format!("in {}: {message}", short_file_name(file)),
            },
            // Driver or linker: `clang: error: ...`, `wasm-ld-19: error: ...`.
            _ => Diagnostic {
                severity,
                line: None,
                column: None,
                message: reword_linker(&message, function_name),
            },
        });
    }
    None
}

fn reword_generated(message: &str, signature: &UdfSignature) -> String {
    let function_name = signature.name();
    if message.contains("previous declaration is here") {
        return format!(
            "the signature declares `{}`: the definition must have these C types",
            signature.c_prototype()
        );
    }
    if message.contains("has internal linkage but is not defined") || message.contains("used but never defined") {
        return format!("the source does not define the function `{function_name}`");
    }
    format!("while generating the batch loop around `{function_name}`: {message}")
}

fn reword_linker(message: &str, function_name: &str) -> String {
    if let Some(symbol) = message.split("undefined symbol: ").nth(1) {
        let symbol = symbol.trim();
        if symbol == function_name {
            return format!("the source does not define the function `{function_name}`");
        }
        return format!(
            "undefined symbol `{symbol}`: it is not provided by the allowed headers (stdint.h, stdbool.h, \
             stddef.h, string.h, math.h, stdlib.h, ctype.h, limits.h, float.h)"
        );
    }
    message.to_string()
}

/// A header or other file named in a message, without any directory.
fn short_file_name(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    clean_message(name)
}

/// Removes jail paths and control characters, and bounds the length.
pub fn clean_message(message: &str) -> String {
    let mut cleaned = message.to_string();
    for (prefix, replacement) in [
        ("/usr/lib/llvm-19/lib/clang/19/include/", "<clang>/"),
        ("/usr/lib/llvm-19/bin/", ""),
        ("/sysroot/include/", "<libc>/"),
        ("/sysroot/", "<libc>/"),
        ("/job/", ""),
        ("/tmp/", ""),
    ] {
        cleaned = cleaned.replace(prefix, replacement);
    }
    let mut cleaned: String = cleaned.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if cleaned.len() > MAX_MESSAGE_BYTES {
        let mut end = MAX_MESSAGE_BYTES;
        while !cleaned.is_char_boundary(end) {
            end -= 1;
        }
        cleaned.truncate(end);
        cleaned.push_str(" [...]");
    }
    cleaned
}

/// Renders diagnostics the way compilers print them, with the offending source line and a caret.
pub fn render_diagnostics(diagnostics: &[Diagnostic], file_name: &str, source: &str) -> String {
    let source_lines: Vec<&str> = source.lines().collect();
    let mut out = String::new();
    for diagnostic in diagnostics {
        match (diagnostic.line, diagnostic.column) {
            (Some(line), Some(column)) => {
                out.push_str(&format!(
                    "{file_name}:{line}:{column}: {}: {}\n",
                    diagnostic.severity.as_str(),
                    diagnostic.message
                ));
                if let Some(text) = source_lines.get(line as usize - 1) {
                    let text: String = text
                        .chars()
                        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
                        .collect();
                    out.push_str(&format!("{line:>5} | {text}\n"));
                    let pad: String = text
                        .chars()
                        .take(column.saturating_sub(1) as usize)
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    out.push_str(&format!("      | {pad}^\n"));
                }
            }
            _ => out.push_str(&format!(
                "{file_name}: {}: {}\n",
                diagnostic.severity.as_str(),
                diagnostic.message
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_file_diagnostics_keep_line_and_column() {
        let output = "In file included from wasmudf_main.c:3:\n\
                      udf.c:2:12: error: use of undeclared identifier 'x'\n\
                      \x20   2 |     return x;\n\
                      1 error generated.\n";
        let diagnostics = parse_clang_output(output, &"f(x INT) RETURNS INT".parse().unwrap());
        assert_eq!(
            diagnostics,
            vec![Diagnostic {
                severity: Severity::Error,
                line: Some(2),
                column: Some(12),
                message: "use of undeclared identifier 'x'".to_string(),
            }]
        );
    }

    #[test]
    fn conflicting_types_note_speaks_of_the_signature() {
        let output = "udf.c:1:8: error: conflicting types for 'f'\n\
                      wasmudf_main.c:2:14: note: previous declaration is here\n";
        let diagnostics = parse_clang_output(output, &"f(x INT) RETURNS INT".parse().unwrap());
        assert_eq!(diagnostics.len(), 2);
        assert_eq!(diagnostics[0].line, Some(1));
        assert_eq!(diagnostics[1].line, None);
        assert_eq!(
            diagnostics[1].message,
            "the signature declares `int32_t f(int32_t x)`: the definition must have these C types"
        );
    }

    #[test]
    fn missing_definition_is_named() {
        let output = "wasmudf_main.c:2:14: warning: function 'f' has internal linkage but is not defined [-Wundefined-internal]\n\
                      wasm-ld-19: error: /tmp/wasmudf_main-1.o: undefined symbol: f\n";
        let diagnostics = parse_clang_output(output, &"f(x INT) RETURNS INT".parse().unwrap());
        assert!(
            diagnostics
                .iter()
                .all(|d| d.message.contains("does not define the function `f`")),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn paths_and_escapes_are_scrubbed() {
        let output = "/sysroot/include/stdlib.h:10:1: error: bad \x1b[31mthing\x1b[0m in /job/udf.c\n";
        let diagnostics = parse_clang_output(output, &"f(x INT) RETURNS INT".parse().unwrap());
        assert_eq!(diagnostics[0].message, "in stdlib.h: bad  [31mthing [0m in udf.c");
    }

    #[test]
    fn rendering_points_a_caret_at_the_column() {
        let diagnostics = vec![Diagnostic {
            severity: Severity::Error,
            line: Some(2),
            column: Some(5),
            message: "oops".to_string(),
        }];
        let rendered = render_diagnostics(&diagnostics, "f.c", "int f(void) {\n    return x;\n}\n");
        assert_eq!(rendered, "f.c:2:5: error: oops\n    2 |     return x;\n      |     ^\n");
    }
}
