import { like, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { SessionUser } from "./auth.server";

export { can, canGrantRole, grantableRoles, rolesWith, seesStaffPages, type Permission } from "./policy";

/** The agency subtree a user acts on: admins everything, everyone else their own agency and below. */
export type Scope = { path: string; all: boolean };

export function scopeOf(user: Pick<SessionUser, "role" | "agencyPath">): Scope {
  return user.role === "admin" ? { path: "/", all: true } : { path: user.agencyPath, all: false };
}

/** Path prefix of the agency subtree a user may manage: admins see every agency. */
export function managedScopePath(user: Pick<SessionUser, "role" | "agencyPath">): string {
  return scopeOf(user).path;
}

/** SQL: this agency-path column lies inside the scope. The one way to write "inside this subtree". */
export function inScope(pathColumn: AnyPgColumn | SQL, scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return like(pathColumn as AnyPgColumn, `${scope.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** Throws 404 (not 403) for objects outside the scope so their existence is not revealed. */
export function assertInScope(user: Pick<SessionUser, "role" | "agencyPath">, agencyPath: string | null | undefined) {
  if (!agencyPath || !agencyPath.startsWith(managedScopePath(user))) {
    throw new Response("Not found", { status: 404 });
  }
}
