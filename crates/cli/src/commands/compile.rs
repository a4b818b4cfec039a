//! `wasmudf compile`: diagnostics the way compilers print them, and optionally the module.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;
use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileError, CompileRequest, Language, render_diagnostics};

use crate::udf_options::UdfOptions;

#[derive(Debug, Args)]
pub struct CompileArgs {
    /// The UDF source: .c, .wat or .wasm.
    #[arg(long, value_name = "FILE")]
    source: PathBuf,
    /// The function's signature, e.g. 'f(a INT, b STRING) RETURNS STRING'.
    #[arg(long, value_name = "SIGNATURE")]
    signature: String,
    /// Write the validated module here.
    #[arg(short = 'o', long, value_name = "FILE.wasm")]
    output: Option<PathBuf>,
    #[command(flatten)]
    udf: UdfOptions,
}

pub async fn run(args: CompileArgs) -> Result<ExitCode> {
    let signature: UdfSignature = args.signature.parse()?;
    let Some(language) = Language::from_path(&args.source) else {
        bail!(
            "cannot tell the language of {}: use a .c, .wat or .wasm file",
            args.source.display()
        );
    };
    let source = super::read_source(&args.source)?;
    let compiler = args.udf.compiler();
    let file_name = args.source.display().to_string();
    let text = String::from_utf8_lossy(&source).into_owned();
    let result = tokio::task::spawn_blocking(move || {
        compiler.compile(&CompileRequest {
            language,
            source: &source,
            signature: &signature,
        })
    })
    .await?;
    match result {
        Ok(module) => {
            eprint!("{}", render_diagnostics(&module.warnings, &file_name, &text));
            if let Some(output) = &args.output {
                std::fs::write(output, &module.wasm).with_context(|| format!("cannot write {}", output.display()))?;
            }
            println!(
                "compiled {} ({} bytes, sha256 {}{}){}",
                file_name,
                module.wasm.len(),
                &module.digest[..16],
                if module.from_cache { ", cached" } else { "" },
                args.output
                    .as_ref()
                    .map(|o| format!(" -> {}", o.display()))
                    .unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(CompileError::Diagnostics(diagnostics)) => {
            eprint!("{}", render_diagnostics(&diagnostics, &file_name, &text));
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == wasmudf_compiler::Severity::Error)
                .count();
            eprintln!("{errors} error{} generated.", if errors == 1 { "" } else { "s" });
            Ok(ExitCode::from(1))
        }
        Err(error) => Err(error.into()),
    }
}
