CREATE TYPE "public"."asn_kind" AS ENUM('pns', 'pppk');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "asn_kind" "asn_kind" DEFAULT 'pns' NOT NULL;