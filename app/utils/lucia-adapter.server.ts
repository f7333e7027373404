import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { eq, lte } from "drizzle-orm";
import { agencies, sessions, users } from "../../db/schema";
import type { Db } from "./db.server";

/**
 * Lucia adapter over our Drizzle schema. Unlike the stock Drizzle adapter it joins the user's
 * agency and leaves out the password hash, so checking a session is a single query.
 */
export class SigapLuciaAdapter implements Adapter {
  constructor(private db: Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await this.db
      .select({
        sessionId: sessions.id,
        expiresAt: sessions.expiresAt,
        id: users.id,
        email: users.email,
        name: users.name,
        nip: users.nip,
        role: users.role,
        disabled: users.disabled,
        agencyId: users.agencyId,
        agencyName: agencies.name,
        agencyPath: agencies.path,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(eq(sessions.id, sessionId))
      .limit(1);
    if (!row) return [null, null];
    const { sessionId: id, expiresAt, ...user } = row;
    const { id: userId, ...attributes } = user;
    return [
      { id, userId, expiresAt, attributes: {} },
      { id: userId, attributes },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.select().from(sessions).where(eq(sessions.userId, userId));
    return rows.map((r) => ({ id: r.id, userId: r.userId, expiresAt: r.expiresAt, attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db.insert(sessions).values({ id: session.id, userId: session.userId, expiresAt: session.expiresAt });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, sessionId));
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.userId, userId));
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.delete(sessions).where(lte(sessions.expiresAt, new Date()));
  }
}
