/**
 * Post rewrites written as a cheater would (tests/fixtures/post-adversarial.jsonl): the ceremonial
 * original pasted back or lightly edited, every element's keywords strung together or labelled
 * "Apa: … Siapa: …", another post's model answer, wrong fees, days, documents and contacts,
 * sarcasm and blame, bribes, personal data, alt text that describes nothing. All must fail, each
 * for the reason its line names (a violation id or a missing element).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPosts } from "~/content/posts.server";
import { gradePost } from "./post";

type Row = { id: string; post: string; kind: string; reply: string; expected_pass: boolean; expected: string[] };

const FILE = fileURLToPath(new URL("../../tests/fixtures/post-adversarial.jsonl", import.meta.url));
const rows: Row[] = readFileSync(FILE, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Row);
const posts = loadPosts(fileURLToPath(new URL("../../content", import.meta.url)));

describe("post adversarial set", () => {
  it("covers every post and at least 40 attempts", () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.post))).toEqual(new Set(["unggahan-loket-sabtu-mpp", "unggahan-jemput-bola-ktp", "unggahan-dokumen-banjir"]));
  });

  for (const row of rows) {
    it(`${row.id} ${row.post} ${row.kind}: fails for ${row.expected.join(", ") || "any reason"}`, () => {
      const post = posts.get(row.post);
      expect(post, row.post).toBeDefined();
      const g = gradePost(post!, row.reply);
      expect(g.passed).toBe(row.expected_pass);
      const reasons = [...g.violations, ...g.missing];
      for (const id of row.expected) expect(reasons, `${row.id}: ${reasons.join(", ")}`).toContain(id);
      // Every lost point names its evidence in the learner's own text.
      for (const v of g.violated) {
        expect(v.evidence.length, `${row.id} ${v.id}`).toBeGreaterThan(0);
        for (const e of v.evidence) expect(row.reply.slice(e.start, e.end)).toBe(e.text);
      }
    });
  }

  it("lets none of the cheats pass", () => {
    const passed = rows.filter((r) => !r.expected_pass && gradePost(posts.get(r.post)!, r.reply).passed);
    expect(passed.map((r) => r.id)).toEqual([]);
  });
});
