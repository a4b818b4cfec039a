//! What a tenant's SQL may do: an allow-list of statement kinds, checked on the parsed script
//! before anything is planned, and bounds on its size and nesting.
//!
//! A tenant may query (`SELECT`, `WITH`, `VALUES`, `EXPLAIN` of a query) and define functions
//! (`CREATE [OR REPLACE] [TEMPORARY] FUNCTION ... LANGUAGE c|wat`, `DROP FUNCTION`). Everything
//! else DataFusion can plan reaches files or changes the session (`CREATE EXTERNAL TABLE`,
//! `COPY`, `INSERT`, `SET`, `CREATE TABLE`/`VIEW`, `LANGUAGE wasm AS '<path>'`, ...) and is
//! refused by name. Under this list, every plan is checked again ([`verify_tenant_plan`]) and
//! the tenant's session has no file-format table factories ([`crate::SqlSurface::Tenant`]).

use std::collections::HashSet;
use std::ops::ControlFlow;

use datafusion::common::format::ExplainFormat;
use datafusion::common::tree_node::TreeNodeRecursion;
use datafusion::common::{DataFusionError, Result};
use datafusion::execution::context::SQLOptions;
use datafusion::logical_expr::{DdlStatement, LogicalPlan};
use datafusion::sql::parser::{DFParserBuilder, Statement};
use datafusion::sql::sqlparser::ast::{
    Expr as SqlExpr, ObjectName, Query, SetExpr, Statement as SqlStatement, TableFactor, Visit, Visitor,
};
use datafusion::sql::sqlparser::dialect::GenericDialect;
use datafusion::sql::sqlparser::keywords::Keyword;
use datafusion::sql::sqlparser::parser::ParserError;
use datafusion::sql::sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};
use wasmudf_compiler::Language;

use crate::Script;

/// Bounds on a tenant's SQL, checked before and while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SqlLimits {
    /// Longest SQL text, in bytes, checked before the parser sees it.
    pub max_sql_bytes: usize,
    /// Deepest nesting of expressions (`1+1+...+1` nests one level per operator), so that no
    /// query can overflow a planner thread's stack.
    pub max_expression_depth: usize,
    /// Before any tree exists: the most tokens one bracket level may nest or chain, an
    /// over-approximation that also bounds shapes the parser builds without its recursion
    /// counter (`UNION` chains, `ARRAY<ARRAY<...>>`, `EXPLAIN EXPLAIN ...`).
    pub max_token_depth: usize,
    /// Most set operations (`UNION`, ...), table references, and references to a `WITH` query
    /// in one statement: each multiplies the planner's work (a CTE's plan is copied at every
    /// reference).
    pub max_set_operations: usize,
    pub max_relations: usize,
    pub max_cte_references: usize,
}

impl Default for SqlLimits {
    fn default() -> Self {
        SqlLimits {
            max_sql_bytes: 256 << 10,
            max_expression_depth: 256,
            max_token_depth: 1024,
            max_set_operations: 64,
            max_relations: 64,
            max_cte_references: 12,
        }
    }
}

/// Why a tenant's SQL is refused before it runs.
#[derive(Debug, thiserror::Error)]
pub enum SqlRefusal {
    #[error("the SQL is {bytes} bytes; the limit is {limit} bytes ({} KiB)", limit >> 10)]
    TooLarge { bytes: usize, limit: usize },
    #[error(
        "statement {position}: {kind} is not allowed; tenant SQL may query (SELECT, WITH, VALUES, EXPLAIN) \
         and CREATE or DROP FUNCTION (LANGUAGE c or wat)"
    )]
    NotAllowed { position: usize, kind: String },
    #[error("statement {position}: {what}; the limit is {limit}")]
    TooDeep {
        position: usize,
        what: &'static str,
        limit: usize,
    },
    /// The text does not parse; the message is the parser's, without its Rust wrapping.
    #[error("{}", syntax_message(.0))]
    Syntax(DataFusionError),
}

