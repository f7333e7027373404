import { beforeAll, describe, expect, it } from "vitest";
import { enAccount } from "~/i18n/en.account";
import { enCredentials } from "~/i18n/en.credentials";
import { idAccount } from "~/i18n/id.account";
import { loader as signInLoader } from "~/routes/masuk";
import { loader as verifyLoader } from "~/routes/sertifikat._index";
import { loader as rootLoader } from "~/root";
import { createTwoAgencies, get, run, signedInRoles } from "../setup/factories";

// A route part's English comes with the loader data of the routes that use it, only in English;
// the root loader's English is the base part alone (docs/decisions/025).
let cookies: Awaited<ReturnType<typeof signedInRoles>>["cookies"];
beforeAll(async () => {
  cookies = (await signedInRoles(await createTwoAgencies())).cookies;
});

async function data(loader: (args: never) => unknown, path: string, cookie?: string) {
  const res = await run(loader, get(path, cookie));
  expect(res.status).toBe(200);
  return (await res.json()) as { i18n?: unknown; english?: unknown };
}

describe("route parts in the loader data", () => {
  it("come in English from the routes that name them, and not in Indonesian", async () => {
    expect((await data(signInLoader, "/masuk", "sigap_lang=en")).i18n).toEqual({ account: enAccount });
    expect((await data(signInLoader, "/masuk")).i18n).toBeNull();
    expect((await data(verifyLoader, "/sertifikat", "sigap_lang=en")).i18n).toEqual({ credentials: enCredentials });
    expect((await data(verifyLoader, "/sertifikat")).i18n).toBeNull();
  });

  it("are not in the root loader's data, in either language, for any role", async () => {
    for (const cookie of [undefined, "sigap_lang=en", cookies.learner, `${cookies.admin}; sigap_lang=en`]) {
      const text = JSON.stringify(await data(rootLoader, "/", cookie));
      expect(text, cookie).not.toContain(enAccount["auth.signInTitle"]);
      expect(text, cookie).not.toContain(idAccount["auth.signInTitle"]);
    }
  });
});
