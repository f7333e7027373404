// Sums vitest and Playwright JSON reports into one closing line: "N passed, N failed".
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`${file}: missing (suite did not finish) — counted as 1 failure`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    // vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.success === false && report.numFailedTests === 0 ? 1 : 0);
    skipped += report.numPendingTests + report.numTodoTests;
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else if (report.stats) {
    // Playwright: "expected" passed, "unexpected" failed, "flaky" passed on retry
    const s = report.stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected + (report.errors?.length ? 1 : 0);
    skipped += s.skipped;
    console.log(`${file}: ${s.expected + s.flaky} passed (${s.flaky} flaky), ${s.unexpected} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
