//! `wasmudf tenants` and `wasmudf tokens`: operator commands on the metadata database.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use wasmudf_server::{Store, create_tenant};

#[derive(Debug, Args)]
pub struct TenantsArgs {
    #[command(subcommand)]
    command: TenantsCommand,
}

#[derive(Debug, Subcommand)]
enum TenantsCommand {
    /// Create a tenant; the last line of stdout is its API token, alone.
    Create {
        name: String,
        #[arg(long, value_name = "DIR", default_value = "wasmudf-data")]
        data_dir: PathBuf,
    },
    /// List tenants with their number of live tokens.
    List {
        #[arg(long, value_name = "DIR", default_value = "wasmudf-data")]
        data_dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct TokensArgs {
    #[command(subcommand)]
    command: TokensCommand,
}

#[derive(Debug, Subcommand)]
enum TokensCommand {
    /// Revoke a token: requests carrying it are refused from now on.
    Revoke {
        token: String,
        #[arg(long, value_name = "DIR", default_value = "wasmudf-data")]
        data_dir: PathBuf,
    },
}

fn open(data_dir: &std::path::Path) -> Result<Store> {
    std::fs::create_dir_all(data_dir)?;
    Ok(Store::open(&data_dir.join("wasmudf.db"))?)
}

pub async fn run(args: TenantsArgs) -> Result<ExitCode> {
    match args.command {
        TenantsCommand::Create { name, data_dir } => {
            let token = create_tenant(&open(&data_dir)?, &name)?;
            eprintln!("created tenant `{name}`; its token (shown once):");
            println!("{token}");
        }
        TenantsCommand::List { data_dir } => {
            for (tenant, tokens) in open(&data_dir)?.list_tenants()? {
                println!("{}\t{}\t{tokens} live token(s)", tenant.id, tenant.name);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn run_tokens(args: TokensArgs) -> Result<ExitCode> {
    match args.command {
        TokensCommand::Revoke { token, data_dir } => {
            if !open(&data_dir)?.revoke_token(&token)? {
                bail!("no live token matches");
            }
            eprintln!("revoked");
        }
    }
    Ok(ExitCode::SUCCESS)
}
