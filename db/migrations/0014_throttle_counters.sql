CREATE TABLE "throttle_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"account" text,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"locks" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "throttle_counters_expires_idx" ON "throttle_counters" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "throttle_counters_account_idx" ON "throttle_counters" USING btree ("account");