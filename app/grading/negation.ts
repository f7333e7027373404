/**
 * Negation scope. "tidak perlu datang" must not count as "datang"; "tidak ada biaya yang
 * harus dibayar" must not count as "harus bayar". A negator marks the following tokens of
 * its clause as negated, up to a small window, stopping at conjunctions that open a new
 * proposition ("dan", "tetapi", "karena" …). A relative clause ("yang …") inherits the
 * negation to the end of the clause.
 *
 * Patterns that spell out a negator themselves ("tidak benar", "tanpa biaya") match the
 * negated words literally; see match.ts.
 */
import type { Token } from "./normalise";

export const NEGATORS: ReadonlySet<string> = new Set(["tidak", "bukan", "belum", "jangan", "tanpa"]);

const SCOPE_WINDOW = 4;
const SCOPE_STOPS = new Set([
  "dan", "serta", "atau", "tetapi", "namun", "melainkan", "sedangkan", "padahal", "kecuali", "karena", "sebab",
  "sehingga", "jika", "kalau", "apabila", "bila", "ketika", "saat", "lalu", "kemudian", "maka",
]);
// "tidak hanya gratis" and "bukan cuma" are not negations of what follows.
const NOT_A_NEGATION_AFTER = new Set(["hanya", "sekadar", "saja"]);

export function markNegation(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const neg = tokens[i];
    if (!NEGATORS.has(neg.surface)) continue;
    const first = tokens[i + 1];
    if (!first || first.clause !== neg.clause || NOT_A_NEGATION_AFTER.has(first.surface)) continue;
    let budget = SCOPE_WINDOW;
    let relative = false;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.clause !== neg.clause || SCOPE_STOPS.has(t.surface) || NEGATORS.has(t.surface)) break;
      if (t.surface === "yang") relative = true;
      t.negated = true;
      if (!relative && --budget === 0) break;
    }
  }
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}
