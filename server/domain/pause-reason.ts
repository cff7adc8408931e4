/**
 * Pause reasons are free text for managers ("会议：科室例会"), but public screens show only the
 * preset category: whatever staff type after it (a colleague's name, say) never reaches a display.
 */
export const PAUSE_CATEGORIES = ['休息', '会议', '业务学习', '其他'] as const;

export function publicPauseReason(reason: string | null): string | null {
  if (!reason) return null;
  const head = reason.split(/[:：]/, 1)[0]!.trim();
  return (PAUSE_CATEGORIES as readonly string[]).includes(head) ? head : null;
}
