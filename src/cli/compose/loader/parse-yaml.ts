/**
 * loader.ParseYAML (cli/compose/loader/loader.go, 27.5.1): a compose file's text to its dict.
 * docker/cli 27.5.1 decodes with gopkg.in/yaml.v2, which is YAML 1.1 as Go resolves it
 * (resolve.go): `yes`, `on` and `y` are booleans, `0755` is octal, a timestamp stays a string,
 * base-60 numbers are not numbers (`80:80` is a string), a repeated key silently wins, and `<<`
 * merges. The `yaml` package parses the text (with the failsafe schema, so every scalar comes
 * as written) and this module resolves each plain scalar as yaml.v2 would. Its syntax errors
 * are worded as libyaml words the common ones, with yaml.v2's line numbers.
 */
import { ComposeError } from '../errors';
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { parseGoFloat, parseGoInt, parseGoUint } from '../../flags/go-strconv';
import { goSprint, isDict, isList, setEntry, type Dict, type DictValue } from '../types/dict';

/** A text docker prints as it is: a YAML syntax error or a bad top level. */
export class ComposeParseError extends ComposeError {}

const TRUE_WORDS = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE_WORDS = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
const NULL_WORDS = ['', '~', 'null', 'Null', 'NULL'];
const FLOAT_WORDS: ReadonlyMap<string, number> = new Map([
  ['.nan', NaN],
  ['.NaN', NaN],
  ['.NAN', NaN],
  ['.inf', Infinity],
  ['.Inf', Infinity],
  ['.INF', Infinity],
  ['+.inf', Infinity],
  ['+.Inf', Infinity],
  ['+.INF', Infinity],
  ['-.inf', -Infinity],
  ['-.Inf', -Infinity],
  ['-.INF', -Infinity],
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const MERGE_KEY = '<<';

function attempt<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

/** yaml.v2's resolve() of an untagged plain scalar. */
export function resolvePlain(text: string): DictValue {
  if (TRUE_WORDS.includes(text)) return true;
  if (FALSE_WORDS.includes(text)) return false;
  if (NULL_WORDS.includes(text)) return null;
  const special = FLOAT_WORDS.get(text);
  if (special !== undefined) return special;
  const first = text.charAt(0);
  if (first === '.') return attempt(() => parseGoFloat(text)) ?? text;
  if (!/[-+0-9]/.test(first)) return text;
  const plain = text.replaceAll('_', '');
  const asInt = attempt(() => parseGoInt(plain, 64)) ?? attempt(() => parseGoUint(plain, 64));
  if (asInt !== undefined) return Number(asInt);
  if (YAML_STYLE_FLOAT.test(plain)) {
    const asFloat = attempt(() => parseGoFloat(plain));
    if (asFloat !== undefined) return asFloat;
  }
  return text;
}

interface Walk {
  readonly doc: Document;
  readonly aliasDepth: number;
}

function scalarValue(node: Node): DictValue {
  if (!isScalar(node)) return null;
  const text = typeof node.value === 'string' ? node.value : String(node.value);
  if (node.tag === 'tag:yaml.org,2002:str') return text;
  return node.type === 'PLAIN' || node.tag !== undefined ? resolvePlain(text) : text;
}

/** A key as yaml.v2 decodes it into `map[interface{}]interface{}`, then ParseYAML's check. */
function keyOf(node: unknown, walk: Walk, prefix: string): string {
  const value = nodeValue(node, walk, prefix);
  if (typeof value === 'string') return value;
  const location = prefix === '' ? 'at top level' : `in ${prefix}`;
  throw new ComposeParseError(`non-string key ${location}: ${goSprint(value)}`);
}

function mergeInto(out: Record<string, DictValue>, source: DictValue): void {
  if (isDict(source)) {
    for (const [key, value] of Object.entries(source)) setEntry(out, key, value);
    return;
  }
  if (isList(source)) {
    // yaml.v2 merges a list of maps from the last to the first, so the first wins.
    for (const item of [...source].reverse()) mergeInto(out, item);
    return;
  }
  throw new ComposeParseError('yaml: map merge requires map or sequence of maps as the value');
}

/** A pair's key or value, or a list item: a node, or nothing for an empty one. */
function nodeValue(node: unknown, walk: Walk, prefix: string): DictValue {
  return isNode(node) ? valueOf(node, walk, prefix) : null;
}

function valueOf(node: Node, walk: Walk, prefix: string): DictValue {
  if (isAlias(node)) {
    const target = node.resolve(walk.doc);
    if (target === undefined) {
      throw new ComposeParseError(`yaml: unknown anchor '${node.source}' referenced`);
    }
    if (walk.aliasDepth > 100) throw new ComposeParseError('yaml: anchor expansion too deep');
    return valueOf(target, { ...walk, aliasDepth: walk.aliasDepth + 1 }, prefix);
  }
  if (isMap(node)) {
    const out: Record<string, DictValue> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === MERGE_KEY) {
        mergeInto(out, nodeValue(pair.value, walk, prefix));
        continue;
      }
      const key = keyOf(keyNode, walk, prefix);
      const inner = prefix === '' ? key : `${prefix}.${key}`;
      setEntry(out, key, nodeValue(pair.value, walk, inner));
    }
    return out;
  }
  if (isSeq(node)) {
    return node.items.map((item, index) => nodeValue(item, walk, `${prefix}[${index}]`));
  }
  return scalarValue(node);
}

