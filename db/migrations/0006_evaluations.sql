CREATE TABLE "bad_review_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bad_review_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"decision" text,
	"note" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bad_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"staff_id" uuid,
	"state" text NOT NULL,
	"real_name" boolean NOT NULL,
	"called_back" boolean DEFAULT false NOT NULL,
	"appeal_from" text,
	"appealed" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"deadline_days" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"stage_started_at" timestamp with time zone NOT NULL,
	"contacted_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "bad_reviews_evaluation_id_unique" UNIQUE("evaluation_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"staff_id" uuid,
	"case_id" uuid,
	"service_date" text NOT NULL,
	"level" integer NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason_text" text,
	"channel" text NOT NULL,
	"device_id" uuid,
	"real_name" boolean NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluations_one_per_service" UNIQUE("ticket_id"),
	CONSTRAINT "evaluations_level_1_5" CHECK ("evaluations"."level" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "bad_review_steps" ADD CONSTRAINT "bad_review_steps_bad_review_id_bad_reviews_id_fk" FOREIGN KEY ("bad_review_id") REFERENCES "public"."bad_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bad_review_steps" ADD CONSTRAINT "bad_review_steps_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bad_reviews" ADD CONSTRAINT "bad_reviews_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bad_reviews" ADD CONSTRAINT "bad_reviews_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bad_reviews" ADD CONSTRAINT "bad_reviews_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bad_reviews" ADD CONSTRAINT "bad_reviews_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bad_review_steps_review" ON "bad_review_steps" USING btree ("bad_review_id","at");--> statement-breakpoint
CREATE INDEX "bad_reviews_hall_state" ON "bad_reviews" USING btree ("hall_id","state");--> statement-breakpoint
CREATE INDEX "evaluations_hall_day" ON "evaluations" USING btree ("hall_id","service_date");--> statement-breakpoint
CREATE INDEX "evaluations_staff" ON "evaluations" USING btree ("staff_id");