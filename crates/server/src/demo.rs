//! The demo tenant and its data, created on first start: the paper's accounts table and a
//! larger generated one of the same shape, both shared read-only with every tenant.

use std::sync::Arc;

use wasmudf_datafusion::datafusion::arrow::array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use wasmudf_datafusion::datafusion::arrow::datatypes::{DataType, Field, Schema};
use wasmudf_datafusion::datafusion::parquet::arrow::ArrowWriter;

use crate::store::{DatasetRecord, TenantId};
use crate::{AppState, ServerError, create_tenant};

/// The generated dataset's name.
pub const LARGE_DATASET: &str = "accounts_large";

/// Makes sure the demo tenant exists with its data; returns its token (kept in `demo-token` so
/// each start can print it). `large_rows` rows of generated accounts are added unless zero.
pub fn ensure_demo(state: &AppState, accounts_csv: &[u8], large_rows: usize) -> Result<String, ServerError> {
    let token_file = state.data_dir.join("demo-token");
    let existing = state.store.tenant_by_name("demo")?;
    let token = match (&existing, std::fs::read_to_string(&token_file)) {
        (Some(_), Ok(token)) => token.trim().to_string(),
        _ => {
            let token = create_tenant(&state.store, "demo")?;
            std::fs::write(&token_file, &token)?;
            token
        }
    };
    let tenant = state
        .store
        .tenant_by_name("demo")?
        .ok_or_else(|| ServerError::Setup("demo tenant vanished".into()))?;
    let directory = state.datasets_dir(tenant.id);
    std::fs::create_dir_all(&directory)?;
    if state.store.readable_dataset(tenant.id, "accounts")?.is_none() {
        write_atomically(&directory.join("accounts.csv"), accounts_csv)?;
        record(state, tenant.id, "accounts", "accounts.csv", accounts_csv.len())?;
    }
    if large_rows > 0 && state.store.readable_dataset(tenant.id, LARGE_DATASET)?.is_none() {
        let file = format!("{LARGE_DATASET}.parquet");
        let bytes = generate_accounts(large_rows)?;
        write_atomically(&directory.join(&file), &bytes)?;
        record(state, tenant.id, LARGE_DATASET, &file, bytes.len())?;
    }
    Ok(token)
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

fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let directory = path.parent().unwrap_or(std::path::Path::new("."));
    let mut staging = tempfile::NamedTempFile::new_in(directory)?;
    std::io::Write::write_all(&mut staging, bytes)?;
    staging.persist(path).map(|_| ()).map_err(|error| error.error)
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
    let mut random = SplitMix64(0x5eed_0f_ac_c0_u64);
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
