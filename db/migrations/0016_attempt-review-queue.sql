CREATE TYPE "public"."review_status" AS ENUM('pending', 'confirmed', 'changed');--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD COLUMN "review_status" "review_status";--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD COLUMN "review_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD COLUMN "review_criteria" jsonb;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD COLUMN "review_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD CONSTRAINT "exercise_attempts_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_attempts_review_queue_idx" ON "exercise_attempts" USING btree ("completed_at") WHERE review_status = 'pending';