// End-to-end: starts the real `wasmudf serve` on a fresh data directory and drives Debian's
// chromium (playwright-core, no downloaded browser) through the paper's flow, a compile error
// shown at its line, and a saved function called from the SQL tab. Screenshots go to
// target/e2e/ at the repository's root.
//
//   WASMUDF_BIN=path/to/wasmudf node e2e/paper-flow.mjs
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const shots = join(root, "target", "e2e");
const binary =
  process.env.WASMUDF_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "release", "wasmudf");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const STEP_MS = 60_000;

// The paper's function, as examples/ has it (the page's first template is the same file).
const PAPER_SOURCE = readFileSync(join(root, "examples", "calculate_adj_bal.c"), "utf8");
// Line 3 lacks an operand.
const BROKEN_SOURCE = `float calculate_adj_bal(int balance, float rate) {
    float adjusted = balance * rate;
    return adjusted + ;
}
`;
// An aggregate, as examples/ has it (the page's AGGREGATE template is the same file).
const WAVG_SOURCE = readFileSync(join(root, "examples", "wavg.c"), "utf8");
// printf writes to the execution's log, shown beside the results.
const PRINTF_SOURCE = `#include <stdio.h>
float calculate_adj_bal(int balance, float rate) {
    if (balance > 99900) printf("rich: %d at %.2f\\n", balance, rate);
    return (balance * rate) + balance/1000;
}
`;

// Fails at one row of the demo's 1,000 accounts: the 750th (ids count from 1), at line 4.
const TRAP_SOURCE = `#include <stdlib.h>
int32_t pick(int32_t id) {
    if (id == 750)
        abort();
    return id;
}
`;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForServer(url, log) {
  const deadline = Date.now() + STEP_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/v1/openapi.json`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer within ${STEP_MS / 1000} s:\n${log.join("")}`);
}

