//! Reads the SQL signature off the user's C function definition.
//!
//! `float calculate_adj_bal(int balance, float rate)` declares (INT, FLOAT) -> FLOAT, so a user
//! who picked columns need not spell the types again. This is a light tokenizer, not a C parser:
//! when it cannot tell (macros, typedefs of its own), it says so and the caller asks for explicit
//! types. It cannot make an unsafe guess: clang checks the definition against the signature
//! derived here, and any difference is a compile error at the user's line.

use wasmudf_abi::{SqlType, UdfParam, UdfSignature};

/// The parameter and return types of a C function, as SQL types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CFunctionShape {
    pub params: Vec<(Option<String>, SqlType)>,
    pub returns: SqlType,
}

/// Finds the definition (or else a declaration) of `name` in `source` and maps its C types.
pub fn infer_c_function(source: &str, name: &str) -> Result<CFunctionShape, String> {
    let (params, returns) = infer_shape(source, name, 0)?;
    let returns = returns.map_err(|text| format!("cannot map the return type `{text}` of `{name}` to a SQL type"))?;
    Ok(CFunctionShape { params, returns })
}

/// The mapped parameters of `name` after its first `skip`, and its mapped return type (or the
/// return type's text when it has no SQL type, such as `void`).
#[allow(clippy::type_complexity)]
fn infer_shape(
    source: &str,
    name: &str,
    skip: usize,
) -> Result<(Vec<(Option<String>, SqlType)>, Result<SqlType, String>), String> {
    let tokens = tokenize(source);
    let mut depth = 0usize;
    let mut found = None;
    for index in 0..tokens.len() {
        match tokens[index].as_str() {
            "{" | "(" | "[" => depth += 1,
            "}" | ")" | "]" => depth = depth.saturating_sub(1),
            token if depth == 0 && token == name && tokens.get(index + 1).map(String::as_str) == Some("(") => {
                let close = matching_paren(&tokens, index + 1).ok_or("unbalanced parentheses")?;
                let is_definition = tokens.get(close + 1).map(String::as_str) == Some("{");
                if is_definition || found.is_none() {
                    found = Some((index, close));
                }
                if is_definition {
                    break;
                }
            }
            _ => {}
        }
    }
    let (name_at, close) = found.ok_or_else(|| format!("the source does not define a function named `{name}`"))?;
    // The return type: the tokens back to the previous statement's end. Found by index, so a
    // long run of tokens costs one pass (the reader runs before any budget is charged).
    let return_start = tokens[..name_at]
        .iter()
        .rposition(|token| matches!(token.as_str(), ";" | "}" | "{" | ")" | "#" | "=" | ","))
        .map_or(0, |end| end + 1);
    let return_tokens = &tokens[return_start..name_at];
    let returns = c_type_to_sql(return_tokens, false).ok_or_else(|| return_tokens.join(" "));
    let param_tokens = &tokens[name_at + 2..close];
    let mut params = Vec::new();
    if !(param_tokens.is_empty() || param_tokens == ["void"]) {
        for param in param_tokens.split(|token| token == ",").skip(skip) {
            let (param_name, type_tokens) = match param.last() {
                Some(last) if is_identifier(last) && !is_type_word(last) => {
                    (Some(last.clone()), &param[..param.len() - 1])
                }
                _ => (None, param),
            };
            let sql_type = c_type_to_sql(type_tokens, true).ok_or_else(|| {
                format!(
                    "cannot map the parameter type `{}` of `{name}` to a SQL type",
                    type_tokens.join(" ")
                )
            })?;
            params.push((param_name, sql_type));
        }
    }
    Ok((params, returns))
}

/// Whether `source` defines (static or not) a function `name` at top level.
pub fn defines_function(source: &str, name: &str) -> bool {
    top_level_definitions(source).iter().any(|(defined, _)| defined == name)
}

/// Whether `source` defines the aggregate `name`: its `<name>_step` and `<name>_finish`.
pub fn defines_aggregate(source: &str, name: &str) -> bool {
    let defined = top_level_definitions(source);
    let has = |part: &str| defined.iter().any(|(defined, _)| *defined == format!("{name}_{part}"));
    has("step") && has("finish")
}

