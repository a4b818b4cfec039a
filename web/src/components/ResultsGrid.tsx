import { useCallback, useEffect, useRef, useState } from "react";
import type { ResultOrder } from "../api";
import type { Cell, Column } from "../types";

export const ROW_HEIGHT = 30;
const PAGE_ROWS = 200;
const OVERSCAN = 10;
/** The tallest the scrolled area gets. Browsers stop laying out boxes past about 33 million
 * pixels (about 1.1M rows of 30 px), and positions lose precision well before: past this height
 * the scrollbar maps onto the rows proportionally, and rows are placed relative to the view. */
export const MAX_SCROLL_HEIGHT = 6_000_000;

/**
 * Where the view is, for a scrollbar position: `top`, the pixel of the full list at the top of the
 * rows' view, and `shift`: row `index` is drawn at `index * ROW_HEIGHT - shift` inside the
 * scrolled area. `height` is the scrolling box's, `header` the sticky header's inside it. Exact
 * below MAX_SCROLL_HEIGHT; proportional above it, so that the scrollbar's end shows the last row.
 */
export function viewport(scrollTop: number, totalRows: number, height: number, header = 0) {
  const full = totalRows * ROW_HEIGHT;
  const scrolled = Math.min(full, MAX_SCROLL_HEIGHT);
  const rowsInView = Math.max(1, height - header);
  // How many pixels of the full list one pixel of scrollbar moves past: the scrollbar's range
  // (scrolled + header - height) spans the list's (full - rows in view).
  const ratio = full > scrolled && scrolled > rowsInView ? (full - rowsInView) / (scrolled - rowsInView) : 1;
  const top = scrollTop * ratio;
  return { scrolled, ratio, top, shift: top - scrollTop };
}

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
  /** A row to scroll to and mark (0-based), such as the row a function failed on. */
  focusRow?: number | null;
  /** Changes when the focused row should be scrolled to again (the user asked to see it). */
  focusKey?: number;
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

export function ResultsGrid({
  columns,
  totalRows,
  loadRows,
  highlight,
  height = 420,
  order,
  onSort,
  focusRow,
  focusKey,
}: Props) {
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

  const body = useRef<HTMLDivElement>(null);
  const headerRow = useRef<HTMLDivElement>(null);
  const header = headerRow.current?.offsetHeight ?? 0;
  // A scroll to a row sets the exact top it wants; the scrollbar can only land on a whole pixel,
  // which at a large ratio is several rows: until the user scrolls, the wanted top holds.
  const [anchor, setAnchor] = useState<{ scrollTop: number; top: number } | null>(null);
  const scaled = viewport(scrollTop, totalRows, height, header);
  const view =
    anchor && anchor.scrollTop === scrollTop ? { ...scaled, top: anchor.top, shift: anchor.top - scrollTop } : scaled;
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(totalRows, Math.ceil((view.top + height) / ROW_HEIGHT) + OVERSCAN);

  // Scrolls so that the focused row sits a few rows below the top.
  useEffect(() => {
    if (focusRow == null || !body.current || focusRow >= totalRows) return;
    const { ratio } = viewport(0, totalRows, height, headerRow.current?.offsetHeight ?? 0);
    const top = Math.max(0, (focusRow - 3) * ROW_HEIGHT);
    body.current.scrollTop = top / ratio;
    const landed = body.current.scrollTop;
    setAnchor({ scrollTop: landed, top });
    setScrollTop(landed);
  }, [focusRow, focusKey, totalRows, height]);

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
      <div className="grid-body" ref={body} style={{ height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="grid-header" role="row" ref={headerRow} style={{ gridTemplateColumns: template, minWidth }}>
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
        <div style={{ height: view.scrolled, position: "relative", minWidth }}>
          {Array.from({ length: Math.max(0, last - first) }, (_, i) => {
            const index = first + i;
            const row = rowAt(index);
            return (
              <div
                key={index}
                role="row"
                aria-rowindex={index + 1}
                className={index === focusRow ? "grid-row focused" : "grid-row"}
                aria-current={index === focusRow ? "true" : undefined}
                style={{ top: index * ROW_HEIGHT - view.shift, height: ROW_HEIGHT, gridTemplateColumns: template }}
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
