import { agreementReport, BUILTIN_TEXT, expectedElements, isBuiltinId, type LabelledGrade, type TurnGrade } from "~/grading";
import type { TextGrading } from "~/exercises/text-grading";
import { graderLabels, humanTurnPasses } from "~/learning/review";
import { reviewedAttemptsOf } from "~/models/exercise-attempt.server";
import { turnGradeOf } from "~/exercises/dm.server";
import { getDb } from "~/utils/db.server";
import type { Scope } from "~/utils/permissions.server";

export type LabelledReply = { source: "example" | "review"; turnId: string; reply: string; expectedPass: boolean; actualPass: boolean };

/** Element statuses of a fresh grade, with every id the human labelled (absent from the grade = not met / not present). */
function actualElements(grade: TurnGrade, labelled: Record<string, boolean>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const id of Object.keys(labelled)) out[id] = false;
  for (const e of grade.met) out[e.id] = true;
  for (const e of grade.missed) out[e.id] = false;
  for (const e of grade.violated) out[e.id] = true;
  return out;
}

/**
 * The agreement console for one exercise (issue 12, item 6; the bar is Moodle pmatch's "test
 * question"): every authored example and every reviewed attempt's reply (or post rewrite) inside
 * `scope` is a labelled reply, graded again by today's grader and rubric and compared with its label.
 */
export async function agreementFor(grading: TextGrading, scope: Scope) {
  const { exercise } = grading;
  const rows: LabelledGrade[] = [];
  const replies: LabelledReply[] = [];
  const add = (source: LabelledReply["source"], turnId: string, reply: string, expectedPass: boolean, expected: Record<string, boolean>) => {
    const grade = grading.grade(turnId, reply);
    rows.push({ exercise: grading.slug, turn: turnId, expectedPass, actualPass: grade.passed, expected, actual: actualElements(grade, expected) });
    replies.push({ source, turnId, reply, expectedPass, actualPass: grade.passed });
  };
  const turnIds = new Set(grading.turns.map((t) => t.id));
  const requiredOf = grading.required;
  const violationsOf = grading.violations;

  for (const ex of grading.examples) {
    if (!turnIds.has(ex.turn)) continue;
    const expected = expectedElements(
      { expected_pass: ex.pass, expected_missing: ex.missed, expected_violations: ex.violated, criteria: Object.fromEntries((ex.met ?? []).map((id) => [id, true])) },
      requiredOf(ex.turn),
      violationsOf(ex.turn),
    );
    add("example", ex.turn, ex.reply, ex.pass, expected);
  }

  const reviewed = await reviewedAttemptsOf(await getDb(), scope, grading.slug);
  for (const attempt of reviewed) {
    const turns = attempt.turns.filter((t) => turnIds.has(t.turnId));
    const labelled = turns.map((t) => ({ labels: attempt.criteria[t.turnId] ?? graderLabels(turnGradeOf(t)), required: requiredOf(t.turnId) }));
    const passes = humanTurnPasses(attempt.passed, labelled);
    turns.forEach((t, i) => add("review", t.turnId, t.reply, passes[i]!, labelled[i]!.labels));
  }

  const report = agreementReport(rows);
  // One id can name different elements in different turns ("info-salah"): show every wording.
  const labels = new Map<string, Set<string>>();
  for (const turn of exercise.turns) for (const el of [...turn.rubric.required, ...turn.rubric.violations]) labels.set(el.id, (labels.get(el.id) ?? new Set()).add(el.label));
  const labelOf = (id: string) =>
    labels.has(id) ? [...labels.get(id)!].join(" / ") : isBuiltinId(id) ? BUILTIN_TEXT[id].label : (grading.checkLabels[id] ?? id);
  const strip = (key: string) => key.slice(grading.slug.length + 1);
  return {
    counts: { total: rows.length, examples: replies.filter((r) => r.source === "example").length, reviews: replies.filter((r) => r.source === "review").length, attempts: reviewed.length },
    agreement: report.agreement,
    kappa: report.kappa,
    confusion: report.confusion,
    // Worst first: where the grader and the trainers part ways.
    criteria: report.perCriterion
      .map((c) => ({ id: strip(c.id), label: labelOf(strip(c.id)), labelled: c.labelled, agreed: c.agreed, agreement: c.agreement, kappa: c.kappa }))
      .sort((a, b) => a.agreement - b.agreement || b.labelled - a.labelled || (a.id < b.id ? -1 : 1)),
    mostDisagreed: report.mostDisagreed ? { id: strip(report.mostDisagreed.id), label: labelOf(strip(report.mostDisagreed.id)), disagreements: report.mostDisagreed.labelled - report.mostDisagreed.agreed } : null,
    disagreements: replies.filter((r) => r.expectedPass !== r.actualPass).slice(0, 50),
  };
}
