import { useCallback, useEffect, useRef, useState } from "react";
import type { Cell, Column } from "../types";

export const ROW_HEIGHT = 30;
const PAGE_ROWS = 200;
const OVERSCAN = 10;

interface Props {
  columns: Column[];
  totalRows: number;
  /** Loads rows `[offset, offset + limit)`. */
  loadRows: (offset: number, limit: number) => Promise<Cell[][]>;
  /** The new column, highlighted. */
  highlight?: string;
  height?: number;
}

/**
 * A virtualized grid: only the visible rows are in the DOM, and rows are fetched a page at a
 * time as they scroll into view, so a result of millions of rows scrolls like one of ten.
 */
export function ResultsGrid({ columns, totalRows, loadRows, highlight, height = 420 }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const [pages, setPages] = useState<Map<number, Cell[][]>>(new Map());
  const requested = useRef(new Set<number>());
  const [failure, setFailure] = useState<string | null>(null);

  // A new result starts from the top.
  useEffect(() => {
    setPages(new Map());
    requested.current = new Set();
    setScrollTop(0);
    setFailure(null);
  }, [loadRows, totalRows]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(totalRows, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const ensure = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      loadRows(page * PAGE_ROWS, PAGE_ROWS).then(
        (rows) => setPages((old) => new Map(old).set(page, rows)),
        (error: Error) => {
          requested.current.delete(page);
          setFailure(error.message);
        },
      );
    },
    [loadRows],
  );

  useEffect(() => {
    if (totalRows === 0) return;
    for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor(Math.max(last - 1, 0) / PAGE_ROWS); page++) {
      ensure(page);
    }
  }, [first, last, totalRows, ensure]);

  const rowAt = (index: number): Cell[] | undefined => pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  const template = `64px repeat(${columns.length}, minmax(130px, 1fr))`;

  // Wide results scroll sideways; the header scrolls with the rows and sticks to the top.
  const minWidth = 64 + columns.length * 130;

  return (
    <div className="grid" role="table" aria-rowcount={totalRows} aria-label="Results">
      <div className="grid-body" style={{ height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="grid-header" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          <div className="grid-index" role="columnheader">#</div>
          {columns.map((column) => (
            <div
              key={column.name}
              role="columnheader"
              className={column.name === highlight ? "highlight" : undefined}
              title={`${column.name}: ${column.type}`}
            >
              <span className="column-name">{column.name}</span>
              <span className="type">{column.type}</span>
            </div>
          ))}
        </div>
        <div style={{ height: totalRows * ROW_HEIGHT, position: "relative", minWidth }}>
          {Array.from({ length: Math.max(0, last - first) }, (_, i) => {
            const index = first + i;
            const row = rowAt(index);
            return (
              <div
                key={index}
                role="row"
                aria-rowindex={index + 1}
                className="grid-row"
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: template }}
              >
                <div className="grid-index">{index + 1}</div>
                {columns.map((column, c) => (
                  <GridCell key={column.name} value={row?.[c]} loading={!row} highlight={column.name === highlight} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <div className="grid-footer">
        {failure ? (
          <span className="error-text">Could not load rows: {failure}</span>
        ) : (
          <span>
            {totalRows === 0
              ? "No rows"
              : `Rows ${(first + 1).toLocaleString("en-US")}–${Math.min(last, totalRows).toLocaleString("en-US")} of ${totalRows.toLocaleString("en-US")}`}
          </span>
        )}
      </div>
    </div>
  );
}

function GridCell({ value, loading, highlight }: { value: Cell | undefined; loading: boolean; highlight: boolean }) {
  const classes = ["cell"];
  if (highlight) classes.push("highlight");
  if (loading) return <div role="cell" className={[...classes, "loading"].join(" ")} />;
  if (value === null || value === undefined) {
    return (
      <div role="cell" className={[...classes, "null"].join(" ")}>
        NULL
      </div>
    );
  }
  if (typeof value === "number") classes.push("number");
  if (typeof value === "boolean") classes.push("boolean");
  const text = String(value);
  return (
    <div role="cell" className={classes.join(" ")} title={text}>
      {text}
    </div>
  );
}
