/**
 * The fields of an update that are given and differ from what is held (lists
 * and objects compared by value). An update naming nothing new — an empty
 * patch, fields left undefined, the values already held — changes nothing and
 * records nothing: its handler answers the current state without writing.
 */
export function changedFields<P extends object>(patch: P, current: Partial<Record<keyof P, unknown>>): Partial<P> {
  const changed: Partial<P> = {};
  for (const [key, value] of Object.entries(givenFields(patch)) as [keyof P, P[keyof P]][]) {
    if (JSON.stringify(value) !== JSON.stringify(current[key])) changed[key] = value;
  }
  return changed;
}

/** The fields of a patch that are given: `{ theme: undefined }` names nothing. */
export const givenFields = <P extends object>(patch: P): Partial<P> =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<P>;

export const isEmpty = (patch: object) => Object.keys(patch).length === 0;
