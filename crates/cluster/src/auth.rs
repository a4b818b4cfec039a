//! The cluster's shared secret: every gRPC call into a scheduler or an executor must carry it.
//!
//! Ballista 55 builds its client channels in many places, but every one of them passes through
//! one hook, an endpoint override, and the only per-request header an endpoint can set is its
//! user agent. So each client sends `user-agent: wasmudf-auth/<SHA-256 of the secret> ...`
//! (the secret itself never travels), and each server checks it with a tonic interceptor before
//! any handler runs. Without TLS the token crosses the network in clear: it keeps out whoever
//! can reach the ports, not whoever can read the traffic (docs/cluster.md).

use std::net::ToSocketAddrs;
use std::sync::Arc;

use ballista_core::extension::EndpointOverrideFn;
use sha2::{Digest, Sha256};
use tonic::service::Interceptor;
use tonic::transport::Endpoint;
use tonic::{Request, Status};

use crate::ClusterError;

/// Shortest secret accepted.
const MIN_SECRET_BYTES: usize = 16;

/// The token a cluster's processes derive from their shared secret.
#[derive(Clone)]
pub struct ClusterSecret {
    token: Arc<str>,
}

impl std::fmt::Debug for ClusterSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClusterSecret(..)")
    }
}

impl ClusterSecret {
    pub fn new(secret: &str) -> Result<Self, ClusterError> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(ClusterError::Secret(format!(
                "the cluster secret must be at least {MIN_SECRET_BYTES} bytes"
            )));
        }
        let digest = Sha256::new()
            .chain_update(b"wasmudf-cluster-token-v1\0")
            .chain_update(secret.as_bytes())
            .finalize();
        Ok(ClusterSecret {
            token: format!("wasmudf-auth/{}", hex::encode(digest)).into(),
        })
    }

    /// For every Ballista client endpoint: adds the token to each request.
    pub fn endpoint_override(&self) -> EndpointOverrideFn {
        let token = self.token.clone();
        Arc::new(
            move |endpoint: Endpoint| -> Result<Endpoint, Box<dyn std::error::Error + Send + Sync>> {
                Ok(endpoint.user_agent(&*token)?)
            },
        )
    }

    /// For every server: refuses calls without the token.
    pub fn interceptor(&self) -> ClusterAuth {
        ClusterAuth {
            token: self.token.clone(),
        }
    }
}

/// Checks the token of every incoming gRPC call.
#[derive(Clone)]
pub struct ClusterAuth {
    token: Arc<str>,
}

impl std::fmt::Debug for ClusterAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClusterAuth(..)")
    }
}

impl Interceptor for ClusterAuth {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        let agent = request
            .metadata()
            .get("user-agent")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        let expected = self.token.as_bytes();
        if agent
            .split_ascii_whitespace()
            .any(|product| constant_time_eq(product.as_bytes(), expected))
        {
            Ok(request)
        } else {
            Err(Status::unauthenticated("missing or wrong cluster secret"))
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A process may listen beyond loopback only with a secret: its ports accept plans to run and
/// serve shuffle data.
pub fn check_bind(host: &str, secret: Option<&ClusterSecret>) -> Result<(), ClusterError> {
    let loopback = (host, 0)
        .to_socket_addrs()
        .map(|addresses| addresses.collect::<Vec<_>>())
        .is_ok_and(|addresses| !addresses.is_empty() && addresses.iter().all(|address| address.ip().is_loopback()));
    if loopback || secret.is_some() {
        Ok(())
    } else {
        Err(ClusterError::Address(format!(
            "{host} is not a loopback address: set WASMUDF_CLUSTER_SECRET (or --cluster-secret) on every process \
             of the cluster to listen there"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(auth: &mut ClusterAuth, agent: Option<&str>) -> Result<(), tonic::Code> {
        let mut request = Request::new(());
        if let Some(agent) = agent {
            request.metadata_mut().insert("user-agent", agent.parse().unwrap());
        }
        auth.call(request).map(|_| ()).map_err(|status| status.code())
    }

    #[test]
    fn only_calls_carrying_the_token_pass() {
        let secret = ClusterSecret::new("correct horse battery staple").unwrap();
        let mut auth = secret.interceptor();
        let token = secret.token.to_string();
        assert_eq!(call(&mut auth, Some(&format!("{token} tonic/0.14.9"))), Ok(()));
        assert_eq!(call(&mut auth, None), Err(tonic::Code::Unauthenticated));
        assert_eq!(call(&mut auth, Some("tonic/0.14.9")), Err(tonic::Code::Unauthenticated));
        let other = ClusterSecret::new("another secret of enough length").unwrap();
        assert_eq!(call(&mut auth, Some(&other.token)), Err(tonic::Code::Unauthenticated));
        assert!(!token.contains("correct horse"), "the secret itself never travels");
    }

    #[test]
    fn short_secrets_and_public_binds_without_one_are_refused() {
        assert!(ClusterSecret::new("short").is_err());
        let secret = ClusterSecret::new("correct horse battery staple").unwrap();
        assert!(check_bind("127.0.0.1", None).is_ok());
        assert!(check_bind("localhost", None).is_ok());
        assert!(check_bind("0.0.0.0", None).is_err());
        assert!(check_bind("0.0.0.0", Some(&secret)).is_ok());
    }
}
