/** The labels of a result column's histogram, which the server counts over the whole result. */
import type { Histogram } from "../types";

export interface Bin {
  label: string;
  count: number;
}

/** The bins as the chart shows them: numeric bins as `low – high`, values as themselves, and
 * what is left over (NaN and infinities, or the less frequent values) as "other". */
export function labelledBins(histogram: Histogram): Bin[] {
  const bins = histogram.bins.map((bin) => {
    if (bin.value != null) return { label: bin.value, count: bin.count };
    const low = bin.low ?? 0;
    const high = bin.high ?? low;
    return { label: low === high ? formatNumber(low) : `${formatNumber(low)} – ${formatNumber(high)}`, count: bin.count };
  });
  if (histogram.other > 0) {
    bins.push({ label: histogram.kind === "numeric" ? "NaN or infinite" : "other", count: histogram.other });
  }
  return bins;
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  const magnitude = Math.abs(n);
  if (magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-3)) return n.toExponential(2);
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
