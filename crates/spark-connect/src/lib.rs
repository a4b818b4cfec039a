//! A minimal Spark Connect client: SQL statements to a Spark Connect server (Spark 4), Arrow
//! record batches back. What `wasmudf serve --spark sc://HOST:PORT` needs, and nothing more.
//!
//! One [`SparkSession`] is one Spark Connect session (a fresh UUID: temporary views live in it).
//! [`SparkSession::sql`] sends a statement as a command (DDL such as `CREATE TEMPORARY VIEW` runs
//! at once) and [`SparkSession::query`] a query as a plan whose results stream back as Arrow IPC;
//! both speak `spark.connect.SparkConnectService/ExecutePlan` over gRPC, with the few messages
//! of Spark's protocol they use written out in `proto.rs` (no protoc, no generated code).

mod proto;

use std::io::Cursor;
use std::time::Duration;

use arrow_array::RecordBatch;
use tonic::codegen::http::uri::PathAndQuery;
use tonic::transport::{Channel, Endpoint};

use crate::proto::{
    ArrowBatch, Command, ExecutePlanRequest, ExecutePlanResponse, Plan, Relation, Sql, SqlCommand, UserContext,
};

const EXECUTE_PLAN: &str = "/spark.connect.SparkConnectService/ExecutePlan";
/// Spark's results arrive in messages of up to this size (pyspark's own limit).
const MAX_MESSAGE_BYTES: usize = 128 << 20;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// What went wrong talking to Spark.
#[derive(Debug, thiserror::Error)]
pub enum SparkConnectError {
    /// The URL is not `sc://HOST:PORT`.
    #[error("not a Spark Connect URL (sc://HOST:PORT): {0}")]
    Url(String),
    /// No connection to the server.
    #[error("cannot reach the Spark Connect server at {endpoint}: {message}")]
    Unreachable { endpoint: String, message: String },
    /// Spark refused or failed the statement; `message` is Spark's.
    #[error("{message}")]
    Spark { code: String, message: String },
    /// Spark's answer could not be read.
    #[error("unreadable answer from Spark: {0}")]
    Protocol(String),
    /// The answer passed the caller's byte limit; the rest was not read.
    #[error("the answer is larger than {limit} bytes")]
    TooLarge { limit: usize },
}

/// A Spark Connect server's address, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SparkConnectUrl {
    host: String,
    port: u16,
}

impl SparkConnectUrl {
    /// Parses `sc://HOST:PORT` (parameters after `/;` are not supported).
    pub fn parse(url: &str) -> Result<Self, SparkConnectError> {
        let bad = || SparkConnectError::Url(url.to_string());
        let rest = url.strip_prefix("sc://").ok_or_else(bad)?;
        let authority = rest.trim_end_matches('/');
        let (host, port) = authority.rsplit_once(':').ok_or_else(bad)?;
        let port: u16 = port.parse().map_err(|_| bad())?;
        if host.is_empty() || host.contains(['/', ';', '@', ' ']) {
            return Err(bad());
        }
        Ok(SparkConnectUrl {
            host: host.to_string(),
            port,
        })
    }

    fn endpoint(&self) -> String {
        format!("http://{}:{}", self.host, self.port)
    }
}

impl std::fmt::Display for SparkConnectUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sc://{}:{}", self.host, self.port)
    }
}

/// One Spark Connect session.
#[derive(Debug, Clone)]
pub struct SparkSession {
    channel: Channel,
    session_id: String,
    user_id: String,
}

impl SparkSession {
    /// Connects and opens a new session (Spark creates it on the first statement).
    pub async fn connect(url: &SparkConnectUrl, user_id: &str) -> Result<Self, SparkConnectError> {
        let endpoint = url.endpoint();
        let unreachable = |message: String| SparkConnectError::Unreachable {
            endpoint: url.to_string(),
            message,
        };
        let channel = Endpoint::from_shared(endpoint)
            .map_err(|error| unreachable(error.to_string()))?
            .connect_timeout(CONNECT_TIMEOUT)
            .connect()
            .await
            .map_err(|error| unreachable(error.to_string()))?;
        Ok(SparkSession {
            channel,
            session_id: uuid::Uuid::new_v4().to_string(),
            user_id: user_id.to_string(),
        })
    }

