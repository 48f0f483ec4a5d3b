import type { DockerCli } from '../command/cli';
import { StatusError } from '../command/errors';
import { engineErrorText } from '../command/errors-text';
import { renderInspect, statusErrorText, type InspectItem } from '../format/formatter';
import { parseGoTemplate, type GoType } from '../format/template/index';

/**
 * docker's inspect.Inspect for one kind of object (cli/command/inspect/inspector.go): a
 * template is checked before any lookup, each reference is looked up in turn (a failure is
 * kept and printed after what was found), and the objects print as indented JSON, `json` or
 * the template, typed as their Go struct.
 */
export async function inspectEach(
  cli: DockerCli,
  request: {
    readonly format: string;
    readonly refs: readonly string[];
    /** The Go type of every object; untyped (as JSON decoded into a map) when absent. */
    readonly type?: GoType;
    /** The object a reference names, as Go would marshal it. */
    readonly fetch: (ref: string) => Promise<unknown>;
    /**
     * False where docker returns the inspector's StatusError as it is (`container inspect`,
     * `docker inspect`): its text alone is printed, and a template that does not parse exits 64.
     * True (the default) where ≤27 wraps it in another (`service`, `node inspect`).
     */
    readonly wrapped?: boolean;
    /** Whether a template that fails on the typed object runs again on the raw JSON. */
    readonly rawFallback?: boolean;
  },
): Promise<void> {
  const { format } = request;
  if (format !== '' && format !== 'json') {
    const parsed = parseGoTemplate(format);
    if (!parsed.ok) {
      const message = `template parsing error: ${parsed.error.message}`;
      if (request.wrapped === false) throw new StatusError(message, 64);
      throw new StatusError(statusErrorText(message, 64), 1);
    }
  }
  const items: InspectItem[] = [];
  for (const ref of request.refs) {
    try {
      items.push({ ok: true, value: await request.fetch(ref) });
    } catch (error) {
      items.push({ ok: false, error: engineErrorText(error) });
    }
  }
  const result = renderInspect({
    items,
    format,
    ...(request.type === undefined ? {} : { type: request.type }),
    ...(request.rawFallback === true ? { rawFallback: true } : {}),
  });
  cli.out.write(result.stdout);
  if (result.errors.length > 0) {
    const text = result.errors.join('\n');
    throw new StatusError(request.wrapped === false ? text : statusErrorText(text), 1);
  }
}
