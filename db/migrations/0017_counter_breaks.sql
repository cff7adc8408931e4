CREATE TABLE "counter_breaks" (
	"counter_id" uuid NOT NULL,
	"service_date" text NOT NULL,
	"times" jsonb NOT NULL,
	CONSTRAINT "counter_breaks_counter_id_service_date_pk" PRIMARY KEY("counter_id","service_date")
);
--> statement-breakpoint
ALTER TABLE "counter_breaks" ADD CONSTRAINT "counter_breaks_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE cascade ON UPDATE no action;