//! `wasmudf tenants`, `wasmudf tokens` and `wasmudf datasets`: operator commands on the metadata
//! database.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use wasmudf_server::{Store, add_token, create_tenant};

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
    /// Make a new token for a tenant (the demo tenant's first token is shown only when it is
    /// created; tokens are stored as digests). Printed once, on the last line of stdout.
    Create {
        tenant: String,
        #[arg(long, value_name = "DIR", default_value = "wasmudf-data")]
        data_dir: PathBuf,
    },
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
        TokensCommand::Create { tenant, data_dir } => {
            let token = add_token(&open(&data_dir)?, &tenant)?;
            eprintln!("a new token for `{tenant}` (shown once):");
            println!("{token}");
        }
        TokensCommand::Revoke { token, data_dir } => {
            if !open(&data_dir)?.revoke_token(&token)? {
                bail!("no live token matches");
            }
            eprintln!("revoked");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct DatasetsArgs {
    #[command(subcommand)]
    command: DatasetsCommand,
}

#[derive(Debug, Subcommand)]
enum DatasetsCommand {
    /// Share a tenant's dataset read-only with every tenant.
    Share {
        /// The owning tenant.
        tenant: String,
        /// The dataset's name.
        dataset: String,
        #[arg(long, value_name = "DIR", default_value = "wasmudf-data")]
        data_dir: PathBuf,
    },
    /// Stop sharing a dataset: only its owner sees it again.
    Unshare {
        tenant: String,
        dataset: String,
        #[arg(long, value_name = "DIR", default_value = "wasmudf-data")]
        data_dir: PathBuf,
    },
}

pub async fn run_datasets(args: DatasetsArgs) -> Result<ExitCode> {
    let (tenant, dataset, data_dir, shared) = match args.command {
        DatasetsCommand::Share {
            tenant,
            dataset,
            data_dir,
        } => (tenant, dataset, data_dir, true),
        DatasetsCommand::Unshare {
            tenant,
            dataset,
            data_dir,
        } => (tenant, dataset, data_dir, false),
    };
    let store = open(&data_dir)?;
    let Some(owner) = store.tenant_by_name(&tenant)? else {
        bail!("no tenant named `{tenant}`");
    };
    if !store.set_shared(owner.id, &dataset, shared)? {
        bail!("tenant `{tenant}` has no dataset named `{dataset}`");
    }
    eprintln!(
        "`{tenant}/{dataset}` is {}",
        if shared {
            "shared read-only with every tenant"
        } else {
            "private to its owner"
        }
    );
    Ok(ExitCode::SUCCESS)
}
