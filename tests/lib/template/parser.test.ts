import { describe, expect, it } from 'vitest';
import { parseGoTemplate } from '../../../src/lib/template/index';

function parseError(template: string): string {
  const result = parseGoTemplate(template);
  return result.ok ? 'parsed' : result.error.message;
}

// Expected texts come from Go's text/template (parse_test.go errorTests, lex.go, parse.go) with
// docker's anonymous template name, hence "template: :LINE: …".
const errorCases: readonly (readonly [string, string])[] = [
  ['{{.ID}', 'template: :1: unexpected "}" in operand'],
  ['{{foo}}', 'template: :1: function "foo" not defined'],
  ['{{.ID', 'template: :1: unclosed action'],
  ['line1\n{{', 'template: :2: unclosed action'],
  ['line1\n{{"x"\n"y"\n', 'template: :4: unclosed action started at :2'],
  ['{{\n\n\n\n\n', 'template: :6: unclosed action started at :1'],
  ['line1\n{{\nx\n}}', 'template: :3: function "x" not defined'],
  ['{{/*}}', 'template: :1: unclosed comment'],
  ['{{/*\nhello\n}}', 'template: :1: unclosed comment'],
  ['{{/* c */ }}', 'template: :1: comment ends before closing delimiter'],
  ['{{.X (1 2 3}}', 'template: :1: unclosed left paren'],
  ['{{.X 1 2 3 ) }}', 'template: :1: unexpected right paren'],
  ['{{(.X 1 2 3', 'template: :1: unclosed action'],
  ['{{`x`3}}', 'template: :1: unexpected "3" in operand'],
  ['{{a#}}', "template: :1: bad character U+0023 '#'"],
  ["{{'a}}", 'template: :1: unterminated character constant'],
  ['{{"a}}', 'template: :1: unterminated quoted string'],
  ['{{`a}}', 'template: :1: unterminated raw quoted string'],
  // The lexer accepts "0xi" as an imaginary number; the parser then rejects it.
  ['{{0xi}}', 'template: :1: illegal number syntax: "0xi"'],
  ['{{3k}}', 'template: :1: bad number syntax: "3k"'],
  ['{{range .X}}', 'template: :1: unexpected EOF'],
  ['{{$a,$b,$c := 23}}', 'template: :1: too many declarations in command'],
  ['{{$a}}', 'template: :1: undefined variable "$a"'],
  ['{{true.any}}', 'template: :1: unexpected . after term "true"'],
  ['{{12|false}}', 'template: :1: non executable command in pipeline stage 2'],
  ['{{ ( ) }}', 'template: :1: missing value for parenthesized pipeline'],
  ['{{range $k}}{{end}}', 'template: :1: undefined variable "$k"'],
  ['{{range $k, $v}}{{end}}', 'template: :1: undefined variable "$v"'],
  ['{{range $k,}}{{end}}', 'template: :1: missing value for range'],
  ['{{range $k, $v := }}{{end}}', 'template: :1: missing value for range'],
  ['{{range $k, .}}{{end}}', 'template: :1: range can only initialize variables'],
  ['{{range $k, 123 := .}}{{end}}', 'template: :1: range can only initialize variables'],
  ['{{end}}', 'template: :1: unexpected {{end}}'],
  ['{{else}}', 'template: :1: unexpected {{else}}'],
  ['{{if}}{{end}}', 'template: :1: missing value for if'],
  ['{{if .A}}{{else}}{{else}}{{end}}', 'template: :1: expected end; found {{else}}'],
  ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
  // Go 1.22, which docker 27.5.1 is built with, has no "else with".
  ['{{with .A}}a{{else with .B}}b{{end}}', 'template: :1: unexpected <with> in else'],
  ['{{if .}}{{continue}}{{end}}', 'template: :1: {{continue}} outside {{range}}'],
  ['{{template .X}}', 'template: :1: unexpected ".X" in template clause'],
  ['{{template "x" | }}', 'template: :1: unexpected "|" in template clause'],
  ['{{"\\q"}}', 'template: :1: invalid syntax'],
  [
    '{{define "a"}}a{{end}}{{define "a"}}b{{end}}',
    'template: :1: template: multiple definition of template "a"',
  ],
  ['{{.A | "x"}}', 'template: :1: non executable command in pipeline stage 2'],
  ['{{$x := 1}}{{with $x.y := 3}}{{end}}', 'template: :1: unexpected ":=" in operand'],
  ['{{99999999999999999999}}', 'template: :1: integer overflow: "99999999999999999999"'],
  ['{{1 . 2}}{{"abcdefghijklmnop" .x := 1}}', 'template: :1: unexpected ":=" in operand'],
];

describe('parseGoTemplate', () => {
  it.each(errorCases)('rejects %j', (template, expected) => {
    expect(parseError(template)).toBe(expected);
  });

  it.each([
    'plain text',
    '{{.A.B.C}}',
    '{{- .A -}}',
    '{{/* comment */}}',
    '{{- /* trimmed comment */ -}}',
    '{{if .A}}a{{else if .B}}b{{else}}c{{end}}',
    '{{with .A}}a{{else}}b{{end}}',
    '{{range $i, $v := .}}{{$i}}{{$v}}{{else}}none{{end}}',
    '{{$x := 1}}{{$x = 2}}',
    '{{(index . 1).Name}}',
    '{{block "b" .}}body{{end}}',
    '{{-3}}',
    "{{'\\n'}} {{0x1F}} {{0o17}} {{0b101}} {{1_000}} {{1e3}} {{.5}}",
  ])('accepts %j', (template) => {
    expect(parseError(template)).toBe('parsed');
  });

  it('reports quoted items longer than ten characters with an ellipsis', () => {
    expect(parseError('{{.A "abcdefghijklm" | 3}}')).toBe(
      'template: :1: non executable command in pipeline stage 2',
    );
    expect(parseError('{{.A }"abcdefghijklm"}}')).toBe('template: :1: unexpected "}" in operand');
    expect(parseError('{{with $x := 3}}{{end}}{{"abcdefghijklm" = }}')).toBe(
      'template: :1: unexpected "=" in operand',
    );
  });
});
