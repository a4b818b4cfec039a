import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { ColumnPicker } from "./ColumnPicker";
import { MAX_SCROLL_HEIGHT, ROW_HEIGHT, ResultsGrid, formatCell, viewport } from "./ResultsGrid";
import { ErrorPanel } from "./ErrorPanel";
import { TOKEN_KEY, TokenGate } from "./TokenGate";
import { HistogramChart } from "./HistogramChart";
import type { Cell } from "../types";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "balance", type: "BIGINT" },
  { name: "rate", type: "DOUBLE" },
];

function Picker() {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <ColumnPicker columns={COLUMNS} selected={selected} onChange={setSelected} />
      <output data-testid="chosen">{selected.join(",")}</output>
    </>
  );
}

describe("ColumnPicker", () => {
  it("passes columns in the order they are clicked, numbered, and a second click removes one", () => {
    render(<Picker />);
    fireEvent.click(screen.getByRole("button", { name: /rate/ }));
    fireEvent.click(screen.getByRole("button", { name: /balance/ }));
    expect(screen.getByTestId("chosen").textContent).toBe("rate,balance");
    expect(screen.getByRole("button", { name: /rate/ }).textContent).toBe("1rateDOUBLE");
    expect(screen.getByRole("button", { name: /balance/ }).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: /rate/ }));
    expect(screen.getByTestId("chosen").textContent).toBe("balance");
  });
});

describe("ResultsGrid", () => {
  const columns = [
    { name: "id", type: "BIGINT" },
    { name: "f_RESULT", type: "FLOAT" },
  ];

  it("shows NULL distinctly, highlights the new column, and renders only a window of a large result", async () => {
    const loadRows = vi.fn(async (offset: number, limit: number): Promise<Cell[][]> =>
      Array.from({ length: limit }, (_, i) => [offset + i + 1, (offset + i) % 2 === 0 ? 1.5 : null]),
    );
    render(<ResultsGrid columns={columns} totalRows={1_000_000} loadRows={loadRows} highlight="f_RESULT" />);
    await waitFor(() => expect(screen.getAllByText("NULL").length).toBeGreaterThan(0));
    const nullCell = screen.getAllByText("NULL")[0];
    expect(nullCell.className).toContain("null");
    expect(nullCell.className).toContain("highlight");
    expect(screen.getByRole("columnheader", { name: /f_RESULT/ }).className).toBe("highlight");
    expect(screen.getAllByRole("row").length).toBeLessThan(60);
    expect(loadRows).toHaveBeenCalledWith(0, 200);
    expect(screen.getByText(/of 1,000,000/)).toBeTruthy();
  });

  it("fetches the page that scrolls into view", async () => {
    const loadRows = vi.fn(async (offset: number, limit: number): Promise<Cell[][]> =>
      Array.from({ length: limit }, (_, i) => [offset + i + 1, 0]),
    );
    const { container } = render(<ResultsGrid columns={columns} totalRows={10_000} loadRows={loadRows} />);
    const body = container.querySelector(".grid-body") as HTMLElement;
    await act(async () => {
      body.scrollTop = 30 * 5000;
      fireEvent.scroll(body);
    });
    await waitFor(() => expect(screen.getByText("5001", { selector: ".grid-index" })).toBeTruthy());
    expect(loadRows).toHaveBeenCalledWith(4800, 200);
  });

  it("keeps 5 million rows within a height browsers lay out, and reaches the last row", () => {
    const total = 5_000_000;
    const { scrolled, ratio } = viewport(0, total, 420);
    expect(scrolled).toBe(MAX_SCROLL_HEIGHT);
    // At the bottom of the scrollbar the last row is in view, drawn inside the scrolled area.
    const bottom = viewport(scrolled - 420, total, 420);
    expect(Math.ceil((bottom.top + 420) / ROW_HEIGHT)).toBe(total);
    expect((total - 1) * ROW_HEIGHT - bottom.shift).toBeLessThan(scrolled);
    expect(ratio).toBeGreaterThan(1);
    // Below the limit nothing is scaled.
    expect(viewport(1234, 10_000, 420)).toEqual({ scrolled: 300_000, ratio: 1, top: 1234, shift: 0 });
  });

  it("scrolls to a focused row and marks it", async () => {
    const loadRows = vi.fn(async (offset: number, limit: number): Promise<Cell[][]> =>
      Array.from({ length: limit }, (_, i) => [offset + i + 1, 0]),
    );
    render(<ResultsGrid columns={columns} totalRows={50_000} loadRows={loadRows} focusRow={29_999} />);
    await waitFor(() => expect(screen.getByText("30000", { selector: ".grid-index" })).toBeTruthy());
    const row = screen.getByText("30000", { selector: ".grid-index" }).parentElement as HTMLElement;
    expect(row.className).toContain("focused");
    expect(row.getAttribute("aria-current")).toBe("true");
  });
});

