//! `--cluster` and `--module-store`: where a command's queries run.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use datafusion::prelude::SessionContext;
use wasmudf_cluster::ClusterSessions;
use wasmudf_datafusion::{InProcess, SessionFactory, SessionOptions, UdfBuilder};

#[derive(Debug, Clone, Args)]
pub struct ClusterOptions {
    /// Run on a Ballista cluster (`df://HOST:PORT`, see `wasmudf scheduler`) instead of in process.
    /// Data files must be readable by every executor at the same path.
    #[arg(long, value_name = "URL")]
    pub cluster: Option<String>,
    /// With --cluster: a directory every process of the cluster can read, for modules over 1 MiB.
    #[arg(long, value_name = "DIR", requires = "cluster")]
    pub module_store: Option<PathBuf>,
    #[command(flatten)]
    pub secret: SecretOption,
}

/// The cluster's shared secret, for every process of a cluster and its clients.
#[derive(Debug, Clone, Args)]
pub struct SecretOption {
    /// The cluster's shared secret (16 bytes or more): sent and required on every gRPC call,
    /// and needed to listen beyond loopback. Prefer the environment variable
    /// WASMUDF_CLUSTER_SECRET: arguments are visible to other users in `ps`.
    #[arg(long, value_name = "SECRET")]
    pub cluster_secret: Option<String>,
}

impl SecretOption {
    pub fn secret(&self) -> Result<Option<wasmudf_cluster::ClusterSecret>> {
        let text = self.cluster_secret.clone().or_else(|| {
            std::env::var("WASMUDF_CLUSTER_SECRET")
                .ok()
                .filter(|text| !text.is_empty())
        });
        Ok(text
            .map(|text| wasmudf_cluster::ClusterSecret::new(&text))
            .transpose()?)
    }
}

impl ClusterOptions {
    /// Where sessions run: in this process, or on the cluster.
    pub fn sessions(&self) -> Result<Arc<dyn SessionFactory>> {
        Ok(match &self.cluster {
            Some(url) => Arc::new(ClusterSessions {
                url: url.clone(),
                module_store: self.module_store.clone(),
                secret: self.secret.secret()?,
            }),
            None => Arc::new(InProcess),
        })
    }

    /// A trusted session (the CLI's user owns the machine), in this process or on the cluster.
    pub async fn session(&self, builder: UdfBuilder) -> Result<SessionContext> {
        let options = SessionOptions {
            allow_module_paths: true,
            ..SessionOptions::default()
        };
        let session = self.sessions()?.session(builder, &options).await;
        match &self.cluster {
            Some(url) => session.with_context(|| format!("cannot connect to the cluster at {url}")),
            None => Ok(session?),
        }
    }
}
