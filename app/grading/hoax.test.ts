import { describe, expect, it } from "vitest";
import { gradeHoax, hoaxAnswersFromForm, parseHoaxCase, scorePlan, scoreRedFlags, type HoaxAnswers } from "./hoax";

const data = {
  title: "Kasus uji blanko",
  summary: "Pesan berantai blanko habis.",
  minutes: 5,
  kind: "hoax",
  objectives: ["Menguji"],
  passPercent: 70,
  claim: { text: "Blanko KTP habis sampai tahun depan, bayar calo 100rb! Sebarkan!!", sender: "Grup WA RT 05", forwarded: true, seen: "2026-03-14" },
  facts: { verdict: "hoaks", type: "fabricated", summary: "Blanko tersedia dan gratis.", source: "Siaran pers Disdukcapil" },
  classify: { explanation: "Dibuat-buat sepenuhnya." },
  redFlags: { present: ["urgency", "share-request", "money-or-data"], notes: { urgency: "Mendesak." } },
  verification: { steps: ["check-official", "ask-agency", "check-factcheck"], acceptable: ["check-date"], explanation: "Mulai dari sumber resmi." },
  clarification: {
    channel: "facebook-comment",
    rubric: {
      required: [
        { id: "label-hoaks", label: "Menyebut hoaks", tip: "Sebut hoaks.", patterns: ["hoaks/hoax", "tidak benar"] },
        { id: "gratis", label: "Menyebut gratis", tip: "Sebut gratis.", patterns: ["gratis", "tidak dipungut biaya"] },
      ],
      violations: [{ id: "ejek", label: "Mengejek", tip: "Jangan mengejek.", severity: "major", patterns: ["makanya baca"] }],
    },
    modelAnswer: "Informasi itu hoaks. Blanko tersedia dan layanan KTP-el gratis.",
  },
  examples: [{ reply: "Itu hoaks, layanan gratis.", pass: true }],
};
const c = parseHoaxCase(data, { slug: "hoaks-uji", course: "verifikasi-hoaks", briefing: "" });
const perfect: HoaxAnswers = {
  verdict: "hoaks",
  type: "fabricated",
  flags: ["urgency", "share-request", "money-or-data"],
  steps: ["check-official", "ask-agency", "check-factcheck"],
  clarification: "Informasi blanko habis itu hoaks. Blanko tersedia dan semua layanan KTP-el gratis.",
};

describe("hoax lab scoring", () => {
  it("passes a perfect answer on every part", () => {
    const g = gradeHoax(c, perfect);
    expect([g.classify.score, g.flags.score, g.plan.score]).toEqual([100, 100, 100]);
    expect(g.clarification.passed).toBe(true);
    expect(g.passed).toBe(true);
  });

  it("gives half the classification for the right label with the wrong type", () => {
    const g = gradeHoax(c, { ...perfect, type: "satire" });
    expect(g.classify).toMatchObject({ score: 50, verdictCorrect: true, typeCorrect: false, expectedType: "fabricated" });
  });

  it("fails when the verdict is wrong even if other parts are strong", () => {
    expect(gradeHoax(c, { ...perfect, verdict: "benar" }).passed).toBe(false);
  });

  it("scores red flags for hits and false alarms", () => {
    expect(scoreRedFlags(c, ["urgency", "share-request"]).score).toBe(67);
    const withAlarm = scoreRedFlags(c, ["urgency", "share-request", "money-or-data", "old-media"]);
    expect(withAlarm).toMatchObject({ score: 67, hits: 3, falseAlarms: 1, misses: 0 });
    expect(scoreRedFlags(c, ["old-media", "odd-url", "attachment", "no-date"]).score).toBe(0);
    expect(withAlarm.items.find((i) => i.id === "urgency")).toMatchObject({ selected: true, present: true, note: "Mendesak." });
  });

  it("penalises false alarms on a true claim", () => {
    const trueCase = parseHoaxCase(
      { ...data, facts: { ...data.facts, verdict: "benar", type: "true" }, redFlags: { present: [] } },
      { slug: "benar-uji", course: "verifikasi-hoaks", briefing: "" },
    );
    expect(scoreRedFlags(trueCase, []).score).toBe(100);
    expect(scoreRedFlags(trueCase, ["urgency", "emotional"]).score).toBe(50);
  });

  it("scores the plan for coverage, order and irrelevant steps", () => {
    expect(scorePlan(c, ["check-official", "ask-agency", "check-factcheck"]).score).toBe(100);
    const reversed = scorePlan(c, ["check-factcheck", "ask-agency", "check-official"]);
    expect(reversed).toMatchObject({ score: 70, orderCorrect: 0, orderPairs: 3 });
    expect(scorePlan(c, ["check-official", "ask-agency", "check-factcheck", "check-date"]).score).toBe(100);
    const extra = scorePlan(c, ["check-official", "ask-agency", "check-factcheck", "reverse-image"]);
    expect(extra).toMatchObject({ score: 90, extra: ["reverse-image"] });
    expect(scorePlan(c, ["check-official"])).toMatchObject({ score: 53, missing: ["ask-agency", "check-factcheck"] });
    expect(scorePlan(c, []).score).toBe(0);
  });

  it("reads the form, ordering steps by their number and ignoring junk", () => {
    const form = new URLSearchParams([
      ["verdict", "hoaks"],
      ["type", "fabricated"],
      ["flag", "urgency"],
      ["flag", "urgency"],
      ["flag", "bukan-tanda"],
      ["step:ask-agency", "2"],
      ["step:check-official", "1"],
      ["step:check-date", ""],
      ["step:check-motive", "99"],
      ["clarification", "Hoaks."],
    ]);
    expect(hoaxAnswersFromForm(form)).toEqual({
      verdict: "hoaks",
      type: "fabricated",
      flags: ["urgency"],
      steps: ["check-official", "ask-agency"],
      clarification: "Hoaks.",
    });
  });

  it("checks the clarification against the case's facts, declared in its facts block", () => {
    const withFacts = parseHoaxCase(
      { ...data, facts: { ...data.facts, fees: { free: true }, places: ["disdukcapil"] } },
      { slug: "x", course: "y", briefing: "" },
    );
    expect(withFacts.exercise.facts?.fees?.free).toBe(true);
    const wrong = gradeHoax(withFacts, { ...perfect, clarification: "Itu hoaks, blanko tersedia. Biaya cetak KTP-el cuma 20 ribu di loket." }).clarification;
    expect(wrong.violations).toContain("fact-wrong");
    const right = gradeHoax(withFacts, { ...perfect, clarification: "Informasi itu hoaks. Blanko tersedia dan layanan KTP-el gratis." }).clarification;
    expect(right.violations).toEqual([]);
  });

  it("rejects an inconsistent verdict and type", () => {
    expect(() => parseHoaxCase({ ...data, facts: { ...data.facts, verdict: "benar" } }, { slug: "x", course: "y", briefing: "" })).toThrow(/verdict benar/);
  });
});
