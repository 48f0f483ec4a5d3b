/**
 * A type guard for the members of a string union, from an object naming each member once. The
 * union is the declaration; the object cannot miss a member or name another (the compiler
 * checks both), so a runtime check never drifts from the type it guards:
 *
 *   const isColour = kindGuard<Colour>({ red: true, green: true });
 */
export function kindGuard<K extends string>(
  members: Readonly<Record<K, true>>,
): (value: unknown) => value is K {
  return (value: unknown): value is K => typeof value === 'string' && Object.hasOwn(members, value);
}
