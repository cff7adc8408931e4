/** A PATCH changes only the fields it names: drop the ones it left out (undefined), keep explicit nulls. */
export function namedFields<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function namesAny(fields: Record<string, unknown>): boolean {
  return Object.keys(fields).length > 0;
}
