CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "password_tokens" ADD COLUMN "purpose" text DEFAULT 'set' NOT NULL;--> statement-breakpoint
ALTER TABLE "password_tokens" ADD COLUMN "issued_by" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_set_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
-- Session ids were stored raw; they are now the SHA-256 of the cookie's token: everyone signs in again.
DELETE FROM "sessions";--> statement-breakpoint
-- Accounts that chose a password: everyone except imported accounts whose link was never used.
UPDATE "users" SET "password_set_at" = "updated_at"
WHERE NOT EXISTS (SELECT 1 FROM "password_tokens" t WHERE t."user_id" = "users"."id")
   OR EXISTS (SELECT 1 FROM "password_tokens" t WHERE t."user_id" = "users"."id" AND t."used_at" IS NOT NULL);
