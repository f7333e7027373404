/**
 * Turns a grade's evidence into contiguous segments of the reply, ready to render with
 * <mark>: every character belongs to exactly one segment, and a segment lists the
 * elements whose evidence covers it.
 */
import type { ElementStatus, TurnGrade } from "./grade";

export type HighlightMark = { id: string; label: string; status: Exclude<ElementStatus, "missed"> };
export type HighlightSegment = { start: number; end: number; text: string; marks: HighlightMark[] };

export function highlightSegments(reply: string, grade: Pick<TurnGrade, "met" | "violated">): HighlightSegment[] {
  const spans: Array<{ start: number; end: number; mark: HighlightMark }> = [];
  for (const el of [...grade.met, ...grade.violated]) {
    const mark: HighlightMark = { id: el.id, label: el.label, status: el.status === "met" ? "met" : "violated" };
    for (const e of el.evidence) if (e.end > e.start && e.end <= reply.length) spans.push({ start: e.start, end: e.end, mark });
  }
  const cuts = new Set<number>([0, reply.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: HighlightSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const marks = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.mark);
    const unique = marks.filter((m, k) => marks.findIndex((x) => x.id === m.id) === k);
    const last = out[out.length - 1];
    // Merge neighbours with identical marks so plain text stays in one piece.
    if (last && sameMarks(last.marks, unique)) {
      last.end = end;
      last.text = reply.slice(last.start, end);
    } else out.push({ start, end, text: reply.slice(start, end), marks: unique });
  }
  return out;
}

function sameMarks(a: HighlightMark[], b: HighlightMark[]): boolean {
  return a.length === b.length && a.every((m) => b.some((x) => x.id === m.id));
}

export type HighlightSpan = { start: number; end: number; text: string } & HighlightMark;

/** Every evidence span of a grade as one flat list in reading order (met and violated). */
export function highlightSpans(grade: Pick<TurnGrade, "met" | "violated">): HighlightSpan[] {
  const out: HighlightSpan[] = [];
  for (const el of [...grade.met, ...grade.violated]) {
    const status = el.status === "met" ? "met" : "violated";
    for (const e of el.evidence) out.push({ start: e.start, end: e.end, text: e.text, id: el.id, label: el.label, status });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
