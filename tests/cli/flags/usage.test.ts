import { describe, expect, it } from 'vitest';
import { FlagSet, TextValue, flagUsagesWrapped, parseGoDuration } from '../../../src/cli/flags';

describe('flagUsagesWrapped', () => {
  // Expected text: `docker swarm update --help` of the real CLI at 80 columns.
  it('aligns, wraps and shows non-zero defaults as pflag does', () => {
    const options = {
      autolock: false,
      certExpiry: parseGoDuration('2160h0m0s'),
      heartbeat: parseGoDuration('5s'),
      maxSnapshots: 0,
      snapshotInterval: 10000,
      taskHistoryLimit: 5,
    };
    const flags = new FlagSet();
    flags.boolVar(
      options,
      'autolock',
      'autolock',
      '',
      'Change manager autolocking setting (true|false)',
    );
    flags.durationVar(
      options,
      'certExpiry',
      'cert-expiry',
      '',
      'Validity period for node certificates (ns|us|ms|s|m|h)',
    );
    flags.durationVar(
      options,
      'heartbeat',
      'dispatcher-heartbeat',
      '',
      'Dispatcher heartbeat period (ns|us|ms|s|m|h)',
    );
    flags.add(
      new TextValue('external-ca'),
      'external-ca',
      '',
      'Specifications of one or more certificate signing endpoints',
    );
    flags.uintVar(
      options,
      'maxSnapshots',
      'max-snapshots',
      '',
      'Number of additional Raft snapshots to retain',
      'uint64',
    );
    flags.uintVar(
      options,
      'snapshotInterval',
      'snapshot-interval',
      '',
      'Number of log entries between Raft snapshots',
      'uint64',
    );
    flags.intVar(
      options,
      'taskHistoryLimit',
      'task-history-limit',
      '',
      'Task history retention limit',
      'int64',
    );
    expect(flagUsagesWrapped(flags, 79))
      .toBe(`      --autolock                        Change manager autolocking
                                        setting (true|false)
      --cert-expiry duration            Validity period for node
                                        certificates (ns|us|ms|s|m|h)
                                        (default 2160h0m0s)
      --dispatcher-heartbeat duration   Dispatcher heartbeat period
                                        (ns|us|ms|s|m|h) (default 5s)
      --external-ca external-ca         Specifications of one or more
                                        certificate signing endpoints
      --max-snapshots uint              Number of additional Raft
                                        snapshots to retain
      --snapshot-interval uint          Number of log entries between
                                        Raft snapshots (default 10000)
      --task-history-limit int          Task history retention limit
                                        (default 5)
`);
  });

  it('leaves hidden flags out', () => {
    const flags = new FlagSet();
    const options = { help: false, debug: false };
    flags.boolVar(options, 'help', 'help', 'h', 'Print usage');
    flags.boolVar(options, 'debug', 'debug', 'D', 'Enable debug mode');
    flags.markHidden('help');
    expect(flagUsagesWrapped(flags, 79)).toBe('  -D, --debug   Enable debug mode\n');
  });
});