impl SqlRefusal {
    /// Where a syntax error is, as the parser located it: 1-based line and column. `None` for
    /// other refusals, and for an error at the end of the text (the parser gives no place:
    /// see [`end_of`]).
    pub fn location(&self) -> Option<(u32, u32)> {
        match self {
            SqlRefusal::Syntax(error) => parser_text(error).and_then(|text| split_location(text).1),
            _ => None,
        }
    }
}

/// The 1-based line and column just past the end of `text`, where "found: EOF" points.
pub fn end_of(text: &str) -> (u32, u32) {
    let line = text.lines().count().max(1);
    let last = if text.ends_with('\n') {
        ""
    } else {
        text.lines().last().unwrap_or("")
    };
    let line = if text.ends_with('\n') { line + 1 } else { line };
    (line as u32, last.chars().count() as u32 + 1)
}

/// The parser's own message inside a DataFusion error, if it is one.
fn parser_text(error: &DataFusionError) -> Option<&str> {
    match error.find_root() {
        DataFusionError::SQL(parser_error, _) => match parser_error.as_ref() {
            ParserError::ParserError(message) | ParserError::TokenizerError(message) => Some(message),
            ParserError::RecursionLimitExceeded => None,
        },
        _ => None,
    }
}

/// `Expected: ..., found: x at Line: 2, Column: 7` as the message and (2, 7).
fn split_location(message: &str) -> (&str, Option<(u32, u32)>) {
    let Some((text, place)) = message.rsplit_once(" at Line: ") else {
        return (message, None);
    };
    let Some((line, column)) = place.split_once(", Column: ") else {
        return (message, None);
    };
    match (line.trim().parse(), column.trim().parse()) {
        (Ok(line), Ok(column)) => (text, Some((line, column))),
        _ => (message, None),
    }
}

/// What the parser said, in its own words (not `SQL error: ParserError("...")`), with its place
/// said once: `syntax error at line 2, column 7: Expected: ..., found: x`.
pub fn syntax_message(error: &DataFusionError) -> String {
    match error.find_root() {
        DataFusionError::SQL(parser_error, _) => match parser_error.as_ref() {
            ParserError::ParserError(message) | ParserError::TokenizerError(message) => match split_location(message) {
                (text, Some((line, column))) => format!("syntax error at line {line}, column {column}: {text}"),
                (text, None) => format!("syntax error: {text}"),
            },
            ParserError::RecursionLimitExceeded => {
                "syntax error: the query nests deeper than the parser allows (50 levels)".to_string()
            }
        },
        other => other.to_string(),
    }
}

/// A tenant's script: parsed, every statement of an allowed kind, every expression within the
/// depth limit.
#[derive(Debug, Clone)]
pub struct TenantSql;

