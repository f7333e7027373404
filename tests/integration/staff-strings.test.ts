import { beforeAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { enStaff } from "~/i18n/en.staff";
import { idStaff } from "~/i18n/id.staff";
import { loader as rootLoader } from "~/root";
import { createTwoAgencies, get, run, signedInRoles } from "../setup/factories";

// Staff-only strings go to the browser through the root loader, and only to the roles that use them.
type RootData = { lang: string; english: Record<string, string> | null; staff: Record<string, string> | null };

let cookies: Awaited<ReturnType<typeof signedInRoles>>["cookies"];
beforeAll(async () => {
  cookies = (await signedInRoles(await createTwoAgencies())).cookies;
});

async function rootData(cookie?: string): Promise<RootData> {
  const res = await run(rootLoader, get("/", cookie));
  expect(res.status).toBe(200);
  return (await res.json()) as RootData;
}

describe("the root loader sends the staff-only strings", () => {
  it("to managers, admins and instructors, in the language they chose", async () => {
    for (const role of ["manager", "admin", "instructor"] as const) {
      const indonesian = await rootData(cookies[role]);
      expect(indonesian.staff, role).toEqual(idStaff);
      expect(indonesian.english, role).toBeNull();
      const english = await rootData(`${cookies[role]}; sigap_lang=en`);
      expect(english.staff, role).toEqual(enStaff);
      expect(english.english, role).toEqual(en);
    }
  });

  it("not to learners nor to anonymous visitors", async () => {
    for (const cookie of [cookies.learner, `${cookies.learner}; sigap_lang=en`, undefined, "sigap_lang=en"]) {
      const data = await rootData(cookie);
      expect(data.staff, cookie).toBeNull();
      expect(JSON.stringify(data), cookie).not.toContain(idStaff["manage.title"]);
      expect(JSON.stringify(data), cookie).not.toContain(enStaff["manage.title"]);
    }
  });
});
