import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { MessageKey } from "~/i18n";
import { action as languageAction } from "~/routes/bahasa";
import { action as signOutAction } from "~/routes/keluar";
import { loader as importLinksLoader } from "~/routes/kelola.impor.$batch.tautan[.]csv";
import { loader as reportLoader } from "~/routes/kelola.laporan[.]csv";
import { getUser } from "~/utils/auth.server";
import { serverTranslator } from "~/utils/i18n.server";
import { createTwoAgencies, get, post, run, signedInRoles } from "../setup/factories";

// Downloads and form posts to resource routes have no page around them: the 403 body is what the reader sees.
let cookies: Awaited<ReturnType<typeof signedInRoles>>["cookies"];
beforeAll(async () => {
  cookies = (await signedInRoles(await createTwoAgencies())).cookies;
});

const english = (cookie: string) => `${cookie}; sigap_lang=en`;
const crossSite = { origin: "https://evil.example" };

// Every dictionary part (staff-only strings included), as the server answers.
const id = serverTranslator("id");
const en = serverTranslator("en");

async function expectRefused(answer: (cookie: string) => Promise<Response>, cookie: string, key: MessageKey) {
  for (const [sent, text] of [
    [cookie, id(key)],
    [english(cookie), en(key)],
  ] as const) {
    const res = await answer(sent);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe(`${text}\n`);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  }
  expect(id(key)).not.toBe(en(key));
}

describe("a refused request answers a translated 403", () => {
  it("a learner opening the report CSV or an import batch's links CSV", async () => {
    await expectRefused((c) => run(reportLoader, get("/kelola/laporan.csv", c)), cookies.learner, "error.forbidden");
    const batch = randomUUID();
    await expectRefused((c) => run(importLinksLoader, get(`/kelola/impor/${batch}/tautan.csv`, c), { batch }), cookies.instructor, "error.forbidden");
  });

  it("a cross-site POST, refused before anything runs", async () => {
    await expectRefused((c) => run(signOutAction, post("/keluar", { scope: "semua" }, c, crossSite)), cookies.learner, "error.crossSite");
    expect(await getUser(get("/", cookies.learner))).not.toBeNull();

    const language = (c: string) => run(languageAction, post("/bahasa", { lang: "en", ke: "/" }, c, { "sec-fetch-site": "cross-site" }));
    await expectRefused(language, cookies.learner, "error.crossSite");
    expect((await language(cookies.learner)).headers.get("set-cookie")).toBeNull();
  });
});
