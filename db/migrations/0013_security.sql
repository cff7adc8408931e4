CREATE TABLE "phone_codes" (
	"phone_hash" text PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_in_window" integer DEFAULT 1 NOT NULL,
	"window_start" timestamp with time zone NOT NULL
);
