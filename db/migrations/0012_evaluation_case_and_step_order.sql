DROP INDEX "bad_review_steps_review";--> statement-breakpoint
ALTER TABLE "bad_review_steps" ADD COLUMN "step_no" integer;--> statement-breakpoint
-- Number the steps already logged (in time order) once, with the append-only trigger held for this migration only.
ALTER TABLE "bad_review_steps" DISABLE TRIGGER "bad_review_steps_no_update";--> statement-breakpoint
UPDATE "bad_review_steps" s SET "step_no" = n.rn FROM (SELECT "id", row_number() OVER (PARTITION BY "bad_review_id" ORDER BY "at", "id") AS rn FROM "bad_review_steps") n WHERE n."id" = s."id";--> statement-breakpoint
ALTER TABLE "bad_review_steps" ENABLE TRIGGER "bad_review_steps_no_update";--> statement-breakpoint
ALTER TABLE "bad_review_steps" ALTER COLUMN "step_no" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "bad_review_steps_order" ON "bad_review_steps" USING btree ("bad_review_id","step_no");
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
