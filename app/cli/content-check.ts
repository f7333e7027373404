/**
 * `npm run content:check`: validate every course file; prints path:line:col message, exit 1 on errors.
 * `npm run content:check -- --facts` also prints the fact-slot reading of every model answer and example.
 */
import { checkContent, formatProblem } from "../content/check.server";
import { printFactReadout } from "./fact-readout";

const problems = await checkContent();
for (const p of problems) console.log(formatProblem(p));
if (process.argv.includes("--facts")) await printFactReadout();
const errors = problems.filter((p) => p.severity === "error").length;
console.log(errors ? `content:check: ${errors} kesalahan` : `content:check: lolos (${problems.length} peringatan)`);
process.exit(errors ? 1 : 0);
