import { relations, sql } from "drizzle-orm";
import { boolean, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { certificates } from "./certificates";
import { users } from "./users";

/**
 * The deployment's signing keys for Open Badges credentials (decision 014). One is current; old
 * ones stay listed in /.well-known/did.json so credentials signed with them still verify.
 */
export const issuerKeys = pgTable(
  "issuer_keys",
  {
    /** The fragment of the key's DID URL: did:web:<host>#<id>. */
    id: text("id").primaryKey(),
    algorithm: text("algorithm").notNull(),
    publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
    privateJwk: jsonb("private_jwk").$type<Record<string, unknown>>().notNull(),
    current: boolean("current").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("issuer_keys_one_current_uq")
      .on(t.current)
      .where(sql`current`),
  ],
);

/**
 * Who issues and signs certificates: one row for the deployment (`scope` = "default") and
 * optionally one per agency (`scope` = the agency id); the nearest ancestor's row wins.
 */
export const certificateSignatories = pgTable("certificate_signatories", {
  scope: text("scope").primaryKey(),
  agencyId: text("agency_id").references(() => agencies.id, { onDelete: "cascade" }),
  institution: text("institution").notNull(),
  signatoryName: text("signatory_name").notNull(),
  signatoryNip: text("signatory_nip"),
  signatoryTitle: text("signatory_title").notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a certificate's credential needs beyond the certificate row, fixed at issue: its
 * position in the status lists, the salt of the holder's hashed identifier, and the issuing
 * institution and signatory as printed. Certificates issued before this table get their row on
 * first use, with the settings of that moment.
 */
export const certificateIssuance = pgTable(
  "certificate_issuance",
  {
    certificateId: text("certificate_id")
      .primaryKey()
      .references(() => certificates.id, { onDelete: "cascade" }),
    statusIndex: serial("status_index").notNull(),
    subjectSalt: text("subject_salt").notNull(),
    institution: text("institution"),
    signatoryName: text("signatory_name"),
    signatoryNip: text("signatory_nip"),
    signatoryTitle: text("signatory_title"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("certificate_issuance_status_index_uq").on(t.statusIndex)],
);

export const certificateIssuanceRelations = relations(certificateIssuance, ({ one }) => ({
  certificate: one(certificates, { fields: [certificateIssuance.certificateId], references: [certificates.id] }),
}));

export type IssuerKey = typeof issuerKeys.$inferSelect;
export type CertificateSignatory = typeof certificateSignatories.$inferSelect;
export type CertificateIssuance = typeof certificateIssuance.$inferSelect;
