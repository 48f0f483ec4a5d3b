import { describe, expect, it } from 'vitest';
import { expandContainerSpec, expandText } from '../../../src/swarm/template/expand';
import type { TemplateContext } from '../../../src/swarm/template/context';

const CONTEXT: TemplateContext = {
  Service: { ID: 'serviceid', Name: 'web', Labels: {} },
  Node: { ID: 'nodeid', Hostname: 'worker1', Platform: { Architecture: 'x86_64', OS: 'linux' } },
  Task: { ID: 'taskid', Name: 'web.2.taskid', Slot: '2' },
};

describe("swarmkit's task templates", () => {
  it('expands the context, Go functions and join', () => {
    expect(expandText('{{.Service.Name}}-{{.Task.Slot}}-{{.Node.Hostname}}', CONTEXT)).toEqual({
      ok: true,
      value: 'web-2-worker1',
    });
    // docker's own functions (upper, json…) are not swarmkit's.
    expect(expandText('{{upper .Node.Platform.OS}}', CONTEXT)).toEqual({
      ok: false,
      error: 'template: expansion:1: function "upper" not defined',
    });
    expect(
      expandText(
        '{{join "-" .Node.ID .Task.Name}} {{printf "%s/%s" .Task.Slot .Node.Platform.OS}}',
        CONTEXT,
      ),
    ).toEqual({ ok: true, value: 'nodeid-web.2.taskid 2/linux' });
  });

  it("fails with Go's texts, in a template named expansion", () => {
    // Oracle (engine 20.10.24): these three texts, after `expanding hostname failed: `.
    expect(expandText('{{foo}}', CONTEXT)).toEqual({
      ok: false,
      error: 'template: expansion:1: function "foo" not defined',
    });
    expect(expandText('{{.Node.Nope}}', CONTEXT)).toEqual({
      ok: false,
      error:
        'template: expansion:1:7: executing "expansion" at <.Node.Nope>: can\'t evaluate field Nope in type struct { ID string; Hostname string; Platform template.Platform }',
    });
    // Go names the receiver's type before it follows the pointer swarmkit executes on.
    expect(expandText('{{.Nope}}', CONTEXT)).toEqual({
      ok: false,
      error:
        'template: expansion:1:2: executing "expansion" at <.Nope>: can\'t evaluate field Nope in type *template.Context',
    });
    expect(expandText('{{.Task.Slot', CONTEXT)).toEqual({
      ok: false,
      error: 'template: expansion:1: unclosed action',
    });
  });

  it('expands env values, mount sources and targets and the hostname, and says which failed', () => {
    const spec = {
      Image: 'nginx',
      Hostname: '{{.Node.Hostname}}-{{.Task.Slot}}',
      Env: ['WHERE={{.Node.Hostname}}', 'BARE'],
      Mounts: [{ Type: 'volume', Source: 'data-{{.Task.Slot}}', Target: '/data' }],
    };
    expect(expandContainerSpec(spec, CONTEXT)).toEqual({
      ok: true,
      value: {
        ...spec,
        Hostname: 'worker1-2',
        Env: ['WHERE=worker1', 'BARE'],
        Mounts: [{ Type: 'volume', Source: 'data-2', Target: '/data' }],
      },
    });
    // Oracle (engine 20.10.24), after `rpc error: code = InvalidArgument desc = `.
    expect(expandContainerSpec({ Image: 'nginx', Env: ['X={{.Task.Slot'] }, CONTEXT)).toEqual({
      ok: false,
      error:
        'expanding env failed: expanding env "X={{.Task.Slot": template: expansion:1: unclosed action',
    });
    expect(expandContainerSpec({ Image: 'nginx', Hostname: '{{foo}}' }, CONTEXT)).toMatchObject({
      error: 'expanding hostname failed: template: expansion:1: function "foo" not defined',
    });
  });
});
