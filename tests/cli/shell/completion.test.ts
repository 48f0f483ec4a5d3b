import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgramEntry } from '../../../src/cli/process';
import {
  commonPrefix,
  completeLine,
  formatCandidates,
  quoteForInsertion,
  wordsBeforeCursor,
} from '../../../src/cli/shell/completion';
import { tokenize } from '../../../src/cli/shell/lexer';

const docker: ProgramEntry = {
  name: 'docker',
  summary: 'fake docker',
  run: () => Promise.resolve(0),
  complete: ({ words }) => {
    if (words.length === 1) return ['node', 'network', 'service', 'secret', 'swarm'];
    if (words[1] === 'service') return ['--format=', 'my web', 'web'];
    return [];
  },
};

const echo: ProgramEntry = { name: 'echo', summary: 'echo', run: () => Promise.resolve(0) };

const programs = new Map([
  ['docker', docker],
  ['echo', echo],
  ['exit', echo],
]);

function complete(textBeforeCursor: string): ReturnType<typeof completeLine> {
  return completeLine({ textBeforeCursor, programs });
}

describe('wordsBeforeCursor', () => {
  it.each([
    ['', [], ''],
    ['doc', [], 'doc'],
    ['docker ', ['docker'], ''],
    ['docker node l', ['docker', 'node'], 'l'],
    ['echo a | docker s', ['docker'], 's'],
    ['echo a && docker s', ['docker'], 's'],
    ['X=1 docker s', ['docker'], 's'],
    ['docker "my w', ['docker'], 'my w'],
    ['docker my\\ w', ['docker'], 'my w'],
    ['docker ps 2>&1 --fo', ['docker', 'ps'], '--fo'],
    ['docker ps >/dev/null --fo', ['docker', 'ps'], '--fo'],
  ])('reads %j', (text, words, current) => {
    const result = wordsBeforeCursor(text);
    expect([result.words, result.current]).toEqual([words, current]);
  });

  it('knows a redirection target is a file name', () => {
    expect(wordsBeforeCursor('echo a > /dev/n').isRedirectionTarget).toBe(true);
  });
});

describe('completeLine', () => {
  it.each([
    ['doc', 'ker ', ['docker']],
    ['ex', 'it ', ['exit']],
    ['e', '', ['echo', 'exit']],
    ['docker n', '', ['network', 'node']],
    ['docker se', '', ['secret', 'service']],
    ['docker sw', 'arm ', ['swarm']],
    ['docker service --f', 'ormat=', ['--format=']],
    ['docker service m', 'y\\ web ', ['my web']],
    ['docker service "m', 'y web" ', ['my web']],
    ['echo a | doc', 'ker ', ['docker']],
  ])('completes %j with %j', (text, insertion, candidates) => {
    expect(complete(text)).toEqual({ kind: 'candidates', insertion, candidates });
  });

  it.each(['zz', 'docker zz', 'echo ', 'echo a > x'])('finds nothing for %j', (text) => {
    expect(complete(text)).toEqual({ kind: 'none' });
  });
});

describe('completion helpers', () => {
  it('finds the common prefix', () => {
    expect(commonPrefix(['network', 'node'])).toBe('n');
    expect(commonPrefix(['service', 'service'])).toBe('service');
    expect(commonPrefix([])).toBe('');
  });

  it('lays candidates out in columns, top to bottom', () => {
    expect(formatCandidates(['a', 'bb', 'c', 'd', 'e'], 12)).toBe('a   c   e\r\nbb  d');
    expect(formatCandidates(['only'], 2)).toBe('only');
  });

  it('quotes inserted text so the shell reads it back unchanged', () => {
    const text = fc.string().filter((value) => value !== '' && !value.includes('\n'));
    fc.assert(
      fc.property(text, (value) => {
        const lexed = tokenize(quoteForInsertion(value, null));
        expect(lexed.kind).toBe('tokens');
        if (lexed.kind !== 'tokens') return;
        const parts = lexed.tokens.flatMap((token) =>
          token.kind === 'word' ? token.word.parts : [],
        );
        expect(lexed.tokens).toHaveLength(1);
        expect(parts.map((part) => (part.kind === 'literal' ? part.text : '?')).join('')).toBe(
          value,
        );
      }),
    );
  });
});
