//! A UDF's signature, `name(arg TYPE, ...) RETURNS TYPE`: parsed, checked against C's identifier
//! rules and printed, with the C prototype the user's function must match.

use std::fmt;
use std::str::FromStr;

use crate::SqlType;

/// Most parameters a UDF may take. Guards the generated C and the batch descriptor size.
pub const MAX_PARAMS: usize = 32;
/// Longest function or parameter name, in bytes.
pub const MAX_NAME_LEN: usize = 64;

/// One named, typed parameter of a UDF.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UdfParam {
    pub name: String,
    pub sql_type: SqlType,
}

impl UdfParam {
    /// The name of an unnamed parameter: `arg0`, `arg1`, ... by position from 0, wherever a
    /// signature is read (SQL, a C prototype, the API).
    pub fn default_name(index: usize) -> String {
        format!("arg{index}")
    }
}

/// Whether a function maps each row to a value or folds many rows into one per group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FunctionKind {
    /// One value per row: the C function itself is the UDF.
    #[default]
    Scalar,
    /// One value per group: the C source defines a state type `<name>_state` and the functions
    /// `<name>_step`, `<name>_merge`, `<name>_finish` (and optionally `<name>_init`).
    Aggregate,
}

/// A UDF's name, parameters and return type: `adj(balance INT, rate FLOAT) RETURNS FLOAT`; an
/// aggregate's starts with `AGGREGATE`: `AGGREGATE wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE`.
///
/// The name is also the C function's name, so it must be a C identifier; names starting with
/// `wasmudf_` or `__` are reserved for the generated code. Its fields are private: every
/// signature was checked by [`UdfSignature::new`] (or parsed), so no code downstream meets an
/// invalid one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UdfSignature {
    name: String,
    params: Vec<UdfParam>,
    returns: SqlType,
    kind: FunctionKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("invalid signature `{text}`: {reason}; expected e.g. `f(a INT, b STRING) RETURNS STRING`")]
    Syntax { text: String, reason: String },
    #[error("`{name}` is not a valid {what} name: {reason}")]
    Name {
        what: &'static str,
        name: String,
        reason: &'static str,
    },
    #[error("a UDF takes at most {MAX_PARAMS} parameters; `{name}` has {count}")]
    TooManyParams { name: String, count: usize },
    #[error("parameter `{param}` appears twice in `{name}`")]
    DuplicateParam { name: String, param: String },
}

impl UdfSignature {
    /// Builds and checks a signature from its parts.
    pub fn new(name: impl Into<String>, params: Vec<UdfParam>, returns: SqlType) -> Result<Self, SignatureError> {
        let signature = UdfSignature {
            name: name.into(),
            params,
            returns,
            kind: FunctionKind::Scalar,
        };
        signature.check()?;
        Ok(signature)
    }

    /// Builds a signature whose parameters are named after the given columns.
    pub fn from_columns(name: &str, columns: &[(String, SqlType)], returns: SqlType) -> Result<Self, SignatureError> {
        let params = columns
            .iter()
            .map(|(column, sql_type)| UdfParam {
                name: c_identifier_from(column),
                sql_type: *sql_type,
            })
            .collect();
        Self::new(name, params, returns)
    }

    /// The same signature, of an aggregate function.
    pub fn into_aggregate(mut self) -> Self {
        self.kind = FunctionKind::Aggregate;
        self
    }

    pub fn kind(&self) -> FunctionKind {
        self.kind
    }

    pub fn is_aggregate(&self) -> bool {
        self.kind == FunctionKind::Aggregate
    }

    /// The C name of an aggregate's part: `wavg_step` for `wavg` and `step`.
    pub fn part_name(&self, part: &str) -> String {
        format!("{}_{part}", self.name)
    }

