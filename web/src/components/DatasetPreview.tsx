import { useCallback, useEffect, useState } from "react";
import { Api } from "../api";
import type { Column } from "../types";
import { ResultsGrid } from "./ResultsGrid";

interface Props {
  api: Api;
  dataset: string;
  /** Columns chosen as inputs, highlighted. */
  columns: Column[];
  /** A row of the dataset (from 1, as the grid counts) to scroll to and mark. */
  focusRow?: number | null;
  /** Changes when the marked row should be scrolled to again. */
  focusKey?: number;
}

/** The dataset's rows, before anything runs: what the function will see. */
export function DatasetPreview({ api, dataset, columns, focusRow, focusKey }: Props) {
  const [totalRows, setTotalRows] = useState<number | null>(null);
  useEffect(() => {
    setTotalRows(null);
    let live = true;
    api.rows(dataset, 0, 1).then(
      (page) => live && setTotalRows(page.total_rows),
      () => live && setTotalRows(0),
    );
    return () => {
      live = false;
    };
  }, [api, dataset]);
  const loadRows = useCallback(
    async (offset: number, limit: number) => (await api.rows(dataset, offset, limit)).rows,
    [api, dataset],
  );
  if (totalRows === null || columns.length === 0) return null;
  return (
    <section className="preview" aria-label="Dataset preview" id="dataset-preview">
      <div className="result-actions">
        <h3>
          {dataset} <span className="muted small">{totalRows.toLocaleString("en-US")} rows</span>
          {focusRow != null && (
            <span className="muted small" data-testid="focused-row">
              {" "}
              · row {focusRow.toLocaleString("en-US")} marked
            </span>
          )}
        </h3>
      </div>
      <ResultsGrid
        columns={columns}
        totalRows={totalRows}
        loadRows={loadRows}
        height={330}
        focusRow={focusRow == null ? null : focusRow - 1}
        focusKey={focusKey}
      />
    </section>
  );
}