/// The one aggregate `source` defines, when its non-static functions are exactly an aggregate's
/// parts (`<name>_step`, `<name>_merge`, `<name>_finish`, and maybe `<name>_init`).
fn only_aggregate(functions: &[String]) -> Option<String> {
    let name = functions.iter().find_map(|function| function.strip_suffix("_step"))?;
    let parts = ["step", "merge", "finish", "init"].map(|part| format!("{name}_{part}"));
    let all_parts = functions.iter().all(|function| parts.contains(function));
    let has_finish = functions.contains(&parts[2]);
    (all_parts && has_finish).then(|| name.to_string())
}

/// The signature of the aggregate `name` a C source defines: the parameters of `<name>_step`
/// after its state, the return type of `<name>_finish`.
pub fn infer_c_aggregate(source: &str, name: &str) -> Result<UdfSignature, String> {
    let (params, _) = infer_shape(source, &format!("{name}_step"), 1)?;
    let finish = format!("{name}_finish");
    // Only its return type: its one parameter is the state.
    let (_, returns) = infer_shape(source, &finish, usize::MAX)?;
    let returns = returns.map_err(|text| format!("cannot map the return type `{text}` of `{finish}` to a SQL type"))?;
    let params = params
        .into_iter()
        .enumerate()
        .map(|(index, (param_name, sql_type))| UdfParam {
            name: param_name.unwrap_or_else(|| UdfParam::default_name(index)),
            sql_type,
        })
        .collect();
    UdfSignature::new(name, params, returns)
        .map(UdfSignature::into_aggregate)
        .map_err(|error| error.to_string())
}

/// The functions `source` defines at top level, in order; `static` ones (helpers, which cannot
/// be the UDF: the generated loop calls the UDF from another translation unit) are left out.
pub fn defined_functions(source: &str) -> Vec<String> {
    top_level_definitions(source)
        .into_iter()
        .filter(|(_, is_static)| !is_static)
        .map(|(name, _)| name)
        .collect()
}

/// Every function `source` defines at top level, in order, and whether it is `static`.
fn top_level_definitions(source: &str) -> Vec<(String, bool)> {
    let tokens = tokenize(source);
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut statement_start = 0;
    let mut index = 0;
    while index < tokens.len() {
        match tokens[index].as_str() {
            "{" | "(" | "[" => depth += 1,
            "}" | ")" | "]" => {
                depth = depth.saturating_sub(1);
                if depth == 0 && tokens[index] == "}" {
                    statement_start = index + 1;
                }
            }
            ";" if depth == 0 => statement_start = index + 1,
            token if depth == 0 && is_identifier(token) && tokens.get(index + 1).map(String::as_str) == Some("(") => {
                if let Some(close) = matching_paren(&tokens, index + 1)
                    && tokens.get(close + 1).map(String::as_str) == Some("{")
                {
                    let is_static = tokens[statement_start..index].iter().any(|word| word == "static");
                    names.push((token.to_string(), is_static));
                    // Past the parameters: the body's `{` opens the next depth level.
                    index = close + 1;
                    continue;
                }
            }
            _ => {}
        }
        index += 1;
    }
    names
}

/// The UDF signature a C definition declares: the function `name`, or, without a name, the
/// only function the source defines (helpers marked `static` aside). Unnamed parameters are
/// `arg0`, `arg1`, ... The error says what to write instead, in the user's words.
pub fn infer_c_signature(source: &str, name: Option<&str>) -> Result<UdfSignature, String> {
    let name = match name {
        Some(name) if !defines_function(source, name) && defines_aggregate(source, name) => {
            return infer_c_aggregate(source, name);
        }
        Some(name) => name.to_string(),
        None => match defined_functions(source).as_slice() {
            [only] => only.clone(),
            several if only_aggregate(several).is_some() => {
                let aggregate = only_aggregate(several).unwrap_or_default();
                return infer_c_aggregate(source, &aggregate);
            }
            [] => {
                return Err("the source defines no function: write one, e.g. `int f(int x) { return x + 1; }`".into());
            }
            several => {
                return Err(format!(
                    "the source defines {} functions ({}): name the UDF, or mark the helpers `static`",
                    several.len(),
                    several.join(", ")
                ));
            }
        },
    };
    let shape = infer_c_function(source, &name)?;
    let params = shape
        .params
        .into_iter()
        .enumerate()
        .map(|(index, (param_name, sql_type))| UdfParam {
            name: param_name.unwrap_or_else(|| UdfParam::default_name(index)),
            sql_type,
        })
        .collect();
    UdfSignature::new(name, params, shape.returns).map_err(|error| error.to_string())
}

