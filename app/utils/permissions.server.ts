import type { Role } from "../../db/schema";
import type { SessionUser } from "./auth.server";

const rank: Record<Role, number> = { learner: 0, instructor: 1, manager: 2, admin: 3 };

/** Path prefix of the agency subtree a user may manage: admins see every agency. */
export function managedScopePath(user: SessionUser): string {
  return user.role === "admin" ? "/" : user.agencyPath;
}

/** Who may open /kelola: the dashboard, learners, assignments, staff import (scoped to their agency). */
export const MANAGE_ROLES: readonly Role[] = ["manager", "admin"];

/** Who may open /studio: authoring, draft previews and reviewing exercise attempts. */
export const STUDIO_ROLES: readonly Role[] = ["instructor", "admin"];

/** Those who use the studio preview drafts there, so they may also load draft lessons' images. */
export function canPreviewDrafts(user: SessionUser): boolean {
  return STUDIO_ROLES.includes(user.role);
}

export function canManageAgencies(user: SessionUser): boolean {
  return MANAGE_ROLES.includes(user.role);
}

/** Everyone who opens a staff page (/kelola, /admin, /studio): they get the staff-only strings. */
export function seesStaffPages(role: Role): boolean {
  return MANAGE_ROLES.includes(role) || STUDIO_ROLES.includes(role);
}

/** Managers may grant roles up to their own; admins any. */
export function canGrantRole(actor: SessionUser, role: Role): boolean {
  return actor.role === "admin" || (actor.role === "manager" && rank[role] <= rank.manager);
}

export function grantableRoles(actor: SessionUser): Role[] {
  return (Object.keys(rank) as Role[]).filter((r) => canGrantRole(actor, r));
}

/** Throws 404 (not 403) for objects outside the scope so their existence is not revealed. */
export function assertInScope(user: SessionUser, agencyPath: string | null | undefined) {
  if (!agencyPath || !agencyPath.startsWith(managedScopePath(user))) {
    throw new Response("Not found", { status: 404 });
  }
}
