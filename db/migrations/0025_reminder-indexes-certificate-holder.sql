-- Why (issue 18, 1 M learners), two changes:
-- 1. The minute reminder tick read every unfinished enrolment of the country into memory (the
--    server ran out of heap). It now reads the reminder windows in keyset batches on the two
--    partial indexes on enrollments below.
-- 2. The learner table filtered to "certified" or "expired" started from every such certificate of
--    the course in the country and joined each holder before the province filter (348-388 ms p95).
--    The holder's current agency on the certificate (decision 024) lets it read a unit's
--    certificates through an index, unit by unit in path order. Triggers keep it equal to
--    users.agency_id.
ALTER TABLE "certificates" ADD COLUMN "holder_agency_id" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_holder_agency_id_agencies_id_fk" FOREIGN KEY ("holder_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "certificates" c SET "holder_agency_id" = u."agency_id" FROM "users" u WHERE u."id" = c."user_id";--> statement-breakpoint
CREATE INDEX "certificates_holder_course_expiry_idx" ON "certificates" USING btree ("holder_agency_id","course_id","expires_at") WHERE replaced_by is null;--> statement-breakpoint
CREATE INDEX "enrollments_open_due_idx" ON "enrollments" USING btree ("due_date","id") WHERE completed_at is null and due_date is not null;--> statement-breakpoint
CREATE INDEX "enrollments_assigned_created_idx" ON "enrollments" USING btree ("created_at","id") WHERE assignment_id is not null;
--> statement-breakpoint
CREATE FUNCTION certificates_set_holder_agency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.holder_agency_id := (SELECT agency_id FROM users WHERE id = NEW.user_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER certificates_set_holder_agency BEFORE INSERT OR UPDATE OF user_id ON certificates FOR EACH ROW EXECUTE FUNCTION certificates_set_holder_agency();
--> statement-breakpoint
-- A learner moved to another unit takes their certificates along (the index on user_id finds them).
CREATE FUNCTION users_move_certificate_holder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE certificates SET holder_agency_id = NEW.agency_id WHERE user_id = NEW.id AND holder_agency_id IS DISTINCT FROM NEW.agency_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_move_certificate_holder AFTER UPDATE OF agency_id ON users FOR EACH ROW WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id) EXECUTE FUNCTION users_move_certificate_holder();