fn c_type_to_sql(tokens: &[String], _is_param: bool) -> Option<SqlType> {
    let words: Vec<&str> = tokens
        .iter()
        .map(String::as_str)
        .filter(|word| {
            !matches!(
                *word,
                "static" | "inline" | "extern" | "const" | "volatile" | "register" | "__inline" | "__inline__"
            )
        })
        .collect();
    let sql_type = match words.as_slice() {
        ["int"] | ["signed"] | ["signed", "int"] | ["int32_t"] => SqlType::Int,
        ["long", "long"] | ["long", "long", "int"] | ["signed", "long", "long"] | ["int64_t"] => SqlType::BigInt,
        ["float"] => SqlType::Float,
        ["double"] => SqlType::Double,
        ["bool"] | ["_Bool"] => SqlType::Boolean,
        ["wasmudf_str"] | ["struct", "wasmudf_str"] => SqlType::String,
        ["wasmudf_date"] => SqlType::Date,
        ["wasmudf_timestamp"] => SqlType::Timestamp,
        ["wasmudf_bytes"] | ["struct", "wasmudf_bytes"] => SqlType::Binary,
        // `wasmudf_decimal` does not say its precision and scale: the column's type or the
        // declared signature does.
        _ => return None,
    };
    Some(sql_type)
}

fn is_identifier(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
}

fn is_type_word(token: &str) -> bool {
    matches!(
        token,
        "int"
            | "long"
            | "float"
            | "double"
            | "bool"
            | "_Bool"
            | "signed"
            | "unsigned"
            | "char"
            | "short"
            | "void"
            | "int32_t"
            | "int64_t"
            | "wasmudf_str"
            | "wasmudf_date"
            | "wasmudf_timestamp"
            | "wasmudf_decimal"
            | "wasmudf_bytes"
            | "const"
    )
}

fn matching_paren(tokens: &[String], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (offset, token) in tokens[open..].iter().enumerate() {
        match token.as_str() {
            "(" => depth += 1,
            ")" => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + offset);
                }
            }
            _ => {}
        }
    }
    None
}

