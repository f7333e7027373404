import { relations } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";

export const userRole = pgEnum("user_role", ["learner", "instructor", "manager", "admin"]);
/**
 * Kind of civil servant: the yearly JP rule differs (PNS: at least 20 JP, PP 11/2017 Pasal 203;
 * PPPK: at most 24 JP per contract year, PP 49/2018 Pasal 39). Staff without a NIP stay "pns"
 * by default; the ledger only reads it for people with certificates.
 */
export const asnKind = pgEnum("asn_kind", ["pns", "pppk"]);

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    nip: text("nip").unique(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("learner"),
    asnKind: asnKind("asn_kind").notNull().default("pns"),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    disabled: boolean("disabled").notNull().default(false),
    /** When the owner last chose a password; null = never (an imported account waiting for its link). */
    passwordSetAt: timestamp("password_set_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // (agency, name, id) also serves the learner table: one unit's people already in page order.
  (t) => [index("users_agency_name_idx").on(t.agencyId, t.name, t.id)],
);

/**
 * Sessions (app/utils/session.server.ts). `id` is the SHA-256 of the cookie's token, so a leaked
 * table holds nothing that signs anyone in. A session ends at `expiresAt` (absolute) or after
 * the idle timeout since `lastSeenAt`.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Fixed-window counters for rate limits ("signin-pair:<email>|<address>", "verify:<address>", …):
 * one row per key, bumped by one atomic upsert, so concurrent requests in any process agree.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [index("rate_limits_window_idx").on(t.windowStart)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_target_idx").on(t.targetType, t.targetId)],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  agency: one(agencies, { fields: [users.agencyId], references: [agencies.id] }),
  sessions: many(sessions),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof userRole.enumValues)[number];

/** One-time links for setting a password (new imported accounts). Only the hash is stored. */
export const passwordTokens = pgTable(
  "password_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** "set": first password of an imported account; "reset": forgot password. */
    purpose: text("purpose").notNull().default("set"),
    /** Who issued it (a manager re-issuing a link); null when issued by the system at import. */
    issuedBy: text("issued_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_tokens_user_idx").on(t.userId)],
);

/** A confirmed staff import: who ran it and which accounts it created. */
export const importBatches = pgTable("import_batches", {
  id: text("id").primaryKey(),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  userIds: jsonb("user_ids").$type<string[]>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