    /// The function's name, also its C name.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn params(&self) -> &[UdfParam] {
        &self.params
    }

    pub fn returns(&self) -> SqlType {
        self.returns
    }

    pub fn param_types(&self) -> impl ExactSizeIterator<Item = SqlType> + '_ {
        self.params.iter().map(|param| param.sql_type)
    }

    /// The C prototype the user's function must match, e.g. `float adj(int32_t balance, float rate)`;
    /// for an aggregate, its step, merge and finish functions', one per line.
    pub fn c_prototype(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|param| format!("{} {}", param.sql_type.c_name(), param.name))
            .collect();
        match self.kind {
            FunctionKind::Scalar => {
                let params = if params.is_empty() {
                    "void".to_string()
                } else {
                    params.join(", ")
                };
                format!("{} {}({})", self.returns.c_name(), self.name, params)
            }
            FunctionKind::Aggregate => self.aggregate_prototypes().join("\n"),
        }
    }

    /// An aggregate's C prototypes: step, merge and finish (init is optional).
    pub fn aggregate_prototypes(&self) -> [String; 3] {
        let state = self.part_name("state");
        let mut step = format!("void {}({state} *state", self.part_name("step"));
        for param in &self.params {
            step.push_str(&format!(", {} {}", param.sql_type.c_name(), param.name));
        }
        step.push(')');
        [
            step,
            format!("void {}({state} *state, const {state} *other)", self.part_name("merge")),
            format!(
                "{} {}(const {state} *state)",
                self.returns.c_name(),
                self.part_name("finish")
            ),
        ]
    }

    fn check(&self) -> Result<(), SignatureError> {
        check_identifier("function", &self.name)?;
        if self.params.len() > MAX_PARAMS {
            return Err(SignatureError::TooManyParams {
                name: self.name.clone(),
                count: self.params.len(),
            });
        }
        for (index, param) in self.params.iter().enumerate() {
            check_identifier("parameter", &param.name)?;
            if self.params[..index].iter().any(|earlier| earlier.name == param.name) {
                return Err(SignatureError::DuplicateParam {
                    name: self.name.clone(),
                    param: param.name.clone(),
                });
            }
        }
        Ok(())
    }
}

/// Prints the canonical form, which [`FromStr`] parses back to an equal signature.
impl fmt::Display for UdfSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_aggregate() {
            f.write_str("AGGREGATE ")?;
        }
        write!(f, "{}(", self.name)?;
        for (index, param) in self.params.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{} {}", param.name, param.sql_type)?;
        }
        write!(f, ") RETURNS {}", self.returns)
    }
}

impl FromStr for UdfSignature {
    type Err = SignatureError;

    /// Parses `name(a TYPE, b TYPE) RETURNS TYPE`, after `AGGREGATE` for an aggregate. Parameter
    /// names are optional (`f(INT, FLOAT)` names them `arg0`, `arg1`); keywords are
    /// case-insensitive.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(rest) = strip_prefix_ignore_case(text.trim_start(), "AGGREGATE") {
            return Ok(rest.parse::<UdfSignature>()?.into_aggregate());
        }
        let syntax = |reason: &str| SignatureError::Syntax {
            text: text.to_string(),
            reason: reason.to_string(),
        };
        let open = text.find('(').ok_or_else(|| syntax("missing `(`"))?;
        // The `)` that closes the parameters: types such as DECIMAL(10, 2) nest parentheses.
        let close = matching_paren(text, open).ok_or_else(|| syntax("missing `)`"))?;
        let name = text[..open].trim();
        let params_text = text[open + 1..close].trim();
        let tail = text[close + 1..].trim();
        let returns_text = strip_prefix_ignore_case(tail, "RETURNS")
            .ok_or_else(|| syntax("missing `RETURNS <type>` after the parameters"))?;
        let returns = returns_text.parse::<SqlType>().map_err(|reason| syntax(&reason))?;
        let mut params = Vec::new();
        if !params_text.is_empty() {
            for (index, param_text) in split_top_level(params_text).into_iter().enumerate() {
                let param_text = param_text.trim();
                // A type's own parentheses may hold spaces (`DECIMAL(10, 2)`): the name is the
                // first word only when more follows outside them.
                let (param_name, type_text) = match param_text.split_once(char::is_whitespace) {
                    None if param_text.is_empty() => return Err(syntax("empty parameter")),
                    None => (UdfParam::default_name(index), param_text.to_string()),
                    Some((first, _)) if first.contains('(') => (UdfParam::default_name(index), param_text.to_string()),
                    Some((first, rest)) => (first.to_string(), rest.trim().to_string()),
                };
                let sql_type = type_text.parse::<SqlType>().map_err(|reason| syntax(&reason))?;
                params.push(UdfParam {
                    name: param_name,
                    sql_type,
                });
            }
        }
        UdfSignature::new(name, params, returns)
    }
}

/// The index of the `)` matching the `(` at `open`.
fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, c) in text.char_indices().skip_while(|&(index, _)| index < open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// `text` split at the commas outside parentheses.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (index, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
        .filter(|rest| rest.starts_with(char::is_whitespace))
}

