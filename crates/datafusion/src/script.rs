//! A SQL script: statements separated by `;`, run in order, the last one's result returned.
//! The CLI's `sql` and the server's SQL executions both run scripts through here.

use std::collections::VecDeque;

use datafusion::dataframe::DataFrame;
use datafusion::error::DataFusionError;
use datafusion::prelude::SessionContext;
use datafusion::sql::parser::{DFParser, Statement};
use datafusion::sql::sqlparser::ast::Statement as SqlStatement;
use futures::StreamExt;

/// The statements of a script, parsed once.
#[derive(Debug, Clone)]
pub struct Script {
    text: String,
    statements: VecDeque<Statement>,
    /// Whether plans are verified against the tenant rules before they run.
    tenant: bool,
}

/// A statement that failed, and where it stands in its script.
#[derive(Debug, thiserror::Error)]
#[error("statement {position} of {count}")]
pub struct StatementError {
    pub position: usize,
    pub count: usize,
    #[source]
    pub error: DataFusionError,
}

impl Script {
    /// Parses a trusted script (the local CLI's): every statement DataFusion knows. A tenant's
    /// goes through [`crate::TenantSql::parse`].
    pub fn parse(text: &str) -> Result<Self, DataFusionError> {
        Ok(Self::from_statements(text, DFParser::parse_sql(text)?))
    }

    pub(crate) fn from_statements(text: &str, statements: VecDeque<Statement>) -> Self {
        Script {
            text: text.to_string(),
            statements,
            tenant: false,
        }
    }

    /// Marks the script as a tenant's: [`Script::run`] verifies every plan with
    /// [`crate::verify_tenant_plan`] before executing it.
    pub(crate) fn for_tenant(mut self) -> Self {
        self.tenant = true;
        self
    }

    /// Whether `name` appears in the script as a whole word, ignoring case: which of a tenant's
    /// saved functions the script may call.
    pub fn mentions(&self, name: &str) -> bool {
        self.text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|word| word.eq_ignore_ascii_case(name))
    }

    pub fn len(&self) -> usize {
        self.statements.len()
    }

    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// How many `CREATE [OR REPLACE] [TEMPORARY] FUNCTION` statements it holds: each compiles.
    pub fn function_definitions(&self) -> usize {
        self.statements
            .iter()
            .filter(|statement| matches!(statement, Statement::Statement(inner) if matches!(**inner, SqlStatement::CreateFunction(_))))
            .count()
    }

    /// Runs every statement but the last to completion, and plans the last one: its frame is
    /// returned unexecuted, for the caller to stream. `None` for an empty script.
    pub async fn run(self, context: &SessionContext) -> Result<Option<DataFrame>, StatementError> {
        let count = self.statements.len();
        let mut last = None;
        for (index, statement) in self.statements.into_iter().enumerate() {
            let position = index + 1;
            let at = |error| StatementError { position, count, error };
            let plan = context.state().statement_to_plan(statement).await.map_err(at)?;
            if self.tenant {
                crate::verify_tenant_plan(&plan).map_err(at)?;
            }
            let frame = context.execute_logical_plan(plan).await.map_err(at)?;
            if position == count {
                last = Some(frame);
            } else {
                // Run to completion, keeping nothing: a statement before the last has no result
                // anyone reads, and must not hold its rows in memory.
                let mut stream = frame.execute_stream().await.map_err(at)?;
                while let Some(batch) = stream.next().await {
                    batch.map_err(at)?;
                }
            }
        }
        Ok(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_create_function_counts_and_nothing_else_does() {
        let script = Script::parse(
            "CREATE FUNCTION a(x INT) RETURNS INT LANGUAGE c AS 'x';
             CREATE OR REPLACE FUNCTION b(x INT) RETURNS INT LANGUAGE c AS 'x';
             CREATE TEMPORARY FUNCTION c(x INT) RETURNS INT LANGUAGE c AS 'x';
             /* create function d */ SELECT 'create function' AS s",
        )
        .unwrap();
        assert_eq!((script.len(), script.function_definitions()), (4, 3));
    }

    #[test]
    fn mentions_matches_whole_words_ignoring_case() {
        let script = Script::parse("SELECT Calc_Adj(balance, rate) FROM accounts").unwrap();
        assert!(script.mentions("calc_adj"));
        assert!(!script.mentions("calc"));
        assert!(!script.mentions("adj"));
    }
}
