/**
 * Agreement between the grader and human labels: percentage agreement, Cohen's kappa, the
 * confusion table, and per-criterion agreement (which rubric element disagrees most). Pure:
 * the CLI (`npm run grade -- --agreement`) and the studio's agreement console share it.
 */

/** Pass/fail confusion: "positive" is a pass. */
export type Confusion = { truePass: number; falsePass: number; falseFail: number; trueFail: number };

export const emptyConfusion = (): Confusion => ({ truePass: 0, falsePass: 0, falseFail: 0, trueFail: 0 });

export function addToConfusion(c: Confusion, expected: boolean, actual: boolean): void {
  if (expected && actual) c.truePass++;
  else if (!expected && actual) c.falsePass++;
  else if (expected && !actual) c.falseFail++;
  else c.trueFail++;
}

export const total = (c: Confusion) => c.truePass + c.falsePass + c.falseFail + c.trueFail;

/** Share of items both raters put in the same class (0–1); 1 for no items. */
export function percentAgreement(c: Confusion): number {
  const n = total(c);
  return n === 0 ? 1 : (c.truePass + c.trueFail) / n;
}

/**
 * Cohen's kappa for two raters and two classes: (po − pe) / (1 − pe). When both raters use one
 * class only (pe = 1), kappa is 1 if they agree everywhere and 0 otherwise.
 */
export function cohenKappa(c: Confusion): number {
  return kappaFromMatrix([
    [c.truePass, c.falseFail],
    [c.falsePass, c.trueFail],
  ]);
}

/** Cohen's kappa from a square matrix: rows = human label, columns = grader label. */
export function kappaFromMatrix(m: number[][]): number {
  const k = m.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = m[i]![j]!;
      n += v;
      rows[i]! += v;
      cols[j]! += v;
      if (i === j) agree += v;
    }
  }
  if (n === 0) return 1;
  const po = agree / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i]! / n) * (cols[i]! / n);
  if (pe >= 1) return po === 1 ? 1 : 0;
  return (po - pe) / (1 - pe);
}

/** One labelled reply as graded. `criteria`: element id → human says met (required) / present (violation). */
export type LabelledGrade = {
  exercise: string;
  turn: string;
  expectedPass: boolean;
  actualPass: boolean;
  /** Element statuses per id from the human (only labelled ids) and from the grader (every element of the turn). */
  expected: Record<string, boolean>;
  actual: Record<string, boolean>;
};

export type CriterionAgreement = { id: string; labelled: number; agreed: number; agreement: number; kappa: number; confusion: Confusion };

export type AgreementReport = {
  n: number;
  agreement: number;
  kappa: number;
  confusion: Confusion;
  perExercise: Array<{ exercise: string; n: number; agreement: number; kappa: number }>;
  perCriterion: CriterionAgreement[];
  /** The element with most disagreements (ties: lower agreement, then id); null when none disagree. */
  mostDisagreed: CriterionAgreement | null;
};

export function agreementReport(rows: readonly LabelledGrade[]): AgreementReport {
  const overall = emptyConfusion();
  const byExercise = new Map<string, Confusion>();
  const byCriterion = new Map<string, Confusion>();
  for (const r of rows) {
    addToConfusion(overall, r.expectedPass, r.actualPass);
    const ex = byExercise.get(r.exercise) ?? emptyConfusion();
    addToConfusion(ex, r.expectedPass, r.actualPass);
    byExercise.set(r.exercise, ex);
    for (const id of Object.keys(r.expected).sort()) {
      if (!(id in r.actual)) continue;
      const key = `${r.exercise}/${id}`;
      const c = byCriterion.get(key) ?? emptyConfusion();
      addToConfusion(c, r.expected[id]!, r.actual[id]!);
      byCriterion.set(key, c);
    }
  }
  const perCriterion = [...byCriterion.entries()]
    .map(([id, c]) => ({ id, labelled: total(c), agreed: c.truePass + c.trueFail, agreement: percentAgreement(c), kappa: cohenKappa(c), confusion: c }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let most: CriterionAgreement | null = null;
  for (const c of perCriterion) {
    const dis = c.labelled - c.agreed;
    if (dis === 0) continue;
    const best = most ? most.labelled - most.agreed : -1;
    if (dis > best || (dis === best && most && c.agreement < most.agreement)) most = c;
  }
  return {
    n: rows.length,
    agreement: percentAgreement(overall),
    kappa: cohenKappa(overall),
    confusion: overall,
    perExercise: [...byExercise.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([exercise, c]) => ({ exercise, n: total(c), agreement: percentAgreement(c), kappa: cohenKappa(c) })),
    perCriterion,
    mostDisagreed: most,
  };
}

/**
 * Human element labels from a labelled line: an expected pass means every required element met
 * and no violation; `expected_missing` / `expected_violations` label the ids they list;
 * `criteria` ({id: true|false}) labels ids explicitly (met / present).
 */
export function expectedElements(
  row: { expected_pass: boolean; expected_missing?: string[]; expected_violations?: string[]; criteria?: Record<string, boolean> },
  required: readonly string[],
  violations: readonly string[],
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (row.expected_pass) {
    for (const id of required) out[id] = true;
    for (const id of violations) out[id] = false;
  }
  for (const id of row.expected_missing ?? []) out[id] = false;
  for (const id of row.expected_violations ?? []) out[id] = true;
  for (const [id, v] of Object.entries(row.criteria ?? {})) out[id] = v;
  return out;
}
