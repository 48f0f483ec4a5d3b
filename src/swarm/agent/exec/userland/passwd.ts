import type { Userland } from '../image-process';
import type { PasswdUser } from './process';

/** The users of each userland's /etc/passwd that a lab names with `docker exec -u`. */
const USERS: { readonly [U in Userland]: readonly PasswdUser[] } = {
  gnu: [
    { name: 'root', uid: 0, gid: 0, group: 'root', home: '/root', groups: [] },
    { name: 'daemon', uid: 1, gid: 1, group: 'daemon', home: '/usr/sbin', groups: [] },
    { name: 'www-data', uid: 33, gid: 33, group: 'www-data', home: '/var/www', groups: [] },
    { name: 'nobody', uid: 65534, gid: 65534, group: 'nogroup', home: '/nonexistent', groups: [] },
  ],
  busybox: [
    {
      name: 'root',
      uid: 0,
      gid: 0,
      group: 'root',
      home: '/root',
      groups: [
        '1(bin)',
        '2(daemon)',
        '3(sys)',
        '4(adm)',
        '6(disk)',
        '10(wheel)',
        '11(floppy)',
        '20(dialout)',
        '26(tape)',
        '27(video)',
      ],
    },
    { name: 'daemon', uid: 2, gid: 2, group: 'daemon', home: '/sbin', groups: [] },
    { name: 'nobody', uid: 65534, gid: 65534, group: 'nobody', home: '/', groups: [] },
  ],
};

export type UserOutcome =
  | {
      readonly ok: true;
      readonly uid: number;
      readonly gid: number;
      readonly entry: PasswdUser | null;
      readonly home: string;
    }
  | { readonly ok: false; readonly error: string };

/**
 * runc's user lookup for `-u name|uid[:group|gid]` (moby/sys user): a name must be in passwd;
 * a uid need not be, and then runs with gid 0 and HOME `/`.
 */
export function lookupUser(userland: Userland, spec: string): UserOutcome {
  const [who = '', group] = spec === '' ? ['root'] : spec.split(':');
  const users = USERS[userland];
  const numeric = /^\d+$/.test(who);
  const entry = users.find((user) => (numeric ? String(user.uid) === who : user.name === who));
  if (entry === undefined && !numeric) {
    return { ok: false, error: `unable to find user ${who}: no matching entries in passwd file` };
  }
  const gid = group !== undefined && /^\d+$/.test(group) ? Number(group) : (entry?.gid ?? 0);
  return {
    ok: true,
    uid: entry?.uid ?? Number(who),
    gid,
    entry: entry ?? null,
    home: entry?.home ?? '/',
  };
}

/** The name of group `gid`, as /etc/group has it. */
export function groupName(userland: Userland, gid: number): string | undefined {
  if (gid === 0) return 'root';
  return USERS[userland].find((user) => user.gid === gid)?.group;
}
