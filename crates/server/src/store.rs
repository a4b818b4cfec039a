//! Metadata in SQLite: tenants, tokens, datasets, saved functions, executions.
//!
//! Tokens are stored as SHA-256 digests only. Every query that reads tenant data takes the
//! tenant's id, so isolation is a property of this file's SQL, not of each handler.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};

use crate::outcome::{ExecutionError, ExecutionStatus};
use sha2::{Digest, Sha256};

pub type TenantId = i64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub id: TenantId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetRecord {
    pub name: String,
    pub owner: TenantId,
    /// File name inside the owner's dataset directory.
    pub file: String,
    pub shared: bool,
    pub bytes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionRecord {
    pub id: String,
    pub tenant: TenantId,
    pub status: ExecutionStatus,
    pub request: String,
    pub error: Option<ExecutionError>,
    pub rows_in: i64,
    pub rows_out: i64,
    pub compile_ms: Option<i64>,
    pub run_ms: Option<i64>,
    pub created_at: String,
}

/// One line of a tenant's history: what a summary shows of an execution.
#[derive(Debug, Clone)]
pub struct ExecutionListing {
    pub id: String,
    pub status: ExecutionStatus,
    pub operation: Option<String>,
    pub function_name: Option<String>,
    pub data: Option<String>,
    /// The SQL's first 400 characters.
    pub sql: Option<String>,
    pub rows_in: i64,
    pub rows_out: i64,
    pub error: Option<ExecutionError>,
    pub created_at: String,
}

/// One saved version of a tenant's function. Versions count from 1 and are never rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionRecord {
    pub name: String,
    pub version: i64,
    pub language: String,
    /// Canonical signature text, e.g. `adj(balance BIGINT, rate DOUBLE) RETURNS FLOAT`.
    pub signature: String,
    pub source: String,
    /// SHA-256 of the compiled module.
    pub digest: String,
    pub created_at: String,
}

