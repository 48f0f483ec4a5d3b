import type { FlagSet } from '../flags';

/**
 * Flags docker/cli defines once for every command that takes them (cli/command/trust.go's
 * AddTrustVerificationFlags, cli/command/utils.go's AddPlatformFlag). The default comes from
 * the options object, as each command sets it.
 */

export function addTrustVerificationFlag(
  flags: FlagSet,
  options: { disableContentTrust: boolean },
): void {
  flags.boolVar(
    options,
    'disableContentTrust',
    'disable-content-trust',
    '',
    'Skip image verification',
  );
}

export function addPlatformFlag(flags: FlagSet, options: { platform: string }): void {
  flags.stringVar(
    options,
    'platform',
    'platform',
    '',
    'Set platform if server is multi-platform capable',
  );
}
