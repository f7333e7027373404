CREATE TABLE "certificate_rollups" (
	"agency_id" text NOT NULL,
	"course_id" text NOT NULL,
	"expires_on" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "certificate_rollups_agency_id_course_id_expires_on_pk" PRIMARY KEY("agency_id","course_id","expires_on")
);
--> statement-breakpoint
CREATE TABLE "enrollment_rollups" (
	"agency_id" text NOT NULL,
	"course_id" text NOT NULL,
	"due_date" date NOT NULL,
	"state" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "enrollment_rollups_agency_id_course_id_due_date_state_pk" PRIMARY KEY("agency_id","course_id","due_date","state")
);
