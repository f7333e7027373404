import { describe, expect, it } from "vitest";
import { findRealLookingNumbers, lineColumn, lintQuiz } from "./lint";
import type { Quiz } from "./schema";

const opt = (text: string, correct = false) => ({ text, correct, explanation: "Karena." });
const single = (id: string, key: string, others: string[], topic?: string) => ({ id, type: "single" as const, prompt: "Apa?", topic, options: [opt(key, true), ...others.map((o) => opt(o))] });
const slugs = new Set(["peran-dan-sop", "keamanan-akun"]);

describe("lintQuiz", () => {
  it("warns when the key is the longest option in most single-choice items", () => {
    const quiz: Quiz = { id: "k", questions: [single("q1", "jawaban yang panjang sekali", ["a", "b"]), single("q2", "juga panjang sekali ya", ["c", "d"]), single("q3", "x", ["lebih panjang", "panjang juga"])] };
    const w = lintQuiz(quiz, 0, { final: false, lessonSlugs: slugs });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", path: ["quizzes", 0, "questions"] });
    expect(w[0]!.message).toContain("2 dari 3");
  });
  it("does not warn when lengths vary", () => {
    const quiz: Quiz = { id: "k", questions: [single("q1", "pendek", ["yang ini lebih panjang", "b"]), single("q2", "jawaban agak panjang", ["c", "d"])] };
    expect(lintQuiz(quiz, 0, { final: false, lessonSlugs: slugs })).toEqual([]);
  });
  it("warns on multiple choice where every option but one is correct", () => {
    const quiz: Quiz = { id: "k", questions: [{ id: "m", type: "multiple", prompt: "Pilih", options: [opt("a", true), opt("b", true), opt("c", true), opt("d")] }] };
    expect(lintQuiz(quiz, 2, { final: false, lessonSlugs: slugs })).toEqual([
      expect.objectContaining({ severity: "warning", path: ["quizzes", 2, "questions", 0] }),
    ]);
    const ok: Quiz = { id: "k", questions: [{ id: "m", type: "multiple", prompt: "Pilih", options: [opt("a", true), opt("b", true), opt("c"), opt("d")] }] };
    expect(lintQuiz(ok, 0, { final: false, lessonSlugs: slugs })).toEqual([]);
  });
  it("refuses a topic that is not a lesson of the course", () => {
    const quiz: Quiz = { id: "k", questions: [single("q1", "a", ["b", "c"], "tidak-ada")] };
    expect(lintQuiz(quiz, 0, { final: false, lessonSlugs: slugs })).toEqual([
      expect.objectContaining({ severity: "error", path: ["quizzes", 0, "questions", 0, "topic"] }),
    ]);
  });
  it("requires a final bank of at least twice the draw, with a topic on every item", () => {
    const items = Array.from({ length: 5 }, (_, i) => single(`q${i}`, "a", ["ccc", "dddd"], "peran-dan-sop"));
    const small = lintQuiz({ id: "akhir", draw: 3, questions: items }, 0, { final: true, lessonSlugs: slugs });
    expect(small).toEqual([expect.objectContaining({ severity: "error", path: ["quizzes", 0, "draw"] })]);
    expect(lintQuiz({ id: "akhir", draw: 2, questions: items }, 0, { final: true, lessonSlugs: slugs })).toEqual([]);
    const noDraw = lintQuiz({ id: "akhir", questions: [single("q1", "a", ["bb", "cc"])] }, 0, { final: true, lessonSlugs: slugs });
    expect(noDraw.map((f) => f.severity)).toEqual(["warning", "warning"]);
  });
});

describe("findRealLookingNumbers", () => {
  const found = (t: string) => findRealLookingNumbers(t).map((f) => t.slice(f.index, f.index + f.length));
  it("refuses NIK-like numbers unless they start with 99 or 1234", () => {
    expect(found("NIK saya 1601234567890001, tolong")).toEqual(["1601234567890001"]);
    expect(found("NIK 160123******0001")).toEqual(["160123******0001"]);
    expect(found("NIK 9901234567890001 dan 1234567890123456 dan 990123******0001")).toEqual([]);
  });
  it("refuses mobile numbers that are not 0812-0000-xxxx", () => {
    expect(found("hubungi 0812-3300-7781 atau +62 821-4455-0913")).toEqual(["0812-3300-7781", "+62 821-4455-0913"]);
    expect(found("pengaduan 0811-0000-1234")).toEqual(["0811-0000-1234"]);
    expect(found("+62 812-xxxx-7731")).toEqual(["+62 812-xxxx-7731"]);
    expect(found("WhatsApp 0812-0000-1010 atau +62 812-0000-7731, darurat 112")).toEqual([]);
  });
  it("refuses unmasked bank accounts but not amounts or masked ones", () => {
    expect(found("ke rekening BRI 0123-01-998877-50-1 a.n. Siti")).toEqual(["0123-01-998877-50-1"]);
    expect(found("BRI 0123-xx-xxxxxx-50-1 dan BCA 7730xxxxxx")).toEqual([]);
    expect(found("transfer ke rekening Rp 2.750.000.000")).toEqual([]);
    expect(found("rekening penipu 0812-0000-1122")).toEqual([]);
  });
  it("gives line and column", () => {
    const text = "baris satu\nNIK 1601234567890001";
    const [f] = findRealLookingNumbers(text);
    expect(lineColumn(text, f!.index)).toEqual({ line: 2, column: 5 });
  });
});
