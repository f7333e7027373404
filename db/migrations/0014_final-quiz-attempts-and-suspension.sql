CREATE TYPE "public"."quiz_attempt_purpose" AS ENUM('final', 'pretest');--> statement-breakpoint
CREATE TABLE "final_quiz_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"course_id" text NOT NULL,
	"quiz_id" text NOT NULL,
	"purpose" "quiz_attempt_purpose" DEFAULT 'final' NOT NULL,
	"seed" text NOT NULL,
	"item_ids" jsonb NOT NULL,
	"option_order" jsonb NOT NULL,
	"answers" jsonb,
	"item_results" jsonb,
	"score" integer,
	"passed" boolean,
	"course_version" text NOT NULL,
	"idempotency_key" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "final_quiz_attempts_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "suspended_lesson" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "cycle_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "final_quiz_attempts" ADD CONSTRAINT "final_quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_quiz_attempts" ADD CONSTRAINT "final_quiz_attempts_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_quiz_attempts" ADD CONSTRAINT "final_quiz_attempts_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "final_quiz_attempts_one_open_uq" ON "final_quiz_attempts" USING btree ("user_id","quiz_id","purpose") WHERE submitted_at is null;--> statement-breakpoint
CREATE INDEX "final_quiz_attempts_user_quiz_idx" ON "final_quiz_attempts" USING btree ("user_id","quiz_id","submitted_at");--> statement-breakpoint
CREATE INDEX "final_quiz_attempts_course_idx" ON "final_quiz_attempts" USING btree ("course_id","purpose");