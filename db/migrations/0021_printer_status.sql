CREATE TABLE "printer_status" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"hall_id" uuid NOT NULL,
	"paper" text NOT NULL,
	"cover_open" boolean NOT NULL,
	"offline" boolean NOT NULL,
	"fault" boolean NOT NULL,
	"source" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "printer_status_paper" CHECK ("printer_status"."paper" in ('ok', 'near_end', 'out')),
	CONSTRAINT "printer_status_source" CHECK ("printer_status"."source" in ('print_job', 'agent'))
);
--> statement-breakpoint
ALTER TABLE "printer_status" ADD CONSTRAINT "printer_status_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "printer_status" ADD CONSTRAINT "printer_status_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "printer_status_hall" ON "printer_status" USING btree ("hall_id");