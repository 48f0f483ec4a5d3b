/** A copy of `record` without `key` (tables are plain records, so they stay serialisable). */
export function omitKey<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([other]) => other !== key));
}

/** A Map's entries sorted by key, so that the export does not depend on insertion order. */
export function sortedEntries<K extends string | number, V>(map: ReadonlyMap<K, V>): [K, V][] {
  // `<` rather than localeCompare: the order must not depend on the host's locale.
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
