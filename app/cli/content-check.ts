/** `npm run content:check`: validate every course file; prints path:line:col message, exit 1 on errors. */
import { checkContent, formatProblem } from "../content/check.server";

const problems = await checkContent();
for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter((p) => p.severity === "error").length;
console.log(errors ? `content:check: ${errors} kesalahan` : `content:check: lolos (${problems.length} peringatan)`);
process.exit(errors ? 1 : 0);
