CREATE TABLE "course_evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"course_id" text NOT NULL,
	"course_version" text NOT NULL,
	"relevance" smallint NOT NULL,
	"clarity" smallint NOT NULL,
	"practice" smallint NOT NULL,
	"time" smallint NOT NULL,
	"recommend" smallint NOT NULL,
	"comment" text,
	"plan_change" text NOT NULL,
	"plan_due" date NOT NULL,
	"plan_evidence" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_evaluations_ratings_ck" CHECK ("course_evaluations"."relevance" between 1 and 5 and "course_evaluations"."clarity" between 1 and 5 and "course_evaluations"."practice" between 1 and 5 and "course_evaluations"."time" between 1 and 5 and "course_evaluations"."recommend" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_evaluations_user_course_uq" ON "course_evaluations" USING btree ("user_id","course_id");--> statement-breakpoint
CREATE INDEX "course_evaluations_course_idx" ON "course_evaluations" USING btree ("course_id");