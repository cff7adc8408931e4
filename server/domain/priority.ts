/**
 * Green-channel priority (DOMAIN §4). Elderly priority is derived — from the birth date in a
 * checked identity number and the hall's threshold age — and never taken from what a client
 * says: anyone can claim to be old, nobody can forge a GB 11643 check character for a birth date
 * they do not have without also giving a number that names them. The other reasons (disabled,
 * military, pregnant) are declared at the kiosk or counter and kept as declared.
 */
import { ageOn } from '../protocol/identity-number';

export const DECLARED_GREEN_CHANNELS = ['disabled', 'military', 'pregnant'] as const;
export type DeclaredGreenChannel = (typeof DECLARED_GREEN_CHANNELS)[number];
export type GreenChannel = DeclaredGreenChannel | 'elderly';

export interface PriorityInput {
  /** What the visitor declared (never 'elderly'). */
  declared: DeclaredGreenChannel | null;
  /** Birth date 'YYYY-MM-DD' from a validated identity number, or null without one. */
  birthDate: string | null;
  /** The hall's service date 'YYYY-MM-DD'. */
  day: string;
  /** The hall's elderly threshold (default 60). */
  elderlyAge: number;
}

/** The ticket's green-channel reason: the declared one, else elderly when the identity number says so. */
export function greenChannelFor(input: PriorityInput): GreenChannel | null {
  if (input.declared) return input.declared;
  if (input.birthDate && ageOn(input.birthDate, input.day) >= input.elderlyAge) return 'elderly';
  return null;
}
