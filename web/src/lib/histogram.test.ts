import { describe, expect, it } from "vitest";
import { formatNumber, labelledBins } from "./histogram";

describe("labelledBins", () => {
  it("labels numeric bins by their range and counts what has no place on the axis", () => {
    const bins = labelledBins({
      column: "x",
      kind: "numeric",
      rows: 12,
      nulls: 1,
      other: 1,
      bins: [
        { low: 0, high: 2.5, count: 6 },
        { low: 2.5, high: 5, count: 4 },
      ],
    });
    expect(bins).toEqual([
      { label: "0 – 2.5", count: 6 },
      { label: "2.5 – 5", count: 4 },
      { label: "NaN or infinite", count: 1 },
    ]);
  });

  it("makes one label when every value is equal", () => {
    const bins = labelledBins({ column: "x", kind: "numeric", rows: 3, nulls: 0, other: 0, bins: [{ low: 3.5, high: 3.5, count: 3 }] });
    expect(bins).toEqual([{ label: "3.5", count: 3 }]);
  });

  it("shows values as themselves, the tail as other", () => {
    const bins = labelledBins({
      column: "name",
      kind: "categorical",
      rows: 10,
      nulls: 0,
      other: 3,
      bins: [
        { value: "Ann", count: 5 },
        { value: "Bo", count: 2 },
      ],
    });
    expect(bins.map((b) => b.label)).toEqual(["Ann", "Bo", "other"]);
  });

  it("formats large, small and fractional numbers readably", () => {
    expect(formatNumber(1234567.5)).toBe("1.23e+6");
    expect(formatNumber(0.0001)).toBe("1.00e-4");
    expect(formatNumber(12.3456)).toBe("12.35");
    expect(formatNumber(5000)).toBe("5,000");
  });
});
