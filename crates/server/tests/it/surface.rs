//! What the server serves besides the API's resources: the OpenAPI document and the web page.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::Fixture;

#[tokio::test]
async fn the_openapi_document_describes_every_fixed_path_without_a_token() {
    let fixture = Fixture::new();
    let (status, document) = fixture
        .send(Request::get("/api/v1/openapi.json").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(document["openapi"].as_str().unwrap().starts_with("3."), "{document}");
    for path in [
        "/datasets",
        "/datasets/{name}/schema",
        "/datasets/{name}/rows",
        "/datasets/{name}",
        "/executions",
        "/executions/{id}",
        "/executions/{id}/results",
        "/executions/{id}/results.csv",
        "/executions/{id}/results.parquet",
        "/functions",
        "/functions/{name}",
        "/functions/{name}/versions",
    ] {
        assert!(document["paths"][path].is_object(), "{path} is missing");
    }
    let body = &document["components"]["schemas"]["ExecutionBody"]["properties"];
    for field in [
        "program",
        "data",
        "operation",
        "function_name",
        "input_column_names",
        "output_column_name",
        "output_column_type",
        "sql",
    ] {
        assert!(body[field].is_object(), "ExecutionBody.{field} is missing");
    }
    assert_eq!(document["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404_and_app_routes_get_the_page() {
    let fixture = Fixture::new();
    for uri in ["/api/v1/nothing", "/api/v2/datasets", "/api"] {
        let (status, body) = fixture.send(Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("not_found")),
            "{uri}"
        );
    }
    for uri in ["/", "/sql", "/functions/calculate_adj_bal"] {
        let response = fixture
            .app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
        assert!(
            response.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("default-src 'self'")
        );
        let html = response.into_body().collect().await.unwrap().to_bytes();
        assert!(String::from_utf8_lossy(&html).contains("wasmudf"), "{uri}");
    }
    let response = fixture
        .app()
        .oneshot(Request::get("/assets/missing-1234.js").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_page_goes_gzipped_with_an_etag_and_unchanged_files_are_not_sent_again() {
    let fixture = Fixture::new();
    let get = |headers: &[(&str, &str)]| {
        let mut request = Request::get("/");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        fixture.app().oneshot(request.body(Body::empty()).unwrap())
    };
    let plain = get(&[]).await.unwrap();
    let etag = plain.headers()["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
    assert_eq!(plain.headers()["vary"], "accept-encoding");
    assert!(plain.headers().get("content-encoding").is_none());
    let html = plain.into_body().collect().await.unwrap().to_bytes();
    // Built without the page (`scripts/build-web` not run), the placeholder is not compressed.
    if wasmudf_server::web::asset("index.html").is_some() {
        let zipped = get(&[("accept-encoding", "br;q=1.0, gzip;q=0.8")]).await.unwrap();
        assert_eq!(zipped.headers()["content-encoding"], "gzip");
        let bytes = zipped.into_body().collect().await.unwrap().to_bytes();
        let mut unzipped = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut unzipped).unwrap();
        assert_eq!(unzipped, html);
        let refused = get(&[("accept-encoding", "gzip;q=0")]).await.unwrap();
        assert!(refused.headers().get("content-encoding").is_none());
    }
    let unchanged = get(&[("if-none-match", &etag)]).await.unwrap();
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    assert!(unchanged.into_body().collect().await.unwrap().to_bytes().is_empty());
}

/// The page's TypeScript types are generated from `web/openapi.json` (`npm run gen:api`), so
/// that copy must be the document the server serves. `WASMUDF_BLESS=1` rewrites it; then run
/// `npm run gen:api` in `web/` (the page's `npm test` fails on a stale `src/api.gen.ts`).
#[test]
fn the_pages_copy_of_the_openapi_document_is_current() {
    // At run time, not `env!`: a test binary built by another checkout must read this one's.
    let crate_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let copy = std::path::Path::new(&crate_dir).join("../../web/openapi.json");
    let served = wasmudf_server::openapi::document();
    if std::env::var("WASMUDF_BLESS").is_ok_and(|value| value == "1") {
        std::fs::write(&copy, served).unwrap();
    }
    let checked_in = std::fs::read_to_string(&copy).unwrap_or_default();
    assert!(
        checked_in == served,
        "web/openapi.json is not the document the server serves: run \
         `WASMUDF_BLESS=1 cargo test --release --lib --bins --tests`, then \
         `npm run gen:api` in web/, and commit both"
    );
}
