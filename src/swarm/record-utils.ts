/** A copy of `record` without `key` (tables are plain records, so they stay serialisable). */
export function omitKey<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([other]) => other !== key));
}
