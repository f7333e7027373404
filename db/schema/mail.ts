import { boolean, index, integer, pgEnum, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

export const mailStatus = pgEnum("mail_status", ["queued", "sending", "sent", "outbox", "failed"]);

/**
 * Every e-mail Sigap means to send, one row per message (decision 016). `key` makes a message
 * idempotent: whoever enqueues "reset:<token id>" or "due-7:<enrollment>:<date>" a second time —
 * another app instance, a repeated tick — hits the unique constraint and sends nothing. Without
 * SMTP_URL the worker leaves the message here as "outbox" for admins to read (/admin/kotak-keluar).
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull().unique(),
    kind: text("kind").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    lang: text("lang").notNull().default("id"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: mailStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mail_messages_created_idx").on(t.createdAt),
    index("mail_messages_status_idx").on(t.status),
    // The outbox filtered by recipient ("did the reset link reach this person?"), newest first.
    index("mail_messages_to_created_idx").on(t.toAddress, t.createdAt),
  ],
);

/** A person's mail choices: the language mail is written in, reminders on or off, the manager's digest day. */
export const mailSettings = pgTable("mail_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lang: text("lang").notNull().default("id"),
  reminders: boolean("reminders").notNull().default(true),
  /** ISO weekday of the manager's overdue digest: 1 = Monday … 7 = Sunday. */
  digestDay: smallint("digest_day").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * "Lupa kata sandi" without e-mail: the learner's request waits here for a manager in scope, who
 * issues a set-password link from the account's page. One open request per account.
 */
export const passwordHelpRequests = pgTable(
  "password_help_requests",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_help_requests_created_idx").on(t.createdAt)],
);

export type MailMessage = typeof mailMessages.$inferSelect;
export type MailStatus = (typeof mailStatus.enumValues)[number];
