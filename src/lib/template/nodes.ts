/**
 * The parse tree of text/template/parse/node.go, and the String() forms Go uses to show a node
 * in an execution error: `executing "" at <.ManagerStatus.Leader>: …`.
 */

interface Positioned {
  /** Index in the template text where the node starts (Go's Pos). */
  readonly pos: number;
}

export interface TextNode extends Positioned {
  readonly type: 'text';
  readonly text: string;
}

export interface CommentNode extends Positioned {
  readonly type: 'comment';
  readonly text: string;
}

export interface DotNode extends Positioned {
  readonly type: 'dot';
}

export interface NilNode extends Positioned {
  readonly type: 'nil';
}

export interface BoolNode extends Positioned {
  readonly type: 'bool';
  readonly value: boolean;
}

export interface NumberNode extends Positioned {
  readonly type: 'number';
  /** The literal as written, used for printing and error messages. */
  readonly text: string;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly intValue: number;
  readonly floatValue: number;
}

export interface StringNode extends Positioned {
  readonly type: 'string';
  /** The literal with its quotes, as written. */
  readonly quoted: string;
  readonly text: string;
}

export interface FieldNode extends Positioned {
  readonly type: 'field';
  /** Field names without dots: `.A.B` is ['A', 'B']. */
  readonly ident: readonly string[];
}

export interface VariableNode extends Positioned {
  readonly type: 'variable';
  /** Variable name then field names: `$x.A` is ['$x', 'A']. */
  readonly ident: readonly string[];
}

export interface IdentifierNode extends Positioned {
  readonly type: 'identifier';
  readonly name: string;
}

export interface ChainNode extends Positioned {
  readonly type: 'chain';
  readonly node: ArgumentNode;
  readonly fields: readonly string[];
}

export interface PipeNode extends Positioned {
  readonly type: 'pipe';
  readonly line: number;
  readonly isAssign: boolean;
  readonly decl: readonly VariableNode[];
  readonly cmds: readonly CommandNode[];
}

export interface CommandNode extends Positioned {
  readonly type: 'command';
  readonly args: readonly ArgumentNode[];
}

/** Anything that can stand as an operand of a command. */
export type ArgumentNode =
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | FieldNode
  | VariableNode
  | IdentifierNode
  | ChainNode
  | PipeNode;

export interface ActionNode extends Positioned {
  readonly type: 'action';
  readonly line: number;
  readonly pipe: PipeNode;
}

export interface BranchNode extends Positioned {
  readonly type: 'if' | 'range' | 'with';
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}

export interface TemplateNode extends Positioned {
  readonly type: 'template';
  readonly line: number;
  readonly name: string;
  readonly pipe: PipeNode | undefined;
}

export interface BreakNode extends Positioned {
  readonly type: 'break' | 'continue';
  readonly line: number;
}

export interface ListNode extends Positioned {
  readonly type: 'list';
  readonly nodes: readonly StatementNode[];
}

export type StatementNode =
  TextNode | CommentNode | ActionNode | BranchNode | TemplateNode | BreakNode | ListNode;

export type Node = StatementNode | ArgumentNode | CommandNode;

function argumentString(node: ArgumentNode): string {
  return node.type === 'pipe' ? `(${nodeString(node)})` : nodeString(node);
}

function pipeString(pipe: PipeNode): string {
  const declarations =
    pipe.decl.length === 0
      ? ''
      : `${pipe.decl.map(nodeString).join(', ')}${pipe.isAssign ? ' = ' : ' := '}`;
  return declarations + pipe.cmds.map(nodeString).join(' | ');
}

function branchString(node: BranchNode): string {
  const elsePart = node.elseList === undefined ? '' : `{{else}}${nodeString(node.elseList)}`;
  return `{{${node.type} ${nodeString(node.pipe)}}}${nodeString(node.list)}${elsePart}{{end}}`;
}

function operandString(node: ArgumentNode): string {
  switch (node.type) {
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'field':
      return node.ident.map((name) => `.${name}`).join('');
    case 'variable':
      return node.ident.join('.');
    case 'identifier':
      return node.name;
    case 'chain':
      return argumentString(node.node) + node.fields.map((name) => `.${name}`).join('');
    case 'pipe':
      return pipeString(node);
  }
}

function templateString(node: TemplateNode): string {
  const pipe = node.pipe === undefined ? '' : ` ${nodeString(node.pipe)}`;
  return `{{template ${JSON.stringify(node.name)}${pipe}}}`;
}

function statementString(node: StatementNode | CommandNode): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'comment':
      return `{{${node.text}}}`;
    case 'command':
      return node.args.map(argumentString).join(' ');
    case 'action':
      return `{{${nodeString(node.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with':
      return branchString(node);
    case 'template':
      return templateString(node);
    case 'break':
    case 'continue':
      return `{{${node.type}}}`;
    case 'list':
      return node.nodes.map(nodeString).join('');
  }
}

const STATEMENT_TYPES: ReadonlySet<Node['type']> = new Set([
  'text',
  'comment',
  'command',
  'action',
  'if',
  'range',
  'with',
  'template',
  'break',
  'continue',
  'list',
]);

function isStatement(node: Node): node is StatementNode | CommandNode {
  return STATEMENT_TYPES.has(node.type);
}

/** Go's Node.String(). */
export function nodeString(node: Node): string {
  return isStatement(node) ? statementString(node) : operandString(node);
}
