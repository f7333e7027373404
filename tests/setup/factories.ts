import { randomUUID } from "node:crypto";
import { createAgency } from "~/models/agency.server";
import { createUser } from "~/models/user.server";
import { signIn } from "~/utils/auth.server";
import type { Role } from "../../db/schema";
import { getDb } from "~/utils/db.server";

export const TEST_PASSWORD = "kata-sandi-uji-123";
const uniq = () => randomUUID().slice(0, 8);

/** Two separate agency trees (OKU-like and Banten-like), each with one unit. */
export async function createTwoAgencies() {
  const db = await getDb();
  const provA = await createAgency(db, { code: `A-${uniq()}`, name: "Provinsi A", kind: "province" });
  const agencyA = await createAgency(db, { code: `A-${uniq()}`, name: "Disdukcapil A", kind: "agency", parentId: provA.id });
  const unitA = await createAgency(db, { code: `A-${uniq()}`, name: "Bidang A1", kind: "unit", parentId: agencyA.id });
  const provB = await createAgency(db, { code: `B-${uniq()}`, name: "Provinsi B", kind: "province" });
  const agencyB = await createAgency(db, { code: `B-${uniq()}`, name: "Diskominfo B", kind: "agency", parentId: provB.id });
  const unitB = await createAgency(db, { code: `B-${uniq()}`, name: "Bidang B1", kind: "unit", parentId: agencyB.id });
  return { provA, agencyA, unitA, provB, agencyB, unitB };
}

export async function createAccount(agencyId: string, role: Role = "learner", name = `Pengguna ${uniq()}`) {
  const db = await getDb();
  return createUser(db, { name, email: `${uniq()}@uji.sigap.id`, nip: null, agencyId, role, password: TEST_PASSWORD });
}

export const createLearner = (agencyId: string) => createAccount(agencyId, "learner");

/**
 * One signed-in account per role in agency A of `createTwoAgencies` (learner in its unit, admin
 * at the province): the cast the route-wide tests call every route with.
 */
export async function signedInRoles(tree: Awaited<ReturnType<typeof createTwoAgencies>>, learnerName?: string) {
  const accounts = {
    learner: await createAccount(tree.unitA.id, "learner", learnerName),
    instructor: await createAccount(tree.agencyA.id, "instructor"),
    manager: await createAccount(tree.agencyA.id, "manager"),
    admin: await createAccount(tree.provA.id, "admin"),
  };
  const emails = {} as Record<keyof typeof accounts, string>;
  const cookies = {} as Record<keyof typeof accounts, string>;
  for (const [role, account] of Object.entries(accounts) as [keyof typeof accounts, { email: string }][]) {
    emails[role] = account.email;
    cookies[role] = await sessionCookieFor(account.email);
  }
  return { emails, cookies };
}

export const BASE = "http://localhost:3000";

/** Signs in and returns the Cookie header value for later requests. */
export async function sessionCookieFor(email: string, password = TEST_PASSWORD): Promise<string> {
  const result = await signIn(new Request(`${BASE}/masuk`, { method: "POST" }), email, password);
  if (!result.ok) throw new Error(`sign-in failed for ${email}`);
  return result.cookie.split(";")[0]!;
}

export function get(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
}

export function post(path: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, host: "localhost:3000", ...(cookie ? { cookie } : {}), ...headers },
  });
}

/** Runs a loader/action and returns its Response whether it was returned or thrown. */
export async function run(
  fn: (args: never) => unknown,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = {},
): Promise<Response> {
  try {
    return (await fn({ request, params, context } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
