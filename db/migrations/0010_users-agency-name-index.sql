DROP INDEX "users_agency_idx";--> statement-breakpoint
CREATE INDEX "users_agency_name_idx" ON "users" USING btree ("agency_id","name","id");