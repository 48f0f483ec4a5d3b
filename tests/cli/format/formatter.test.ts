import { describe, expect, it } from 'vitest';
import {
  chooseListFormat,
  renderInspect,
  renderList,
  statusErrorText,
  templateTextOf,
} from '../../../src/cli/format/formatter';
import { goTypes } from '../../../src/cli/format/template/index';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}';
const HEADER = { ID: 'ID', Name: 'NAME', Mode: 'MODE', Replicas: 'REPLICAS' };

class ServiceRow {
  constructor(
    private readonly id: string,
    private readonly name: string,
  ) {}
  ID(): string {
    return this.id.slice(0, 12);
  }
  Name(): string {
    return this.name;
  }
  Mode(): string {
    return 'replicated';
  }
  Replicas(): string {
    return '3/3';
  }
}

const rows = [
  new ServiceRow('kz3t4fw8qx1zabcdefghijklm', 'web'),
  new ServiceRow('p0q9r8s7t6u5v4', 'api-gateway'),
];

function list(format: string, rowList: readonly object[] = rows): string {
  const result = renderList({
    format,
    rows: rowList,
    header: HEADER,
    rowTypeName: '*service.serviceContext',
  });
  return result.ok ? result.stdout : `ERROR: ${result.error}`;
}

describe('chooseListFormat', () => {
  const raw = { format: 'id: {{.ID}}\\nname: {{.Name}}\\n', quietFormat: 'id: {{.ID}}' };
  it.each([
    [{ format: '', quiet: false }, DEFAULT_TABLE],
    [{ format: '', quiet: true }, '{{.ID}}'],
    [{ format: 'table', quiet: true }, '{{.ID}}'],
    [{ format: 'raw', quiet: false }, raw.format],
    [{ format: 'raw', quiet: true }, raw.quietFormat],
    [{ format: '{{.Name}}', quiet: true }, '{{.Name}}'],
    [{ format: 'table {{.Name}}', quiet: true }, 'table {{.Name}}'],
  ])('%j gives %j', (options, expected) => {
    expect(chooseListFormat({ ...options, defaultTableFormat: DEFAULT_TABLE, raw })).toBe(expected);
  });

  it('treats raw as a plain template where the command has no raw format', () => {
    expect(
      chooseListFormat({ format: 'raw', quiet: false, defaultTableFormat: DEFAULT_TABLE }),
    ).toBe('raw');
  });
});

describe('templateTextOf', () => {
  it('strips table, trims spaces and turns \\t and \\n escapes into characters', () => {
    expect(templateTextOf('table  {{.ID}}\\t{{.Name}}\\n ')).toBe('{{.ID}}\t{{.Name}}\n');
    expect(templateTextOf('json')).toBe('{{json .}}');
    expect(templateTextOf('\t{{.ID}}')).toBe('\t{{.ID}}');
  });
});

describe('renderList', () => {
  it('lays out the default table with minwidth 10 and padding 3', () => {
    expect(list(DEFAULT_TABLE)).toBe(
      'ID             NAME          MODE         REPLICAS\n' +
        'kz3t4fw8qx1z   web           replicated   3/3\n' +
        'p0q9r8s7t6u5   api-gateway   replicated   3/3\n',
    );
  });

  it('prints only the header for an empty list', () => {
    expect(list(DEFAULT_TABLE, [])).toBe('ID        NAME      MODE      REPLICAS\n');
  });

  it('renders a custom table with escapes and keeps header names through header functions', () => {
    expect(list('table {{.Name}}\\t{{upper .Name}}\\t{{pad .Mode 1 0}}', rows.slice(0, 1))).toBe(
      'NAME      NAME       MODE\nweb       WEB        replicated\n',
    );
  });

  it('renders a bare template once per row without a header', () => {
    expect(list('{{.Name}}: {{.Replicas}}')).toBe('web: 3/3\napi-gateway: 3/3\n');
  });

  it('prints one JSON object per row with every placeholder, keys sorted', () => {
    expect(list('json', rows.slice(0, 1))).toBe(
      '{"ID":"kz3t4fw8qx1z","Mode":"replicated","Name":"web","Replicas":"3/3"}\n',
    );
    expect(list('{{json .}}', rows.slice(0, 1))).toBe(list('json', rows.slice(0, 1)));
  });

  it("reports a parse error with docker's prefix", () => {
    expect(list('{{.Name}')).toBe(
      'ERROR: template parsing error: template: :1: unexpected "}" in operand',
    );
  });

  it('reports an execution error naming the row context type', () => {
    expect(list('table {{.Bogus}}')).toBe(
      'ERROR: template parsing error: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *service.serviceContext',
    );
  });
});