async function setSource(page, source) {
  const editor = page.locator(".editor-c .cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  // insertText types as an input method would: no auto-closed brackets or auto-indent.
  await page.keyboard.insertText(source);
}

async function main() {
  if (!existsSync(binary)) throw new Error(`no server binary at ${binary}; build it or set WASMUDF_BIN`);
  if (!existsSync(chromiumPath)) throw new Error(`no chromium at ${chromiumPath}; run scripts/setup`);
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "wasmudf-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = [];
  // A compile cache of its own, empty: the first Execute is a cold compile, as on a fresh server.
  const cacheDir = mkdtempSync(join(tmpdir(), "wasmudf-e2e-cache-"));
  const server = spawn(binary, ["serve", "--port", String(port), "--data-dir", dataDir, "--demo-rows", "20000"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WASMUDF_CACHE_DIR: cacheDir },
  });
  server.stdout.on("data", (chunk) => log.push(chunk.toString()));
  server.stderr.on("data", (chunk) => log.push(chunk.toString()));
  let browser;
  try {
    await waitForServer(url, log);
    // The demo token is shown once, when the demo tenant is created: read it off the log.
    const token = log.join("").match(/token\s+(wu_[0-9a-f]+)/)?.[1];
    if (!token) throw new Error(`the server printed no demo token:\n${log.join("")}`);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(STEP_MS);
    const consoleErrors = [];
    page.on("pageerror", (error) => consoleErrors.push(String(error)));

    // The page asks for the token once.
    await page.goto(url);
    await page.getByLabel("API token").fill(token);
    await page.getByRole("button", { name: "Continue" }).click();

    // The paper's flow: accounts; balance, rate; calculate_adj_bal; MAP; FLOAT; Execute.
    await page.locator('[data-dataset="accounts"]').click();
    await page.locator('[data-column="balance"]').click();
    await page.locator('[data-column="rate"]').click();
    await page.locator('input[name="function_name"]').fill("calculate_adj_bal");
    await page.getByText("MAP", { exact: true }).click();
    await page.locator('select[name="output_column_type"]').selectOption("FLOAT");
    await setSource(page, PAPER_SOURCE);
    // Click to first rows visible: cold (the first C compile on this server), then warm.
    const coldStarted = performance.now();
    await page.getByRole("button", { name: "Execute Function" }).click();
    const firstResult = page.locator('.grid-row[aria-rowindex="1"] .cell.highlight');
    await firstResult.waitFor();
    await page.waitForFunction(
      () => document.querySelector('.grid-row[aria-rowindex="1"] .cell.highlight')?.textContent === "5765.22",
    );
    const coldMs = performance.now() - coldStarted;
    const coldExecution = new URL(page.url()).searchParams.get("execution");
    const warmStarted = performance.now();
    await page.getByRole("button", { name: "Execute Function" }).click();
    await page.waitForFunction(
      (old) =>
        new URL(window.location.href).searchParams.get("execution") !== old &&
        document.querySelector('.grid-row[aria-rowindex="1"] .cell.highlight')?.textContent === "5765.22",
      coldExecution,
    );
    const warmMs = performance.now() - warmStarted;
    console.log(
      `first result: click to first rows visible ${coldMs.toFixed(0)} ms cold (first compile on a fresh server), ${warmMs.toFixed(0)} ms warm`,
    );
    const header = await page.locator(".grid-header .highlight .column-name").textContent();
    if (header !== "calculate_adj_bal_RESULT") throw new Error(`the new column is "${header}"`);
    await page.getByTestId("histogram").waitFor();
    // The histogram counts every row of the result, and sits beside the grid.
    const charted = await page.getByTestId("histogram").getAttribute("data-rows");
    if (charted !== "1000") throw new Error(`the histogram covers ${charted} rows, not all 1000`);
    const gridBox = await page.locator(".result-body .grid").boundingBox();
    const chartBox = await page.getByTestId("histogram").boundingBox();
    if (!gridBox || !chartBox || chartBox.x < gridBox.x + gridBox.width || chartBox.y > gridBox.y + 50) {
      throw new Error(`the histogram is not beside the grid: ${JSON.stringify({ gridBox, chartBox })}`);
    }
    await page.screenshot({ path: join(shots, "paper-flow.png"), fullPage: true });
    console.log("paper flow: first row's calculate_adj_bal_RESULT is 5765.22; the histogram beside it covers all 1,000 rows");

    // A compile error, shown at its line in the editor and in the error panel.
    await setSource(page, BROKEN_SOURCE);
    await page.getByRole("button", { name: "Execute Function" }).click();
    await page.locator('.error-panel[data-kind="compile_error"]').waitFor();
    const where = await page.locator(".error-panel .diagnostic.error .where").first().textContent();
    if (!where?.startsWith("line 3")) throw new Error(`the error panel says "${where}", not line 3`);
    await page.locator(".cm-lintRange-error").first().waitFor();
    const markedLine = await page.evaluate(() => {
      const mark = document.querySelector(".cm-lintRange-error");
      const line = mark?.closest(".cm-line");
      return line ? [...line.parentElement.children].indexOf(line) + 1 : null;
    });
    if (markedLine !== 3) throw new Error(`the editor marks line ${markedLine}, not line 3`);
    await page.screenshot({ path: join(shots, "compile-error.png"), fullPage: true });
    console.log("compile error: shown at line 3 in the editor and the error panel");

    // A trap names the dataset's row, marks its line of C, and the dataset's grid shows that row.
    await page.locator('[data-column="balance"]').click();
    await page.locator('[data-column="rate"]').click();
    await page.locator('[data-column="id"]').click();
    await page.locator('input[name="function_name"]').fill("pick");
    await setSource(page, TRAP_SOURCE);
    await page.getByRole("button", { name: "Execute Function" }).click();
    await page.locator('.error-panel[data-kind="abort"]').waitFor();
    const failingRow = await page.getByTestId("failing-row").textContent();
    if (!failingRow?.startsWith("Row 750 of the dataset")) throw new Error(`the error panel says "${failingRow}"`);
    const failingLine = await page.getByTestId("failing-line").textContent();
    if (!failingLine?.startsWith("At line 4")) throw new Error(`the error panel says "${failingLine}"`);
    await page.locator(".editor-c .cm-lintRange-error").first().waitFor();
    await page.getByRole("button", { name: "Show row 750" }).click();
    await page.waitForFunction(() => {
      const row = document.querySelector('#dataset-preview .grid-row.focused[aria-rowindex="750"]');
      return row?.querySelectorAll(".cell")[0]?.textContent === "750";
    });
    await page.screenshot({ path: join(shots, "trap-row.png"), fullPage: false });
    console.log("trap: row 750 of the dataset named, line 4 marked, the dataset's grid jumped to it");
    await page.locator('[data-column="id"]').click();
    await page.locator('[data-column="balance"]').click();
    await page.locator('[data-column="rate"]').click();
    await page.locator('input[name="function_name"]').fill("calculate_adj_bal");

    // printf: the function's output appears beside the results.
    await setSource(page, PRINTF_SOURCE);
    await page.getByRole("button", { name: "Execute Function" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="guest-log"]')?.textContent?.startsWith("rich: "));
    const printed = await page.getByTestId("guest-log").textContent();
    if (!/^rich: \d+ at 0\.\d\d\n/.test(printed ?? "")) throw new Error(`the log shows "${printed}"`);
    await page.screenshot({ path: join(shots, "printf.png"), fullPage: true });
    console.log(`printf: the page shows the function's output (${printed.split("\n")[0]} ...)`);

    // Work that lasts: a reload shows the same execution (its id is in the URL) with its code,
    // and the history lists it; opening an older one from the history reopens its code.
    const printfUrl = page.url();
    if (!/[?&]execution=/.test(printfUrl)) throw new Error(`the URL does not name the execution: ${printfUrl}`);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="guest-log"]')?.textContent?.startsWith("rich: "));
    const reloadedCode = await page.locator(".editor-c .cm-content").textContent();
    if (!reloadedCode?.includes("printf")) throw new Error("the reload lost the code");
    const history = page.getByRole("region", { name: "History" }).locator("[data-execution]");
    // Newest first: printf, the trap, the compile error, the paper's run.
    if ((await history.count()) < 4) throw new Error(`the history lists ${await history.count()} executions`);
    await history.nth(3).click();
    await page.waitForFunction(
      () => document.querySelector('.grid-row[aria-rowindex="1"] .cell.highlight')?.textContent === "5765.22",
    );
    const reopenedCode = await page.locator(".editor-c .cm-content").textContent();
    if (reopenedCode?.includes("printf")) throw new Error("the history reopened the wrong execution's code");
    await page.screenshot({ path: join(shots, "history.png"), fullPage: true });
    console.log("durable work: a reload keeps the execution and its code; the history reopens an older one");

    // C completion: wasmudf's helpers and the dataset's columns with their C types.
    await setSource(page, PAPER_SOURCE + "\n// wasmudf_str_f");
    await page.locator(".editor-c .cm-content").press("End");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Control+Space");
    await page.locator(".cm-tooltip-autocomplete", { hasText: "wasmudf_str_from" }).waitFor();
    await page.keyboard.press("Escape");
    console.log("completion: the C editor offers wasmudf_str_from");

    // Save the function twice; its versions are listed and an older one reopens with its columns.
    await setSource(page, PAPER_SOURCE);
    await page.getByRole("button", { name: "Save function" }).click();
    await page.getByText(/Saved calculate_adj_bal v1/).waitFor();
    await setSource(page, PAPER_SOURCE.replace("balance/1000", "balance/1000 + 0"));
    await page.getByRole("button", { name: "Save function" }).click();
    await page.getByText(/Saved calculate_adj_bal v2/).waitFor();
    await page.locator('[data-column="balance"]').click();
    await page.locator('[data-column="rate"]').click();
    await page.getByRole("button", { name: "Versions of calculate_adj_bal" }).click();
    const versionList = page.getByRole("list", { name: "Versions of calculate_adj_bal" });
    await versionList.getByRole("button", { name: "v1" }).click();
    await page.getByText("Opened calculate_adj_bal v1 with columns balance, rate.").waitFor();
    const reopenedV1 = await page.locator(".editor-c .cm-content").textContent();
    if (reopenedV1?.includes("+ 0")) throw new Error("v1 reopened with v2's code");
    await page.screenshot({ path: join(shots, "versions.png"), fullPage: true });
    console.log("saved functions: v1 and v2 listed; v1 reopens with its code and its columns");
    await setSource(page, PAPER_SOURCE);
    await page.getByRole("button", { name: "SQL", exact: true }).click();
    const sqlEditor = page.locator(".editor-sql .cm-content");
    await sqlEditor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("SELECT id, calculate_adj_bal(balance, rate) AS adj FROM accounts ORDER BY id LIMIT 5");
    await page.getByRole("button", { name: "Run SQL" }).click();
    await page.waitForFunction(() => {
      const row = [...document.querySelectorAll('.grid-row[aria-rowindex="1"]')].find((r) => r.offsetParent !== null);
      return row?.querySelectorAll(".cell")[1]?.textContent === "5765.22";
    });
    await page.screenshot({ path: join(shots, "sql-tab.png"), fullPage: true });
    console.log("SQL tab: the saved function returns 5765.22 for the first account");

    // SQL completion: saved functions and a table's columns, mixed case quoted.
    await sqlEditor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("SELECT calc");
    await page.keyboard.press("Control+Space");
    await page.locator(".cm-tooltip-autocomplete", { hasText: "calculate_adj_bal" }).waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.insertText(", accounts.fir");
    await page.keyboard.press("Control+Space");
    await page.locator(".cm-tooltip-autocomplete", { hasText: '"firstName"' }).waitFor();
    await page.keyboard.press("Escape");
    console.log('completion: the SQL editor offers calculate_adj_bal and accounts."firstName"');

    // A result of 1,200,000 rows: the grid reaches its last row, drawn inside its view.
    await sqlEditor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("SELECT a.id * 100 + b.id AS n FROM accounts_large a CROSS JOIN accounts b WHERE b.id <= 60");
    await page.getByRole("button", { name: "Run SQL" }).click();
    await page.getByText("of 1,200,000", { exact: false }).waitFor({ timeout: 120_000 });
    const body = page.locator(".grid-body").filter({ visible: true }).first();
    await body.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
      element.dispatchEvent(new Event("scroll"));
    });
    await page.waitForFunction(() => {
      const body = [...document.querySelectorAll(".grid-body")].find((b) => b.offsetParent !== null);
      const row = body?.querySelector('.grid-row[aria-rowindex="1200000"]');
      if (!row || row.querySelector(".cell.loading")) return false;
      const inView = row.getBoundingClientRect();
      const view = body.getBoundingClientRect();
      return inView.bottom <= view.bottom + 1 && inView.top >= view.top && body.scrollHeight < 7_000_000;
    });
    await page.screenshot({ path: join(shots, "million-rows.png"), fullPage: false });
    console.log("results: 1,200,000 rows scroll to the last one, drawn in view");

    // A SQL syntax error is marked at its place in the SQL editor.
    await sqlEditor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("SELECT id,\n  balance +* 2 FROM accounts");
    await page.getByRole("button", { name: "Run SQL" }).click();
    await page.locator('.error-panel[data-kind="sql_syntax_error"]').waitFor();
    await page.locator(".editor-sql .cm-lintRange-error").first().waitFor();
    console.log("SQL tab: a syntax error is marked in the editor at its line");

    // An aggregate, grouped: one row per first name, sorted; the weighted average per group.
    await page.locator(".tabs button", { hasText: "Function" }).first().click();
    await page.locator('input[name="function_name"]').fill("wavg");
    await page.getByText("AGGREGATE", { exact: true }).click();
    await page.locator('select[name="output_column_type"]').selectOption("DOUBLE");
    await page.getByRole("group", { name: "Group by columns" }).locator('[data-column="firstName"]').click();
    await setSource(page, WAVG_SOURCE);
    await page.getByRole("button", { name: "Execute Function" }).click();
    await page.waitForFunction(() => {
      const row = [...document.querySelectorAll('.grid-row[aria-rowindex="1"]')].find((r) => r.offsetParent !== null);
      const cells = row?.querySelectorAll(".cell");
      // The result column is pinned first, beside the row number.
      return cells?.[1]?.textContent === "Ada" && /^46547\.50/.test(cells?.[0]?.textContent ?? "");
    });
    const groupHeader = await page.locator(".grid-header .highlight .column-name").textContent();
    if (groupHeader !== "wavg_RESULT") throw new Error(`the aggregate's column is "${groupHeader}"`);
    await page.screenshot({ path: join(shots, "aggregate.png"), fullPage: true });
    console.log("aggregate: wavg grouped by firstName, first group Ada = 46547.50...");

    // Sorting by a header sorts the whole result on the server: the largest group first.
    await page.locator(".grid-header button.sort", { hasText: "wavg_RESULT" }).click();
    await page.locator(".grid-header button.sort", { hasText: "wavg_RESULT" }).click();
    await page.waitForFunction(() => {
      const row = [...document.querySelectorAll('.grid-row[aria-rowindex="1"]')].find((r) => r.offsetParent !== null);
      return row?.querySelector(".cell.highlight")?.textContent === "94945";
    });
    console.log("results: sorted by the result column, largest first (94945)");

    // An upload says what it became and selects the new dataset.
    await page.locator('.datasets input[type="file"]').setInputFiles({
      name: "regions.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("region,amount\nnorth,1\nsouth,2\neast,3\n"),
    });
    await page.getByText("Uploaded regions: 3 rows, 2 columns.").waitFor();
    await page.locator('[data-dataset="regions"].selected').waitFor();
    console.log("upload: confirmed with its rows and columns, and selected");

    // A malformed upload is refused in a sentence naming its line, and no server path.
    await page.locator('.datasets input[type="file"]').setInputFiles({
      name: "ragged.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("a,b\n1,2\n3,4,5\n"),
    });
    const refusal = page.locator(".datasets .error-text");
    await refusal.getByText("ragged.csv is not a CSV file wasmudf can read", { exact: false }).waitFor();
    const refusalText = (await refusal.textContent()) ?? "";
    if (refusalText.includes(dataDir) || /\/(tmp|root|home|usr)\//.test(refusalText)) {
      throw new Error(`the upload error names a server path: ${refusalText}`);
    }
    await page.screenshot({ path: join(shots, "upload-error.png"), fullPage: false });
    console.log(`upload: a malformed CSV is refused without a path: "${refusalText.slice(0, 90)}..."`);

    // Help: the type table beside the editor.
    await page.getByRole("button", { name: "Help" }).click();
    await page.getByRole("dialog", { name: "Help" }).getByText("wasmudf_decimal").waitFor();
    await page.getByRole("dialog", { name: "Help" }).getByRole("button", { name: "Close" }).click();

    // The API reference, rendered from the server's OpenAPI document.
    await page.getByRole("button", { name: "API reference" }).click();
    await page.locator('[data-endpoint="GET /executions"]').waitFor();
    await page.screenshot({ path: join(shots, "api-reference.png"), fullPage: true });
    console.log("API reference: every endpoint, from the OpenAPI document");

    // Phone width: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator(".tabs button", { hasText: "Function" }).first().click();
    await page.getByRole("button", { name: "Execute Function" }).waitFor();
    const overflow = await page.evaluate(() => {
      const wider = [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((element) => !element.closest(".grid-body, .cm-scroller, pre"))
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
      return { by: document.documentElement.scrollWidth - window.innerWidth, wider };
    });
    if (overflow.by > 0) {
      throw new Error(`at 390 px the page is ${overflow.by} px wider than the screen: ${overflow.wider.join(", ")}`);
    }
    await page.screenshot({ path: join(shots, "phone.png"), fullPage: true });
    console.log("phone width: the page fits 390 px");

    if (consoleErrors.length > 0) throw new Error(`the page threw: ${consoleErrors.join("\n")}`);
    console.log(`e2e: passed; screenshots in ${shots}`);
  } catch (error) {
    console.error(`e2e: FAILED: ${error?.stack ?? error}`);
    console.error(`--- server log ---\n${log.join("")}`);
    try {
      const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
      if (pages[0]) await pages[0].screenshot({ path: join(shots, "failure.png"), fullPage: true });
    } catch {
      // The browser may be gone.
    }
    process.exitCode = 1;
  } finally {
    await browser?.close();
    server.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

await main();
