/**
 * The text/template parser (text/template/parse/parse.go, Go 1.22): actions, pipelines with
 * declarations and assignments, if/else if/else, range (with `$i, $v :=`, else, break,
 * continue), with/else, define/template/block, comments, and Go's parse error texts.
 */
import { TemplateError } from './errors';
import { describeItem, Lexer, type Item, type ItemType } from './lexer';
import type {
  ArgumentNode,
  BranchNode,
  CommandNode,
  ListNode,
  PipeNode,
  StatementNode,
  TemplateNode,
  VariableNode,
} from './nodes';
import { nodeString } from './nodes';
import { parseNumberLiteral } from './number-literal';
import { goQuote, goUnquote } from './quote';

export interface ParsedTemplate {
  /** Name used in error messages; docker's templates are anonymous (""). */
  readonly name: string;
  readonly text: string;
  readonly root: ListNode;
  /** Templates made by {{define}} and {{block}}, and the root under its own name. */
  readonly definitions: ReadonlyMap<string, ListNode>;
}

export interface ParseOptions {
  readonly name?: string;
  /** Every function a template may call; an unknown one is a parse error, as in Go. */
  readonly functionNames: ReadonlySet<string>;
}

/** {{end}} and {{else}} end an item list; they never appear in the finished tree. */
interface Terminator {
  readonly type: 'end' | 'else';
  readonly pos: number;
}

type ListItem = StatementNode | Terminator;

function isTerminator(item: ListItem): item is Terminator {
  return item.type === 'end' || item.type === 'else';
}

const OPERAND_START: ReadonlySet<ItemType> = new Set<ItemType>([
  'bool',
  'charConstant',
  'complex',
  'dot',
  'field',
  'identifier',
  'number',
  'nil',
  'rawString',
  'string',
  'variable',
  'leftParen',
]);

function isEmptyTree(node: StatementNode): boolean {
  if (node.type === 'list') return node.nodes.every(isEmptyTree);
  if (node.type === 'text') return node.text.trim() === '';
  return node.type === 'comment';
}

function terminatorString(item: ListItem): string {
  return isTerminator(item) ? `{{${item.type}}}` : nodeString(item);
}

class Parser {
  private readonly items: readonly Item[];
  private index = 0;
  /** Index of the furthest item read: Go reports the line of the latest lexed token. */
  private furthest = 0;
  private variables: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  readonly definitions = new Map<string, ListNode>();

  constructor(
    readonly name: string,
    text: string,
    private readonly functionNames: ReadonlySet<string>,
  ) {
    this.items = Lexer.lex(text);
  }

  private itemAt(index: number): Item {
    const item = this.items[Math.min(index, this.items.length - 1)];
    if (item === undefined) throw new Error('lexer produced no items');
    return item;
  }

  private next(): Item {
    const item = this.itemAt(this.index);
    this.furthest = Math.max(this.furthest, Math.min(this.index, this.items.length - 1));
    this.index++;
    return item;
  }

  private backup(): void {
    this.index--;
  }

  private peek(): Item {
    this.furthest = Math.max(this.furthest, Math.min(this.index, this.items.length - 1));
    return this.itemAt(this.index);
  }

  private nextNonSpace(): Item {
    let item = this.next();
    while (item.type === 'space') item = this.next();
    return item;
  }

  private peekNonSpace(): Item {
    const item = this.nextNonSpace();
    this.backup();
    return item;
  }

  errorf(message: string): never {
    throw new TemplateError(
      'parse',
      `template: ${this.name}:${this.itemAt(this.furthest).line}: ${message}`,
    );
  }

