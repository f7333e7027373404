/**
 * Negation scope. "tidak perlu datang" must not count as "datang"; "tidak ada biaya yang
 * harus dibayar" must not count as "harus bayar". A negator marks the following tokens of
 * its clause as negated, up to a small window, stopping at conjunctions that open a new
 * proposition ("dan", "tetapi", "karena" …). A relative clause ("yang …") inherits the
 * negation to the end of the clause.
 *
 * Indonesian also denies a subject by negating what follows it: "uang pelicin tidak perlu",
 * "biaya tidak dipungut", "kabar itu tidak benar". Then the subject before the negator is
 * negated too (see markSubject).
 *
 * Patterns that spell out a negator themselves ("tidak benar", "tanpa biaya") match the
 * negated words literally; see match.ts.
 */
import type { Token } from "./normalise";
import { stem } from "./stem";

export const NEGATORS: ReadonlySet<string> = new Set(["tidak", "bukan", "belum", "jangan", "tanpa"]);

const SCOPE_WINDOW = 4;
const SCOPE_STOPS = new Set([
  "dan",
  "serta",
  "atau",
  "tetapi",
  "namun",
  "melainkan",
  "sedangkan",
  "padahal",
  "kecuali",
  "karena",
  "sebab",
  "sehingga",
  "jika",
  "kalau",
  "apabila",
  "bila",
  "ketika",
  "saat",
  "lalu",
  "kemudian",
  "maka",
]);
// "tidak hanya gratis" and "bukan cuma" are not negations of what follows.
const NOT_A_NEGATION_AFTER = new Set(["hanya", "sekadar", "saja"]);

// Post-posed negation. "bukan" and "tanpa" never deny what comes before them ("calo bukan petugas").
const SUBJECT_NEGATORS = new Set(["tidak", "belum", "jangan"]);
// Predicates that deny their subject: existence and truth ("biaya tidak ada", "kabar itu tidak benar")…
const DENYING_PREDICATES = new Set(["ada", "benar", "betul", "berlaku", "terbukti"]);
// …and passives of levying and requiring, by stem: "biaya tidak dipungut / dikenakan / diminta".
// Other passives keep their subject: "penunggak PBB tidak dilayani" still speaks of penunggak.
const DENYING_PASSIVES = new Set(["pungut", "kena", "beban", "tarik", "minta", "perlu", "butuh", "wajib", "harus", "laku", "syarat"]);
// Modals deny their subject only when nothing but a passive verb or a clause tail follows:
// "fotokopi tidak perlu (dibawa)", but not "bawa KK asli tidak perlu fotokopi".
const MODAL_PREDICATES = new Set(["perlu", "usah", "wajib", "harus"]);
const CLAUSE_TAIL = new Set([
  "ya",
  "kok",
  "kan",
  "lho",
  "dong",
  "sih",
  "deh",
  "lah",
  "pun",
  "lagi",
  "juga",
  "sama",
  "sekali",
  "apa",
  "kakak",
  "bapak",
  "ibu",
  "adik",
  "mbak",
  "mas",
  "saudara",
  "anda",
  "admin",
]);
// "X itu tidak …": a demonstrative before the negator closes the subject, whatever follows.
const DEMONSTRATIVES = new Set(["itu", "ini", "tersebut"]);
// Words between the subject and the negator that are not part of the subject.
const ADVERBS = new Set(["juga", "pun", "memang", "sudah", "sama", "sekali", "masih", "lagi", "sebenarnya"]);
// The subject starts after these: a relative or complement clause, "cukup KK saja".
const SUBJECT_STOPS = new Set(["yang", "bahwa", "agar", "supaya", "saja", "cukup", "hanya", "bila"]);
const SUBJECT_WINDOW = 3;

/** A passive verb: "dipungut", "diberikan" (not "dinas", whose stem is itself). */
function isPassive(t: Token | undefined): boolean {
  return t !== undefined && t.surface.startsWith("di") && t.surface.length > 4 && stem(t.surface) !== t.surface;
}

const isDenyingPassive = (t: Token) => isPassive(t) && DENYING_PASSIVES.has(stem(t.surface));

function deniesSubject(tokens: Token[], i: number): boolean {
  const neg = tokens[i];
  if (!SUBJECT_NEGATORS.has(neg.surface)) return false;
  let before = i - 1;
  while (before >= 0 && ADVERBS.has(tokens[before].surface)) before--;
  if (before < 0 || tokens[before].clause !== neg.clause) return false;
  if (DEMONSTRATIVES.has(tokens[before].surface)) return true;
  const predicate = tokens[i + 1];
  if (!predicate || predicate.clause !== neg.clause) return false;
  if (DENYING_PREDICATES.has(predicate.surface) || isDenyingPassive(predicate)) return true;
  if (!MODAL_PREDICATES.has(predicate.surface)) return false;
  let j = i + 2;
  if (isPassive(tokens[j]) && tokens[j].clause === neg.clause) j++;
  for (; j < tokens.length && tokens[j].clause === neg.clause; j++) if (!CLAUSE_TAIL.has(tokens[j].surface)) return false;
  return true;
}

/** Marks the subject before a post-posed negation: up to three words back in the clause. */
function markSubject(tokens: Token[], i: number): void {
  const clause = tokens[i].clause;
  let budget = SUBJECT_WINDOW;
  for (let j = i - 1; j >= 0 && budget > 0; j--) {
    const t = tokens[j];
    if (t.clause !== clause || SCOPE_STOPS.has(t.surface) || NEGATORS.has(t.surface) || SUBJECT_STOPS.has(t.surface)) break;
    t.negated = true;
    if (!ADVERBS.has(t.surface) && !DEMONSTRATIVES.has(t.surface)) budget--;
  }
}

export function markNegation(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const neg = tokens[i];
    if (!NEGATORS.has(neg.surface)) continue;
    if (i > 0 && deniesSubject(tokens, i)) markSubject(tokens, i);
    const first = tokens[i + 1];
    if (!first || first.clause !== neg.clause || NOT_A_NEGATION_AFTER.has(first.surface)) continue;
    let budget = SCOPE_WINDOW;
    let relative = false;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.clause !== neg.clause || NEGATORS.has(t.surface)) break;
      // "tidak ada jalur damai atau jalur cepat": the negation covers every alternative.
      if (t.surface === "atau") {
        budget = SCOPE_WINDOW;
        continue;
      }
      if (SCOPE_STOPS.has(t.surface)) break;
      if (t.surface === "yang") relative = true;
      t.negated = true;
      // "jangan lupa bawa KK" asks to bring it: not forgetting affirms what follows.
      if (t.surface === "lupa") break;
      if (!relative && --budget === 0) break;
    }
  }
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}
