//! Shipping Wasm UDFs through the codecs, without a cluster: round trips, tampering, large
//! modules, and the two promises the cluster relies on (decoding never compiles; Wasm join keys
//! become columns).

// Test code: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use datafusion::arrow::array::{AsArray, Int32Array};
use datafusion::arrow::datatypes::{DataType, Field, Int32Type};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF};
use datafusion::prelude::SessionContext;
use sha2::Digest;
use wasmudf_abi::UdfSignature;
use wasmudf_cluster::Shipping;
use wasmudf_cluster::keys::ProjectWasmJoinKeys;
use wasmudf_compiler::Language;
use wasmudf_datafusion::{ShippableModule, UdfBuilder, WasmScalarUdf};
use wasmudf_sandbox::RuntimeLimits;

const TWICE: &str = r#"(module
  (memory (export "memory") 2 16)
  (func (export "wasmudf_reserve") (param $bytes i32) (result i32) i32.const 1024)
  (func (export "wasmudf_run") (param $d i32) (result i32)
    (local $i i32) (local $rows i32) (local $out i32) (local $in i32)
    (local.set $rows (i32.load (local.get $d)))
    (local.set $out (i32.load offset=8 (local.get $d)))
    (local.set $in (i32.load offset=12 (local.get $d)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
      (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
        (i32.shl (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    i32.const 0))"#;

fn builder() -> UdfBuilder {
    UdfBuilder::new(wasmudf_test_support::compiler(), RuntimeLimits::default())
}

fn twice() -> ScalarUDF {
    let signature: UdfSignature = "twice(a INT) RETURNS INT".parse().unwrap();
    builder()
        .define(&signature, Language::Wat, TWICE.as_bytes())
        .unwrap()
        .udf
        .as_scalar()
        .unwrap()
        .clone()
}

fn call(udf: &ScalarUDF, values: &[i32]) -> Result<Vec<i32>, String> {
    let input = Arc::new(Int32Array::from(values.to_vec()));
    let args = ScalarFunctionArgs {
        args: vec![ColumnarValue::Array(input)],
        arg_fields: vec![Arc::new(Field::new("a", DataType::Int32, true))],
        number_rows: values.len(),
        return_field: Arc::new(Field::new("r", DataType::Int32, true)),
        config_options: Arc::new(Default::default()),
    };
    match udf.invoke_with_args(args).map_err(|e| e.to_string())? {
        ColumnarValue::Array(array) => Ok(array.as_primitive::<Int32Type>().values().to_vec()),
        ColumnarValue::Scalar(_) => Err("scalar".into()),
    }
}

fn encoded(shipping: &Shipping, udf: &ScalarUDF) -> Vec<u8> {
    let mut buf = Vec::new();
    shipping.encode(udf, &mut buf).unwrap();
    buf
}

#[test]
fn a_shipped_function_computes_what_the_original_does() {
    let shipping = Shipping::new(builder(), None);
    let original = twice();
    let payload = encoded(&shipping, &original);
    let decoded = shipping.decode("twice", &payload).unwrap();
    assert_eq!(decoded.name(), "twice");
    assert_eq!(
        call(&decoded, &[1, 21, -4]).unwrap(),
        call(&original, &[1, 21, -4]).unwrap()
    );
    assert_eq!(call(&decoded, &[1, 21, -4]).unwrap(), [2, 42, -8]);
}

#[test]
fn every_type_of_a_signature_survives_shipping() {
    let shipping = Shipping::new(builder(), None);
    let signature: UdfSignature = "shift(d DATE, t TIMESTAMP, x DECIMAL(10, 2), b BINARY) RETURNS DECIMAL(38, 4)"
        .parse()
        .unwrap();
    // The module's own signature is not checked until its first call: the plain WAT guest does.
    let original = builder()
        .define(&signature, Language::Wat, TWICE.as_bytes())
        .unwrap()
        .udf
        .as_scalar()
        .unwrap()
        .clone();
    let decoded = shipping.decode("shift", &encoded(&shipping, &original)).unwrap();
    let shipped = decoded.inner().downcast_ref::<WasmScalarUdf>().unwrap().udf_signature();
    assert_eq!(shipped, &signature);
    assert_eq!(shipped.returns().arrow_type(), DataType::Decimal128(38, 4));
}

#[test]
fn a_module_that_does_not_match_its_digest_is_refused() {
    let shipping = Shipping::new(builder(), None);
    let mut payload = encoded(&shipping, &twice());
    let last = payload.len() - 3;
    payload[last] ^= 0x01;
    let error = shipping.decode("twice", &payload).unwrap_err().to_string();
    assert!(error.contains("does not match its digest"), "{error}");
}

#[test]
fn malformed_payloads_are_errors_not_panics() {
    let shipping = Shipping::new(builder(), None);
    let payload = encoded(&shipping, &twice());
    for cut in [1, 5, 9, 40, payload.len() - 1] {
        let error = shipping.decode("twice", &payload[..cut]).unwrap_err().to_string();
        assert!(error.contains("malformed"), "{cut}: {error}");
    }
    let mut trailing = payload.clone();
    trailing.push(0);
    assert!(
        shipping
            .decode("twice", &trailing)
            .unwrap_err()
            .to_string()
            .contains("trailing")
    );
    let error = shipping.decode("twice", &[]).unwrap_err().to_string();
    assert!(error.contains("arrived without its definition"), "{error}");
}

#[test]
fn large_modules_travel_through_the_module_store() {
    let store = tempfile::tempdir().unwrap();
    let mut shipping = Shipping::new(builder(), Some(store.path().to_path_buf()));
    shipping.inline_limit = 64;
    let original = twice();
    let payload = encoded(&shipping, &original);
    assert!(
        payload.len() < 300,
        "the module travelled inline ({} bytes)",
        payload.len()
    );
    let stored: Vec<_> = std::fs::read_dir(store.path()).unwrap().flatten().collect();
    assert_eq!(stored.len(), 1);
    let decoded = shipping.decode("twice", &payload).unwrap();
    assert_eq!(call(&decoded, &[5]).unwrap(), [10]);

    // A store file that was altered is refused.
    std::fs::write(stored[0].path(), b"\0asm\x01\0\0\0").unwrap();
    let error = shipping.decode("twice", &payload).unwrap_err().to_string();
    assert!(error.contains("does not match its digest"), "{error}");

    // Without a store, a large module cannot be shipped, and the error says what to do.
    let mut no_store = Shipping::new(builder(), None);
    no_store.inline_limit = 64;
    let mut buf = Vec::new();
    let error = no_store.encode(&original, &mut buf).unwrap_err().to_string();
    assert!(error.contains("--module-store"), "{error}");
}

/// A hand-made payload: signature, digest, mode, body.
fn payload(digest: &str, mode: u8, body: &[u8]) -> Vec<u8> {
    let mut buf = b"WUDF\x02".to_vec();
    for part in [&b"twice(x INT) RETURNS INT"[..], digest.as_bytes()] {
        buf.extend_from_slice(&(part.len() as u32).to_le_bytes());
        buf.extend_from_slice(part);
    }
    buf.push(mode);
    buf.extend_from_slice(&(body.len() as u32).to_le_bytes());
    buf.extend_from_slice(body);
    buf
}

#[test]
fn a_payload_cannot_name_a_file_or_learn_what_one_holds() {
    let store = tempfile::tempdir().unwrap();
    let shipping = Shipping::new(builder(), Some(store.path().to_path_buf()));
    // A path where the digest belongs, or a body on a stored module: refused before any read.
    for (digest, mode, body) in [
        ("../../../../etc/passwd", 1, &b""[..]),
        ("/etc/passwd", 1, b""),
        (&"A".repeat(64), 1, b""),
        (&"0".repeat(64), 1, b"/etc/passwd"),
    ] {
        let error = shipping
            .decode("twice", &payload(digest, mode, body))
            .unwrap_err()
            .to_string();
        assert!(error.contains("malformed"), "{digest}: {error}");
        assert!(!error.contains("root:"), "{error}");
    }
    // A store entry that is not the module: the error names the expected digest, never the
    // file's own (which would make the store an oracle for the SHA-256 of a planted file).
    let digest = "ab".repeat(32);
    let planted = b"root:x:0:0:root:/root:/bin/bash\n";
    std::fs::write(store.path().join(format!("{digest}.wasm")), planted).unwrap();
    let error = shipping
        .decode("twice", &payload(&digest, 1, b""))
        .unwrap_err()
        .to_string();
    let planted_digest = hex::encode(sha2::Sha256::digest(planted));
    assert!(error.contains("does not match its digest"), "{error}");
    assert!(!error.contains(&planted_digest) && !error.contains("root:"), "{error}");
    // An oversized entry is not read past the module size limit.
    std::fs::write(store.path().join(format!("{digest}.wasm")), vec![0u8; 9 << 20]).unwrap();
    let error = shipping
        .decode("twice", &payload(&digest, 1, b""))
        .unwrap_err()
        .to_string();
    assert!(error.contains("larger than the 8 MiB a module may have"), "{error}");
    assert!(!error.contains(&store.path().display().to_string()), "{error}");
}

#[test]
fn decoding_never_compiles_the_first_call_does() {
    // Bytes that are not a module at all, with a matching digest: decoding succeeds (so a
    // scheduler can plan with it), and the first call reports the invalid module.
    let signature: UdfSignature = "twice(a INT) RETURNS INT".parse().unwrap();
    let wasm: Arc<[u8]> = Arc::from(&b"not a module"[..]);
    let digest = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&wasm))
    };
    let deferred = builder()
        .deferred(signature, ShippableModule { wasm, digest })
        .as_scalar()
        .unwrap()
        .clone();
    let shipping = Shipping::new(builder(), None);
    let payload = encoded(&shipping, &deferred);
    let decoded = shipping.decode("twice", &payload).unwrap();
    let error = call(&decoded, &[1]).unwrap_err();
    assert!(error.contains("cannot be loaded"), "{error}");
}

#[tokio::test]
async fn wasm_join_keys_are_computed_below_the_join() {
    let context = SessionContext::new();
    context.add_optimizer_rule(Arc::new(ProjectWasmJoinKeys));
    context.register_udf(twice());
    let frame = context
        .sql("SELECT a.x, b.y FROM (VALUES (1), (2)) AS a(x) JOIN (VALUES (2), (4)) AS b(y) ON twice(a.x) = b.y")
        .await
        .unwrap();
    let plan = frame.clone().into_optimized_plan().unwrap();
    let text = plan.display_indent().to_string();
    assert!(text.contains("__wasmudf_l0"), "{text}");
    let join_line = text.lines().find(|line| line.contains("Join")).unwrap();
    assert!(!join_line.contains("twice"), "{join_line}");
    let batches = frame.collect().await.unwrap();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 2);
    assert_eq!(batches[0].num_columns(), 2, "the helper column leaked into the result");
}
