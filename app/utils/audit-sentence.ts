import type { Lang, MessageKey, Translate } from "~/i18n";
import { formatDate } from "./dates";

export type AuditEntryView = {
  action: string;
  actorName: string | null;
  targetLabel: string | null;
  targetId: string;
  targetType: string;
  details: Record<string, unknown>;
};

/** Actions with a sentence of their own in the staff dictionary (`audit.say.<action>`). */
const SENTENCES = new Set([
  "agency.create",
  "assignment.due",
  "assignment.cancel",
  "assignment.remind",
  "agency.rename",
  "agency.move",
  "attempt.override",
  "certificate.recertify",
  "certificate.revoke",
  "course.assign",
  "course.assign-learners",
  "exercise.regrade",
  "staff.import",
  "user.create",
  "user.asnKind",
  "user.update",
  "user.disable",
  "user.enable",
  "user.password-change",
  "user.password-link-reissue",
  "user.password-links",
  "user.password-set",
  "user.sso-signin",
  "user.password-reset",
]);

const ROLES = new Set(["learner", "instructor", "manager", "admin"]);

/**
 * An audit entry as a sentence a person reads — who did what to whom — plus its changes as
 * "field: before → after" lines, instead of the raw action code and JSON. Actions added later
 * without a sentence still read as "<actor>: <action>" with their details as lines.
 */
export function auditSentence(entry: AuditEntryView, t: Translate, lang: Lang): { sentence: string; changes: string[] } {
  const actor = entry.actorName ?? t("admin.audit.system");
  const target = entry.targetLabel ?? entry.targetId;
  const d = entry.details;
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "boolean") return t(v ? "audit.yes" : "audit.no");
    if (typeof v === "string" && ROLES.has(v)) return t(`role.${v}` as MessageKey);
    if (v === "pns" || v === "pppk") return t(`asnKind.${v}`);
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)) return formatDate(v, lang);
    if (typeof v === "object")
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${field(k)} ${value(x)}`)
        .join(", ");
    return String(v);
  };
  const field = (k: string) => {
    const key = `audit.field.${k}` as MessageKey;
    const text = t(key);
    return text === key ? k : text;
  };
  const vars: Record<string, string | number> = {
    actor,
    target,
    reason: value(d.reason),
    due: value(d.dueDate),
    removed: typeof d.removed === "number" ? d.removed : 0,
    kept: typeof d.kept === "number" ? d.kept : 0,
    count: [d.created, d.issued, d.attempts, d.learners].find((n): n is number => typeof n === "number") ?? 0,
    changed: typeof d.changed === "number" ? d.changed : 0,
    from: value(d.from),
    to: value(d.to),
    role: value(d.role),
    name: value(d.name),
  };
  const sentence = SENTENCES.has(entry.action) ? t(`audit.say.${entry.action}` as MessageKey, vars) : `${actor}: ${entry.action} (${target})`;

  const changes: string[] = [];
  const shownInSentence = new Set([
    "reason",
    "dueDate",
    "created",
    "issued",
    "attempts",
    "changed",
    "from",
    "to",
    "role",
    "name",
    "courseId",
    "parentId",
    "removed",
    "kept",
    "fromParentId",
    "toParentId",
  ]);
  if (entry.action === "attempt.override" && d.before && d.after) {
    const before = d.before as Record<string, unknown>;
    const after = d.after as Record<string, unknown>;
    for (const k of ["score", "passed"]) changes.push(`${field(k)}: ${value(before[k])} → ${value(after[k])}`);
    if (after.comment) changes.push(`${field("comment")}: ${value(after.comment)}`);
    return { sentence, changes };
  }
  for (const [k, v] of Object.entries(d)) {
    const isChange = !!v && typeof v === "object" && "from" in v && "to" in v;
    if (shownInSentence.has(k) && !isChange) continue;
    if (isChange) {
      const change = v as { from: unknown; to: unknown };
      changes.push(k === "agencyId" ? t("audit.unitChanged") : `${field(k)}: ${value(change.from)} → ${value(change.to)}`);
    } else changes.push(`${field(k)}: ${value(v)}`);
  }
  return { sentence, changes };
}
