/** Ticket numbers: prefix + zero-padded daily sequence (A001 … A999, A1000 …). */
export function formatTicketNumber(prefix: string, value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`sequence must be a positive integer, got ${value}`);
  return prefix + String(value).padStart(3, '0');
}

/** Reads the digits of a ticket number back, e.g. for voice ("A023" → ['A','0','2','3']). */
export function ticketNumberCharacters(number: string): string[] {
  return [...number];
}
