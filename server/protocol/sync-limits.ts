/**
 * How far back a snapshot's `recentCalls` reaches: every call younger than the announcement
 * horizon (so a display that re-snapshots after a gap or a reconnect can still announce each one
 * — the announcer dedupes by seq), and never fewer than the last RECENT_CALLS_MIN of the day.
 */
export const ANNOUNCEMENT_HORIZON_MS = 120_000;
export const RECENT_CALLS_MIN = 10;
/** A bound on the snapshot's size whatever the call rate. */
export const RECENT_CALLS_MAX = 200;