const managerStatus = goTypes.struct('swarm.ManagerStatus', { Leader: goTypes.bool });
const nodeType = goTypes.struct('swarm.Node', {
  ID: goTypes.string,
  ManagerStatus: goTypes.pointer(managerStatus),
});

describe('renderInspect', () => {
  const leader = { ID: 'n1', ManagerStatus: { Leader: true } };
  const worker = { ID: 'n2', Spec: { Name: 'a<b&c>' } };

  it("prints an indented JSON array with Go's HTML escaping by default", () => {
    expect(renderInspect({ items: [{ ok: true, value: worker }], format: '' })).toEqual({
      stdout:
        '[\n    {\n        "ID": "n2",\n        "Spec": {\n            "Name": "a\\u003cb\\u0026c\\u003e"\n        }\n    }\n]\n',
      errors: [],
    });
  });

  it('prints [] and the lookup error when nothing was found', () => {
    expect(
      renderInspect({
        items: [{ ok: false, error: 'Error: no such service: nosuch' }],
        format: '',
      }),
    ).toEqual({
      stdout: '[]\n',
      errors: ['Error: no such service: nosuch'],
    });
  });

  it('prints compact JSON for --format json', () => {
    expect(renderInspect({ items: [{ ok: true, value: leader }], format: 'json' }).stdout).toBe(
      '[{"ID":"n1","ManagerStatus":{"Leader":true}}]\n',
    );
  });

  it('runs a template once per object', () => {
    const items = [leader, { ...leader, ID: 'n3' }].map((value) => ({ ok: true as const, value }));
    expect(
      renderInspect({ items, format: '{{.ID}} {{.ManagerStatus.Leader}}', type: nodeType }),
    ).toEqual({
      stdout: 'n1 true\nn3 true\n',
      errors: [],
    });
  });

  it('prints an empty line and the typed error when the template fails', () => {
    const result = renderInspect({
      items: [{ ok: true, value: worker }],
      format: '{{ .ManagerStatus.Leader }}',
      type: nodeType,
    });
    expect(result).toEqual({
      stdout: '\n',
      errors: [
        'template parsing error: template: :1:17: executing "" at <.ManagerStatus.Leader>: nil pointer evaluating *swarm.ManagerStatus.Leader',
      ],
    });
    expect(statusErrorText(result.errors.join('\n'))).toBe(
      'Status: template parsing error: template: :1:17: executing "" at <.ManagerStatus.Leader>: nil pointer evaluating *swarm.ManagerStatus.Leader, Code: 1',
    );
  });

  it('keeps the objects that rendered when another fails', () => {
    const items = [leader, worker].map((value) => ({ ok: true as const, value }));
    const result = renderInspect({ items, format: '{{.ManagerStatus.Leader}}', type: nodeType });
    expect(result.stdout).toBe('true\n');
    expect(result.errors).toHaveLength(1);
  });

  it('reports a template parse error before looking at any object', () => {
    expect(renderInspect({ items: [], format: '{{.ID' })).toEqual({
      stdout: '',
      errors: ['template parsing error: template: :1: unclosed action'],
    });
  });
});
