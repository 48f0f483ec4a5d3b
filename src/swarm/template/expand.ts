import type { ContainerSpec, Mount } from '../../api/service';
import {
  BUILTIN_FUNCTIONS,
  executeGoTemplate,
  goTypes,
  parseGoTemplate,
  type FunctionMap,
  type GoType,
} from '../../lib/template/index';
import { goQuote } from '../../lib/template/quote';
import { TEMPLATE_CONTEXT_TYPE, type TemplateContext } from './context';

/** swarmkit's one function besides Go's: `join SEP A B…` (template/template.go). */
export const SWARMKIT_FUNCTIONS: FunctionMap = {
  ...BUILTIN_FUNCTIONS,
  join: {
    parameters: [],
    variadic: goTypes.string,
    call: (args) => {
      const [separator = '', ...parts] = args.map((arg) =>
        typeof arg?.value === 'string' ? arg.value : '',
      );
      return { type: goTypes.string, value: parts.join(separator) };
    },
  },
};

export type Expanded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * swarmkit's newTemplate and Expand: the text as a template named `expansion`, missing keys an
 * error, executed on `data` of Go type `type`.
 */
export function expandWith(
  text: string,
  data: unknown,
  type: GoType,
  functions: FunctionMap,
): Expanded<string> {
  const parsed = parseGoTemplate(text, { name: 'expansion', functions });
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const run = executeGoTemplate(parsed.value, data, { type, functions, missingKey: 'error' });
  return run.ok ? run : { ok: false, error: run.error.message };
}

/** template.Context.Expand, for the task's container spec. */
export function expandText(text: string, context: TemplateContext): Expanded<string> {
  return expandWith(text, context, TEMPLATE_CONTEXT_TYPE, SWARMKIT_FUNCTIONS);
}

function expandEnv(env: readonly string[], context: TemplateContext): Expanded<string[]> {
  const result: string[] = [];
  for (const entry of env) {
    const equals = entry.indexOf('=');
    if (equals === -1) {
      result.push(entry);
      continue;
    }
    const value = expandText(entry.slice(equals + 1), context);
    if (!value.ok) return { ok: false, error: `expanding env ${goQuote(entry)}: ${value.error}` };
    result.push(`${entry.slice(0, equals)}=${value.value}`);
  }
  return { ok: true, value: result };
}

function expandMounts(mounts: readonly Mount[], context: TemplateContext): Expanded<Mount[]> {
  const result: Mount[] = [];
  for (const mount of mounts) {
    const source = expandText(mount.Source ?? '', context);
    if (!source.ok) {
      return {
        ok: false,
        error: `expanding mount source ${goQuote(mount.Source ?? '')}: ${source.error}`,
      };
    }
    const target = expandText(mount.Target ?? '', context);
    if (!target.ok) {
      return {
        ok: false,
        error: `expanding mount target ${goQuote(mount.Target ?? '')}: ${target.error}`,
      };
    }
    result.push({
      ...mount,
      ...(mount.Source === undefined ? {} : { Source: source.value }),
      ...(mount.Target === undefined ? {} : { Target: target.value }),
    });
  }
  return { ok: true, value: result };
}

/**
 * swarmkit template.ExpandContainerSpec: the env values, the mounts' sources and targets and
 * the hostname, each with the error wrapped as swarmkit wraps it (`expanding env failed: …`).
 * Evaluated on the agent, before the container is created; the control API runs it too, over
 * a stand-in task, to refuse a template that cannot work.
 */
export function expandContainerSpec(
  spec: ContainerSpec,
  context: TemplateContext,
): Expanded<ContainerSpec> {
  const env = expandEnv(spec.Env ?? [], context);
  if (!env.ok) return { ok: false, error: `expanding env failed: ${env.error}` };
  const mounts = expandMounts(spec.Mounts ?? [], context);
  if (!mounts.ok) return { ok: false, error: `expanding mounts failed: ${mounts.error}` };
  const hostname = expandText(spec.Hostname ?? '', context);
  if (!hostname.ok) return { ok: false, error: `expanding hostname failed: ${hostname.error}` };
  return {
    ok: true,
    value: {
      ...spec,
      ...(spec.Env === undefined ? {} : { Env: env.value }),
      ...(spec.Mounts === undefined ? {} : { Mounts: mounts.value }),
      ...(spec.Hostname === undefined ? {} : { Hostname: hostname.value }),
    },
  };
}
