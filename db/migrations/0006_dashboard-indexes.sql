DROP INDEX "enrollments_course_idx";--> statement-breakpoint
CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE INDEX "enrollments_course_user_idx" ON "enrollments" USING btree ("course_id","user_id");