//! The web page: Vite's build of `web/`, embedded at compile time (see `build.rs`).
//!
//! Hashed assets under `assets/` are cached forever; every other path that is not a file is the
//! single-page app's own route and gets `index.html`. Text files go gzipped to clients that take
//! it; every file has an ETag, and a matching `If-None-Match` gets 304.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

include!(concat!(env!("OUT_DIR"), "/web_assets.rs"));

/// Shown when the binary was built before the page was (`scripts/build-web` builds it).
const NOT_BUILT: &str = "<!doctype html><meta charset=utf-8><title>wasmudf</title>\
<body style=\"font-family:sans-serif;max-width:40em;margin:4em auto\">\
<h1>wasmudf</h1><p>The API is up at <a href=\"/api/v1/openapi.json\">/api/v1</a>, but this binary \
was built without its web page. Run <code>./scripts/build-web</code>, then rebuild.</p>";

/// The page may only load its own scripts and talk to its own server.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// An embedded file: its bytes, gzipped bytes (empty when not worth it) and ETag.
struct Asset {
    bytes: &'static [u8],
    gzipped: &'static [u8],
    etag: &'static str,
}

fn find(path: &str) -> Option<Asset> {
    ASSETS
        .iter()
        .find(|(name, ..)| *name == path)
        .map(|&(_, bytes, gzipped, etag)| Asset { bytes, gzipped, etag })
}

pub fn asset(path: &str) -> Option<&'static [u8]> {
    find(path).map(|asset| asset.bytes)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, extension)| extension) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Serves `uri` from the embedded page.
pub async fn serve(uri: Uri, request_headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    if path == "api" || path.starts_with("api/") {
        return crate::error::ApiError::new(crate::error::ErrorCode::NotFound, "no such API endpoint").into_response();
    }
    let not_built = Asset {
        bytes: NOT_BUILT.as_bytes(),
        gzipped: &[],
        etag: "\"not-built\"",
    };
    let (path, asset) = match find(path) {
        Some(asset) if !path.is_empty() => (path, asset),
        // A missing file (it has an extension) is a 404; anything else is an app route.
        _ if path.rsplit('/').next().is_some_and(|last| last.contains('.')) => {
            return (StatusCode::NOT_FOUND, "not found").into_response();
        }
        _ => ("index.html", find("index.html").unwrap_or(not_built)),
    };
    let cache = if path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let header_text = |name| {
        request_headers
            .get(name)
            .and_then(|value: &HeaderValue| value.to_str().ok())
    };
    let unchanged = header_text(header::IF_NONE_MATCH)
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == asset.etag || tag.trim() == "*"));
    // `gzip` listed without `q=0`.
    let takes_gzip = header_text(header::ACCEPT_ENCODING).is_some_and(|accepted| {
        accepted.split(',').any(|coding| {
            let mut parts = coding.split(';');
            let wanted = parts
                .find_map(|part| part.trim().strip_prefix("q="))
                .is_none_or(|q| q.trim().parse::<f32>().is_ok_and(|q| q > 0.0));
            coding.split(';').next().is_some_and(|name| name.trim() == "gzip") && wanted
        })
    });
    let gzipped = takes_gzip && !asset.gzipped.is_empty();
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else if gzipped {
        Body::from(asset.gzipped).into_response()
    } else {
        Body::from(asset.bytes).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, HeaderValue::from_static(asset.etag));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzipped && !unchanged {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(path)));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    response
}