describe("ErrorPanel", () => {
  it("names the kind, the row and its input values", () => {
    render(
      <ErrorPanel
        code="division_by_zero"
        message="UDF `f` trapped: division by zero at row 7"
        row={7}
        values={{ balance: "0", rate: "0.5" }}
      />,
    );
    expect(screen.getByRole("heading").textContent).toBe("Division by zero");
    expect(screen.getByText("Row 8 of its batch")).toBeTruthy();
    expect(screen.getByRole("row", { name: /balance 0/ })).toBeTruthy();
  });

  it("names a trap's row in the dataset, offers to show it, and says the line of C", () => {
    const show = vi.fn();
    render(
      <ErrorPanel
        code="division_by_zero"
        message="UDF `f` failed: integer division by zero at row 30000 of the table (b=0), at line 3 of its source"
        tableRow={30000}
        values={{ b: "0" }}
        diagnostics={[{ severity: "error", line: 3, column: 12, message: "integer division by zero" }]}
        onShowRow={show}
      />,
    );
    expect(screen.getByTestId("failing-row").textContent).toContain("Row 30,000 of the dataset");
    expect(screen.getByTestId("failing-line").textContent).toBe("At line 3, column 12 of your C (marked in the editor)");
    // The message stays: the line is a mark, not the whole story.
    expect(screen.getByText(/integer division by zero at row 30000/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show row 30,000" }));
    expect(show).toHaveBeenCalledOnce();
  });

  it("lists compiler diagnostics with their lines", () => {
    render(
      <ErrorPanel
        code="compile_error"
        message="1 error"
        diagnostics={[{ severity: "error", line: 3, column: 13, message: "expected expression" }]}
      />,
    );
    expect(screen.getByText("line 3:13")).toBeTruthy();
    expect(screen.getByText("expected expression")).toBeTruthy();
  });
});

describe("TokenGate", () => {
  it("keeps a token the server accepts", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ datasets: [] }), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const onToken = vi.fn();
    render(<TokenGate onToken={onToken} />);
    fireEvent.change(screen.getByLabelText("API token"), { target: { value: "  wu_good " } });
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(onToken).toHaveBeenCalledWith("wu_good"));
    expect(localStorage.getItem(TOKEN_KEY)).toBe("wu_good");
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/v1/datasets",
      expect.objectContaining({ headers: expect.objectContaining({ Authorization: "Bearer wu_good" }) }),
    );
  });

  it("says why a token is refused and keeps nothing", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ code: "unauthorized", message: "unknown or revoked token" }), { status: 401 })),
    );
    const onToken = vi.fn();
    render(<TokenGate onToken={onToken} />);
    fireEvent.change(screen.getByLabelText("API token"), { target: { value: "wu_bad" } });
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect((await screen.findByRole("alert")).textContent).toBe("unknown or revoked token");
    expect(onToken).not.toHaveBeenCalled();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});

describe("HistogramChart", () => {
  it("draws one bar per bin with its count, and says it covers every row", () => {
    render(
      <HistogramChart
        histogram={{
          column: "f_RESULT",
          kind: "numeric",
          rows: 50,
          nulls: 1,
          other: 0,
          bins: [
            { low: 1, high: 2, count: 30 },
            { low: 2, high: 3, count: 19 },
          ],
        }}
      />,
    );
    const bars = screen.getByTestId("histogram").querySelectorAll("rect");
    const counts = [...bars].map((bar) => Number(bar.getAttribute("data-count")));
    expect(counts).toEqual([30, 19]);
    expect(screen.getByTestId("histogram").textContent).toContain("49 values in all 50 rows, 1 NULL");
  });
});

describe("formatCell", () => {
  it("prints a FLOAT to the 7 digits a 32-bit float holds, other values as they are", () => {
    expect(formatCell(6713.8496, "FLOAT")).toBe("6713.85");
    expect(formatCell(11831.141, "FLOAT")).toBe("11831.14");
    expect(formatCell(5765.22, "FLOAT")).toBe("5765.22");
    expect(formatCell(0.1, "FLOAT")).toBe("0.1");
    expect(formatCell(6713.8496, "DOUBLE")).toBe("6713.8496");
    expect(formatCell(null, "FLOAT")).toBe("null");
    expect(formatCell("x", "STRING")).toBe("x");
  });
});