fn check_identifier(what: &'static str, name: &str) -> Result<(), SignatureError> {
    let fail = |reason| {
        Err(SignatureError::Name {
            what,
            name: name.to_string(),
            reason,
        })
    };
    let mut chars = name.chars();
    match chars.next() {
        None => return fail("it is empty"),
        Some(first) if !(first.is_ascii_alphabetic() || first == '_') => {
            return fail("it must start with a letter or `_`");
        }
        Some(_) => {}
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return fail("only ASCII letters, digits and `_` are allowed");
    }
    if name.len() > MAX_NAME_LEN {
        return fail("it is longer than 64 bytes");
    }
    if name.starts_with("wasmudf_") || name.starts_with("__") {
        return fail("names starting with `wasmudf_` or `__` are reserved");
    }
    if C_KEYWORDS.contains(&name) {
        return fail("it is a C keyword");
    }
    Ok(())
}

/// Turns a column name into a C identifier for a generated parameter name (`first name` → `first_name`).
fn c_identifier_from(column: &str) -> String {
    let mut identifier: String = column
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(MAX_NAME_LEN - 2)
        .collect();
    let needs_prefix = identifier.chars().next().is_none_or(|first| first.is_ascii_digit())
        || identifier.starts_with("__")
        || identifier.starts_with("wasmudf_")
        || C_KEYWORDS.contains(&identifier.as_str());
    if needs_prefix {
        identifier.insert_str(0, "c_");
    }
    identifier
}

const C_KEYWORDS: &[&str] = &[
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
    "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof",
    "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "true", "false",
    "main",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_papers_signature() {
        let signature: UdfSignature = "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT"
            .parse()
            .unwrap();
        assert_eq!(signature.name, "calculate_adj_bal");
        assert_eq!(
            signature.param_types().collect::<Vec<_>>(),
            vec![SqlType::Int, SqlType::Float]
        );
        assert_eq!(signature.returns, SqlType::Float);
        assert_eq!(
            signature.c_prototype(),
            "float calculate_adj_bal(int32_t balance, float rate)"
        );
    }

    #[test]
    fn aggregates_print_their_kind_and_their_parts() {
        let text = "AGGREGATE wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE";
        let signature: UdfSignature = text.parse().unwrap();
        assert!(signature.is_aggregate());
        assert_eq!(signature.to_string(), text);
        assert_eq!(
            "aggregate wavg(DOUBLE, DOUBLE) returns double"
                .parse::<UdfSignature>()
                .unwrap()
                .kind(),
            FunctionKind::Aggregate
        );
        assert_eq!(
            signature.aggregate_prototypes(),
            [
                "void wavg_step(wavg_state *state, double x, double w)".to_string(),
                "void wavg_merge(wavg_state *state, const wavg_state *other)".to_string(),
                "double wavg_finish(const wavg_state *state)".to_string(),
            ]
        );
        assert_ne!(signature, "wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE".parse().unwrap());
    }

    #[test]
    fn display_round_trips() {
        let text = "domain(email STRING, n BIGINT, ok BOOLEAN, d DOUBLE) RETURNS STRING";
        let signature: UdfSignature = text.parse().unwrap();
        assert_eq!(signature.to_string(), text);
        assert_eq!(signature.to_string().parse::<UdfSignature>().unwrap(), signature);
    }

    #[test]
    fn unnamed_parameters_and_lowercase_keywords_parse() {
        let signature: UdfSignature = "f(int, varchar) returns boolean".parse().unwrap();
        assert_eq!(signature.to_string(), "f(arg0 INT, arg1 STRING) RETURNS BOOLEAN");
    }

    #[test]
    fn zero_parameters_give_a_void_prototype() {
        let signature: UdfSignature = "seven() RETURNS INT".parse().unwrap();
        assert_eq!(signature.c_prototype(), "int32_t seven(void)");
    }

    #[test]
    fn bad_signatures_say_what_is_wrong() {
        let cases = [
            ("f(a INT)", "missing `RETURNS"),
            ("f(a MONEY) RETURNS INT", "unknown type `MONEY`"),
            ("1f(a INT) RETURNS INT", "must start with a letter"),
            ("wasmudf_run(a INT) RETURNS INT", "reserved"),
            ("f(a INT, a INT) RETURNS INT", "appears twice"),
            ("int(a INT) RETURNS INT", "C keyword"),
            ("f(a-b INT) RETURNS INT", "only ASCII letters"),
        ];
        for (text, expected) in cases {
            let error = text.parse::<UdfSignature>().unwrap_err().to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }

    #[test]
    fn column_names_become_c_identifiers() {
        let columns = vec![
            ("first name".to_string(), SqlType::String),
            ("2nd".to_string(), SqlType::Int),
            ("int".to_string(), SqlType::Int),
        ];
        let signature = UdfSignature::from_columns("f", &columns, SqlType::Int).unwrap();
        let names: Vec<_> = signature.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["first_name", "c_2nd", "c_int"]);
    }
}
