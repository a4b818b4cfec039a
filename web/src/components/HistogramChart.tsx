import type { Histogram } from "../types";
import { labelledBins } from "../lib/histogram";

interface Props {
  histogram: Histogram;
}

/** A histogram of a result column over the whole result (the server counts it), drawn as SVG. */
export function HistogramChart({ histogram }: Props) {
  const bins = labelledBins(histogram);
  const values = histogram.rows - histogram.nulls;
  if (bins.length === 0) {
    return (
      <p className="muted" data-testid="histogram-empty">
        No values to chart{histogram.nulls > 0 ? ` (${histogram.nulls.toLocaleString("en-US")} NULL)` : ""}.
      </p>
    );
  }
  const maxCount = Math.max(...bins.map((bin) => bin.count));
  const width = 320;
  const barArea = 150;
  const barWidth = width / bins.length;
  const numeric = histogram.kind === "numeric";
  return (
    <figure className="histogram" data-testid="histogram" data-rows={histogram.rows}>
      <svg viewBox={`0 0 ${width} ${barArea + 4}`} preserveAspectRatio="none" role="img" aria-label={`Histogram of ${histogram.column}`}>
        {bins.map((bin, i) => {
          const h = maxCount === 0 ? 0 : (bin.count / maxCount) * barArea;
          return (
            <rect
              key={`${i}-${bin.label}`}
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
      {numeric && (
        <div className="histogram-axis">
          <span>{bins[0].label.split(" – ")[0]}</span>
          <span>{labelledBins({ ...histogram, other: 0 }).at(-1)?.label.split(" – ").pop()}</span>
        </div>
      )}
      <figcaption>
        <strong>{histogram.column}</strong>: {values.toLocaleString("en-US")} values in all {histogram.rows.toLocaleString("en-US")} rows
        {histogram.nulls > 0 && `, ${histogram.nulls.toLocaleString("en-US")} NULL`}
        {!numeric && (
          <ol className="categories">
            {bins.map((bin, i) => (
              <li key={i}>
                <span className="mono">{bin.label}</span> <span className="muted">{bin.count.toLocaleString("en-US")}</span>
              </li>
            ))}
          </ol>
        )}
      </figcaption>
    </figure>
  );
}
