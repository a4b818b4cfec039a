import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { ColumnPicker } from "./ColumnPicker";
import { ResultsGrid, formatCell } from "./ResultsGrid";
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
  it("draws one bar per bin with its count, and says when it covers only part of the result", () => {
    render(<HistogramChart column="f_RESULT" cells={[1, 2, 2, 3, null]} totalRows={50} />);
    const bars = screen.getByTestId("histogram").querySelectorAll("rect");
    const counts = [...bars].map((bar) => Number(bar.getAttribute("data-count")));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(screen.getByText(/4 values, 1 NULL \(first 5 of 50 rows\)/)).toBeTruthy();
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
