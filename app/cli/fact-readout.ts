/**
 * `npm run content:check -- --facts`: the fact-slot reading of every model answer and labelled
 * example (DM exercises and hoax clarifications), so authors see what the grader thinks a reply
 * claims (documents, amounts, durations, days and times, places, certainty) and why a claim is
 * wrong or cannot be settled. Strings come from the staff dictionary (Indonesian).
 */
import { loadContentTree } from "../content/repository.server";
import { graderExerciseOf } from "../exercises/registry";
import { isExerciseKind } from "../exercises/kinds";
import { readFacts, type Exercise } from "../grading";
import { translator, type MessageKey } from "../i18n";
import { idStaff } from "../i18n/id.staff";

const t = translator("id", null, idStaff);

/** The exercise a lesson grades replies with (a DM exercise, or a hoax case's clarification), or null. */
function exerciseOf(course: string, lesson: { slug: string; file: string; body: string; data: Record<string, unknown> }): Exercise | null {
  try {
    const kind = String(lesson.data.kind);
    if (!isExerciseKind(kind)) return null;
    return graderExerciseOf(kind, lesson.data, { slug: lesson.slug, course, briefing: lesson.body, source: lesson.file });
  } catch {
    // Invalid frontmatter is content:check's own problem; nothing to read here.
  }
  return null;
}

/** One reply's reading, one line per claim. */
export function factReadoutLines(exercise: Exercise, reply: string, turnId?: string): string[] {
  if (!exercise.facts) return [`    ${t("facts.noFacts")}`];
  const claims = readFacts(exercise, reply, turnId);
  if (claims.length === 0) return [`    ${t("facts.none")}`];
  return claims.map((c) => {
    const parts = [
      t(`facts.slot.${c.slot}` as MessageKey),
      c.value,
      t(`facts.stance.${c.stance}` as MessageKey) + (c.certain ? `, ${t("facts.certain")}` : ""),
      t(`facts.verdict.${c.verdict}` as MessageKey),
      `«${c.evidence.text}»`,
    ];
    return `    ${parts.join(" · ")}${c.message ? ` — ${c.message}` : ""}`;
  });
}

export async function printFactReadout(write: (line: string) => void = (line) => console.log(line)): Promise<void> {
  const tree = await loadContentTree();
  write(t("facts.readoutTitle"));
  for (const course of tree.courses) {
    for (const lesson of course.lessons) {
      const exercise = exerciseOf(course.slug, lesson);
      if (!exercise) continue;
      write(`${lesson.file}`);
      for (const turn of exercise.turns) {
        write(`  ${turn.id} · ${t("facts.source.model")}`);
        for (const line of factReadoutLines(exercise, turn.modelAnswer, turn.id)) write(line);
      }
      exercise.examples.forEach((example, i) => {
        write(`  ${example.turn} · ${t("facts.source.example", { n: i })}: ${example.reply.length > 90 ? `${example.reply.slice(0, 90)}…` : example.reply}`);
        for (const line of factReadoutLines(exercise, example.reply, example.turn)) write(line);
      });
    }
  }
}
