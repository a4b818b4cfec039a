//! A client session whose queries run on a Ballista cluster.

use std::path::PathBuf;
use std::sync::Arc;

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::prelude::{SessionConfig, SessionContext};
use wasmudf_datafusion::{SessionFactory, SessionOptions, UdfBuilder};

use crate::auth::ClusterSecret;
use crate::codec::{WasmLogicalCodec, WasmPhysicalCodec};
use crate::shipping::Shipping;

/// Sessions on the cluster at `url` (`df://host:port`): the [`SessionFactory`] of `--cluster`.
#[derive(Debug, Clone)]
pub struct ClusterSessions {
    pub url: String,
    /// A directory every process of the cluster (the scheduler too) can read, for modules over
    /// 1 MiB.
    pub module_store: Option<PathBuf>,
    /// The cluster's shared secret, if it requires one.
    pub secret: Option<ClusterSecret>,
}

#[async_trait::async_trait]
impl SessionFactory for ClusterSessions {
    async fn session(
        &self,
        builder: UdfBuilder,
        options: &SessionOptions,
    ) -> datafusion::common::Result<SessionContext> {
        remote_session(
            &self.url,
            builder,
            self.module_store.clone(),
            options,
            self.secret.as_ref(),
        )
        .await
    }
}

/// A session on the cluster at `url` (`df://host:port`). `CREATE FUNCTION` compiles here, on the
/// client: executors never run the C compiler. Modules over 1 MiB are put in `module_store`,
/// which every process of the cluster (the scheduler too) must be able to read. A tenant's surface (see `options.surface`) is
/// the same as in process; its memory pool is the executors' (not applied here).
pub async fn remote_session(
    url: &str,
    builder: UdfBuilder,
    module_store: Option<PathBuf>,
    options: &SessionOptions,
    secret: Option<&ClusterSecret>,
) -> datafusion::common::Result<SessionContext> {
    let shipping = Shipping::new(builder.clone(), module_store);
    let mut config = SessionConfig::new_with_ballista()
        .with_ballista_logical_extension_codec(Arc::new(WasmLogicalCodec::new(shipping.clone())))
        .with_ballista_physical_extension_codec(Arc::new(WasmPhysicalCodec::new(shipping)));
    if let Some(secret) = secret {
        // Queries to the scheduler and result fetches from executors.
        config = config.with_ballista_override_create_grpc_client_endpoint(secret.endpoint_override());
    }
    let state = wasmudf_datafusion::session_state(builder, options, config);
    let state = state.build();
    reach_scheduler(url).await?;
    SessionContext::remote_with_state(url, state).await
}

/// Ballista connects only when the first query runs; connecting here makes a wrong URL or a
/// scheduler that is down an error of the session, naming the URL, instead of a transport error
/// in the middle of some statement.
async fn reach_scheduler(url: &str) -> datafusion::common::Result<()> {
    use datafusion::common::DataFusionError;
    let address = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_end_matches('/')
        .to_string();
    let address = if address.contains(':') {
        address
    } else {
        format!("{address}:50050")
    };
    let connect = tokio::net::TcpStream::connect(address.as_str());
    match tokio::time::timeout(std::time::Duration::from_secs(10), connect).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(error)) => Err(DataFusionError::Execution(format!(
            "the scheduler at {url} is unreachable: {error}"
        ))),
        Err(_) => Err(DataFusionError::Execution(format!(
            "the scheduler at {url} did not answer within 10 s"
        ))),
    }
}
