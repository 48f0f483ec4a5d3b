import { describe, expect, it } from 'vitest';
import { flush } from '../../support/shell-harness';
import { editorSession } from '../../support/editor-screen';

const viSession = (columns = 60, rows = 10) => editorSession(columns, rows);

describe('vi', () => {
  it('opens a new file, inserts lines, and writes and quits with :wq', async () => {
    const { machine, session, type, screen } = viSession();
    const done = session.submit('vi docker-compose.yml');
    await flush();
    expect(screen().rows[0]).toBe('');
    expect(screen().rows[1]).toBe('~');
    expect(screen().rows[9]).toBe('"docker-compose.yml" [New]');
    // Typed as keys in normal mode do nothing until `i`.
    await type('i');
    expect(screen().rows[9]).toBe('-- INSERT --');
    await type('services:\r  web:\r    image: nginx', '\x1b');
    expect(screen().rows.slice(0, 4)).toEqual(['services:', '  web:', '    image: nginx', '~']);
    // Escape leaves the cursor on the last character typed.
    expect(screen().cursor).toEqual({ row: 2, column: 15 });
    await type(':wq');
    expect(screen().rows[9]).toBe(':wq');
    await type('\r');
    expect(await done).toMatchObject({ exitCode: 0 });
    expect(machine.tree.read('/root/docker-compose.yml')).toEqual({
      ok: true,
      value: 'services:\n  web:\n    image: nginx\n',
    });
  });

  it("edits in normal mode: x, dd and p, o, counts and u; refuses :q with changes, as vim's E37", async () => {
    const { machine, session, type, screen } = viSession();
    await session.submit("printf 'one\\ntwo\\nthree\\n' > list.txt");
    const done = session.submit('vi list.txt');
    await flush();
    expect(screen().rows[9]).toBe('"list.txt" 3L, 14B');
    await type('x');
    expect(screen().rows[0]).toBe('ne');
    await type('u');
    expect(screen().rows[0]).toBe('one');
    await type('dd', 'p');
    expect(screen().rows.slice(0, 3)).toEqual(['two', 'one', 'three']);
    await type('G', 'o', 'four', '\x1b');
    expect(screen().rows.slice(0, 5)).toEqual(['two', 'one', 'three', 'four', '~']);
    await type('gg', '2dd');
    expect(screen().rows.slice(0, 3)).toEqual(['three', 'four', '~']);
    await type(':q\r');
    expect(screen().rows[9]).toBe('E37: No write since last change (add ! to override)');
    await type(':nope\r');
    expect(screen().rows[9]).toBe('E492: Not an editor command: nope');
    await type(':w\r');
    expect(screen().rows[9]).toBe('"list.txt" 2L, 11B written');
    await type(':q\r');
    expect(await done).toMatchObject({ exitCode: 0 });
    expect(machine.tree.read('/root/list.txt')).toEqual({ ok: true, value: 'three\nfour\n' });
  });

  it('quits without writing on :q!, and takes Escape and a key typed together apart', async () => {
    const { machine, session, type } = viSession();
    const done = session.submit('vi scratch');
    await flush();
    // A fast typist's Esc and `:` arrive as one Alt sequence.
    await type('idraft', '\x1b:', 'q!\r');
    expect(await done).toMatchObject({ exitCode: 0 });
    expect(machine.tree.read('/root/scratch')).toMatchObject({ ok: false });
  });

  it('names what it cannot write, and needs a file name', async () => {
    const { session, type, screen } = viSession();
    const done = session.submit('vim');
    await flush();
    await type('ix', '\x1b', ':w\r');
    expect(screen().rows[9]).toBe('E32: No file name');
    await type(':w no/such/file\r');
    expect(screen().rows[9]).toBe('"no/such/file" E212: Can\'t open file for writing');
    await type(':w named\r');
    expect(screen().rows[9]).toBe('"named" [New] 1L, 2B written');
    await type('ZZ');
    expect(await done).toMatchObject({ exitCode: 0 });
  });
});
