import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import { updateUserAccount } from "~/models/admin.server";
import { audit } from "~/models/audit.server";
import { getMailSettings, saveMailSettings } from "~/models/mail.server";
import { createUser } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, sessionCookieFor } from "../setup/factories";
import { getUser } from "~/utils/auth.server";

/** Fails instead of hanging: on PGlite's one connection, a model that fetched its own connection inside a transaction waited forever. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)));
  return Promise.race([work, hung]).finally(() => clearTimeout(timer));
}

describe("models take `db` first, so they run inside the caller's transaction (decision 020)", () => {
  it("completes inside db.transaction on the transaction it is given, and rolls back with it", async () => {
    const db = await getDb();
    const tree = await createTwoAgencies();
    const admin = await createAccount(tree.provA.id, "admin");
    const learner = await createAccount(tree.unitA.id);
    const cookie = await sessionCookieFor(learner.email);
    const email = `${randomUUID().slice(0, 8)}@uji.sigap.id`;
    const rollBack = new Error("roll back");
    const auditedBefore = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.targetId, learner.id));

    const work = db.transaction(async (tx) => {
      // Reads see the transaction's own writes: they run on it, not on a second connection.
      await saveMailSettings(tx, learner.id, { lang: "en", reminders: false });
      expect(await getMailSettings(tx, learner.id)).toMatchObject({ lang: "en", reminders: false });
      // A model that opens its own transaction becomes a savepoint inside the caller's.
      const created = await createUser(tx, { name: "Peserta Sementara", email, nip: null, agencyId: tree.unitA.id, role: "learner" });
      expect(await tx.select({ id: users.id }).from(users).where(eq(users.id, created.id))).toHaveLength(1);
      // Its after-commit step (ending the account's sessions) also runs on the caller's transaction.
      expect(await updateUserAccount(tx, admin.id, learner.id, { role: "learner", agencyId: tree.unitA.id, disabled: true })).toEqual({
        status: "updated",
        signedOut: true,
      });
      await audit(tx, { actorId: admin.id, action: "test.compose", targetType: "user", targetId: learner.id });
      throw rollBack;
    });
    await expect(within(10_000, work)).rejects.toBe(rollBack);

    // Nothing of it stayed: settings, the new account, the change, its sign-out and the audit entries.
    expect(await getMailSettings(db, learner.id)).toMatchObject({ lang: "id", reminders: true });
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, email))).toHaveLength(0);
    const [after] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, learner.id));
    expect(after?.disabled).toBe(false);
    expect(await getUser(new Request("http://localhost:3000/", { headers: { cookie } }))).toMatchObject({ id: learner.id });
    expect(await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.targetId, learner.id))).toEqual(auditedBefore);
  });

  it("commits with the caller's transaction", async () => {
    const db = await getDb();
    const tree = await createTwoAgencies();
    const learner = await createAccount(tree.unitA.id);
    await within(
      10_000,
      db.transaction(async (tx) => {
        await saveMailSettings(tx, learner.id, { lang: "en", digestDay: 3 });
      }),
    );
    expect(await getMailSettings(db, learner.id)).toMatchObject({ lang: "en", reminders: true, digestDay: 3 });
  });
});
