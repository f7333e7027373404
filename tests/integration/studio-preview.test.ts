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

describe("npm run dev (issue 15 item 12)", () => {
  it("builds where a running npm start does not read, and keeps npm run build where serve expects it", async () => {
    const argv = process.argv;
    try {
      process.argv = ["node", "remix", "dev"];
      // A fresh copy of the config per argv (a query string defeats the module cache).
      const config = path.resolve("remix.config.js");
      const dev = (await import(/* @vite-ignore */ `${config}?dev=${Date.now()}`)).default;
      process.argv = ["node", "remix", "build"];
      const build = (await import(/* @vite-ignore */ `${config}?build=${Date.now()}`)).default;
      expect(build).toMatchObject({ serverBuildPath: "build/index.js", assetsBuildDirectory: "public/build" });
      expect(dev.serverBuildPath).toMatch(/^\.cache\/dev\//);
      expect(dev.assetsBuildDirectory).toMatch(/^\.cache\/dev\//);
      expect(dev.watchPaths).toEqual(["content/**/*"]);
    } finally {
      process.argv = argv;
    }
  });

  it("reads new and changed content files on the next request, without a restart", async () => {
    const { cp, mkdtemp, writeFile } = await import("node:fs/promises");
    const os = await import("node:os");
    const { getContentTree } = await import("~/content/repository.server");
    const dir = await mkdtemp(path.join(os.tmpdir(), "sigap-dev-"));
    await cp(fixture, dir, { recursive: true });
    const env = process.env.NODE_ENV;
    process.env.CONTENT_DIR = dir;
    process.env.NODE_ENV = "development";
    try {
      const lessons = async () => (await getContentTree()).courses[0]!.lessons.map((l) => `${l.slug}:${l.meta.title}`);
      expect(await lessons()).not.toContain("baru:Materi Baru");
      const lesson = (title: string) => `---\ntitle: "${title}"\nsummary: "Ditambahkan saat dev berjalan."\nminutes: 1\nkind: lesson\n---\n\nIsi baru.\n`;
      await writeFile(path.join(dir, "courses/studio-uji/04-baru.mdx"), lesson("Materi Baru"));
      expect(await lessons()).toContain("baru:Materi Baru");
      await writeFile(path.join(dir, "courses/studio-uji/04-baru.mdx"), lesson("Materi Diubah"));
      expect(await lessons()).toContain("baru:Materi Diubah");
    } finally {
      process.env.NODE_ENV = env;
      process.env.CONTENT_DIR = fixture;
    }
  });
});
