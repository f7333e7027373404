-- Why (issue 18, 1 M learners): the minute tick read every unfinished enrolment of the country into
-- memory (the server ran out of heap). It now reads the reminder windows in keyset batches on these.
CREATE INDEX "enrollments_open_due_idx" ON "enrollments" USING btree ("due_date","id") WHERE completed_at is null and due_date is not null;--> statement-breakpoint
CREATE INDEX "enrollments_assigned_created_idx" ON "enrollments" USING btree ("created_at","id") WHERE assignment_id is not null;