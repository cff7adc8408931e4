CREATE TABLE "report_day_bins" (
	"hall_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"grain" text NOT NULL,
	"service_date" text NOT NULL,
	"key" text NOT NULL,
	"measure" text NOT NULL,
	"ub" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_day_bins_hall_id_dim_grain_service_date_key_measure_ub_pk" PRIMARY KEY("hall_id","dim","grain","service_date","key","measure","ub")
);
--> statement-breakpoint
CREATE TABLE "report_day_counts" (
	"hall_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"grain" text NOT NULL,
	"service_date" text NOT NULL,
	"key" text NOT NULL,
	"tickets" integer NOT NULL,
	"served" integer NOT NULL,
	"no_shows" integer NOT NULL,
	"cancelled" integer NOT NULL,
	"wait_measured" integer NOT NULL,
	"wait_within" integer NOT NULL,
	"general_measured" integer NOT NULL,
	"general_within" integer NOT NULL,
	"complex_measured" integer NOT NULL,
	"complex_within" integer NOT NULL,
	"handling_measured" integer NOT NULL,
	CONSTRAINT "report_day_counts_hall_id_dim_grain_service_date_key_pk" PRIMARY KEY("hall_id","dim","grain","service_date","key")
);
--> statement-breakpoint
CREATE TABLE "report_days" (
	"hall_id" uuid NOT NULL,
	"service_date" text NOT NULL,
	"built_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_days_hall_id_service_date_pk" PRIMARY KEY("hall_id","service_date")
);
--> statement-breakpoint
CREATE TABLE "report_months" (
	"hall_id" uuid NOT NULL,
	"month" text NOT NULL,
	"built_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_months_hall_id_month_pk" PRIMARY KEY("hall_id","month")
);
--> statement-breakpoint
ALTER TABLE "report_day_bins" ADD CONSTRAINT "report_day_bins_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_day_counts" ADD CONSTRAINT "report_day_counts_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_days" ADD CONSTRAINT "report_days_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_months" ADD CONSTRAINT "report_months_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;