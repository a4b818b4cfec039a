/** Bins for the result column's histogram: numbers in equal-width bins, everything else by value. */
import type { Cell } from "../types";

export interface Bin {
  label: string;
  count: number;
}

export interface Histogram {
  kind: "numeric" | "categorical";
  bins: Bin[];
  nulls: number;
  values: number;
}

/** Most categories shown; the rest are summed into "other". */
export const MAX_CATEGORIES = 12;

export function histogram(cells: Cell[], binCount = 20): Histogram {
  const present = cells.filter((cell): cell is Exclude<Cell, null> => cell !== null);
  const nulls = cells.length - present.length;
  const numbers = present.filter((cell): cell is number => typeof cell === "number" && Number.isFinite(cell));
  if (present.length > 0 && numbers.length === present.length) {
    return { kind: "numeric", bins: numericBins(numbers, binCount), nulls, values: present.length };
  }
  const counts = new Map<string, number>();
  for (const cell of present) {
    const key = String(cell);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const bins = sorted.slice(0, MAX_CATEGORIES).map(([label, count]) => ({ label, count }));
  const other = sorted.slice(MAX_CATEGORIES).reduce((sum, [, count]) => sum + count, 0);
  if (other > 0) bins.push({ label: "other", count: other });
  return { kind: "categorical", bins, nulls, values: present.length };
}

function numericBins(numbers: number[], binCount: number): Bin[] {
  let min = Infinity;
  let max = -Infinity;
  for (const n of numbers) {
    if (n < min) min = n;
    if (n > max) max = n;
  }
  if (min === max) return [{ label: formatNumber(min), count: numbers.length }];
  const count = Math.max(1, Math.min(binCount, numbers.length));
  const width = (max - min) / count;
  const bins = Array.from({ length: count }, (_, i) => ({
    label: `${formatNumber(min + i * width)} – ${formatNumber(min + (i + 1) * width)}`,
    count: 0,
  }));
  for (const n of numbers) {
    // The maximum belongs to the last bin.
    const index = Math.min(count - 1, Math.floor((n - min) / width));
    bins[index].count += 1;
  }
  return bins;
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  const magnitude = Math.abs(n);
  if (magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-3)) return n.toExponential(2);
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
