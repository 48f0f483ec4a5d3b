import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/cli/shell/lexer';
import type { Token, WordPart } from '../../../src/cli/shell/syntax';

/** A compact picture of a token: words as their parts, operators as themselves. */
function describeToken(token: Token): string {
  switch (token.kind) {
    case 'newline':
      return '\\n';
    case 'operator':
      return token.operator;
    case 'redirection':
      return `${token.fd ?? ''}${token.operator}${token.duplicate ? '&' : ''}`;
    case 'word':
      return token.word.parts.map(describePart).join('');
  }
}

function describePart(part: WordPart): string {
  switch (part.kind) {
    case 'literal':
      return part.quoted ? `<${part.text}>` : part.text;
    case 'parameter':
      return part.quoted ? `<$${part.name}>` : `$${part.name}`;
    case 'command':
      return part.quoted ? `<$(${part.source})>` : `$(${part.source})`;
    case 'tilde':
      return '~';
  }
}

function tokens(source: string): string[] {
  const result = tokenize(source);
  if (result.kind !== 'tokens') throw new Error(`not tokens: ${JSON.stringify(result)}`);
  return result.tokens.map(describeToken);
}

/** The literal text of each word, for round-trip properties. */
function literalWords(source: string): string[] {
  const result = tokenize(source);
  if (result.kind !== 'tokens') throw new Error(`not tokens: ${JSON.stringify(result)}`);
  return result.tokens.map((token) => {
    if (token.kind !== 'word') throw new Error(`not a word: ${describeToken(token)}`);
    return token.word.parts.map((part) => (part.kind === 'literal' ? part.text : '?')).join('');
  });
}

describe('tokenize', () => {
  it.each([
    ['echo hello world', ['echo', 'hello', 'world']],
    ['  echo\t  a  ', ['echo', 'a']],
    ["echo 'a b' c", ['echo', '<a b>', 'c']],
    ["echo '$HOME \\n'", ['echo', '<$HOME \\n>']],
    ['echo "a $HOME b"', ['echo', '<a ><$HOME>< b>']],
    ['echo "a\\"b\\$c\\\\d\\e"', ['echo', '<a"b$c\\d\\e>']],
    ['echo a\\ b', ['echo', 'a< >b']],
    ['echo ""', ['echo', '<>']],
    ["echo ''", ['echo', '<>']],
    ['echo $? ${HOSTNAME} $1 $$', ['echo', '$?', '$HOSTNAME', '$1', '$$']],
    ['echo $HOME/x', ['echo', '$HOME/x']],
    ['echo $ "$"', ['echo', '$', '<$>']],
    ['echo a#b # comment', ['echo', 'a#b']],
    ['# only a comment', []],
    ['echo ~ ~/x a~', ['echo', '~', '~/x', 'a~']],
    ["echo $'a\\tb'", ['echo', '<a\tb>']],
    ['echo $(docker node ls -q)', ['echo', '$(docker node ls -q)']],
    ['echo "$(echo "a b")"', ['echo', '<><$(echo "a b")>']],
    ['echo `hostname`', ['echo', '$(hostname)']],
    ['echo $(echo (a) ")")', ['echo', '$(echo (a) ")")']],
  ])('reads words and quotes in %j', (source, expected) => {
    expect(tokens(source)).toEqual(expected);
  });

  it.each([
    ['a|b', ['a', '|', 'b']],
    ['a || b && c ; d', ['a', '||', 'b', '&&', 'c', ';', 'd']],
    ['a |& b', ['a', '|&', 'b']],
    ['a & b', ['a', '&', 'b']],
    ['cmd 2>&1', ['cmd', '2>&', '1']],
    ['cmd >/dev/null 2>/dev/null', ['cmd', '>', '/dev/null', '2>', '/dev/null']],
    ['cmd &>/dev/null', ['cmd', '&>', '/dev/null']],
    ['cmd >> out < in <<< word', ['cmd', '>>', 'out', '<', 'in', '<<<', 'word']],
    ['cmd 2 >x', ['cmd', '2', '>', 'x']],
    ['cmd "2">x', ['cmd', '<2>', '>', 'x']],
    ['a\nb', ['a', '\\n', 'b']],
    ['a \\\n b', ['a', 'b']],
    ['a;;b', ['a', ';;', 'b']],
  ])('reads operators in %j', (source, expected) => {
    expect(tokens(source)).toEqual(expected);
  });

  it.each([
    ["echo 'abc", 'quote'],
    ['echo "abc', 'quote'],
    ['echo abc\\', 'backslash'],
    ['echo $(abc', 'quote'],
    ['echo `abc', 'quote'],
    ['echo ${abc', 'quote'],
  ])('asks for more input after %j', (source, reason) => {
    expect(tokenize(source)).toEqual({ kind: 'incomplete', reason });
  });

  it('keeps a newline inside quotes as part of the word', () => {
    expect(tokens("echo 'a\nb'")).toEqual(['echo', '<a\nb>']);
  });

  it.each([
    ['echo ${}', 'bash: ${}: bad substitution'],
    ['echo ${a b}', 'bash: ${a b}: bad substitution'],
    [
      'echo ${A:-x}',
      'bash: ${A:-x}: parameter operators are not simulated in this playground; use $NAME or ${NAME}',
    ],
    ['echo $((1+2))', 'bash: $((...)): arithmetic expansion is not simulated in this playground'],
  ])('reports %j', (source, message) => {
    expect(tokenize(source)).toEqual({ kind: 'error', message });
  });
});

/** Bash's way to single-quote any text: close, escape the quote, reopen. */
function singleQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function doubleQuote(text: string): string {
  return `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

describe('tokenize properties', () => {
  it('reads a single-quoted word back as itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(literalWords(singleQuote(text))).toEqual([text]);
      }),
    );
  });

  it('reads a double-quoted word back as itself', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(literalWords(doubleQuote(text))).toEqual([text]);
      }),
    );
  });

  it('reads joined quoted words back as the same list', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), fc.boolean(), (words, useDouble) => {
        const quote = useDouble ? doubleQuote : singleQuote;
        expect(literalWords(words.map(quote).join(' '))).toEqual(words);
      }),
    );
  });

  it('splits unquoted plain words on blanks only', () => {
    const plainWord = fc.stringMatching(/^[A-Za-z0-9_.,:/@%+=-]+$/);
    fc.assert(
      fc.property(fc.array(plainWord, { minLength: 1, maxLength: 8 }), (words) => {
        expect(literalWords(words.join(' \t '))).toEqual(words);
      }),
    );
  });

  it('splits pipelines into their stages whatever the spacing', () => {
    const plainWord = fc.stringMatching(/^[a-z]+$/);
    fc.assert(
      fc.property(
        fc.array(plainWord, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('|', ' | ', '| ', ' |'),
        (stages, pipe) => {
          const described = tokens(stages.join(pipe));
          expect(described.filter((token) => token !== '|')).toEqual(stages);
          expect(described.filter((token) => token === '|')).toHaveLength(stages.length - 1);
        },
      ),
    );
  });
});
