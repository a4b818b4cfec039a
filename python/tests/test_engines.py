"""The same sandboxed function in DuckDB, Polars and pandas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import wasmudf

FIRST_ROW = pytest.approx(5765.22, abs=0.005)


@pytest.fixture(scope="module")
def accounts_csv() -> Path:
    return Path(__file__).resolve().parents[2] / "demo" / "accounts.csv"


def test_duckdb_sql(adj: wasmudf.Function, domain: wasmudf.Function, accounts_csv: Path) -> None:
    con = duckdb.connect()
    wasmudf.duckdb.register(con, adj)
    wasmudf.duckdb.register(con, domain, name="email_domain")
    rows = con.sql(
        f"SELECT id, calculate_adj_bal(balance, rate) AS adjusted, email_domain(email) AS domain "
        f"FROM read_csv('{accounts_csv}') ORDER BY id LIMIT 2"
    ).fetchall()
    assert rows[0][0] == 1 and rows[0][1] == FIRST_ROW and rows[0][2] == "mtv.com"
    assert rows[1][2] == "mozilla.org"
    # More rows than one DuckDB vector (2048), and NULLs stay NULL without a call.
    total, nulls = con.execute(
        "SELECT count(adj), count(*) - count(adj) FROM ("
        "  SELECT calculate_adj_bal(CASE WHEN i % 10 = 0 THEN NULL ELSE i::INTEGER END, 1.0) AS adj"
        "  FROM range(10000) t(i))"
    ).fetchone()
    assert (total, nulls) == (9000, 1000)
    described = con.execute(f"SELECT typeof(calculate_adj_bal(balance, rate)) FROM read_csv('{accounts_csv}') LIMIT 1")
    assert described.fetchone() == ("FLOAT",)


def test_dates_and_decimals_in_duckdb_and_polars() -> None:
    import datetime
    import decimal

    next_day = wasmudf.Function.from_c("wasmudf_date next_day(wasmudf_date d) { return d + 1; }")
    cents = wasmudf.Function.from_c(
        "wasmudf_decimal add_cent(wasmudf_decimal x) { return x + 1; }",
        signature="add_cent(x DECIMAL(10, 2)) RETURNS DECIMAL(10, 2)",
    )
    con = duckdb.connect()
    wasmudf.duckdb.register(con, next_day)
    wasmudf.duckdb.register(con, cents)
    row = con.sql("SELECT next_day(DATE '2024-02-28'), add_cent(12.34::DECIMAL(10, 2))").fetchall()[0]
    assert row == (datetime.date(2024, 2, 29), decimal.Decimal("12.35"))

    frame = pl.DataFrame({"d": [datetime.date(1999, 12, 31), None]})
    days = frame.select(wasmudf.polars.expr(next_day, "d"))["next_day"].to_list()
    assert days == [datetime.date(2000, 1, 1), None]


def test_duckdb_reports_the_guests_failure(guest: Callable[..., wasmudf.Function]) -> None:
    con = duckdb.connect()
    wasmudf.duckdb.register(con, guest("divide"), name="wasm_divide")
    with pytest.raises(duckdb.Error) as failed:
        con.sql("SELECT wasm_divide(a, b) FROM (VALUES (6, 3), (5, 0)) t(a, b)").fetchall()
    assert "UDF `divide` failed: integer division by zero at row 1 of the batch (a=5, b=0)" in str(failed.value)
    assert con.execute("SELECT wasm_divide(9, 3)").fetchone() == (3,)


def test_polars_expression(adj: wasmudf.Function, domain: wasmudf.Function, accounts_csv: Path) -> None:
    frame = pl.read_csv(accounts_csv)
    assert frame.schema["balance"] == pl.Int64 and frame.schema["rate"] == pl.Float64
    result = frame.with_columns(
        wasmudf.polars.expr(adj, "balance", "rate").alias("adjusted"),
        wasmudf.polars.expr(domain, pl.col("email")).alias("domain"),
    )
    assert result.schema["adjusted"] == pl.Float32
    assert result["adjusted"][0] == FIRST_ROW
    assert result["domain"][:2].to_list() == ["mtv.com", "mozilla.org"]
    lazy = frame.lazy().filter(wasmudf.polars.expr(adj, "balance", "rate") > 50_000).select(pl.len())
    expected = sum(1 for b, r in zip(frame["balance"], frame["rate"]) if b * r + b // 1000 > 50_000)
    assert lazy.collect().item() == expected
    with pytest.raises(TypeError, match=r"takes 2 column\(s\)"):
        wasmudf.polars.expr(adj, "balance")


def test_polars_nulls(adj: wasmudf.Function) -> None:
    frame = pl.DataFrame({"balance": [1000, None], "rate": [1.0, 1.0]})
    assert frame.select(wasmudf.polars.expr(adj, "balance", "rate"))["calculate_adj_bal"].to_list() == [1001.0, None]


def test_pandas_through_pyarrow(adj: wasmudf.Function, accounts_csv: Path) -> None:
    frame = pd.read_csv(accounts_csv)
    adjusted = adj(pa.array(frame.balance), pa.array(frame.rate))
    frame["adjusted"] = adjusted.to_pandas()
    assert frame.adjusted.iloc[0] == FIRST_ROW
    # A pandas Series goes in directly too; NaN is pandas' missing value, so it is NULL here.
    with_missing = pd.Series([1.0, float("nan")])
    assert adj(pd.Series([1000, 1000]), with_missing).to_pylist() == [1001.0, None]
