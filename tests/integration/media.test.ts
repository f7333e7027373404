import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSyncedContent } from "~/content/sync.server";
import { loader as mediaLoader } from "~/routes/media.$course.$file";
import { createAccount, createTwoAgencies, get, run, sessionCookieFor } from "../setup/factories";

const original = process.env.CONTENT_DIR;
const cookies: Record<"learner" | "manager" | "instructor" | "admin", string> = { learner: "", manager: "", instructor: "", admin: "" };
beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-media");
  await getSyncedContent();
  const tree = await createTwoAgencies();
  for (const role of ["learner", "manager", "instructor", "admin"] as const)
    cookies[role] = await sessionCookieFor((await createAccount(tree.agencyA.id, role)).email);
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

const image = (file: string, cookie?: string) => run(mediaLoader, get(`/media/kursus-gambar/${file}`, cookie), { course: "kursus-gambar", file });

describe("lesson media", () => {
  it("serves a published lesson's image to anyone, cacheable", async () => {
    for (const cookie of [undefined, cookies.learner]) {
      const res = await image("terbit.svg", cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
      expect(await res.text()).toContain('fill="green"');
    }
  });

  it("hides a draft lesson's image from everyone who cannot preview drafts, like a missing file", async () => {
    const missing = await image("tidak-ada.svg");
    for (const cookie of [undefined, cookies.learner, cookies.manager]) {
      const res = await image("draf.svg", cookie);
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toBe(await missing.clone().text());
    }
  });

  it("shows a draft lesson's image to instructors and admins, never stored by a cache", async () => {
    for (const cookie of [cookies.instructor, cookies.admin]) {
      const res = await image("draf.svg", cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.text()).toContain('fill="red"');
    }
  });

  it("labels every file with a safe image type: nosniff, and an SVG opened directly runs no script", async () => {
    const res = await image("terbit.svg");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/script-src/);
    const png = await image("kecil.png", cookies.instructor);
    expect(png.headers.get("content-type")).toBe("image/png");
  });

  it("refuses path traversal and anything that is not an image directly in media/ (issue 15 item 13)", async () => {
    const attempts: [string, string][] = [
      ["kursus-gambar", "../course.mdx"],
      ["kursus-gambar", "..%2Fcourse.mdx"],
      ["kursus-gambar", "../../../../../../etc/passwd"],
      ["kursus-gambar", "..\\course.mdx"],
      ["kursus-gambar", "course.mdx"],
      ["kursus-gambar", "terbit.svg/../../course.mdx"],
      ["kursus-gambar", "terbit.svg%00.png"],
      ["kursus-gambar", ".terbit.svg"],
      ["kursus-gambar", "terbit.html"],
      ["..", "kursus-gambar/media/terbit.svg"],
      ["../content-ok/courses/kursus-uji", "terbit.svg"],
      ["Kursus-Gambar", "terbit.svg"],
    ];
    for (const [course, file] of attempts) {
      const res = await run(mediaLoader, get(`/media/${encodeURIComponent(course)}/${encodeURIComponent(file)}`, cookies.admin), { course, file });
      expect(res.status, `${course} / ${file}`).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    }
  });
});
