/** Hall-local calendar maths. Pure: the instant is always passed in. */
const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  seconds: number;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(at)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, seconds: Number(p.second) };
}

/** The hall-local service day an instant belongs to: numbering resets at local midnight. */
export function serviceDate(at: Date, timeZone: string): string {
  return localParts(at, timeZone).date;
}

/** The instant of a hall-local wall-clock time (handles any fixed or DST offset by iteration). */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const lp = localParts(new Date(guess), timeZone);
    const [ly, lm, ld] = lp.date.split('-').map(Number) as [number, number, number];
    const [lh, lmin] = lp.time.split(':').map(Number) as [number, number];
    const seen = Date.UTC(ly, lm - 1, ld, lh, lmin);
    guess += wanted - seen;
  }
  return new Date(guess);
}

export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 60_000;
}
