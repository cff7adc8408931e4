CREATE TABLE "appointment_slot_counts" (
	"hall_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"booked" integer NOT NULL,
	CONSTRAINT "appointment_slot_counts_hall_id_matter_id_slot_start_pk" PRIMARY KEY("hall_id","matter_id","slot_start")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"service_date" text NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_end" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"booked_by" uuid,
	"visitor_id_hash" text NOT NULL,
	"visitor_id_enc" text NOT NULL,
	"visitor_id_masked" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_masked" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"checked_in_at" timestamp with time zone,
	"check_in_command_id" text,
	"ticket_id" uuid,
	"no_show_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"date" text PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"declared_by" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_booking_rules" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"bookable" boolean DEFAULT true NOT NULL,
	"slot_minutes" integer,
	"slot_capacity" integer
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "alert_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "handling_alerted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_slot_counts" ADD CONSTRAINT "appointment_slot_counts_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slot_counts" ADD CONSTRAINT "appointment_slot_counts_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_staff_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_booking_rules" ADD CONSTRAINT "matter_booking_rules_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_code" ON "appointments" USING btree ("code");--> statement-breakpoint
CREATE INDEX "appointments_hall_day" ON "appointments" USING btree ("hall_id","service_date","status");--> statement-breakpoint
CREATE INDEX "appointments_visitor" ON "appointments" USING btree ("visitor_id_hash");--> statement-breakpoint
CREATE INDEX "appointments_phone" ON "appointments" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "appointments_due" ON "appointments" USING btree ("slot_end") WHERE "appointments"."status" = 'booked';