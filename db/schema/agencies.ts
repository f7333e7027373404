import { relations } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

export const agencyKind = pgEnum("agency_kind", ["province", "regency", "agency", "unit"]);

/**
 * Agencies form a tree (province → regency/city → agency → unit). `path` is the
 * materialised chain of ids ("/a/b/c/") so a whole subtree is one indexed LIKE prefix.
 */
export const agencies = pgTable(
  "agencies",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    kind: agencyKind("kind").notNull(),
    parentId: text("parent_id").references((): AnyPgColumn => agencies.id),
    path: text("path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agencies_path_idx").using("btree", t.path.op("text_pattern_ops")), index("agencies_parent_idx").on(t.parentId)],
);

export const agenciesRelations = relations(agencies, ({ one, many }) => ({
  parent: one(agencies, { fields: [agencies.parentId], references: [agencies.id], relationName: "parent" }),
  children: many(agencies, { relationName: "parent" }),
}));

export type Agency = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;
