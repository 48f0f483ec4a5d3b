import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goTypes, type GoType } from '../../../src/lib/template/index';
import { render } from './support';

const managerStatus = goTypes.struct('swarm.ManagerStatus', {
  Leader: goTypes.bool,
  Reachability: goTypes.named('string', 'swarm.Reachability'),
  Addr: goTypes.string,
});
const replicated = goTypes.struct('swarm.ReplicatedService', {
  Replicas: goTypes.pointer(goTypes.uint64),
});
const serviceMode = goTypes.struct('swarm.ServiceMode', {
  Replicated: goTypes.pointer(replicated),
  Global: goTypes.pointer(goTypes.struct('swarm.GlobalService', {})),
});
const swarmNode = goTypes.struct('swarm.Node', {
  ID: goTypes.string,
  CreatedAt: goTypes.time,
  Spec: goTypes.struct('swarm.NodeSpec', {
    Role: goTypes.named('string', 'swarm.NodeRole'),
    Labels: goTypes.map(goTypes.string, goTypes.string),
  }),
  ManagerStatus: goTypes.pointer(managerStatus),
});
const swarmService = goTypes.struct('swarm.Service', {
  ID: goTypes.string,
  Spec: goTypes.struct('swarm.ServiceSpec', { Name: goTypes.string, Mode: serviceMode }),
});

const worker = {
  ID: 'n1',
  CreatedAt: '2026-11-25T08:11:31.059086123Z',
  Spec: { Role: 'worker', Labels: { b: '2', a: '1' } },
};
const leader = {
  ...worker,
  Spec: { Role: 'manager' },
  ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '10.0.0.1:2377' },
};
const globalService = { ID: 's1', Spec: { Name: 'web', Mode: { Global: {} } } };
const replicatedService = {
  ID: 's2',
  Spec: { Name: 'api', Mode: { Replicated: { Replicas: 3 } } },
};

interface Case {
  readonly template: string;
  readonly data: unknown;
  readonly type?: GoType;
  readonly expected: string;
}

const typedCases: readonly Case[] = [
  { template: '{{.ManagerStatus.Leader}}', data: leader, type: swarmNode, expected: 'true' },
  {
    template: '{{.ManagerStatus.Leader}}',
    data: worker,
    type: swarmNode,
    expected:
      'ERROR: template: :1:16: executing "" at <.ManagerStatus.Leader>: nil pointer evaluating *swarm.ManagerStatus.Leader',
  },
  {
    template: '{{ .ManagerStatus.Leader }}',
    data: worker,
    type: swarmNode,
    expected:
      'ERROR: template: :1:17: executing "" at <.ManagerStatus.Leader>: nil pointer evaluating *swarm.ManagerStatus.Leader',
  },
  {
    template: '{{.ManagerStatus.Bogus}}',
    data: worker,
    type: swarmNode,
    expected:
      'ERROR: template: :1:16: executing "" at <.ManagerStatus.Bogus>: can\'t evaluate field Bogus in type *swarm.ManagerStatus',
  },
  {
    template: '{{.Bogus}}',
    data: globalService,
    type: swarmService,
    expected:
      'ERROR: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type swarm.Service',
  },
  {
    template: '{{.Spec.Mode.Replicated.Replicas}}',
    data: replicatedService,
    type: swarmService,
    expected: '3',
  },
  {
    template: '{{.Spec.Mode.Replicated.Replicas}}',
    data: globalService,
    type: swarmService,
    expected:
      'ERROR: template: :1:7: executing "" at <.Spec.Mode.Replicated.Replicas>: nil pointer evaluating *swarm.ReplicatedService.Replicas',
  },
  {
    template: '{{json .Spec.Mode}}',
    data: replicatedService,
    type: swarmService,
    expected: '{"Replicated":{"Replicas":3}}',
  },
  {
    template: '{{json .Spec.Mode}}',
    data: globalService,
    type: swarmService,
    expected: '{"Global":{}}',
  },
  {
    template: '{{.ManagerStatus}}',
    data: leader,
    type: swarmNode,
    expected: '{true reachable 10.0.0.1:2377}',
  },
  { template: '{{.ManagerStatus}}', data: worker, type: swarmNode, expected: '<nil>' },
  {
    template: '{{printf "%+v" .ManagerStatus}}',
    data: leader,
    type: swarmNode,
    expected: '&{Leader:true Reachability:reachable Addr:10.0.0.1:2377}',
  },
  {
    template: '{{if .ManagerStatus}}manager{{else}}worker{{end}}',
    data: worker,
    type: swarmNode,
    expected: 'worker',
  },
  {
    template: '{{with .ManagerStatus}}{{.Addr}}{{end}}',
    data: leader,
    type: swarmNode,
    expected: '10.0.0.1:2377',
  },
  {
    template: '{{.CreatedAt}}',
    data: worker,
    type: swarmNode,
    expected: '2026-11-25 08:11:31.059086123 +0000 UTC',
  },
  {
    template: '{{json .CreatedAt}}',
    data: worker,
    type: swarmNode,
    expected: '"2026-11-25T08:11:31.059086123Z"',
  },
  { template: '{{.Spec.Labels}}', data: worker, type: swarmNode, expected: 'map[a:1 b:2]' },
  { template: '{{.Spec.Labels.c}}', data: worker, type: swarmNode, expected: '<no value>' },
  { template: '{{index .Spec.Labels "c"}}', data: worker, type: swarmNode, expected: '' },
  {
    template: '{{range $k, $v := .Spec.Labels}}{{$k}}={{$v}};{{end}}',
    data: worker,
    type: swarmNode,
    expected: 'a=1;b=2;',
  },
  {
    template: '{{json .Spec.Labels}}',
    data: worker,
    type: swarmNode,
    expected: '{"a":"1","b":"2"}',
  },
  { template: '{{eq .Spec.Role "worker"}}', data: worker, type: swarmNode, expected: 'true' },
  {
    template: '{{upper .Spec.Role}}',
    data: worker,
    type: swarmNode,
    expected:
      'ERROR: template: :1:13: executing "" at <.Spec.Role>: wrong type for value; expected string; got swarm.NodeRole',
  },
  {
    template: '{{.ID 1}}',
    data: worker,
    type: swarmNode,
    expected:
      'ERROR: template: :1:2: executing "" at <.ID>: ID has arguments but cannot be invoked as function',
  },
];

