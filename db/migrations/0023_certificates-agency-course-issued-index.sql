DROP INDEX "certificates_agency_idx";--> statement-breakpoint
CREATE INDEX "certificates_agency_course_issued_idx" ON "certificates" USING btree ("agency_id","course_id","issued_at");