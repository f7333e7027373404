import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { id } from "~/i18n/id";
import { getSyncedContent } from "~/content/sync.server";
import { loader as importLinksLoader } from "~/routes/kelola.impor.$batch.tautan[.]csv";
import { loader as mediaLoader } from "~/routes/media.$course.$file";
import { loader as certificatePdfLoader } from "~/routes/saya.sertifikat.$code.pdf";
import { createTwoAgencies, get, run, signedInRoles } from "../setup/factories";

// Downloads and lesson images have no page around them: their 404 body is what the reader sees.
let cookies: Awaited<ReturnType<typeof signedInRoles>>["cookies"];
const original = process.env.CONTENT_DIR;
beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("content");
  await getSyncedContent();
  cookies = (await signedInRoles(await createTwoAgencies())).cookies;
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

const english = (cookie: string | undefined) => (cookie ? `${cookie}; sigap_lang=en` : "sigap_lang=en");

async function expectFileNotFound(answer: (cookie: string | undefined) => Promise<Response>, cookie?: string) {
  for (const [sent, text] of [
    [cookie, id["error.fileNotFound"]],
    [english(cookie), en["error.fileNotFound"]],
  ] as const) {
    const res = await answer(sent);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(`${text}\n`);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  }
  expect(id["error.fileNotFound"]).not.toBe(en["error.fileNotFound"]);
}

describe("a missing file answers a translated 404", () => {
  it("a certificate PDF that is not the learner's", async () => {
    const code = "SGP-0000-0000-0000";
    await expectFileNotFound((c) => run(certificatePdfLoader, get(`/saya/sertifikat/${code}.pdf`, c), { code }), cookies.learner);
  });

  it("an import batch's password links that do not exist", async () => {
    const batch = randomUUID();
    await expectFileNotFound((c) => run(importLinksLoader, get(`/kelola/impor/${batch}/tautan.csv`, c), { batch }), cookies.manager);
  });

  it("a lesson image that is not there, signed in or not", async () => {
    const image = (file: string) => (c: string | undefined) =>
      run(mediaLoader, get(`/media/verifikasi-hoaks/${file}`, c), { course: "verifikasi-hoaks", file });
    await expectFileNotFound(image("tidak-ada.svg"));
    await expectFileNotFound(image("tidak-ada.svg"), cookies.learner);
    await expectFileNotFound(image("skrip.exe"));
  });
});
