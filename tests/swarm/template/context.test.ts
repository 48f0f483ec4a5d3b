import { describe, expect, it } from 'vitest';
import { templateContext } from '../../../src/swarm/template/context';
import type { Task } from '../../../src/api/task';

const TASK: Task = {
  ID: 'taskid',
  Version: { Index: 1 },
  CreatedAt: '2026-12-07T13:00:00Z',
  UpdatedAt: '2026-12-07T13:00:00Z',
  Labels: {},
  Spec: { ForceUpdate: 0 },
  ServiceID: 'serviceid',
  Slot: 3,
  NodeID: 'nodeid',
  Status: { Timestamp: '2026-12-07T13:00:00Z', State: 'assigned', PortStatus: {} },
  Volumes: null,
};

const NODE = { hostname: 'worker1', architecture: 'x86_64', os: 'linux' };

describe('the context of a task template', () => {
  it("names the task as swarmkit does, and uses the node's ID for a global task's slot", () => {
    expect(templateContext(TASK, 'web', NODE)).toEqual({
      Service: { ID: 'serviceid', Name: 'web', Labels: {} },
      Node: {
        ID: 'nodeid',
        Hostname: 'worker1',
        Platform: { Architecture: 'x86_64', OS: 'linux' },
      },
      Task: { ID: 'taskid', Name: 'web.3.taskid', Slot: '3' },
    });
    expect(templateContext({ ...TASK, Slot: 0 }, 'agent', NODE).Task).toEqual({
      ID: 'taskid',
      Name: 'agent.nodeid.taskid',
      Slot: 'nodeid',
    });
  });
});