const dynamicCases: readonly Case[] = [
  { template: 'hello', data: {}, expected: 'hello' },
  { template: '{{.}}', data: 'x', expected: 'x' },
  { template: '{{.}}', data: { b: [1, 2], a: 'x', c: null }, expected: 'map[a:x b:[1 2] c:<nil>]' },
  { template: '{{.}}', data: null, expected: '<no value>' },
  { template: '{{.missing}}', data: { b: 1 }, expected: '<no value>' },
  { template: '{{.a.b}}', data: { a: { b: 'deep' } }, expected: 'deep' },
  { template: '{{.a.b}}', data: {}, expected: '<no value>' },
  {
    template: '{{.a.b}}',
    data: { a: null },
    expected:
      'ERROR: template: :1:4: executing "" at <.a.b>: nil pointer evaluating interface {}.b',
  },
  {
    template: '{{.a.b}}',
    data: { a: 'text' },
    expected:
      'ERROR: template: :1:4: executing "" at <.a.b>: can\'t evaluate field b in type interface {}',
  },
  { template: '{{range .}}[{{.}}]{{end}}', data: [1, 'two', 3.5], expected: '[1][two][3.5]' },
  {
    template: '{{range $i, $e := .}}{{$i}}:{{$e}} {{end}}',
    data: ['a', 'b'],
    expected: '0:a 1:b ',
  },
  { template: '{{range .}}x{{else}}empty{{end}}', data: [], expected: 'empty' },
  { template: '{{range .}}x{{else}}empty{{end}}', data: null, expected: 'empty' },
  { template: '{{range .}}{{.}}{{end}}', data: { z: 1, a: 2, m: 3 }, expected: '231' },
  { template: '{{range 3}}{{.}}{{end}}', data: null, expected: '012' },
  {
    template: '{{range .}}{{if eq . 2}}{{continue}}{{end}}{{.}}{{end}}',
    data: [1, 2, 3],
    expected: '13',
  },
  {
    template: '{{range .}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}}',
    data: [1, 2, 3],
    expected: '1',
  },
  { template: '{{range .}}', data: 5, expected: 'ERROR: template: :1: unexpected EOF' },
  {
    template: '{{range .}}{{end}}',
    data: true,
    expected: 'ERROR: template: :1:8: executing "" at <.>: range can\'t iterate over true',
  },
  { template: '{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}', data: null, expected: '2' },
  {
    template: '{{$x := "outer"}}{{with $x := "inner"}}{{$x}}{{end}} {{$x}}',
    data: null,
    expected: 'inner outer',
  },
  { template: '{{$}}', data: 'root', expected: 'root' },
  { template: '{{with .a}}{{$.b}}{{end}}', data: { a: 1, b: 'B' }, expected: 'B' },
  { template: '{{if .a}}A{{else if .b}}B{{else}}C{{end}}', data: { a: 0, b: 'x' }, expected: 'B' },
  {
    template: '{{with .a}}A{{else}}{{.b}}{{end}}',
    data: { a: '', b: 'bee' },
    expected: 'bee',
  },
  { template: '{{if .}}t{{else}}f{{end}}', data: {}, expected: 'f' },
  { template: '{{if .}}t{{else}}f{{end}}', data: { k: 1 }, expected: 't' },
  { template: 'a {{- " b " -}} c', data: null, expected: 'a b c' },
  { template: 'a\n  {{- /* gone */ -}}\n  b', data: null, expected: 'ab' },
  {
    template: "{{1}} {{-1}} {{1.5}} {{1e6}} {{100000.0}} {{0x1F}} {{0o17}} {{1_000}} {{'a'}}",
    data: null,
    expected: '1 -1 1.5 1e+06 100000 31 15 1000 97',
  },
  { template: '{{true}} {{"q"}} {{`raw\\n`}}', data: null, expected: 'true q raw\\n' },
  { template: '{{"a" | printf "%s-%s" "b"}}', data: null, expected: 'b-a' },
  { template: '{{(printf "%d" 5)}}', data: null, expected: '5' },
  {
    template: '{{define "item"}}<{{.}}>{{end}}{{range .}}{{template "item" .}}{{end}}',
    data: [1, 2],
    expected: '<1><2>',
  },
  { template: '{{block "b" .}}[{{.}}]{{end}}', data: 'x', expected: '[x]' },
  {
    template: '{{template "nope"}}',
    data: null,
    expected:
      'ERROR: template: :1:11: executing "" at <{{template "nope"}}>: template "nope" not defined',
  },
  {
    template: '{{nil}}',
    data: null,
    expected: 'ERROR: template: :1:2: executing "" at <nil>: nil is not a command',
  },
  {
    template: '{{1 2}}',
    data: null,
    expected: 'ERROR: template: :1:2: executing "" at <1>: can\'t give argument to non-function 1',
  },
  {
    template: '{{$x := 1}}{{$x 2}}',
    data: null,
    expected:
      'ERROR: template: :1:13: executing "" at <$x>: can\'t give argument to non-function $x',
  },
  {
    template: '{{.a}}',
    data: { a: () => 'method' },
    expected: 'ERROR: template: :1:2: executing "" at <{{.a}}>: can\'t print {{.a}} of type func()',
  },
];

