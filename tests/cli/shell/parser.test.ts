import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/cli/shell/parser';
import type { AndOrList, Pipeline, SimpleCommand } from '../../../src/cli/shell/syntax';

function describeCommand(command: SimpleCommand): string {
  const assignments = command.assignments.map(
    (assignment) => `${assignment.name}=${assignment.value.text}`,
  );
  const words = command.words.map((word) => word.text);
  const redirections = command.redirections.map(
    (redirection) =>
      `${redirection.fd ?? ''}${redirection.operator}${redirection.duplicate ? '&' : ''}${redirection.target.text}`,
  );
  return [...assignments, ...words, ...redirections].join(' ');
}

function describePipeline(pipeline: Pipeline): string {
  const stages = pipeline.stages
    .map((stage, index) => {
      const pipe = index < pipeline.stages.length - 1 ? (stage.pipeStderr ? ' |& ' : ' | ') : '';
      return `(${describeCommand(stage.command)})${pipe}`;
    })
    .join('');
  return pipeline.negated ? `! ${stages}` : stages;
}

function describeList(list: readonly AndOrList[]): string {
  return list
    .map(
      (andOr) =>
        describePipeline(andOr.first) +
        andOr.rest.map((link) => ` ${link.operator} ${describePipeline(link.pipeline)}`).join(''),
    )
    .join(' ; ');
}

function structure(source: string): string {
  const result = parse(source);
  if (result.kind !== 'complete') throw new Error(JSON.stringify(result));
  return describeList(result.list);
}

describe('parse', () => {
  it.each([
    ['', ''],
    ['echo a', '(echo a)'],
    ['echo a; echo b', '(echo a) ; (echo b)'],
    ['echo a;', '(echo a)'],
    ['a && b || c', '(a) && (b) || (c)'],
    ['a | b | c', '(a) | (b) | (c)'],
    ['a |& b', '(a) |& (b)'],
    ['! a | b', '! (a) | (b)'],
    ['a |\n b', '(a) | (b)'],
    ['a &&\n\n b', '(a) && (b)'],
    ['a\nb', '(a) ; (b)'],
    ['X=1', '(X=1)'],
    ['X=1 Y="a b" env', '(X=1 Y="a b" env)'],
    ['echo X=1', '(echo X=1)'],
    ['"X"=1', '("X"=1)'],
    ['cmd >/dev/null 2>&1', '(cmd >/dev/null 2>&1)'],
    ['>/dev/null cmd arg', '(cmd arg >/dev/null)'],
    ['docker node ls -q | wc -l', '(docker node ls -q) | (wc -l)'],
  ])('parses %j', (source, expected) => {
    expect(structure(source)).toBe(expected);
  });

  it.each([
    ['| wc', '|'],
    ['echo a | | wc', '|'],
    ['echo a ;; echo b', ';;'],
    ['; echo', ';'],
    ['echo a ; ; echo b', ';'],
    ['&& echo', '&&'],
    ['|| echo', '||'],
    ['echo >', 'newline'],
    ['echo > | wc', '|'],
    ['echo 2>', 'newline'],
    ['echo a )', ')'],
    ['then echo', 'then'],
    ['done', 'done'],
  ])('rejects %j near %j', (source, token) => {
    expect(parse(source)).toEqual({
      kind: 'error',
      message: `bash: syntax error near unexpected token \`${token}'`,
    });
  });

  it.each(['echo a |', 'echo a &&', 'echo a ||', 'a | b |\n'])(
    'asks for more input after %j',
    (source) => {
      expect(parse(source)).toEqual({ kind: 'incomplete', reason: 'operator' });
    },
  );

  it.each([
    ['sleep 5 &', 'bash: background jobs (&) are not simulated in this playground'],
    ['(echo a)', 'bash: subshells ( ... ) are not simulated in this playground'],
    [
      'for i in 1 2; do echo $i; done',
      'bash: for: compound commands are not simulated in this playground; run each command on its own line',
    ],
  ])('says %j is not simulated', (source, message) => {
    expect(parse(source)).toEqual({ kind: 'error', message });
  });

  it('treats a quoted keyword as an ordinary word', () => {
    expect(structure("'for' x")).toBe("('for' x)");
  });
});