/// The metadata database. Cheap to clone; one connection behind a mutex (queries are short).
#[derive(Debug, Clone)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS tenants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS tokens (
    digest TEXT PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS datasets (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    file TEXT NOT NULL,
    shared INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (tenant_id, name)
);
CREATE TABLE IF NOT EXISTS functions (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    language TEXT NOT NULL,
    signature TEXT NOT NULL,
    source TEXT NOT NULL,
    digest TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (tenant_id, name, version)
);
CREATE TABLE IF NOT EXISTS executions (
    id TEXT PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    status TEXT NOT NULL,
    request TEXT NOT NULL,
    error TEXT,
    rows_in INTEGER NOT NULL DEFAULT 0,
    rows_out INTEGER NOT NULL DEFAULT 0,
    compile_ms INTEGER,
    run_ms INTEGER,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX IF NOT EXISTS executions_by_tenant ON executions(tenant_id);
";

const EXECUTION_COLUMNS: &str =
    "id, tenant_id, status, request, error, rows_in, rows_out, compile_ms, run_ms, created_at";

fn execution_record(row: &rusqlite::Row<'_>) -> rusqlite::Result<ExecutionRecord> {
    Ok(ExecutionRecord {
        id: row.get(0)?,
        tenant: row.get(1)?,
        status: row.get(2)?,
        request: row.get(3)?,
        error: row.get(4)?,
        rows_in: row.get(5)?,
        rows_out: row.get(6)?,
        compile_ms: row.get(7)?,
        run_ms: row.get(8)?,
        created_at: row.get(9)?,
    })
}

pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl Store {
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.execute_batch(SCHEMA)?;
        Ok(Store {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Creates a tenant and its first token; returns the token (shown once, stored hashed).
    pub fn create_tenant(&self, name: &str, token: &str) -> rusqlite::Result<Tenant> {
        let connection = self.lock();
        connection.execute("INSERT INTO tenants (name) VALUES (?1)", params![name])?;
        let id = connection.last_insert_rowid();
        connection.execute(
            "INSERT INTO tokens (digest, tenant_id) VALUES (?1, ?2)",
            params![token_digest(token), id],
        )?;
        Ok(Tenant {
            id,
            name: name.to_string(),
        })
    }

    /// The tenant named `name`, created without any token if it does not exist: an owner no
    /// API caller can act as (the operator, who owns the shared demo data).
    pub fn ensure_tokenless_tenant(&self, name: &str) -> rusqlite::Result<Tenant> {
        let connection = self.lock();
        connection.execute("INSERT OR IGNORE INTO tenants (name) VALUES (?1)", params![name])?;
        connection.query_row("SELECT id, name FROM tenants WHERE name = ?1", params![name], |row| {
            Ok(Tenant {
                id: row.get(0)?,
                name: row.get(1)?,
            })
        })
    }

    /// Gives dataset `name` of `from` to `to` (keeping its file name); whether it moved.
    pub fn transfer_dataset(&self, from: TenantId, to: TenantId, name: &str) -> rusqlite::Result<bool> {
        let changed = self.lock().execute(
            "UPDATE datasets SET tenant_id = ?2 WHERE tenant_id = ?1 AND name = ?3",
            params![from, to, name],
        )?;
        Ok(changed > 0)
    }

    pub fn tenant_by_name(&self, name: &str) -> rusqlite::Result<Option<Tenant>> {
        self.lock()
            .query_row("SELECT id, name FROM tenants WHERE name = ?1", params![name], |row| {
                Ok(Tenant {
                    id: row.get(0)?,
                    name: row.get(1)?,
                })
            })
            .optional()
    }

    pub fn list_tenants(&self) -> rusqlite::Result<Vec<(Tenant, i64)>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT t.id, t.name, (SELECT count(*) FROM tokens k WHERE k.tenant_id = t.id AND k.revoked = 0)
             FROM tenants t ORDER BY t.id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                Tenant {
                    id: row.get(0)?,
                    name: row.get(1)?,
                },
                row.get(2)?,
            ))
        })?;
        rows.collect()
    }

    /// The tenant a live token belongs to.
    pub fn tenant_for_token(&self, token: &str) -> rusqlite::Result<Option<Tenant>> {
        self.lock()
            .query_row(
                "SELECT t.id, t.name FROM tokens k JOIN tenants t ON t.id = k.tenant_id
                 WHERE k.digest = ?1 AND k.revoked = 0",
                params![token_digest(token)],
                |row| {
                    Ok(Tenant {
                        id: row.get(0)?,
                        name: row.get(1)?,
                    })
                },
            )
            .optional()
    }

    /// Adds a token (stored as its digest) to a tenant.
    pub fn add_token(&self, tenant: TenantId, token: &str) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO tokens (digest, tenant_id) VALUES (?1, ?2)",
            params![token_digest(token), tenant],
        )?;
        Ok(())
    }

    /// Revokes a token; returns whether it existed and was live.
    pub fn revoke_token(&self, token: &str) -> rusqlite::Result<bool> {
        let changed = self.lock().execute(
            "UPDATE tokens SET revoked = 1 WHERE digest = ?1 AND revoked = 0",
            params![token_digest(token)],
        )?;
        Ok(changed > 0)
    }

    pub fn insert_dataset(&self, tenant: TenantId, record: &DatasetRecord) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO datasets (tenant_id, name, file, shared, bytes) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![tenant, record.name, record.file, record.shared, record.bytes],
        )?;
        Ok(())
    }

    /// The tenant's own datasets and every shared one.
    pub fn list_datasets(&self, tenant: TenantId) -> rusqlite::Result<Vec<DatasetRecord>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT name, tenant_id, file, shared, bytes FROM datasets
             WHERE tenant_id = ?1 OR shared = 1 ORDER BY name, tenant_id != ?1",
        )?;
        let rows = statement.query_map(params![tenant], dataset_from_row)?;
        let mut seen = std::collections::HashSet::new();
        // A tenant's own dataset hides a shared one of the same name.
        Ok(rows
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|d| seen.insert(d.name.clone()))
            .collect())
    }

    /// A dataset the tenant may read: its own, else a shared one.
    pub fn readable_dataset(&self, tenant: TenantId, name: &str) -> rusqlite::Result<Option<DatasetRecord>> {
        self.lock()
            .query_row(
                "SELECT name, tenant_id, file, shared, bytes FROM datasets
                 WHERE name = ?2 AND (tenant_id = ?1 OR shared = 1) ORDER BY tenant_id != ?1 LIMIT 1",
                params![tenant, name],
                dataset_from_row,
            )
            .optional()
    }

    /// Deletes one of the tenant's own datasets (never a shared one of another tenant).
    pub fn delete_dataset(&self, tenant: TenantId, name: &str) -> rusqlite::Result<Option<DatasetRecord>> {
        let connection = self.lock();
        let record = connection
            .query_row(
                "SELECT name, tenant_id, file, shared, bytes FROM datasets WHERE tenant_id = ?1 AND name = ?2",
                params![tenant, name],
                dataset_from_row,
            )
            .optional()?;
        if record.is_some() {
            connection.execute(
                "DELETE FROM datasets WHERE tenant_id = ?1 AND name = ?2",
                params![tenant, name],
            )?;
        }
        Ok(record)
    }

    pub fn set_shared(&self, tenant: TenantId, name: &str, shared: bool) -> rusqlite::Result<bool> {
        let changed = self.lock().execute(
            "UPDATE datasets SET shared = ?3 WHERE tenant_id = ?1 AND name = ?2",
            params![tenant, name, shared],
        )?;
        Ok(changed > 0)
    }

    /// Saves a new version of a function; returns its version number. The version is chosen
    /// and written in one statement, so two concurrent saves cannot take the same number.
    pub fn insert_function(&self, tenant: TenantId, record: &FunctionRecord) -> rusqlite::Result<FunctionRecord> {
        let connection = self.lock();
        connection.execute(
            "INSERT INTO functions (tenant_id, name, version, language, signature, source, digest)
             VALUES (?1, ?2, (SELECT coalesce(max(version), 0) + 1 FROM functions WHERE tenant_id = ?1 AND name = ?2),
                     ?3, ?4, ?5, ?6)",
            params![
                tenant,
                record.name,
                record.language,
                record.signature,
                record.source,
                record.digest
            ],
        )?;
        let rowid = connection.last_insert_rowid();
        connection.query_row(
            &format!("SELECT {FUNCTION_COLUMNS} FROM functions WHERE rowid = ?1"),
            params![rowid],
            function_from_row,
        )
    }

    /// The latest version of each of the tenant's functions, by name.
    pub fn list_functions(&self, tenant: TenantId) -> rusqlite::Result<Vec<FunctionRecord>> {
        let connection = self.lock();
        let mut statement = connection.prepare(&format!(
            "SELECT {FUNCTION_COLUMNS} FROM functions f WHERE tenant_id = ?1
               AND version = (SELECT max(version) FROM functions g WHERE g.tenant_id = f.tenant_id AND g.name = f.name)
             ORDER BY name"
        ))?;
        let rows = statement.query_map(params![tenant], function_from_row)?;
        rows.collect()
    }

    /// Every version of one function, newest first.
    pub fn function_versions(&self, tenant: TenantId, name: &str) -> rusqlite::Result<Vec<FunctionRecord>> {
        let connection = self.lock();
        let mut statement = connection.prepare(&format!(
            "SELECT {FUNCTION_COLUMNS} FROM functions WHERE tenant_id = ?1 AND name = ?2 ORDER BY version DESC"
        ))?;
        let rows = statement.query_map(params![tenant, name], function_from_row)?;
        rows.collect()
    }

    /// One version of a function, or its latest when `version` is `None`.
    pub fn function(
        &self,
        tenant: TenantId,
        name: &str,
        version: Option<i64>,
    ) -> rusqlite::Result<Option<FunctionRecord>> {
        self.lock()
            .query_row(
                &format!(
                    "SELECT {FUNCTION_COLUMNS} FROM functions WHERE tenant_id = ?1 AND name = ?2
                       AND (?3 IS NULL OR version = ?3) ORDER BY version DESC LIMIT 1"
                ),
                params![tenant, name, version],
                function_from_row,
            )
            .optional()
    }

    /// Deletes a function with all its versions; returns how many versions there were.
    pub fn delete_function(&self, tenant: TenantId, name: &str) -> rusqlite::Result<usize> {
        self.lock().execute(
            "DELETE FROM functions WHERE tenant_id = ?1 AND name = ?2",
            params![tenant, name],
        )
    }

    pub fn insert_execution(&self, id: &str, tenant: TenantId, request: &str) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO executions (id, tenant_id, status, request) VALUES (?1, ?2, ?3, ?4)",
            params![id, tenant, ExecutionStatus::Queued, request],
        )?;
        Ok(())
    }

    /// Moves a live execution to `status` (compiling, running). An execution that has ended
    /// keeps its end: work still finishing a poll after its supervisor recorded a cancellation
    /// or a limit cannot bring it back to life.
    pub fn set_status(&self, id: &str, status: ExecutionStatus) -> rusqlite::Result<()> {
        self.lock().execute(
            "UPDATE executions SET status = ?2 WHERE id = ?1 AND status IN (?3, ?4, ?5)",
            params![
                id,
                status,
                ExecutionStatus::LIVE[0],
                ExecutionStatus::LIVE[1],
                ExecutionStatus::LIVE[2]
            ],
        )?;
        Ok(())
    }

    /// Records how an execution ended. A cancelled execution stays cancelled.
    pub fn finish_execution(
        &self,
        id: &str,
        status: ExecutionStatus,
        error: Option<&ExecutionError>,
        rows: (i64, i64),
        compile_ms: Option<i64>,
        run_ms: Option<i64>,
    ) -> rusqlite::Result<()> {
        self.lock().execute(
            "UPDATE executions SET status = ?2, error = ?3, rows_in = ?4, rows_out = ?5, compile_ms = ?6, run_ms = ?7
             WHERE id = ?1 AND status != ?8",
            params![
                id,
                status,
                error,
                rows.0,
                rows.1,
                compile_ms,
                run_ms,
                ExecutionStatus::Cancelled
            ],
        )?;
        Ok(())
    }

    pub fn execution(&self, tenant: TenantId, id: &str) -> rusqlite::Result<Option<ExecutionRecord>> {
        self.lock()
            .query_row(
                &format!("SELECT {EXECUTION_COLUMNS} FROM executions WHERE id = ?1 AND tenant_id = ?2"),
                params![id, tenant],
                execution_record,
            )
            .optional()
    }

    /// A tenant's executions, newest first: at most `limit`, older than the execution `before`
    /// when given (the next page of a history). Only what a history line shows is read out of
    /// each stored request (its SQL cut to 400 characters), not the request itself.
    pub fn list_executions(
        &self,
        tenant: TenantId,
        before: Option<&str>,
        limit: usize,
    ) -> rusqlite::Result<Vec<ExecutionListing>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT id, status, json_extract(request, '$.operation'), json_extract(request, '$.function_name'),
                    json_extract(request, '$.data'), substr(json_extract(request, '$.sql'), 1, 400),
                    rows_in, rows_out, error, created_at
             FROM executions WHERE tenant_id = ?1
               AND (?2 IS NULL OR rowid < (SELECT rowid FROM executions WHERE id = ?2 AND tenant_id = ?1))
             ORDER BY rowid DESC LIMIT ?3",
        )?;
        statement
            .query_map(params![tenant, before, limit as i64], |row| {
                Ok(ExecutionListing {
                    id: row.get(0)?,
                    status: row.get(1)?,
                    operation: row.get(2)?,
                    function_name: row.get(3)?,
                    data: row.get(4)?,
                    sql: row.get(5)?,
                    rows_in: row.get(6)?,
                    rows_out: row.get(7)?,
                    error: row.get(8)?,
                    created_at: row.get(9)?,
                })
            })?
            .collect()
    }

    /// On start: executions that were running when the server stopped can never finish.
    pub fn fail_interrupted_executions(&self) -> rusqlite::Result<usize> {
        self.lock().execute(
            "UPDATE executions SET status = ?1, error = ?2 WHERE status IN (?3, ?4, ?5)",
            params![
                ExecutionStatus::Failed,
                ExecutionError::interrupted(),
                ExecutionStatus::LIVE[0],
                ExecutionStatus::LIVE[1],
                ExecutionStatus::LIVE[2]
            ],
        )
    }
}

