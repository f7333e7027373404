CREATE TYPE "public"."attempt_status" AS ENUM('in_progress', 'completed');--> statement-breakpoint
CREATE TABLE "exercise_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"exercise_slug" text NOT NULL,
	"kind" text DEFAULT 'dm' NOT NULL,
	"status" "attempt_status" DEFAULT 'in_progress' NOT NULL,
	"current_turn_id" text,
	"score" integer,
	"passed" boolean,
	"grader_version" text NOT NULL,
	"course_version" text NOT NULL,
	"override_score" integer,
	"override_passed" boolean,
	"override_comment" text,
	"overridden_by" text,
	"overridden_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exercise_turns" (
	"id" text PRIMARY KEY NOT NULL,
	"attempt_id" text NOT NULL,
	"position" integer NOT NULL,
	"turn_id" text NOT NULL,
	"citizen_message" text NOT NULL,
	"reply" text NOT NULL,
	"reply_seconds" integer,
	"grade" jsonb NOT NULL,
	"score" integer NOT NULL,
	"passed" boolean NOT NULL,
	"grader_version" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_turns_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD CONSTRAINT "exercise_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD CONSTRAINT "exercise_attempts_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_attempts" ADD CONSTRAINT "exercise_attempts_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_turns" ADD CONSTRAINT "exercise_turns_attempt_id_exercise_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exercise_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_attempts_user_slug_idx" ON "exercise_attempts" USING btree ("user_id","exercise_slug");--> statement-breakpoint
CREATE INDEX "exercise_attempts_lesson_idx" ON "exercise_attempts" USING btree ("lesson_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_attempts_one_open_uq" ON "exercise_attempts" USING btree ("user_id","exercise_slug") WHERE status = 'in_progress';--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_turns_attempt_position_uq" ON "exercise_turns" USING btree ("attempt_id","position");