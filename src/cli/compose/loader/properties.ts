/**
 * The service keys `docker stack deploy` ignores or refuses (loader.go's
 * GetUnsupportedProperties and GetDeprecatedProperties, and cli/command/stack/loader's
 * propertyWarnings, 27.5.1). They are read from the files as parsed, before interpolation.
 */
import { isDict, type Dict } from '../types/dict';
import { DEPRECATED_PROPERTIES, UNSUPPORTED_PROPERTIES } from '../types/types';

function services(config: Dict): Dict[] {
  const value = config['services'];
  if (!isDict(value)) return [];
  return Object.values(value).filter(isDict);
}

/** The unsupported keys any service of any file sets, sorted. */
export function unsupportedProperties(configs: readonly Dict[]): string[] {
  const found = new Set<string>();
  for (const config of configs) {
    for (const service of services(config)) {
      for (const property of UNSUPPORTED_PROPERTIES) if (property in service) found.add(property);
    }
  }
  return [...found].sort();
}

/** The deprecated keys any service sets, with docker's note on each. */
export function deprecatedProperties(configs: readonly Dict[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const config of configs) {
    for (const service of services(config)) {
      for (const [property, note] of DEPRECATED_PROPERTIES) {
        if (property in service) found.set(property, note);
      }
    }
  }
  return found;
}

/** propertyWarnings: `name: description` lines, sorted, a blank line between them. */
export function propertyWarnings(properties: ReadonlyMap<string, string>): string {
  return [...properties]
    .map(([name, description]) => `${name}: ${description}`)
    .sort()
    .join('\n\n');
}
