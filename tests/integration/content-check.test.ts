import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, formatProblem } from "~/content/check.server";
import { loadContentTree } from "~/content/repository.server";

const fixture = (name: string) => path.resolve("tests/fixtures", name);

describe("content:check", () => {
  it("passes a clean content tree", async () => {
    const problems = await checkContent(await loadContentTree(fixture("content-ok")));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("passes the shipped courses", async () => {
    const problems = await checkContent(await loadContentTree(path.resolve("content")));
    expect(problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
  });

  it("warns about a phrase inside a / list without failing", async () => {
    const problems = await checkContent(await loadContentTree(fixture("content-broken")));
    const ambiguous = problems.filter((p) => p.file.endsWith("12-latihan-pola-ambigu.mdx"));
    expect(ambiguous.map((p) => p.severity)).toEqual(["warning"]);
  });

  it("reports every class of error as path:line:col message", async () => {
    const lines = (await checkContent(await loadContentTree(fixture("content-broken")))).map(formatProblem);
    const expectLine = (pattern: RegExp) =>
      expect(
        lines.some((l) => pattern.test(l)),
        `${pattern} in\n${lines.join("\n")}`,
      ).toBe(true);
    expectLine(/kursus-rusak\/course\.mdx:5:1 version: version must be semver/);
    expectLine(/01-menit-salah\.mdx:4:1 minutes: /);
    expectLine(/02-mdx-rusak\.mdx:10:1 MDX: Expected a closing tag for `<Callout>`/);
    expectLine(/03-komponen-asing\.mdx:10:1 unknown component <Video>/);
    expectLine(/04-tautan-patah\.mdx:8:\d+ broken link \.\.\/tidak-ada/);
    expectLine(/05-gambar-tanpa-alt\.mdx:8:1 image \.\/media\/foto\.png needs alt text/);
    expectLine(/07-kuis-ganda-lagi\.mdx:\d+:\d+ duplicate quiz id "kuis-sama"/);
    expectLine(/08-impor\.mdx:8:1 import\/export is not allowed/);
    expectLine(/09-kuis-salah-kunci\.mdx:12:1 quizzes\.0\.questions\.0\.options: single question needs exactly one correct option/);
    expectLine(/10-latihan-contoh-salah\.mdx:22:1 examples\[0\] \(t1\): diharapkan lulus, hasil tidak lulus/);
    expectLine(/10-latihan-contoh-salah\.mdx:27:\d+ broken link \/latihan\/tidak-ada-latihan: no exercise/);
    expectLine(/11-latihan-rubrik-salah\.mdx:20:1 turns\.0\.next\.0\.goto: giliran "t9" tidak ada/);
    expectLine(
      /12-latihan-pola-ambigu\.mdx:19:1 warning: turns\.0\.rubric\.required\.0\.patterns\.1: pola "keliru\/salah\/kurang tepat": .*"kurang tepat" terbaca sebagai keliru\/salah\/kurang lalu tepat.*tulis \(kurang tepat\)/,
    );
    expectLine(/13-angka-asli\.mdx:4:1 minutes: 20, but the page holds about 1 /);
    expectLine(/15-evaluasi\.mdx:1:1 lesson slug "evaluasi" is taken by a page of the course/);
    expectLine(/13-angka-asli\.mdx:8:19 "1601234567890001" looks like a real NIK/);
    expectLine(/13-angka-asli\.mdx:8:46 "0813-9090-1122" looks like a real phone number/);
    expectLine(/13-angka-asli\.mdx:10:17 "0123-01-998877-50-1" looks like a real bank account/);
    expect(lines.filter((l) => l.includes("13-angka-asli.mdx:10:"))).toHaveLength(1);
    expectLine(/14-kuis-akhir\.mdx:8:1 final quiz kedua-akhir: bank of 3 items is smaller than 2 × draw \(4\)/);
    expectLine(/14-kuis-akhir\.mdx:\d+:1 question q1: topic "tidak-ada" is not a lesson slug/);
    expectLine(/14-kuis-akhir\.mdx:\d+:1 warning: question q2: every option but one is correct/);
    expectLine(/14-kuis-akhir\.mdx:\d+:1 warning: quiz kedua-akhir: the correct option is the longest in 2 of 2/);
    expectLine(/kursus-kedua\/course\.mdx:6:1 minutes: 10, but the published lessons add up to/);
    expectLine(/kursus-kedua\/course\.mdx:1:1 competency: missing/);
    expectLine(/15-kurikulum-kurang\.mdx:6:1 indicators: missing/);
    expectLine(/15-kurikulum-kurang\.mdx:6:1 objectives\[0\]: "memahami" cannot be observed/);
    expectLine(/15-kurikulum-kurang\.mdx:7:1 cites UU 14\/2008 but references does not list it/);
    expect(lines.filter((l) => l.includes("15-kurikulum-kurang.mdx") && l.includes("UU 25/2009"))).toEqual([]);
    for (const l of lines) expect(l).toMatch(/^tests\/fixtures\/content-broken\/\S+\.mdx:\d+:\d+ /);
  });

  it("checks final-quiz banks: at least twice the draw, topics that are lessons", async () => {
    const tree = await loadContentTree(fixture("content-quiz"));
    expect((await checkContent(tree)).map(formatProblem)).toEqual([]);
    const quiz = tree.courses[0]!.lessons.find((l) => l.meta.kind === "quiz")!.meta.quizzes[0]!;
    quiz.questions[0]!.topic = "tidak-ada";
    quiz.draw = 30;
    const lines = (await checkContent(tree)).map(formatProblem);
    const has = (list: string[], re: RegExp) =>
      expect(
        list.filter((l) => re.test(l)),
        String(re),
      ).not.toEqual([]);
    has(lines, /content-quiz\/courses\/kursus-bank\/90-kuis-akhir\.mdx:\d+:\d+ final quiz bank-akhir: bank of 24 items is smaller than 2 × draw \(60\)/);
    has(lines, /90-kuis-akhir\.mdx:\d+:\d+ question b01: topic "tidak-ada" is not a lesson slug of this course/);
    quiz.draw = 13;
    has((await checkContent(tree)).map(formatProblem), /final quiz bank-akhir: bank of 24 items is smaller than 2 × draw \(26\)/);
  });
});
