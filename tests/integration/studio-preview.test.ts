import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent, checkLessonFile, formatProblem } from "~/content/check.server";
import { loadContentTree } from "~/content/repository.server";
import { getSyncedContent } from "~/content/sync.server";
import { loader as previewLoader } from "~/routes/studio.$course.$lesson";
import { createAccount, createTwoAgencies, get, run, sessionCookieFor } from "../setup/factories";

const fixture = path.resolve("tests/fixtures/content-studio");
const original = process.env.CONTENT_DIR;
let instructor = "";
let learner = "";

beforeAll(async () => {
  process.env.CONTENT_DIR = fixture;
  await getSyncedContent();
  const tree = await createTwoAgencies();
  instructor = await sessionCookieFor((await createAccount(tree.agencyA.id, "instructor")).email);
  learner = await sessionCookieFor((await createAccount(tree.agencyA.id, "learner")).email);
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

const preview = (lesson: string, cookie = instructor) => run(previewLoader, get(`/studio/studio-uji/${lesson}`, cookie), { course: "studio-uji", lesson });
type Preview = {
  file: string;
  problems: { line: number; column: number; message: string; severity: string }[];
  page: { html: string; bodyFailed: boolean } | null;
};

describe("the studio preview's problems are content:check's problems (issue 15 item 12)", () => {
  it("lists for one file exactly what content:check prints for it, in Indonesian, with lines", async () => {
    const tree = await loadContentTree(fixture);
    const all = (await checkContent(tree)).map(formatProblem);
    for (const lesson of ["komponen-asing", "sintaks-rusak", "frontmatter-rusak"]) {
      const one = (await checkLessonFile(tree, "studio-uji", lesson))!;
      expect(one.problems.length, lesson).toBeGreaterThan(0);
      expect(one.problems.map(formatProblem)).toEqual(all.filter((l) => l.startsWith(`${one.file}:`)));
    }
    expect(await checkLessonFile(tree, "studio-uji", "tidak-ada")).toBeNull();
    expect(await checkLessonFile(tree, "..", "komponen-asing")).toBeNull();
  });

  it("shows an unknown component as an inline error where it stands, the rest of the lesson intact", async () => {
    const res = await preview("komponen-asing");
    expect(res.status).toBe(200);
    const data = (await res.json()) as Preview;
    expect(data.file).toMatch(/studio-uji\/01-komponen-asing\.mdx$/);
    expect(data.problems).toContainEqual(
      expect.objectContaining({ line: 12, column: 1, severity: "error", message: expect.stringMatching(/^komponen <Foo> tidak dikenal/) }),
    );
    expect(data.problems).toContainEqual(
      expect.objectContaining({ line: 16, message: expect.stringMatching(/^gambar media\/kotak\.svg memerlukan teks alternatif/) }),
    );
    expect(data.page!.bodyFailed).toBe(false);
    const html = data.page!.html;
    expect(html).toContain("Paragraf ini tampil seperti biasa");
    expect(html).toMatch(/<span class="inline-error" role="note">Komponen &lt;Foo&gt; tidak dikenal/);
    expect(html).toContain("Paragraf sesudah komponen asing juga tetap tampil.");
    expect(html).toContain(
      '<img class="lesson-image" src="/media/studio-uji/kotak.svg" alt="Kotak hijau sebagai contoh gambar" width="120" height="80" loading="lazy" decoding="async"/>',
    );
  });

  it("shows a syntax error as the file's problem and an inline notice instead of a 500", async () => {
    const data = (await (await preview("sintaks-rusak")).json()) as Preview;
    expect(data.problems).toEqual([
      expect.objectContaining({ line: 10, severity: "error", message: expect.stringMatching(/^sintaks MDX salah: .*<Callout>/) }),
    ]);
    expect(data.page).toMatchObject({ bodyFailed: true, html: "" });
  });

  it("shows a file whose frontmatter cannot be read with its problems, not a 404", async () => {
    const data = (await (await preview("frontmatter-rusak")).json()) as Preview;
    expect(data.page).toBeNull();
    expect(data.problems).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/^minutes: Input tidak valid: diharapkan number/) })]);
  });

  it("stays closed to learners", async () => {
    expect((await preview("komponen-asing", learner)).status).toBe(403);
  });
});
