//! The demo tenant and its data, created on first start: the paper's accounts table and a
//! larger generated one of the same shape, both shared read-only with every tenant.

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::parquet::arrow::ArrowWriter;

use crate::store::{DatasetRecord, TenantId};
use crate::{AppState, ServerError, create_tenant};

/// The generated dataset's name.
pub const LARGE_DATASET: &str = "accounts_large";

/// The owner of the shared demo data: a tenant with no token, which no API caller can act as,
/// so no tenant can delete what every tenant reads. Its name cannot be given to
/// `tenants create` (names are letters, digits, `_` and `-`).
pub const OPERATOR: &str = "@operator";

/// Makes sure the demo tenant exists, and the shared data (owned by [`OPERATOR`]): the paper's
/// table and, unless `large_rows` is zero, that many generated accounts. Returns the demo
/// tenant's token when it was created now: tokens are stored only as digests, so this is the
/// only time it can be shown (`wasmudf tokens create demo` makes another).
pub fn ensure_demo(state: &AppState, accounts_csv: &[u8], large_rows: usize) -> Result<Option<String>, ServerError> {
    // Data directories of earlier versions kept the demo token in clear here.
    let _ = std::fs::remove_file(state.data_dir.join("demo-token"));
    let token = match state.store.tenant_by_name("demo")? {
        Some(_) => None,
        None => Some(create_tenant(&state.store, "demo")?),
    };
    let demo = state
        .store
        .tenant_by_name("demo")?
        .ok_or_else(|| ServerError::Setup("demo tenant vanished".into()))?;
    let operator = state.store.ensure_tokenless_tenant(OPERATOR)?;
    let directory = state.datasets_dir(operator.id);
    std::fs::create_dir_all(&directory)?;
    for name in ["accounts", LARGE_DATASET] {
        adopt_from_demo(state, demo.id, operator.id, name)?;
    }
    if state.store.readable_dataset(operator.id, "accounts")?.is_none() {
        wasmudf_files::write_atomically(&directory.join("accounts.csv"), accounts_csv)?;
        record(state, operator.id, "accounts", "accounts.csv", accounts_csv.len())?;
    }
    if large_rows > 0 && state.store.readable_dataset(operator.id, LARGE_DATASET)?.is_none() {
        let file = format!("{LARGE_DATASET}.parquet");
        let bytes = generate_accounts(large_rows)?;
        wasmudf_files::write_atomically(&directory.join(&file), &bytes)?;
        record(state, operator.id, LARGE_DATASET, &file, bytes.len())?;
    }
    Ok(token)
}

/// Earlier versions had the demo tenant own the shared data (so it could delete it): hand such
/// a dataset, file and record, to the operator.
fn adopt_from_demo(state: &AppState, demo: TenantId, operator: TenantId, name: &str) -> Result<(), ServerError> {
    let Some(dataset) = state
        .store
        .list_datasets(demo)?
        .into_iter()
        .find(|d| d.owner == demo && d.name == name && d.shared)
    else {
        return Ok(());
    };
    let operator_has_one = state
        .store
        .readable_dataset(operator, name)?
        .is_some_and(|existing| existing.owner == operator);
    if operator_has_one {
        // The operator has its own already: the demo tenant's copy stays the demo tenant's.
        return Ok(());
    }
    let (from, to) = (
        state.dataset_path(demo, &dataset.file),
        state.dataset_path(operator, &dataset.file),
    );
    // The file first, then the record; a crash between the two is finished on the next start
    // (the file is already in place).
    if !to.exists() {
        std::fs::rename(&from, &to)?;
    }
    state.store.transfer_dataset(demo, operator, name)?;
    Ok(())
}

fn record(state: &AppState, owner: TenantId, name: &str, file: &str, bytes: usize) -> Result<(), ServerError> {
    let record = DatasetRecord {
        name: name.into(),
        owner,
        file: file.into(),
        shared: true,
        bytes: bytes as i64,
    };
    Ok(state.store.insert_dataset(owner, &record)?)
}

