-- The bins' primary key carries n (docs/performance.md §Report roll-ups): a report's sum of a range's bins
-- is an index-only scan once autovacuum has marked the past days' pages all-visible — a year by matter
-- read ~1,700 buffers instead of ~61,000 (one heap fetch per bin row).
ALTER TABLE "report_day_bins" DROP CONSTRAINT "report_day_bins_hall_id_dim_grain_service_date_key_measure_ub_pk";--> statement-breakpoint
ALTER TABLE "report_day_bins" ADD CONSTRAINT "report_day_bins_hall_id_dim_grain_service_date_key_measure_ub_pk" PRIMARY KEY ("hall_id", "dim", "grain", "service_date", "key", "measure", "ub") INCLUDE ("n");