interface SyntaxRule {
  readonly codes: readonly string[];
  /** The start of the `yaml` package's message that tells this case from others of its code. */
  readonly says?: string;
  /** libyaml's scanner errors print a 1-based line, its parser errors a 0-based one. */
  readonly kind: 'scanner' | 'parser';
  readonly text: string;
  /** Which line libyaml points at: where the error starts, or where the bad `:` is. */
  readonly at: 'start' | 'end';
}

/** libyaml's texts for the syntax errors people make in compose files. */
const SYNTAX_RULES: readonly SyntaxRule[] = [
  {
    codes: ['TAB_AS_INDENT'],
    kind: 'scanner',
    text: 'found character that cannot start any token',
    at: 'start',
  },
  {
    codes: ['BLOCK_AS_IMPLICIT_KEY'],
    says: 'Nested mappings',
    kind: 'scanner',
    text: 'mapping values are not allowed in this context',
    at: 'end',
  },
  {
    codes: ['BAD_INDENT'],
    says: 'Flow sequence',
    kind: 'parser',
    text: "did not find expected ',' or ']'",
    at: 'start',
  },
  {
    codes: ['BAD_INDENT'],
    says: 'Flow map',
    kind: 'parser',
    text: "did not find expected ',' or '}'",
    at: 'start',
  },
  {
    codes: ['MISSING_CHAR'],
    says: 'Missing closing',
    kind: 'scanner',
    text: 'found unexpected end of stream',
    at: 'start',
  },
  {
    codes: ['BLOCK_AS_IMPLICIT_KEY', 'BAD_INDENT', 'MISSING_CHAR'],
    kind: 'parser',
    text: 'did not find expected key',
    at: 'start',
  },
];

/** yaml.v2's error text: `yaml: line N: …`, with no line on the first line. */
function syntaxMessage(errors: readonly YAMLError[]): string {
  const first = errors[0];
  const start = first?.linePos?.[0]?.line ?? 1;
  const end = Math.max(...errors.map((error) => error.linePos?.[1]?.line ?? start));
  const message = first?.message ?? '';
  const rule = SYNTAX_RULES.find(
    (candidate) =>
      first !== undefined &&
      candidate.codes.includes(first.code) &&
      (candidate.says === undefined || message.startsWith(candidate.says)),
  );
  const text =
    rule?.text ?? message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  const pointed = rule?.at === 'end' ? end : start;
  const line = rule?.kind === 'parser' ? pointed - 1 : pointed;
  return line > (rule?.kind === 'parser' ? 0 : 1) ? `yaml: line ${line}: ${text}` : `yaml: ${text}`;
}

/** loader.ParseYAML: the first document's top-level mapping, keys as strings. */
export function parseYAML(source: string): Dict {
  const parsed = parseAllDocuments(source, {
    schema: 'failsafe',
    uniqueKeys: false,
    version: '1.1',
  });
  const documents = Array.isArray(parsed) ? parsed : [];
  const doc = documents[0];
  if (doc === undefined) throw new ComposeParseError('top-level object must be a mapping');
  if (doc.errors.length > 0) throw new ComposeParseError(syntaxMessage(doc.errors));
  const contents = doc.contents;
  if (contents === null) throw new ComposeParseError('top-level object must be a mapping');
  const value = valueOf(contents, { doc, aliasDepth: 0 }, '');
  if (!isDict(value)) throw new ComposeParseError('top-level object must be a mapping');
  return value;
}