const FIRST_NAMES: &[&str] = &[
    "Ada", "Alan", "Barbara", "Claude", "Donald", "Edsger", "Frances", "Grace", "Hedy", "Ivan", "Jean", "Ken",
    "Leslie", "Margaret", "Niklaus", "Ole", "Radia", "Sophie", "Tim", "Vint",
];
const LAST_NAMES: &[&str] = &[
    "Lovelace",
    "Turing",
    "Liskov",
    "Shannon",
    "Knuth",
    "Dijkstra",
    "Allen",
    "Hopper",
    "Lamarr",
    "Sutherland",
    "Sammet",
    "Thompson",
    "Lamport",
    "Hamilton",
    "Wirth",
    "Dahl",
    "Perlman",
    "Wilson",
    "Berners-Lee",
    "Cerf",
];
const DOMAINS: &[&str] = &["example.com", "mail.org", "bank.net", "uni.edu", "corp.io"];

/// `rows` accounts as Parquet: the columns of the paper's table (id, firstName, lastName,
/// balance, rate, email), deterministic, with about 1% NULL balances and 2% NULL emails.
pub fn generate_accounts(rows: usize) -> Result<Vec<u8>, ServerError> {
    let schema = Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("firstName", DataType::Utf8, false),
        Field::new("lastName", DataType::Utf8, false),
        Field::new("balance", DataType::Int64, true),
        Field::new("rate", DataType::Float64, false),
        Field::new("email", DataType::Utf8, true),
    ]));
    let failed = |error: &dyn std::fmt::Display| ServerError::Setup(format!("generating demo data: {error}"));
    let mut bytes = Vec::new();
    let mut writer =
        ArrowWriter::try_new(&mut bytes, schema.clone(), Some(crate::parquet_properties())).map_err(|e| failed(&e))?;
    let mut random = SplitMix64(0x005e_ed0f_acc0_u64);
    const BATCH: usize = 65_536;
    for start in (0..rows).step_by(BATCH) {
        let count = BATCH.min(rows - start);
        let (mut ids, mut firsts, mut lasts, mut balances, mut rates, mut emails) = (
            Vec::with_capacity(count),
            Vec::with_capacity(count),
            Vec::with_capacity(count),
            Vec::with_capacity(count),
            Vec::with_capacity(count),
            Vec::with_capacity(count),
        );
        for id in start + 1..=start + count {
            let first = FIRST_NAMES[random.below(FIRST_NAMES.len())];
            let last = LAST_NAMES[random.below(LAST_NAMES.len())];
            ids.push(id as i64);
            balances.push((random.below(100) != 0).then(|| random.below(100_000) as i64));
            // Rates in [0.01, 0.99], two decimals, as in the paper's table.
            rates.push((1 + random.below(99)) as f64 / 100.0);
            emails.push((random.below(50) != 0).then(|| {
                format!(
                    "{}.{}{id}@{}",
                    first.to_ascii_lowercase(),
                    last.to_ascii_lowercase(),
                    DOMAINS[random.below(DOMAINS.len())]
                )
            }));
            firsts.push(first);
            lasts.push(last);
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(Int64Array::from(ids)),
            Arc::new(StringArray::from(firsts)),
            Arc::new(StringArray::from(lasts)),
            Arc::new(Int64Array::from(balances)),
            Arc::new(Float64Array::from(rates)),
            Arc::new(StringArray::from(emails)),
        ];
        let batch = RecordBatch::try_new(schema.clone(), columns).map_err(|e| failed(&e))?;
        writer.write(&batch).map_err(|e| failed(&e))?;
    }
    writer.close().map_err(|e| failed(&e))?;
    Ok(bytes)
}

/// A small deterministic generator (SplitMix64): the same demo data on every machine.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}
