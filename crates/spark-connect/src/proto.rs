//! The few messages of Spark Connect's protocol (`spark/connect/base.proto`, `commands.proto`,
//! `relations.proto` in Spark 4) this client sends and reads, with Spark's field numbers.
//!
//! A oneof with one member used here is written as an optional field of the same number: the
//! bytes on the wire are the same. Fields this client never reads are left out; prost skips them.

/// `ExecutePlanRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct ExecutePlanRequest {
    #[prost(string, tag = "1")]
    pub session_id: String,
    #[prost(message, optional, tag = "2")]
    pub user_context: Option<UserContext>,
    #[prost(message, optional, tag = "3")]
    pub plan: Option<Plan>,
    #[prost(string, optional, tag = "4")]
    pub client_type: Option<String>,
}

/// `UserContext`.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct UserContext {
    #[prost(string, tag = "1")]
    pub user_id: String,
}

/// `Plan`: a oneof of `root` (a relation to compute) and `command` (a command to run). Set one.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct Plan {
    #[prost(message, optional, tag = "1")]
    pub root: Option<Relation>,
    #[prost(message, optional, tag = "2")]
    pub command: Option<Command>,
}

/// `Relation`, as its `sql` member.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct Relation {
    #[prost(message, optional, tag = "10")]
    pub sql: Option<Sql>,
}

/// `SQL`.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct Sql {
    #[prost(string, tag = "1")]
    pub query: String,
}

/// `Command`, as its `sql_command` member.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct Command {
    #[prost(message, optional, tag = "5")]
    pub sql_command: Option<SqlCommand>,
}

/// `SqlCommand`: the statement as a relation (what pyspark sends).
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct SqlCommand {
    #[prost(message, optional, tag = "6")]
    pub input: Option<Relation>,
}

/// `ExecutePlanResponse`, as far as results go.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct ExecutePlanResponse {
    #[prost(message, optional, tag = "2")]
    pub arrow_batch: Option<ArrowBatch>,
}

/// `ExecutePlanResponse.ArrowBatch`: an Arrow IPC stream.
#[derive(Clone, PartialEq, prost::Message)]
pub(crate) struct ArrowBatch {
    #[prost(int64, tag = "1")]
    pub row_count: i64,
    #[prost(bytes = "vec", tag = "2")]
    pub data: Vec<u8>,
}
