//! The prebuilt guests are what the toolchain makes of their C sources today.

use wasmudf_test_support::{GUESTS, printed_wat};

#[test]
fn every_prebuilt_guest_is_its_c_source_compiled() {
    let bless = std::env::var("WASMUDF_BLESS").is_ok_and(|value| value == "1");
    // At run time (`env!` only as a fallback): a test binary built by another checkout must
    // write to this one.
    let crate_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let mut stale = Vec::new();
    for guest in GUESTS {
        let wat = printed_wat(&guest.compile().wasm);
        if wat != guest.wat {
            stale.push(guest.name);
            if bless {
                std::fs::write(format!("{crate_dir}/guests/{}.wat", guest.name), &wat).unwrap();
            }
        }
        // What the tests run is what the WAT says.
        assert_eq!(printed_wat(&wat::parse_str(&wat).unwrap()), wat, "{}", guest.name);
    }
    assert!(
        bless || stale.is_empty(),
        "stale prebuilt guests {stale:?}: run `WASMUDF_BLESS=1 cargo test --release --lib --bins --tests`"
    );
}
