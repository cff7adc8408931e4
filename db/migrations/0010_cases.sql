CREATE TABLE "case_visits" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"service_date" text NOT NULL,
	"seq_no" integer NOT NULL,
	"number" text NOT NULL,
	"matter_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"counter_id" uuid,
	"status" text NOT NULL,
	"delivery" text NOT NULL,
	"received" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notice" jsonb,
	"opened_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_date" text,
	"limit_days" integer,
	"due_date" text,
	"tolerated" boolean DEFAULT false NOT NULL,
	"promise_date" text,
	"promise_kept_at" timestamp with time zone,
	"on_the_spot" boolean DEFAULT false NOT NULL,
	"notice_count" integer DEFAULT 0 NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_at" timestamp with time zone,
	"reason" text,
	"tracking_number" text,
	"ready_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"visitor_id_hash" text,
	"visitor_id_enc" text,
	"visitor_id_masked" text,
	"alert_level" integer DEFAULT 0 NOT NULL,
	"promise_alerted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_guides" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"materials" jsonb NOT NULL,
	"conditions" text NOT NULL,
	"fee" text NOT NULL,
	"result_name" text NOT NULL,
	"delivery_methods" jsonb NOT NULL,
	"basis" text NOT NULL,
	"notice_days" integer DEFAULT 10 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_departments" (
	"staff_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "staff_departments_staff_id_department_id_pk" PRIMARY KEY("staff_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "case_visits" ADD CONSTRAINT "case_visits_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_visits" ADD CONSTRAINT "case_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_guides" ADD CONSTRAINT "matter_guides_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_guides" ADD CONSTRAINT "matter_guides_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_departments" ADD CONSTRAINT "staff_departments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_departments" ADD CONSTRAINT "staff_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_visits_case" ON "case_visits" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_hall_day_number" ON "cases" USING btree ("hall_id","service_date","number");--> statement-breakpoint
CREATE INDEX "cases_hall_number" ON "cases" USING btree ("hall_id","number");--> statement-breakpoint
CREATE INDEX "cases_hall_status" ON "cases" USING btree ("hall_id","status");--> statement-breakpoint
CREATE INDEX "cases_visitor" ON "cases" USING btree ("hall_id","visitor_id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_hall_name" ON "departments" USING btree ("hall_id","name");