impl TenantSql {
    /// Parses `text` as a tenant's script. The size is checked before parsing; the parser's own
    /// recursion limit bounds nesting of parentheses and subqueries, and a walk that stops at
    /// `max_expression_depth` bounds operator chains (which the parser builds without
    /// recursing). Dropping a deep tree recurses: call this on a thread with a large stack.
    pub fn parse(text: &str, limits: &SqlLimits) -> Result<Script, SqlRefusal> {
        if text.len() > limits.max_sql_bytes {
            return Err(SqlRefusal::TooLarge {
                bytes: text.len(),
                limit: limits.max_sql_bytes,
            });
        }
        let tokens = Tokenizer::new(&GenericDialect {}, text)
            .tokenize_with_location()
            .map_err(|error| SqlRefusal::Syntax(DataFusionError::SQL(Box::new(ParserError::from(error)), None)))?;
        check_shape(&tokens, limits)?;
        let statements = DFParserBuilder::new(tokens)
            .build()
            .and_then(|mut parser| parser.parse_statements())
            .map_err(SqlRefusal::Syntax)?;
        for (index, statement) in statements.iter().enumerate() {
            let position = index + 1;
            // The walk first (the tree is bounded by the token pass, so it may recurse), then
            // the kind, whose fallback prints the statement.
            let mut walk = ShapeLimit::new(limits);
            let inner = match statement {
                Statement::Statement(inner) => Some(inner.as_ref()),
                Statement::Explain(explain) => match explain.statement.as_ref() {
                    Statement::Statement(inner) => Some(inner.as_ref()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(inner) = inner
                && let ControlFlow::Break((what, limit)) = inner.visit(&mut walk)
            {
                return Err(SqlRefusal::TooDeep { position, what, limit });
            }
            if let Some(kind) = refused_kind(statement) {
                return Err(SqlRefusal::NotAllowed { position, kind });
            }
        }
        Ok(Script::from_statements(text, statements).for_tenant())
    }
}

/// Bounds nesting over the tokens, before the parser builds anything, without recursing.
/// Within each bracket level and comma-separated segment every token counts one level, and a
/// closed bracket counts one more than its deepest content: an over-approximation of any tree
/// the parser could build from them. Type constructors (which nest across commas inside
/// `STRUCT<...>`) and `EXPLAIN`s are counted per statement instead.
fn check_shape(tokens: &[TokenWithSpan], limits: &SqlLimits) -> Result<(), SqlRefusal> {
    #[derive(Default, Clone, Copy)]
    struct Level {
        run: usize,
        child: usize,
        best: usize,
    }
    const MAX_BRACKETS: usize = 128;
    const MAX_EXPLAINS: usize = 2;
    const MAX_TYPE_CONSTRUCTORS: usize = 256;
    let depth = |level: &Level| level.best.max(level.run + level.child);
    let mut stack = vec![Level::default()];
    let (mut position, mut explains, mut constructors) = (1usize, 0usize, 0usize);
    let refuse = |position, what, limit| Err(SqlRefusal::TooDeep { position, what, limit });
    for token in tokens {
        match &token.token {
            Token::Whitespace(_) => continue,
            Token::SemiColon if stack.len() == 1 => {
                stack[0] = Level::default();
                (explains, constructors) = (0, 0);
                position += 1;
                continue;
            }
            Token::LParen | Token::LBracket | Token::LBrace => {
                stack.push(Level::default());
                if stack.len() > MAX_BRACKETS {
                    return refuse(position, "brackets nest too deep", MAX_BRACKETS);
                }
                continue;
            }
            Token::RParen | Token::RBracket | Token::RBrace if stack.len() > 1 => {
                let inner = stack.pop().unwrap_or_default();
                if let Some(top) = stack.last_mut() {
                    top.child = top.child.max(depth(&inner) + 1);
                    top.run += 1;
                }
            }
            Token::Comma => {
                if let Some(top) = stack.last_mut() {
                    top.best = depth(top);
                    (top.run, top.child) = (0, 0);
                }
                continue;
            }
            Token::Word(word) if word.quote_style.is_none() => {
                match word.keyword {
                    Keyword::EXPLAIN => explains += 1,
                    Keyword::ARRAY | Keyword::STRUCT | Keyword::MAP | Keyword::UNION | Keyword::NULLABLE => {
                        constructors += 1
                    }
                    _ => {}
                }
                if explains > MAX_EXPLAINS {
                    return refuse(position, "EXPLAIN is repeated too often", MAX_EXPLAINS);
                }
                if constructors > MAX_TYPE_CONSTRUCTORS {
                    return refuse(position, "types or set operations nest too deep", MAX_TYPE_CONSTRUCTORS);
                }
                if let Some(top) = stack.last_mut() {
                    top.run += 1;
                }
            }
            _ => {
                if let Some(top) = stack.last_mut() {
                    top.run += 1;
                }
            }
        }
        if stack
            .last()
            .is_some_and(|top| top.run + top.child > limits.max_token_depth)
        {
            return refuse(
                position,
                "the statement chains or nests too many terms",
                limits.max_token_depth,
            );
        }
    }
    Ok(())
}

/// The kind of a statement a tenant may not run, by name; `None` if it is allowed.
pub fn refused_kind(statement: &Statement) -> Option<String> {
    match statement {
        Statement::Statement(inner) => refused_sql_kind(inner),
        // The physical plan names the files behind each table: a tenant sees logical plans only.
        Statement::Explain(explain) if explain.options.analyze => Some("EXPLAIN ANALYZE".into()),
        Statement::Explain(explain) if explain.options.verbose => Some("EXPLAIN VERBOSE".into()),
        Statement::Explain(explain) if explain.options.format == Some(ExplainFormat::Tree) => {
            Some("EXPLAIN FORMAT tree".into())
        }
        Statement::Explain(explain) => match explain.statement.as_ref() {
            Statement::Statement(inner) if matches!(**inner, SqlStatement::Query(_)) => {
                refused_kind(explain.statement.as_ref())
            }
            inner => Some(format!(
                "EXPLAIN of {}",
                refused_kind(inner).unwrap_or_else(|| "anything but a query".to_string())
            )),
        },
        Statement::CreateExternalTable(table) if table.unbounded => Some("CREATE UNBOUNDED EXTERNAL TABLE".into()),
        Statement::CreateExternalTable(_) => Some("CREATE EXTERNAL TABLE".into()),
        Statement::CopyTo(_) => Some("COPY".into()),
        Statement::Reset(_) => Some("RESET".into()),
    }
}

fn refused_sql_kind(statement: &SqlStatement) -> Option<String> {
    let kind = match statement {
        SqlStatement::Query(query) => match query.body.as_ref() {
            // Queries in name only: they write.
            SetExpr::Select(select) if select.into.is_some() => "SELECT ... INTO",
            SetExpr::Insert(_) => "INSERT",
            SetExpr::Update(_) => "UPDATE",
            SetExpr::Delete(_) => "DELETE",
            SetExpr::Merge(_) => "MERGE",
            _ => return None,
        },
        SqlStatement::DropFunction(_) => return None,
        SqlStatement::CreateFunction(function) => {
            let language = function.language.as_ref().map(|ident| ident.value.as_str());
            return match language.map(Language::parse) {
                None | Some(Some(Language::C | Language::Wat)) => None,
                Some(_) => Some(format!(
                    "CREATE FUNCTION ... LANGUAGE {}",
                    language.unwrap_or_default().to_ascii_lowercase()
                )),
            };
        }
        SqlStatement::Explain { .. } => "EXPLAIN of a statement",
        SqlStatement::Insert(_) => "INSERT",
        SqlStatement::Update(_) => "UPDATE",
        SqlStatement::Delete(_) => "DELETE",
        SqlStatement::Merge(_) => "MERGE",
        SqlStatement::Truncate(_) => "TRUNCATE",
        SqlStatement::Copy { .. } => "COPY",
        SqlStatement::Set(_) => "SET",
        SqlStatement::ShowVariable { .. } | SqlStatement::ShowVariables { .. } => "SHOW",
        SqlStatement::ShowTables { .. } | SqlStatement::ShowColumns { .. } | SqlStatement::ShowFunctions { .. } => {
            "SHOW"
        }
        SqlStatement::CreateTable(_) => "CREATE TABLE",
        SqlStatement::CreateView(_) => "CREATE VIEW",
        SqlStatement::CreateSchema { .. } => "CREATE SCHEMA",
        SqlStatement::CreateDatabase { .. } => "CREATE DATABASE",
        SqlStatement::CreateIndex(_) => "CREATE INDEX",
        SqlStatement::AlterTable(_) => "ALTER TABLE",
        SqlStatement::Drop { object_type, .. } => return Some(format!("DROP {object_type}")),
        SqlStatement::Prepare { .. } => "PREPARE",
        SqlStatement::Execute { .. } => "EXECUTE",
        SqlStatement::Deallocate { .. } => "DEALLOCATE",
        SqlStatement::StartTransaction { .. } => "START TRANSACTION",
        SqlStatement::Commit { .. } => "COMMIT",
        SqlStatement::Rollback { .. } => "ROLLBACK",
        SqlStatement::Use(_) => "USE",
        SqlStatement::ExplainTable { .. } => "DESCRIBE",
        SqlStatement::ShowCreate { .. } => "SHOW CREATE",
        other => return Some(leading_keywords(&other.to_string())),
    };
    Some(kind.to_string())
}

/// The keywords a statement's text starts with (`ATTACH DATABASE`), for kinds not named above.
fn leading_keywords(text: &str) -> String {
    let words: Vec<&str> = text
        .split_whitespace()
        .take_while(|word| word.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        .take(3)
        .collect();
    if words.is_empty() {
        "this statement".to_string()
    } else {
        words.join(" ")
    }
}

/// Walks a parsed statement and stops (`Break`, naming the limit) as soon as expressions nest
/// deeper than their limit — before descending further, so the walk's own recursion is
/// bounded too — or the statement holds too many set operations, table references or
/// references to its `WITH` queries.
struct ShapeLimit {
    limits: SqlLimits,
    depth: usize,
    set_operations: usize,
    relations: usize,
    cte_names: HashSet<String>,
    cte_references: usize,
}

impl ShapeLimit {
    fn new(limits: &SqlLimits) -> Self {
        ShapeLimit {
            limits: *limits,
            depth: 0,
            set_operations: 0,
            relations: 0,
            cte_names: HashSet::new(),
            cte_references: 0,
        }
    }
}

type Exceeded = (&'static str, usize);

impl Visitor for ShapeLimit {
    type Break = Exceeded;

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<Exceeded> {
        if let Some(with) = &query.with {
            self.cte_names.extend(
                with.cte_tables
                    .iter()
                    .map(|cte| cte.alias.name.value.to_ascii_lowercase()),
            );
        }
        // Each `|>` operator wraps the query once more, like a set operation.
        self.set_operations += query.pipe_operators.len();
        if self.set_operations > self.limits.max_set_operations {
            return ControlFlow::Break((
                "too many set operations (UNION, INTERSECT, EXCEPT, |>)",
                self.limits.max_set_operations,
            ));
        }
        // The spine of a set-operation chain, iteratively: the walk would descend it first.
        let mut pending = vec![query.body.as_ref()];
        while let Some(body) = pending.pop() {
            if let SetExpr::SetOperation { left, right, .. } = body {
                self.set_operations += 1;
                if self.set_operations > self.limits.max_set_operations {
                    return ControlFlow::Break((
                        "too many set operations (UNION, INTERSECT, EXCEPT)",
                        self.limits.max_set_operations,
                    ));
                }
                pending.push(left);
                pending.push(right);
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, _table: &TableFactor) -> ControlFlow<Exceeded> {
        self.relations += 1;
        if self.relations > self.limits.max_relations {
            return ControlFlow::Break(("too many table references", self.limits.max_relations));
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_relation(&mut self, relation: &ObjectName) -> ControlFlow<Exceeded> {
        let is_cte = match relation.0.as_slice() {
            [part] => part
                .as_ident()
                .is_some_and(|ident| self.cte_names.contains(&ident.value.to_ascii_lowercase())),
            _ => false,
        };
        if is_cte {
            self.cte_references += 1;
            if self.cte_references > self.limits.max_cte_references {
                return ControlFlow::Break(("too many references to WITH queries", self.limits.max_cte_references));
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, _expr: &SqlExpr) -> ControlFlow<Exceeded> {
        self.depth += 1;
        if self.depth > self.limits.max_expression_depth {
            return ControlFlow::Break(("expressions nest too deep", self.limits.max_expression_depth));
        }
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, _expr: &SqlExpr) -> ControlFlow<Exceeded> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }
}

/// Most nodes a tenant's logical plan may have (subqueries included), and its greatest depth:
/// a last bound on the planner's work and recursion, checked before the plan is optimized.
pub const MAX_PLAN_NODES: usize = 20_000;
pub const MAX_PLAN_DEPTH: usize = 512;

/// The second layer under the allow-list: a tenant's plan may define and drop functions, and
/// otherwise only read (no DDL, DML or statement anywhere in the tree); and it is at most
/// [`MAX_PLAN_NODES`] nodes.
pub fn verify_tenant_plan(plan: &LogicalPlan) -> Result<()> {
    let mut nodes = 0usize;
    plan.apply_with_subqueries(|_| {
        nodes += 1;
        Ok(if nodes > MAX_PLAN_NODES {
            TreeNodeRecursion::Stop
        } else {
            TreeNodeRecursion::Continue
        })
    })?;
    if nodes > MAX_PLAN_NODES {
        return Err(DataFusionError::Plan(format!(
            "the query's plan has more than {MAX_PLAN_NODES} nodes; simplify it"
        )));
    }
    // Depth, without recursion: the optimizer's passes recurse once per level.
    let mut pending = vec![(plan, 1usize)];
    while let Some((node, depth)) = pending.pop() {
        if depth > MAX_PLAN_DEPTH {
            return Err(DataFusionError::Plan(format!(
                "the query's plan is more than {MAX_PLAN_DEPTH} levels deep; simplify it"
            )));
        }
        pending.extend(node.inputs().into_iter().map(|input| (input, depth + 1)));
    }
    if matches!(
        plan,
        LogicalPlan::Ddl(DdlStatement::CreateFunction(_) | DdlStatement::DropFunction(_))
    ) {
        return Ok(());
    }
    SQLOptions::new()
        .with_allow_ddl(false)
        .with_allow_dml(false)
        .with_allow_statements(false)
        .verify_plan(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sql: &str) -> Result<(), String> {
        TenantSql::parse(sql, &SqlLimits::default())
            .map(|_| ())
            .map_err(|refusal| match refusal {
                SqlRefusal::NotAllowed { kind, .. } => kind,
                other => format!("other: {other}"),
            })
    }

    #[test]
    fn every_statement_kind_is_allowed_or_refused_by_name() {
        let allowed = [
            "SELECT 1",
            "select * from accounts where balance > 0 order by 1 limit 3",
            "WITH t AS (SELECT 1 AS x) SELECT x FROM t",
            "VALUES (1, 'a'), (2, 'b')",
            "SELECT * FROM generate_series(1, 3)",
            "EXPLAIN SELECT 1",
            "EXPLAIN FORMAT indent SELECT 1",
            "CREATE FUNCTION f(x INT) RETURNS INT LANGUAGE c AS 'int f(int x) { return x; }'",
            "CREATE OR REPLACE FUNCTION f(x INT) RETURNS INT LANGUAGE wat AS '(module)'",
            "CREATE TEMPORARY FUNCTION f(x INT) RETURNS INT LANGUAGE C AS $$int f(int x) { return x; }$$",
            "DROP FUNCTION f",
            "DROP FUNCTION IF EXISTS f",
        ];
        for sql in allowed {
            assert_eq!(check(sql), Ok(()), "{sql}");
        }
        let refused = [
            (
                "CREATE EXTERNAL TABLE p (line VARCHAR) STORED AS CSV LOCATION '/etc/passwd'",
                "CREATE EXTERNAL TABLE",
            ),
            (
                "CREATE UNBOUNDED EXTERNAL TABLE p (line VARCHAR) STORED AS CSV LOCATION '/tmp/x.csv'",
                "CREATE UNBOUNDED EXTERNAL TABLE",
            ),
            ("COPY (SELECT 'x') TO '/tmp/x.csv'", "COPY"),
            ("COPY accounts TO '/tmp/x.parquet' STORED AS PARQUET", "COPY"),
            ("INSERT INTO accounts VALUES (1)", "INSERT"),
            ("UPDATE accounts SET balance = 0", "UPDATE"),
            ("DELETE FROM accounts", "DELETE"),
            ("TRUNCATE accounts", "TRUNCATE"),
            ("SET datafusion.execution.target_partitions = 1", "SET"),
            ("RESET datafusion.execution.batch_size", "RESET"),
            ("SHOW ALL", "SHOW"),
            ("SHOW TABLES", "SHOW"),
            ("CREATE TABLE t AS SELECT 1", "CREATE TABLE"),
            ("CREATE TABLE t (x INT)", "CREATE TABLE"),
            ("CREATE VIEW v AS SELECT 1", "CREATE VIEW"),
            ("CREATE SCHEMA s", "CREATE SCHEMA"),
            ("CREATE DATABASE d", "CREATE DATABASE"),
            ("DROP TABLE accounts", "DROP TABLE"),
            ("DROP VIEW v", "DROP VIEW"),
            ("DROP SCHEMA s", "DROP SCHEMA"),
            ("PREPARE p AS SELECT 1", "PREPARE"),
            ("EXECUTE p", "EXECUTE"),
            ("DEALLOCATE p", "DEALLOCATE"),
            ("START TRANSACTION", "START TRANSACTION"),
            ("COMMIT", "COMMIT"),
            ("ROLLBACK", "ROLLBACK"),
            (
                "CREATE FUNCTION f(x INT) RETURNS INT LANGUAGE wasm AS '/etc/passwd'",
                "CREATE FUNCTION ... LANGUAGE wasm",
            ),
            ("EXPLAIN COPY (SELECT 1) TO '/tmp/x.csv'", "EXPLAIN of COPY"),
            (
                "EXPLAIN CREATE EXTERNAL TABLE p (x INT) STORED AS CSV LOCATION '/etc/passwd'",
                "EXPLAIN of CREATE EXTERNAL TABLE",
            ),
            ("EXPLAIN INSERT INTO accounts VALUES (1)", "EXPLAIN of INSERT"),
            // Physical plans name the files behind each table.
            ("EXPLAIN ANALYZE SELECT 1", "EXPLAIN ANALYZE"),
            ("EXPLAIN VERBOSE SELECT 1", "EXPLAIN VERBOSE"),
            ("EXPLAIN FORMAT tree SELECT 1", "EXPLAIN FORMAT tree"),
            ("SELECT 1 AS x INTO t", "SELECT ... INTO"),
            ("WITH t AS (SELECT 1) INSERT INTO accounts SELECT * FROM t", "INSERT"),
            ("DESCRIBE accounts", "DESCRIBE"),
            ("SHOW CREATE TABLE accounts", "SHOW CREATE"),
        ];
        for (sql, kind) in refused {
            assert_eq!(check(sql), Err(kind.to_string()), "{sql}");
        }
    }

    #[test]
    fn a_refused_statement_anywhere_in_the_script_refuses_it_with_its_position() {
        let refusal = TenantSql::parse("SELECT 1; COPY (SELECT 1) TO '/tmp/x'; SELECT 2", &SqlLimits::default());
        assert!(
            matches!(&refusal, Err(SqlRefusal::NotAllowed { position: 2, kind }) if kind == "COPY"),
            "{refusal:?}"
        );
    }

    #[test]
    fn syntax_errors_are_in_the_parsers_words() {
        let message = |sql: &str| TenantSql::parse(sql, &SqlLimits::default()).unwrap_err().to_string();
        assert_eq!(message("SELECT ("), "syntax error: Expected: an expression, found: EOF");
        let nested = format!("SELECT {}1{}", "abs(".repeat(60), ")".repeat(60));
        assert_eq!(
            message(&nested),
            "syntax error: the query nests deeper than the parser allows (50 levels)"
        );
    }

    #[test]
    fn size_is_checked_before_parsing() {
        let limits = SqlLimits {
            max_sql_bytes: 16,
            ..SqlLimits::default()
        };
        let refusal = TenantSql::parse("SELECT 'this is longer than sixteen bytes'", &limits);
        assert!(
            matches!(refusal, Err(SqlRefusal::TooLarge { bytes: 42, limit: 16 })),
            "{refusal:?}"
        );
    }

    #[test]
    fn operator_chains_and_nesting_are_bounded() {
        let limits = SqlLimits::default();
        let deep = |sql: &str| match TenantSql::parse(sql, &limits) {
            Err(SqlRefusal::TooDeep { position, what, limit }) => Some((position, what, limit)),
            _ => None,
        };
        let within = format!("SELECT {}1", "1+".repeat(200));
        assert!(TenantSql::parse(&within, &limits).is_ok());
        // Within the token bound, the expression walk counts exactly.
        let chain = format!("SELECT {}1", "1+".repeat(400));
        assert_eq!(deep(&chain), Some((1, "expressions nest too deep", 256)));
        // 3,000 terms overflowed a planner thread's stack and aborted the server: refused
        // before the parser builds the tree.
        let chain = format!("SELECT 1; SELECT {}1", "1+".repeat(3000));
        assert_eq!(
            deep(&chain),
            Some((2, "the statement chains or nests too many terms", 1024))
        );
        let in_where = format!("SELECT 1 WHERE {}", vec!["1=1"; 400].join(" AND "));
        assert!(deep(&in_where).is_some());
        let nested = format!("SELECT {}1{}", "(".repeat(300), ")".repeat(300));
        assert_eq!(deep(&nested), Some((1, "brackets nest too deep", 128)));
    }

    #[test]
    fn shapes_the_parser_builds_without_its_recursion_limit_are_bounded() {
        let limits = SqlLimits::default();
        let deep = |sql: &str| match TenantSql::parse(sql, &limits) {
            Err(SqlRefusal::TooDeep { what, .. }) => Some(what),
            other => panic!("not refused as too deep: {other:?}"),
        };
        let unions = vec!["SELECT 1"; 100].join(" UNION ALL ");
        assert_eq!(
            deep(&unions),
            Some("too many set operations (UNION, INTERSECT, EXCEPT)")
        );
        let types = format!("SELECT CAST(NULL AS {}INT{})", "ARRAY<".repeat(300), ">".repeat(300));
        assert!(deep(&types).is_some());
        let explains = format!("{}SELECT 1", "EXPLAIN ".repeat(5000));
        assert_eq!(deep(&explains), Some("EXPLAIN is repeated too often"));
        let joins = format!("SELECT 1 FROM {}", vec!["generate_series(1, 2)"; 100].join(", "));
        assert_eq!(deep(&joins), Some("too many table references"));
        // Each level references the one below twice: 2^n copies of the first plan.
        let mut ctes = vec!["t0 AS (SELECT 1 AS x)".to_string()];
        for level in 1..20 {
            ctes.push(format!(
                "t{level} AS (SELECT a.x FROM t{} a, t{} b)",
                level - 1,
                level - 1
            ));
        }
        let exponential = format!("WITH {} SELECT * FROM t19", ctes.join(", "));
        assert!(deep(&exponential).is_some());
        // Ordinary queries of the same shapes pass.
        assert!(TenantSql::parse(&["SELECT 1"; 10].join(" UNION ALL "), &limits).is_ok());
        assert!(TenantSql::parse("EXPLAIN SELECT 1", &limits).is_ok());
        let pipes = format!("SELECT 1 AS a, 2 AS b {}", "|> SELECT a, b ".repeat(100));
        assert_eq!(
            deep(&pipes),
            Some("too many set operations (UNION, INTERSECT, EXCEPT, |>)")
        );
        assert!(
            TenantSql::parse(
                "WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM a JOIN b USING (x)",
                &limits
            )
            .is_ok()
        );
    }
}