    /// Runs a statement (DDL, a command) and returns whatever batches it answers with.
    pub async fn sql(&self, statement: &str) -> Result<Vec<RecordBatch>, SparkConnectError> {
        self.sql_within(statement, usize::MAX).await
    }

    /// Runs a query and returns its rows.
    pub async fn query(&self, query: &str) -> Result<Vec<RecordBatch>, SparkConnectError> {
        self.query_within(query, usize::MAX).await
    }

    /// Runs a query, reading at most `max_bytes` of Arrow data: past it, the stream is dropped
    /// (Spark is not asked for the rest) and the answer is [`SparkConnectError::TooLarge`].
    pub async fn query_within(&self, query: &str, max_bytes: usize) -> Result<Vec<RecordBatch>, SparkConnectError> {
        let plan = Plan {
            root: Some(sql_relation(query)),
            command: None,
        };
        self.execute(plan, max_bytes).await
    }

    async fn sql_within(&self, statement: &str, max_bytes: usize) -> Result<Vec<RecordBatch>, SparkConnectError> {
        let plan = Plan {
            root: None,
            command: Some(Command {
                sql_command: Some(SqlCommand {
                    input: Some(sql_relation(statement)),
                }),
            }),
        };
        self.execute(plan, max_bytes).await
    }

    async fn execute(&self, plan: Plan, max_bytes: usize) -> Result<Vec<RecordBatch>, SparkConnectError> {
        let request = ExecutePlanRequest {
            session_id: self.session_id.clone(),
            user_context: Some(UserContext {
                user_id: self.user_id.clone(),
            }),
            plan: Some(plan),
            client_type: Some("wasmudf".to_string()),
        };
        let mut grpc = tonic::client::Grpc::new(self.channel.clone()).max_decoding_message_size(MAX_MESSAGE_BYTES);
        grpc.ready()
            .await
            .map_err(|error| SparkConnectError::Protocol(error.to_string()))?;
        let codec = tonic_prost::ProstCodec::<ExecutePlanRequest, ExecutePlanResponse>::default();
        let mut stream = grpc
            .server_streaming(
                tonic::Request::new(request),
                PathAndQuery::from_static(EXECUTE_PLAN),
                codec,
            )
            .await
            .map_err(spark_error)?
            .into_inner();
        let mut batches = Vec::new();
        let mut bytes = 0usize;
        while let Some(response) = stream.message().await.map_err(spark_error)? {
            if let Some(ArrowBatch { data, .. }) = response.arrow_batch {
                bytes = bytes.saturating_add(data.len());
                if bytes > max_bytes {
                    return Err(SparkConnectError::TooLarge { limit: max_bytes });
                }
                let reader = arrow_ipc::reader::StreamReader::try_new(Cursor::new(data), None)
                    .map_err(|error| SparkConnectError::Protocol(error.to_string()))?;
                for batch in reader {
                    batches.push(batch.map_err(|error| SparkConnectError::Protocol(error.to_string()))?);
                }
            }
        }
        Ok(batches)
    }
}

fn sql_relation(text: &str) -> Relation {
    Relation {
        sql: Some(Sql {
            query: text.to_string(),
        }),
    }
}

fn spark_error(status: tonic::Status) -> SparkConnectError {
    SparkConnectError::Spark {
        code: format!("{:?}", status.code()),
        message: status.message().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_sc_host_and_port() {
        let url = SparkConnectUrl::parse("sc://127.0.0.1:15002").unwrap();
        assert_eq!(url.endpoint(), "http://127.0.0.1:15002");
        assert_eq!(url.to_string(), "sc://127.0.0.1:15002");
        for bad in [
            "http://h:1",
            "sc://h",
            "sc://:1",
            "sc://h:port",
            "sc://h:99999",
            "sc://u@h:1",
        ] {
            assert!(SparkConnectUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
