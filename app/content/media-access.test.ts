import { describe, expect, it } from "vitest";
import { mediaAudience } from "./media-access";
import type { CourseSource, LessonSource } from "./repository.server";

const lesson = (slug: string, draft: boolean, body: string, data: Record<string, unknown> = {}): LessonSource =>
  ({ slug, position: 1, file: `${slug}.mdx`, meta: { draft }, data, body, hash: slug }) as unknown as LessonSource;
const course = (slug: string, draft: boolean, lessons: LessonSource[], body = ""): CourseSource =>
  ({ slug, file: "course.mdx", meta: { draft }, body, hash: slug, lessons }) as unknown as CourseSource;

const tree = {
  problems: [],
  courses: [
    course(
      "terbit",
      false,
      [
        lesson("kasus", false, "", { claim: { image: { src: "./media/klaim.svg" } } }),
        lesson("biasa", false, "Lihat ![Contoh unggahan](./media/unggahan.png) dan ![lain](../media/lain.png)."),
        lesson("draf", true, "![Rahasia](./media/rahasia.svg) ![Bersama](media/bersama.svg)", { claim: { image: { src: "./media/klaim-draf.svg" } } }),
        lesson("juga", false, "![Bersama](./media/bersama.svg)"),
      ],
      "![Sampul](./media/sampul.svg)",
    ),
    course("tersembunyi", true, [lesson("terbit-di-kursus-draf", false, "![Foto](./media/foto.svg)")]),
  ],
};

describe("mediaAudience", () => {
  it("is public for images a published page of a published course shows", () => {
    for (const file of ["klaim.svg", "unggahan.png", "lain.png", "sampul.svg", "bersama.svg"]) expect(mediaAudience(tree, "terbit", file), file).toBe("everyone");
  });

  it("keeps draft-only, unused and draft-course images for previewers", () => {
    expect(mediaAudience(tree, "terbit", "rahasia.svg")).toBe("previewers");
    expect(mediaAudience(tree, "terbit", "klaim-draf.svg")).toBe("previewers");
    expect(mediaAudience(tree, "terbit", "tidak-dipakai.svg")).toBe("previewers");
    expect(mediaAudience(tree, "tersembunyi", "foto.svg")).toBe("previewers");
    expect(mediaAudience(tree, "tidak-ada", "klaim.svg")).toBe("previewers");
  });

  it("does not count a file merely named in text, or another file that shares its prefix", () => {
    const t = { problems: [], courses: [course("c", false, [lesson("l", false, "Berkas media/teks.svg disebut saja. ![x](./media/gambar.svg.bak)")])] };
    expect(mediaAudience(t, "c", "teks.svg")).toBe("previewers");
    expect(mediaAudience(t, "c", "gambar.svg")).toBe("previewers");
  });
});
