/**
 * The missed-number rule the ticket screen shows, in the visitor's language: the hall's Chinese rule
 * on the Chinese screen, its English rule (missedNumberRuleEn, as English paper tickets print it) on
 * the English screen. A server that sends no English rule gets the default English text, never the
 * Chinese one; a server that sends no Chinese rule shows none (as before).
 */
import type { Lang } from '../../../ui-shared/src/i18n';
import type { KioskHall } from './kiosk-state';

export function missedRuleFor(hall: Pick<KioskHall, 'missedNumberRule' | 'missedNumberRuleEn'> | null, lang: Lang, englishDefault: string): string | null {
  if (!hall) return null;
  if (lang === 'en') return hall.missedNumberRuleEn?.trim() || englishDefault;
  return hall.missedNumberRule;
}
