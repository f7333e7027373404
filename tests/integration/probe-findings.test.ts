import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { action as languageAction } from "~/routes/bahasa";
import { action as setPasswordAction } from "~/routes/atur-sandi.$token";
import { action as signInAction } from "~/routes/masuk";
import { action as lessonAction } from "~/routes/kursus.$course.$lesson";
import { DataDirError, lockDataDir } from "~/utils/data-dir-lock.server";
import { FORM_BODY_LIMIT } from "~/utils/pipeline.server";
import { BASE, createAccount, createTwoAgencies, post, run, sessionCookieFor, TEST_PASSWORD } from "../setup/factories";

/** Regression tests for the black-box probe of 2026-12 (issue 14); each failed on main before the fix. */
let email: string;
beforeAll(async () => {
  const tree = await createTwoAgencies();
  email = (await createAccount(tree.unitA.id)).email;
});

const raw = (pathname: string, body: BodyInit | null, headers: Record<string, string>) =>
  new Request(`${BASE}${pathname}`, { method: "POST", body, headers: { origin: BASE, host: "localhost:3000", ...headers }, duplex: "half" } as RequestInit);

describe("finding 2: open redirects after sign-in and language switch", () => {
  for (const ke of ["/\t/example.org", "/\n/example.org", "/\\example.org", "//example.org", "/\r\nLocation: http://example.org", "/\u000bexample.org"]) {
    it(`ke=${JSON.stringify(ke)} stays on this site and never answers 500`, async () => {
      const signIn = await run(signInAction, post("/masuk", { email, password: TEST_PASSWORD, ke }));
      expect(signIn.status).toBe(302);
      expect(signIn.headers.get("location")).toBe("/");
      const lang = await run(languageAction, post("/bahasa", { lang: "en", ke }));
      expect(lang.status).toBe(302);
      expect(lang.headers.get("location")).toBe("/");
    });
  }

  it("a same-site path with a query survives", async () => {
    const res = await run(signInAction, post("/masuk", { email, password: TEST_PASSWORD, ke: "/kursus?q=hoaks" }));
    expect(res.headers.get("location")).toBe("/kursus?q=hoaks");
  });
});

describe("finding 5: request bodies have a limit", () => {
  it("an announced oversize body gets 413 before it is read", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const res = await run(
      signInAction,
      raw("/masuk", stream, { "content-type": "application/x-www-form-urlencoded", "content-length": String(400 * 1024 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/terlalu besar/);
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it("a streamed body without a length is cut off at the limit, not buffered whole", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 50 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new TextEncoder().encode("a".repeat(64 * 1024)));
      },
    });
    const res = await run(signInAction, raw("/masuk", stream, { "content-type": "application/x-www-form-urlencoded" }));
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(FORM_BODY_LIMIT * 2);
  });
});

describe("finding 7: bodies that are not forms answer 415, not 500", () => {
  for (const [name, fn, pathname] of [
    ["/masuk", signInAction, "/masuk"],
    ["/bahasa", languageAction, "/bahasa"],
    ["/atur-sandi/:token", setPasswordAction, "/atur-sandi/tidak-ada"],
  ] as const) {
    it(`${name}: JSON and empty bodies`, async () => {
      expect((await run(fn, raw(pathname, '{"email":"x"}', { "content-type": "application/json" }), { token: "tidak-ada" })).status).toBe(415);
      expect((await run(fn, raw(pathname, null, {}), { token: "tidak-ada" })).status).toBe(415);
    });
  }

  it("a signed-in page's action refuses JSON with 415 too", async () => {
    const cookie = await sessionCookieFor(email);
    const res = await run(lessonAction, raw("/kursus/etika-merespons-warga/sapaan-dan-salam", "{}", { "content-type": "application/json", cookie }), {
      course: "etika-merespons-warga",
      lesson: "sapaan-dan-salam",
    });
    expect(res.status).toBe(415);
  });
});

describe("finding 6: one process per PGlite data directory", () => {
  it("refuses a second owner with a message naming it, and takes over a stale lock", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sigap-lock-"));
    try {
      // A lock held by another live process (our parent stands in for it).
      await writeFile(path.join(dir, "sigap.lock"), `${process.ppid}\n`);
      const error = await lockDataDir(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirError);
      expect((error as Error).message).toContain(`pid ${process.ppid}`);
      // A lock whose process is gone is taken over.
      await writeFile(path.join(dir, "sigap.lock"), "2147480000\n");
      const release = await lockDataDir(dir);
      await release();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("an unwritable data directory is one clear line, not a stack dump", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sigap-ro-"));
    try {
      const file = path.join(dir, "a-file");
      await writeFile(file, "x");
      const error = await lockDataDir(path.join(file, "data")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirError);
      expect((error as Error).message).toMatch(/cannot write its data directory .*DATA_DIR/);
      expect((error as Error).message).not.toContain("\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
