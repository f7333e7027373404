CREATE TABLE "certificate_issuance" (
	"certificate_id" text PRIMARY KEY NOT NULL,
	"status_index" serial NOT NULL,
	"subject_salt" text NOT NULL,
	"institution" text,
	"signatory_name" text,
	"signatory_nip" text,
	"signatory_title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_signatories" (
	"scope" text PRIMARY KEY NOT NULL,
	"agency_id" text,
	"institution" text NOT NULL,
	"signatory_name" text NOT NULL,
	"signatory_nip" text,
	"signatory_title" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issuer_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"algorithm" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"created_by" text
);
--> statement-breakpoint
ALTER TABLE "certificate_issuance" ADD CONSTRAINT "certificate_issuance_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_signatories" ADD CONSTRAINT "certificate_signatories_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_signatories" ADD CONSTRAINT "certificate_signatories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuer_keys" ADD CONSTRAINT "issuer_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_issuance_status_index_uq" ON "certificate_issuance" USING btree ("status_index");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_one_current_uq" ON "issuer_keys" USING btree ("current") WHERE current;