impl ToSql for ExecutionStatus {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for ExecutionStatus {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value
            .as_str()?
            .parse()
            .map_err(|error| FromSqlError::Other(Box::new(error)))
    }
}

/// An execution's error is stored as its JSON, typed both ways.
impl ToSql for ExecutionError {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        let text =
            serde_json::to_string(self).map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
        Ok(ToSqlOutput::from(text))
    }
}

impl FromSql for ExecutionError {
    /// An error this version cannot read (written by another) is still an answer: the execution
    /// stays readable, with a generic error, and the log says why.
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Ok(serde_json::from_str(text).unwrap_or_else(|error| {
            ExecutionError::internal("reading a stored execution error", format!("{error}: {text}"))
        }))
    }
}

const FUNCTION_COLUMNS: &str = "name, version, language, signature, source, digest, created_at";

fn function_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<FunctionRecord> {
    Ok(FunctionRecord {
        name: row.get(0)?,
        version: row.get(1)?,
        language: row.get(2)?,
        signature: row.get(3)?,
        source: row.get(4)?,
        digest: row.get(5)?,
        created_at: row.get(6)?,
    })
}

fn dataset_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<DatasetRecord> {
    Ok(DatasetRecord {
        name: row.get(0)?,
        owner: row.get(1)?,
        file: row.get(2)?,
        shared: row.get(3)?,
        bytes: row.get(4)?,
    })
}