  private unexpected(item: Item, context: string): never {
    if (item.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== item.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`;
        if (item.value.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${describeItem(item)}${extra}`);
    }
    this.errorf(`unexpected ${describeItem(item)} in ${context}`);
  }

  private expect(expected: ItemType, context: string): Item {
    const item = this.nextNonSpace();
    if (item.type !== expected) this.unexpected(item, context);
    return item;
  }

  parseRoot(): ListNode {
    const nodes: StatementNode[] = [];
    const pos = this.peek().pos;
    while (this.peek().type !== 'EOF') {
      if (this.peek().type === 'leftDelim') {
        const mark = this.index;
        this.next();
        if (this.nextNonSpace().type === 'define') {
          this.parseDefinition();
          continue;
        }
        this.index = mark;
      }
      const node = this.textOrAction();
      if (isTerminator(node)) this.errorf(`unexpected ${terminatorString(node)}`);
      nodes.push(node);
    }
    return { type: 'list', pos, nodes };
  }

  /** Runs `body` as a separate tree: its own variables and range depth, as Go's sub-Tree. */
  private asSeparateTree<T>(body: () => T): T {
    const saved = { variables: this.variables, rangeDepth: this.rangeDepth };
    this.variables = ['$'];
    this.rangeDepth = 0;
    try {
      return body();
    } finally {
      this.variables = saved.variables;
      this.rangeDepth = saved.rangeDepth;
    }
  }

  addDefinition(name: string, root: ListNode): void {
    const existing = this.definitions.get(name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.definitions.set(name, root);
    } else if (!isEmptyTree(root)) {
      this.errorf(`template: multiple definition of template ${goQuote(name)}`);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString')
      this.unexpected(nameItem, context);
    const name = this.unquote(nameItem.value);
    this.expect('rightDelim', context);
    this.asSeparateTree(() => {
      const [root, end] = this.itemList();
      if (end.type !== 'end') this.errorf(`unexpected ${terminatorString(end)} in ${context}`);
      this.addDefinition(name, root);
    });
  }

  private unquote(literal: string): string {
    try {
      return goUnquote(literal);
    } catch {
      return this.errorf('invalid syntax');
    }
  }

  private itemList(): [ListNode, ListItem] {
    const nodes: StatementNode[] = [];
    const pos = this.peekNonSpace().pos;
    while (this.peekNonSpace().type !== 'EOF') {
      const node = this.textOrAction();
      if (isTerminator(node)) return [{ type: 'list', pos, nodes }, node];
      nodes.push(node);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): ListItem {
    const item = this.nextNonSpace();
    if (item.type === 'text') return { type: 'text', pos: item.pos, text: item.value };
    if (item.type !== 'leftDelim') this.unexpected(item, 'input');
    this.actionLine = item.line;
    try {
      return this.action();
    } finally {
      this.actionLine = 0;
    }
  }

  private action(): ListItem {
    const item = this.nextNonSpace();
    const { type } = item;
    if (type === 'block') return this.blockControl();
    if (type === 'break' || type === 'continue') return this.loopControl(type, item);
    if (type === 'else') return this.elseControl();
    if (type === 'end') return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
    if (type === 'if' || type === 'range' || type === 'with') return this.branchControl(type);
    if (type === 'template') return this.templateControl();
    this.backup();
    const start = this.peek();
    const pipe = this.pipeline('command', 'rightDelim');
    return { type: 'action', pos: start.pos, line: start.line, pipe };
  }

  private loopControl(type: 'break' | 'continue', keyword: Item): StatementNode {
    const item = this.nextNonSpace();
    if (item.type !== 'rightDelim') this.unexpected(item, `{{${type}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${type}}} outside {{range}}`);
    return { type, pos: keyword.pos, line: keyword.line };
  }

  private elseControl(): Terminator {
    const peeked = this.peekNonSpace();
    // "{{else if …" is read as "{{else}}{{if …" with an implied {{end}}. Go 1.23 added the same
    // for "{{else with …"; docker 27.5.1 is built with Go 1.22, which rejects it.
    if (peeked.type === 'if') return { type: 'else', pos: peeked.pos };
    return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  private branchControl(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.variables.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      const elseList = next.type === 'else' ? this.elseBranch(context, next) : undefined;
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.variables.length = mark;
    }
  }

  private elseBranch(context: 'if' | 'range' | 'with', elseItem: ListItem): ListNode {
    const chained = this.peek().type;
    if (context === 'if' && chained === 'if') {
      this.next();
      return { type: 'list', pos: elseItem.pos, nodes: [this.branchControl(context)] };
    }
    const [elseList, next] = this.itemList();
    if (next.type !== 'end') this.errorf(`expected end; found ${terminatorString(next)}`);
    return elseList;
  }

  private templateName(item: Item, context: string): string {
    if (item.type !== 'string' && item.type !== 'rawString') this.unexpected(item, context);
    return this.unquote(item.value);
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const item = this.nextNonSpace();
    const name = this.templateName(item, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: item.pos, line: item.line, name, pipe };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const item = this.nextNonSpace();
    const name = this.templateName(item, context);
    const pipe = this.pipeline(context, 'rightDelim');
    this.asSeparateTree(() => {
      const [root, end] = this.itemList();
      if (end.type !== 'end') this.errorf(`unexpected ${terminatorString(end)} in ${context}`);
      this.addDefinition(name, root);
    });
    return { type: 'template', pos: item.pos, line: item.line, name, pipe };
  }

  private declarations(context: string): { decl: VariableNode[]; isAssign: boolean } {
    const decl: VariableNode[] = [];
    for (;;) {
      const mark = this.index;
      const variable = this.peekNonSpace();
      if (variable.type !== 'variable') return { decl, isAssign: false };
      this.nextNonSpace();
      const following = this.peekNonSpace();
      if (following.type === 'assign' || following.type === 'declare') {
        this.nextNonSpace();
        decl.push(this.newVariable(variable.pos, variable.value));
        this.variables.push(variable.value);
        return { decl, isAssign: following.type === 'assign' };
      }
      if (following.type === 'char' && following.value === ',') {
        this.nextNonSpace();
        decl.push(this.newVariable(variable.pos, variable.value));
        this.variables.push(variable.value);
        if (context === 'range' && decl.length < 2) {
          const second = this.peekNonSpace().type;
          if (second === 'variable' || second === 'rightDelim' || second === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      this.index = mark;
      return { decl, isAssign: false };
    }
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const start = this.peekNonSpace();
    const { decl, isAssign } = this.declarations(context);
    const cmds: CommandNode[] = [];
    for (;;) {
      const item = this.nextNonSpace();
      if (item.type === end) {
        const pipe: PipeNode = {
          type: 'pipe',
          pos: start.pos,
          line: start.line,
          isAssign,
          decl,
          cmds,
        };
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (!OPERAND_START.has(item.type)) this.unexpected(item, context);
      this.backup();
      cmds.push(this.command());
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((command, index) => {
      const first = command.args[0]?.type;
      if (
        first === 'bool' ||
        first === 'dot' ||
        first === 'nil' ||
        first === 'number' ||
        first === 'string'
      ) {
        this.errorf(`non executable command in pipeline stage ${index + 2}`);
      }
    });
  }

  private command(): CommandNode {
    const args: ArgumentNode[] = [];
    const pos = this.peekNonSpace().pos;
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) args.push(operand);
      const item = this.next();
      if (item.type === 'space') continue;
      if (item.type === 'rightDelim' || item.type === 'rightParen') this.backup();
      else if (item.type !== 'pipe') this.unexpected(item, 'operand');
      break;
    }
    if (args.length === 0) this.errorf('empty command');
    return { type: 'command', pos, args };
  }

  private operand(): ArgumentNode | undefined {
    const node = this.term();
    if (node === undefined || this.peek().type !== 'field') return node;
    // The chain's position is that of its first trailing field, as in Go's newChain.
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      case 'chain':
      case 'identifier':
      case 'pipe':
        return { type: 'chain', pos, node, fields };
    }
  }

  private term(): ArgumentNode | undefined {
    const item = this.nextNonSpace();
    const { type, pos, value } = item;
    if (type === 'identifier') {
      if (!this.functionNames.has(value)) this.errorf(`function ${goQuote(value)} not defined`);
      return { type: 'identifier', pos, name: value };
    }
    if (type === 'dot' || type === 'nil') return { type, pos };
    if (type === 'variable') return this.useVariable(pos, value);
    if (type === 'field') return { type: 'field', pos, ident: value.slice(1).split('.') };
    if (type === 'bool') return { type: 'bool', pos, value: value === 'true' };
    if (type === 'charConstant' || type === 'complex' || type === 'number') {
      return this.numberNode(item);
    }
    if (type === 'leftParen') return this.pipeline('parenthesized pipeline', 'rightParen');
    if (type === 'string' || type === 'rawString') {
      return { type: 'string', pos, quoted: value, text: this.unquote(value) };
    }
    this.backup();
    return undefined;
  }

  private numberNode(item: Item): ArgumentNode {
    try {
      const literal = parseNumberLiteral(item.value, item.type === 'charConstant');
      return { type: 'number', pos: item.pos, text: item.value, ...literal };
    } catch (error) {
      return this.errorf(error instanceof Error ? error.message : String(error));
    }
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { type: 'variable', pos, ident: name.split('.') };
  }

  private useVariable(pos: number, name: string): VariableNode {
    const variable = this.newVariable(pos, name);
    const first = variable.ident[0] ?? '';
    if (!this.variables.includes(first)) this.errorf(`undefined variable ${goQuote(first)}`);
    return variable;
  }
}

/** Parses a template; throws TemplateError with Go's message on a syntax error. */
export function parseTemplate(text: string, options: ParseOptions): ParsedTemplate {
  const name = options.name ?? '';
  const parser = new Parser(name, text, options.functionNames);
  const root = parser.parseRoot();
  parser.addDefinition(name, root);
  return { name, text, root, definitions: parser.definitions };
}
