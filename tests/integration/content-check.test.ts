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
    expectLine(/kursus-rusak\/course\.mdx:5:1 version: version harus berbentuk semver/);
    expectLine(/10-latihan-contoh-salah\.mdx:9:1 context menyebut biaya, tetapi latihan ini tidak punya blok facts/);
    expectLine(/01-menit-salah\.mdx:4:1 minutes: /);
    expectLine(/02-mdx-rusak\.mdx:10:1 sintaks MDX salah: Expected a closing tag for `<Callout>`/);
    expectLine(/03-komponen-asing\.mdx:10:1 komponen <Video> tidak dikenal/);
    expectLine(/04-tautan-patah\.mdx:8:\d+ tautan patah \.\.\/tidak-ada/);
    expectLine(/05-gambar-tanpa-alt\.mdx:8:1 gambar \.\/media\/foto\.png memerlukan teks alternatif/);
    expectLine(/15-gambar-hilang\.mdx:8:1 gambar tidak ditemukan: media\/tidak-ada\.png/);
    expectLine(/15-gambar-hilang\.mdx:10:1 gambar https:\/\/contoh\.id\/logo\.png harus berasal dari folder media\/ kursus ini/);
    expectLine(/15-gambar-hilang\.mdx:12:11 gambar gambar\/bagan\.svg harus berupa berkas langsung di folder media\//);
    expectLine(/07-kuis-ganda-lagi\.mdx:\d+:\d+ id kuis "kuis-sama" dipakai dua kali/);
    expectLine(/08-impor\.mdx:8:1 import\/export tidak boleh dipakai/);
    expectLine(/09-kuis-salah-kunci\.mdx:12:1 quizzes\.0\.questions\.0\.options: soal bertipe single harus punya tepat satu jawaban benar/);
    expectLine(/10-latihan-contoh-salah\.mdx:22:1 examples\[0\] \(t1\): diharapkan lulus, hasil tidak lulus/);
    expectLine(/10-latihan-contoh-salah\.mdx:27:\d+ tautan patah \/latihan\/tidak-ada-latihan: tidak ada latihan/);
    expectLine(/11-latihan-rubrik-salah\.mdx:20:1 turns\.0\.next\.0\.goto: giliran "t9" tidak ada/);
    expectLine(
      /12-latihan-pola-ambigu\.mdx:19:1 peringatan: turns\.0\.rubric\.required\.0\.patterns\.1: pola "keliru\/salah\/kurang tepat": .*"kurang tepat" terbaca sebagai keliru\/salah\/kurang lalu tepat.*tulis \(kurang tepat\)/,
    );
    expectLine(/13-angka-asli\.mdx:4:1 minutes: 20, padahal isi halaman sekitar 1 /);
    expectLine(/13-angka-asli\.mdx:8:19 "1601234567890001" tampak seperti NIK/);
    expectLine(/13-angka-asli\.mdx:8:46 "0813-9090-1122" tampak seperti nomor HP sungguhan/);
    expectLine(/13-angka-asli\.mdx:10:17 "0123-01-998877-50-1" tampak seperti nomor rekening sungguhan/);
    expect(lines.filter((l) => l.includes("13-angka-asli.mdx:10:"))).toHaveLength(1);
    expectLine(/14-kuis-akhir\.mdx:8:1 kuis akhir kedua-akhir: bank 3 soal lebih kecil dari 2 × draw \(4\)/);
    expectLine(/14-kuis-akhir\.mdx:\d+:1 soal q1: topic "tidak-ada" bukan slug pelajaran/);
    expectLine(/14-kuis-akhir\.mdx:\d+:1 peringatan: soal q2: semua opsi kecuali satu benar/);
    expectLine(/14-kuis-akhir\.mdx:\d+:1 peringatan: kuis kedua-akhir: jawaban benar selalu opsi terpanjang pada 2 dari 2/);
    expectLine(/kursus-kedua\/course\.mdx:6:1 minutes: 10, padahal jumlah pelajaran yang terbit/);
    expectLine(/15-evaluasi\.mdx:1:1 slug pelajaran "evaluasi" sudah dipakai halaman kursus/);
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
    has(lines, /content-quiz\/courses\/kursus-bank\/90-kuis-akhir\.mdx:\d+:\d+ kuis akhir bank-akhir: bank 24 soal lebih kecil dari 2 × draw \(60\)/);
    has(lines, /90-kuis-akhir\.mdx:\d+:\d+ soal b01: topic "tidak-ada" bukan slug pelajaran di kursus ini/);
    quiz.draw = 13;
    has((await checkContent(tree)).map(formatProblem), /kuis akhir bank-akhir: bank 24 soal lebih kecil dari 2 × draw \(26\)/);
  });
});
