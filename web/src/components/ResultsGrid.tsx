import { useCallback, useEffect, useRef, useState } from "react";
import type { ResultOrder } from "../api";
import type { Cell, Column } from "../types";

export const ROW_HEIGHT = 30;
const PAGE_ROWS = 200;
const OVERSCAN = 10;

interface Props {
  columns: Column[];
  totalRows: number;
  /** Loads rows `[offset, offset + limit)`. */
  loadRows: (offset: number, limit: number) => Promise<Cell[][]>;
  /** The new column: highlighted, and pinned beside the row numbers. */
  highlight?: string;
  height?: number;
  /** The sort in force, shown in its header. */
  order?: ResultOrder | null;
  /** A header was clicked: sort by that column (the caller cycles ascending, descending, none). */
  onSort?: (column: string) => void;
}

/**
 * A value as its column's type reads best: a FLOAT to the 7 significant digits a 32-bit float
 * holds (its exact shortest text, 6713.8496, is in the cell's title), other values as JSON gives
 * them.
 */
export function formatCell(value: Cell, type: string): string {
  if (typeof value === "number" && type === "FLOAT" && Number.isFinite(value)) {
    return String(Number(value.toPrecision(7)));
  }
  return String(value);
}

export function ResultsGrid({ columns, totalRows, loadRows, highlight, height = 420, order, onSort }: Props) {
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
  // The result column first, then the others in their order.
  const pinned = columns.findIndex((column) => column.name === highlight);
  const shown = pinned < 0 ? columns.map((_, c) => c) : [pinned, ...columns.map((_, c) => c).filter((c) => c !== pinned)];
  const template = `64px repeat(${columns.length}, minmax(130px, 1fr))`;

  // Wide results scroll sideways; the header scrolls with the rows and sticks to the top.
  const minWidth = 64 + columns.length * 130;

  return (
    <div className="grid" role="table" aria-rowcount={totalRows} aria-label="Results">
      <div className="grid-body" style={{ height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="grid-header" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          <div className="grid-index" role="columnheader">#</div>
          {shown.map((c) => {
            const column = columns[c];
            const sorted = order?.column === column.name ? (order.desc ? "descending" : "ascending") : undefined;
            return (
              <div
                key={column.name}
                role="columnheader"
                aria-sort={sorted ?? "none"}
                className={column.name === highlight ? "highlight" : undefined}
                title={`${column.name}: ${column.type}${onSort ? " (click to sort)" : ""}`}
              >
                {onSort ? (
                  <button type="button" className="sort" onClick={() => onSort(column.name)}>
                    <span className="column-name">
                      {column.name}
                      {sorted && <span aria-hidden="true">{sorted === "ascending" ? " ▲" : " ▼"}</span>}
                    </span>
                    <span className="type">{column.type}</span>
                  </button>
                ) : (
                  <>
                    <span className="column-name">{column.name}</span>
                    <span className="type">{column.type}</span>
                  </>
                )}
              </div>
            );
          })}
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
                {shown.map((c) => (
                  <GridCell
                    key={columns[c].name}
                    value={row?.[c]}
                    type={columns[c].type}
                    loading={!row}
                    highlight={c === pinned}
                  />
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

function GridCell({
  value,
  type,
  loading,
  highlight,
}: {
  value: Cell | undefined;
  type: string;
  loading: boolean;
  highlight: boolean;
}) {
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
  const text = formatCell(value, type);
  return (
    <div role="cell" className={classes.join(" ")} title={String(value)}>
      {text}
    </div>
  );
}
