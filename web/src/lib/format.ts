/** Human-readable numbers for the page. */

export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return "–";
  if (ms < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatCount(n: number | null | undefined): string {
  return n == null ? "–" : n.toLocaleString("en-US");
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Rows per second of a run, or null when the run was too short to say. */
export function rowsPerSecond(rows: number, runMs: number | null): number | null {
  if (runMs == null || runMs <= 0 || rows === 0) return null;
  return Math.round((rows * 1000) / runMs);
}
