import { useMemo } from "react";
import type { Cell } from "../types";
import { histogram } from "../lib/histogram";

interface Props {
  column: string;
  cells: Cell[];
  /** Rows in the whole result; the chart covers `cells.length` of them. */
  totalRows: number;
}

/** A histogram of the result column, drawn as SVG. */
export function HistogramChart({ column, cells, totalRows }: Props) {
  const chart = useMemo(() => histogram(cells), [cells]);
  if (chart.bins.length === 0) {
    return <p className="muted">No values to chart{chart.nulls > 0 ? ` (${chart.nulls} NULL)` : ""}.</p>;
  }
  const maxCount = Math.max(...chart.bins.map((bin) => bin.count));
  const width = 640;
  const barArea = 150;
  const barWidth = width / chart.bins.length;
  return (
    <figure className="histogram" data-testid="histogram">
      <svg viewBox={`0 0 ${width} ${barArea + 4}`} preserveAspectRatio="none" role="img" aria-label={`Histogram of ${column}`}>
        {chart.bins.map((bin, i) => {
          const h = maxCount === 0 ? 0 : (bin.count / maxCount) * barArea;
          return (
            <rect
              key={bin.label}
              x={i * barWidth + 1}
              y={barArea - h + 2}
              width={Math.max(barWidth - 2, 1)}
              height={h}
              className="bar"
              data-count={bin.count}
            >
              <title>{`${bin.label}: ${bin.count.toLocaleString("en-US")}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="histogram-axis">
        <span>{chart.bins[0].label.split(" – ")[0]}</span>
        {chart.kind === "numeric" && <span>{chart.bins[chart.bins.length - 1].label.split(" – ").pop()}</span>}
      </div>
      <figcaption>
        {column}: {chart.values.toLocaleString("en-US")} values
        {chart.nulls > 0 && `, ${chart.nulls.toLocaleString("en-US")} NULL`}
        {cells.length < totalRows && ` (first ${cells.length.toLocaleString("en-US")} of ${totalRows.toLocaleString("en-US")} rows)`}
        {chart.kind === "categorical" && ` · ${chart.bins.map((b) => `${b.label} (${b.count})`).join(", ")}`}
      </figcaption>
    </figure>
  );
}
