import { renderGoTemplate, type GoType } from '../../../src/lib/template/index';
import { DOCKER_TEMPLATE_FUNCTIONS } from '../../../src/cli/format/template/index';

/**
 * Renders and returns the output, or `ERROR: <message>` so tables can hold both outcomes. With
 * docker's functions, the engine's main caller, so that the tables also reach the JSON encoder
 * (`json`) and the typed values docker's functions take.
 */
export function render(template: string, data: unknown, type?: GoType): string {
  const result = renderGoTemplate(template, data, {
    functions: DOCKER_TEMPLATE_FUNCTIONS,
    ...(type === undefined ? {} : { type }),
  });
  return result.ok ? result.value : `ERROR: ${result.error.message}`;
}