/// Identifiers, numbers and single punctuation characters; comments, string and character
/// literals and preprocessor lines are dropped.
fn tokenize(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut index = 0;
    let mut at_line_start = true;
    while index < chars.len() {
        let c = chars[index];
        if c == '\n' {
            at_line_start = true;
            index += 1;
            continue;
        }
        if c.is_whitespace() {
            index += 1;
            continue;
        }
        if at_line_start && c == '#' {
            // Skip the directive, with its continuation lines.
            while index < chars.len() && !(chars[index] == '\n' && chars.get(index.wrapping_sub(1)) != Some(&'\\')) {
                index += 1;
            }
            continue;
        }
        at_line_start = false;
        if c == '/' && chars.get(index + 1) == Some(&'/') {
            while index < chars.len() && chars[index] != '\n' {
                index += 1;
            }
            continue;
        }
        if c == '/' && chars.get(index + 1) == Some(&'*') {
            index += 2;
            while index < chars.len() && !(chars[index] == '*' && chars.get(index + 1) == Some(&'/')) {
                index += 1;
            }
            index += 2;
            continue;
        }
        if c == '"' || c == '\'' {
            index += 1;
            while index < chars.len() && chars[index] != c {
                if chars[index] == '\\' {
                    index += 1;
                }
                index += 1;
            }
            index += 1;
            tokens.push("\"\"".to_string());
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            let start = index;
            while index < chars.len() && (chars[index].is_ascii_alphanumeric() || chars[index] == '_') {
                index += 1;
            }
            tokens.push(chars[start..index].iter().collect());
            continue;
        }
        tokens.push(c.to_string());
        index += 1;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAVG: &str = "typedef struct { double sum_xw; double sum_w; } wavg_state;\n\
        static double product(double a, double b) { return a * b; }\n\
        void wavg_step(wavg_state *s, double x, double w) { s->sum_xw += product(x, w); s->sum_w += w; }\n\
        void wavg_merge(wavg_state *s, const wavg_state *o) { s->sum_xw += o->sum_xw; s->sum_w += o->sum_w; }\n\
        double wavg_finish(const wavg_state *s) { return s->sum_xw / s->sum_w; }\n";

    #[test]
    fn an_aggregate_is_read_off_its_step_and_finish() {
        let expected = "AGGREGATE wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE";
        assert_eq!(infer_c_signature(WAVG, None).unwrap().to_string(), expected);
        assert_eq!(infer_c_signature(WAVG, Some("wavg")).unwrap().to_string(), expected);
        assert!(defines_aggregate(WAVG, "wavg"));
        assert!(!defines_aggregate(WAVG, "product"));
        assert!(defines_function(WAVG, "product"));
        // A fourth public function is not an aggregate's part: the user must name the function.
        let more = format!("{WAVG}int other(int x) {{ return x; }}\n");
        assert!(
            infer_c_signature(&more, None)
                .unwrap_err()
                .contains("defines 4 functions")
        );
    }

    #[test]
    fn finds_the_one_function_a_source_defines() {
        let source = r#"
            #include <string.h>
            static int helper(int x) { if (x) { return 1; } return 0; }
            int prototype_only(int x);
            struct point { int x; };
            double scaled(int x, double y) { return helper(x) * y; }
        "#;
        assert_eq!(defined_functions(source), vec!["scaled".to_string()]);
        let signature = infer_c_signature(source, None).unwrap();
        assert_eq!(signature.to_string(), "scaled(x INT, y DOUBLE) RETURNS DOUBLE");
    }

    #[test]
    fn names_the_candidates_when_the_source_defines_several() {
        let source = "int f(int x) { return x; }\nint g(int) { return 1; }";
        assert_eq!(
            infer_c_signature(source, None).unwrap_err(),
            "the source defines 2 functions (f, g): name the UDF, or mark the helpers `static`"
        );
        assert_eq!(
            infer_c_signature(source, Some("g")).unwrap().to_string(),
            "g(arg0 INT) RETURNS INT"
        );
        assert_eq!(
            infer_c_signature("int x = 1;", None).unwrap_err(),
            "the source defines no function: write one, e.g. `int f(int x) { return x + 1; }`"
        );
    }

    #[test]
    fn a_long_run_of_type_words_is_read_in_one_pass() {
        // 1 MiB of `int ` before the name: once quadratic (minutes), now one pass.
        let source = format!("{}f(int x) {{ return x; }}", "int ".repeat(256 * 1024));
        let error = infer_c_function(&source, "f").unwrap_err();
        assert!(error.starts_with("cannot map the return type `int int int"), "{error}");
    }

    #[test]
    fn reads_the_papers_function() {
        let shape = infer_c_function(
            "float calculate_adj_bal(int balance, float rate) { return (balance * rate) + balance/1000; }",
            "calculate_adj_bal",
        )
        .unwrap();
        assert_eq!(shape.returns, SqlType::Float);
        assert_eq!(
            shape.params,
            vec![
                (Some("balance".to_string()), SqlType::Int),
                (Some("rate".to_string()), SqlType::Float)
            ]
        );
    }

    #[test]
    fn skips_helpers_comments_and_directives() {
        let source = r#"
            #include <string.h>
            // bool domain(int x) is not this one
            static int helper(wasmudf_str s) { return s.len; }
            /* a comment with domain( inside */
            wasmudf_str domain(const wasmudf_str email, long long n, bool ok, double d) {
                const char *at = memchr(email.ptr, '@', email.len);
                return email;
            }
        "#;
        let shape = infer_c_function(source, "domain").unwrap();
        assert_eq!(shape.returns, SqlType::String);
        let types: Vec<SqlType> = shape.params.iter().map(|(_, t)| *t).collect();
        assert_eq!(
            types,
            vec![SqlType::String, SqlType::BigInt, SqlType::Boolean, SqlType::Double]
        );
    }

    #[test]
    fn unnamed_and_void_parameters() {
        assert_eq!(
            infer_c_function("int seven(void) { return 7; }", "seven")
                .unwrap()
                .params,
            vec![]
        );
        let shape = infer_c_function("bool f(int32_t);", "f").unwrap();
        assert_eq!(shape.params, vec![(None, SqlType::Int)]);
    }

    #[test]
    fn unknown_types_and_missing_functions_are_explained() {
        let error = infer_c_function("unsigned char f(int x) { return 1; }", "f").unwrap_err();
        assert!(error.contains("return type `unsigned char`"), "{error}");
        let error = infer_c_function("int g(int x) { return 1; }", "f").unwrap_err();
        assert!(error.contains("does not define a function named `f`"), "{error}");
    }
}
