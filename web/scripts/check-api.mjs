// Fails when src/api.gen.ts is not what `npm run gen:api` makes of openapi.json: regenerates it
// into a temporary directory with the same openapi-typescript CLI and compares the bytes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const checkedIn = join(web, "src", "api.gen.ts");
const cli = createRequire(import.meta.url).resolve("openapi-typescript/bin/cli.js");
const scratch = mkdtempSync(join(tmpdir(), "wasmudf-api-"));

try {
  const fresh = join(scratch, "api.gen.ts");
  const run = spawnSync(process.execPath, [cli, "openapi.json", "--output", fresh], {
    cwd: web,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (run.status !== 0) {
    console.error(`check:api: openapi-typescript failed on web/openapi.json (exit ${run.status ?? run.signal})`);
    process.exitCode = 1;
  } else if (!sameBytes(checkedIn, fresh)) {
    console.error(
      "check:api: web/src/api.gen.ts is stale: it does not match web/openapi.json.\n" +
        "Run `npm run gen:api` in web/ and commit web/src/api.gen.ts.",
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Whether both files exist and hold the same bytes. */
function sameBytes(a, b) {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}
