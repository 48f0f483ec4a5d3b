import { renderGoTemplate, type GoType } from '../../../../src/cli/format/template/index';

/** Renders and returns the output, or `ERROR: <message>` so tables can hold both outcomes. */
export function render(template: string, data: unknown, type?: GoType): string {
  const result = renderGoTemplate(template, data, type === undefined ? {} : { type });
  return result.ok ? result.value : `ERROR: ${result.error.message}`;
}
