/**
 * The one policy: who may do what. Pure and client-safe, so loaders, actions and the UI ask the
 * same question (`can(user, "certificate:revoke")`) and cannot drift apart. Agency scope (which
 * rows) is separate: `Scope` and its SQL helper live in permissions.server.ts.
 */
import type { Role } from "../../db/schema";

export const ROLES = ["learner", "instructor", "manager", "admin"] as const satisfies readonly Role[];

const GRANTS = {
  /** /kelola: dashboard, learners, assignments, reports, staff import — own agency subtree. */
  "manage:open": ["manager", "admin"],
  "certificate:revoke": ["manager", "admin"],
  "user:create": ["manager", "admin"],
  "staff:import": ["manager", "admin"],
  /** /studio: content status, draft previews, attempts, overrides, rubric playground. */
  "studio:open": ["instructor", "admin"],
  "draft:preview": ["instructor", "admin"],
  "grade:override": ["instructor", "admin"],
  /** /admin: agencies, all users, audit log. */
  "admin:open": ["admin"],
  "agency:edit": ["admin"],
  /** /admin/penerbit: certificate issuer and signatory, credential signing-key rotation. */
  "issuer:edit": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

/** Roles holding a permission (route guards and tests read the same list). */
export function rolesWith(permission: Permission): readonly Role[] {
  return GRANTS[permission];
}

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && (GRANTS[permission] as readonly Role[]).includes(user.role);
}

/** Everyone who opens a staff page (/kelola, /admin, /studio): they get the staff-only strings. */
export function seesStaffPages(role: Role): boolean {
  return can({ role }, "manage:open") || can({ role }, "studio:open") || can({ role }, "admin:open");
}

/**
 * Which roles an actor may hand out (user form and staff import alike). Admins: any. Managers:
 * learners and managers only — not instructors, who can override grades: a manager could
 * otherwise pass their own staff through a second account (decision 012).
 */
export function canGrantRole(actor: { role: Role }, role: Role): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "manager" && (role === "learner" || role === "manager");
}

export function grantableRoles(actor: { role: Role }): Role[] {
  return ROLES.filter((r) => canGrantRole(actor, r));
}
