import { describe, expect, it } from 'vitest';
import { interpolate } from '../../../../src/cli/compose/interpolation/interpolation';
import { INTERPOLATE_TYPE_CAST_MAPPING } from '../../../../src/cli/compose/loader/interpolate';
import type { Dict } from '../../../../src/cli/compose/types/dict';

function run(config: Dict, env: Record<string, string> = {}): Dict {
  const values = new Map(Object.entries(env));
  return interpolate(config, {
    lookupValue: (name) => values.get(name),
    typeCastMapping: INTERPOLATE_TYPE_CAST_MAPPING,
  });
}

function failure(config: Dict, env: Record<string, string> = {}): string {
  try {
    run(config, env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

describe('interpolate, with loader/interpolate.go’s casts', () => {
  it('substitutes every string and casts the known paths', () => {
    const config: Dict = {
      services: {
        web: {
          image: 'nginx:${TAG:-latest}',
          command: ['echo', '$GREETING'],
          read_only: '${RO}',
          deploy: { replicas: '${N}', update_config: { max_failure_ratio: '${R}' } },
          ports: [{ target: '${PORT}', published: 8080 }],
        },
      },
      networks: { front: { external: '${EXT}' } },
    };
    expect(
      run(config, { GREETING: 'hi', RO: 'on', N: '3', R: '0.25', PORT: '80', EXT: 'No' }),
    ).toEqual({
      services: {
        web: {
          image: 'nginx:latest',
          command: ['echo', 'hi'],
          read_only: true,
          deploy: { replicas: 3, update_config: { max_failure_ratio: 0.25 } },
          ports: [{ target: 80, published: 8080 }],
        },
      },
      networks: { front: { external: false } },
    });
  });

  it('leaves a string with nothing to substitute as it is, even at a cast path', () => {
    expect(run({ services: { web: { deploy: { replicas: '3' } } } })).toEqual({
      services: { web: { deploy: { replicas: '3' } } },
    });
  });

  it.each([
    [
      { services: { web: { image: '${IMG:?set IMG}' } } },
      {},
      'invalid interpolation format for services.web.image: "required variable IMG is missing a value: set IMG"; you may need to escape any $ with another $',
    ],
    [
      { services: { web: { command: ['a', 'cost 5$'] } } },
      {},
      'invalid interpolation format for services.web.command.[]: "cost 5$"; you may need to escape any $ with another $',
    ],
    [
      { services: { web: { deploy: { replicas: '${N}' } } } },
      { N: 'two' },
      'error while interpolating services.web.deploy.replicas: failed to cast to expected type: strconv.Atoi: parsing "two": invalid syntax',
    ],
    [
      { services: { web: { tty: '${T}' } } },
      { T: 'maybe' },
      'error while interpolating services.web.tty: failed to cast to expected type: invalid boolean: maybe',
    ],
    [
      { services: { web: { deploy: { update_config: { max_failure_ratio: '${R}' } } } } },
      { R: 'half' },
      'error while interpolating services.web.deploy.update_config.max_failure_ratio: failed to cast to expected type: strconv.ParseFloat: parsing "half": invalid syntax',
    ],
  ])('%j fails as docker words it', (config, env, message) => {
    expect(failure(config, env)).toBe(message);
  });
});
