ALTER TABLE "counters" ADD COLUMN "printer" jsonb;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD COLUMN "document" text DEFAULT 'ticket' NOT NULL;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD COLUMN "counter_id" uuid;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "print_jobs_counter_recent" ON "print_jobs" USING btree ("counter_id","created_at");--> statement-breakpoint
CREATE INDEX "print_jobs_case" ON "print_jobs" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_document" CHECK ("print_jobs"."document" in ('ticket', 'case_receipt', 'case_notice', 'case_refusal'));