import { describe, expect, it } from 'vitest';
import { parseYAML } from '../../../../src/cli/compose/loader/parse-yaml';
import {
  deprecatedProperties,
  propertyWarnings,
  unsupportedProperties,
} from '../../../../src/cli/compose/loader/properties';

const first = parseYAML(
  'services:\n  web:\n    image: x\n    build: .\n    restart: always\n    container_name: w\n',
);
const second = parseYAML(
  'services:\n  db:\n    image: y\n    privileged: true\n    expose: [5432]\n',
);

describe('the keys stack deploy ignores', () => {
  it('lists the unsupported keys of every file, sorted, as "Ignoring unsupported options: …"', () => {
    expect(unsupportedProperties([first, second])).toEqual(['build', 'privileged', 'restart']);
  });

  it('words the deprecated keys as propertyWarnings does', () => {
    expect(propertyWarnings(deprecatedProperties([first, second]))).toBe(
      [
        'container_name: Setting the container name is not supported.',
        '',
        "expose: Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
      ].join('\n'),
    );
  });
});
