import type { ContainerSpec } from '../../api/service';
import { FunctionCallError, goTypes, type FunctionMap, type Value } from '../../lib/template/index';
import { PAYLOAD_CONTEXT_TYPE, type TemplateContext } from './context';
import { SWARMKIT_FUNCTIONS, expandWith, type Expanded } from './expand';

/**
 * What a payload template can reach besides the context (swarmkit template/context.go
 * PayloadContext): the task's container spec, for its references and its environment, and the
 * raw content of the secrets and configs the node holds for it.
 */
export interface PayloadSources {
  readonly container: ContainerSpec | undefined;
  /** A dependency's content as the node holds it, unexpanded; undefined when it has none. */
  readonly content: (kind: 'secret' | 'config', id: string) => string | undefined;
}

/**
 * The `secret`, `config` and `env` functions. `secret TARGET` reads the secret the task mounts
 * at that target, `config TARGET` the same for a config, both as stored (a templated secret
 * read from another's template is not expanded again), and `env NAME` the container's own
 * variable, empty when it has none. A target the task does not mount is an error.
 */
function payloadFunctions(sources: PayloadSources): FunctionMap {
  const lookup = (kind: 'secret' | 'config', target: string): string => {
    const references =
      kind === 'secret'
        ? (sources.container?.Secrets ?? []).map((reference) => ({
            id: reference.SecretID,
            file: reference.File,
          }))
        : (sources.container?.Configs ?? []).map((reference) => ({
            id: reference.ConfigID,
            file: reference.File,
          }));
    const reference = references.find((candidate) => candidate.file?.Name === target);
    if (reference === undefined) throw new FunctionCallError(`${kind} target ${target} not found`);
    const content = sources.content(kind, reference.id);
    // The agent's store answers so for an ID it was not sent (agent/secrets, agent/configs).
    if (content === undefined) throw new FunctionCallError(`${kind} ${reference.id} not found`);
    return content;
  };
  const stringFunction = (call: (argument: string) => string) => ({
    parameters: [goTypes.string],
    call: (args: readonly Value[]) => {
      const argument = args[0]?.value;
      return { type: goTypes.string, value: call(typeof argument === 'string' ? argument : '') };
    },
  });
  return {
    ...SWARMKIT_FUNCTIONS,
    secret: stringFunction((target) => lookup('secret', target)),
    config: stringFunction((target) => lookup('config', target)),
    env: stringFunction((name) => {
      for (const entry of sources.container?.Env ?? []) {
        const equals = entry.indexOf('=');
        if (equals !== -1 && entry.slice(0, equals) === name) return entry.slice(equals + 1);
      }
      return '';
    }),
  };
}

/**
 * swarmkit ExpandSecretSpec / ExpandConfigSpec: a payload with a `golang` templating driver is
 * a template over the task's context and the functions above; one without a driver is left as
 * it is; any other driver is refused.
 */
export function expandPayload(
  text: string,
  driver: string | undefined,
  context: TemplateContext,
  sources: PayloadSources,
): Expanded<string> {
  if (driver === undefined) return { ok: true, value: text };
  if (driver !== 'golang') return { ok: false, error: 'unrecognized template type' };
  return expandWith(text, context, PAYLOAD_CONTEXT_TYPE, payloadFunctions(sources));
}