describe('executeGoTemplate with typed data', () => {
  it.each(typedCases)('$template', ({ template, data, type, expected }) => {
    expect(render(template, data, type)).toBe(expected);
  });
});

describe('executeGoTemplate with dynamic data', () => {
  it.each(dynamicCases)('$template', ({ template, data, type, expected }) => {
    expect(render(template, data, type)).toBe(expected);
  });
});

describe('row contexts with methods', () => {
  const context = goTypes.pointer(goTypes.struct('node.nodeContext'));
  const row = {
    ID: () => 'abc',
    Label: (name: string) => `label:${name}`,
    Fail: () => {
      throw new Error('boom');
    },
  };

  it('calls zero-argument methods as fields', () => {
    expect(render('{{.ID}}', row, context)).toBe('abc');
  });

  it('passes arguments to methods', () => {
    expect(render('{{.Label "x"}}', row, context)).toBe('label:x');
  });

  it('checks method arity', () => {
    expect(render('{{.Label}}', row, context)).toBe(
      'ERROR: template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0',
    );
  });

  it('reports a method error as an error calling it', () => {
    expect(render('{{.Fail}}', row, context)).toBe(
      'ERROR: template: :1:2: executing "" at <.Fail>: error calling Fail: boom',
    );
  });

  it('names the row type for an unknown field', () => {
    expect(render('{{.Bogus}}', row, context)).toBe(
      'ERROR: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *node.nodeContext',
    );
  });
});

describe('missingkey=error', () => {
  it('reports a missing map key', async () => {
    const { renderGoTemplate } = await import('../../../src/lib/template/index');
    const result = renderGoTemplate('{{.ManagerStatus}}', { ID: 'x' }, { missingKey: 'error' });
    expect(result.ok ? result.value : result.error.message).toBe(
      'template: :1:2: executing "" at <.ManagerStatus>: map has no entry for key "ManagerStatus"',
    );
  });
});

describe('template properties', () => {
  it('renders text without actions as itself', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('{{')),
        (text) => render(text, {}) === text,
      ),
    );
  });

  it('prints a string field unchanged', () => {
    fc.assert(fc.property(fc.string(), (text) => render('{{.Value}}', { Value: text }) === text));
  });

  it('renders `{{"…"}}` of a Go-quoted string as the string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }),
        (text) => render(`{{${JSON.stringify(text)}}}`, null) === text,
      ),
    );
  });
});
