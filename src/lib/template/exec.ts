/**
 * The text/template executor (text/template/exec.go, Go 1.22) over typed JavaScript values.
 * It walks the parse tree, evaluates pipelines, and reports errors with Go's exact text and
 * location: `template: :1:16: executing "" at <.ManagerStatus.Leader>: nil pointer evaluating
 * *swarm.ManagerStatus.Leader`.
 */
import { TemplateError } from './errors';
import {
  FunctionCallError,
  type FunctionMap,
  type ParameterType,
  type TemplateFunction,
} from './function-types';
import type {
  ArgumentNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  StatementNode,
  TemplateNode,
  VariableNode,
} from './nodes';
import { nodeString } from './nodes';
import type { ParsedTemplate } from './parser';
import { formatActionValue } from './print';
import { goQuote } from './quote';
import { canBeNil, goTypes, isAssignable, typeName, type GoType, type MapType } from './types';
import { utf8Length } from '../utf8';
import {
  dynamicValue,
  indirect,
  indirectInterface,
  isNilValue,
  methodOf,
  rawMapEntries,
  readAs,
  sortedMapEntries,
  structField,
  truthOf,
  zeroValue,
  type GoValue,
  type Value,
} from './values';

export type MissingKeyMode = 'invalid' | 'zero' | 'error';

export interface ExecuteOptions {
  readonly functions: FunctionMap;
  /** Go's `missingkey` option: what a missing map key gives. docker 27 uses the default. */
  readonly missingKey?: MissingKeyMode;
}

/** Marks "no value piped in" (Go's missingVal), as opposed to an invalid value. */
const MISSING: unique symbol = Symbol('missing');
type Final = Value | typeof MISSING;

/** Go's limit is 100 000 nested template calls; a JavaScript stack is shallower. */
const MAX_TEMPLATE_DEPTH = 1000;

/** Thrown by {{break}} and {{continue}} and caught by the enclosing range, as Go panics. */
class LoopSignal extends Error {
  constructor(readonly kind: 'break' | 'continue') {
    super(`{{${kind}}}`);
  }
}

interface Variable {
  readonly name: string;
  value: Value;
}

/** Go's ErrorContext location: `name:line:column`, the column counted in bytes. */
function errorLocation(template: ParsedTemplate, node: Node): string {
  const before = template.text.slice(0, node.pos);
  const lastNewline = before.lastIndexOf('\n');
  const column = utf8Length(lastNewline < 0 ? before : before.slice(lastNewline + 1));
  const line = 1 + (before.match(/\n/g)?.length ?? 0);
  return `${template.name}:${line}:${column}`;
}

function stringValue(text: string): GoValue {
  return { type: goTypes.string, value: text };
}

export class Executor {
  private readonly output: string[] = [];
  private variables: Variable[];
  private node: Node | undefined;
  private templateName: string;
  private depth = 0;

  constructor(
    private readonly template: ParsedTemplate,
    private readonly options: ExecuteOptions,
    data: Value,
  ) {
    this.variables = [{ name: '$', value: data }];
    this.templateName = template.name;
  }

  run(data: Value): string {
    this.walk(data, this.template.root);
    return this.outputSoFar();
  }

  outputSoFar(): string {
    return this.output.join('');
  }

  private errorf(message: string): never {
    const node = this.node;
    const name = goQuote(this.templateName);
    if (node === undefined)
      throw new TemplateError('exec', `template: ${this.template.name}: ${message}`);
    const location = errorLocation(this.template, node);
    throw new TemplateError(
      'exec',
      `template: ${location}: executing ${name} at <${nodeString(node)}>: ${message}`,
    );
  }

  private at(node: Node): void {
    this.node = node;
  }

  // Variables.

  private mark(): number {
    return this.variables.length;
  }

  private pop(mark: number): void {
    this.variables.length = mark;
  }

  private findVariable(name: string): Variable {
    for (let index = this.variables.length - 1; index >= 0; index--) {
      const variable = this.variables[index];
      if (variable?.name === name) return variable;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  private setTopVariable(fromTop: number, value: Value): void {
    const variable = this.variables[this.variables.length - fromTop];
    if (variable !== undefined) variable.value = value;
  }

  // Walking statements.

  private walk(dot: Value, node: StatementNode): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, value);
        return;
      }
      case 'comment':
        return;
      case 'if':
      case 'with':
        this.walkIfOrWith(dot, node);
        return;
      case 'list':
        for (const child of node.nodes) this.walk(dot, child);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.output.push(node.text);
        return;
      case 'break':
      case 'continue':
        throw new LoopSignal(node.type);
    }
  }

  private printValue(node: Node, value: Value): void {
    this.at(node);
    if (value?.type.kind === 'func')
      this.errorf(`can't print ${nodeString(node)} of type ${typeName(value.type)}`);
    this.output.push(formatActionValue(value));
  }

  private walkIfOrWith(dot: Value, node: BranchNode): void {
    const mark = this.mark();
    try {
      const value = this.evalPipeline(dot, node.pipe);
      const { truth, ok } = truthOf(indirectInterface(value));
      if (!ok) this.errorf(`if/with can't use ${formatActionValue(value)}`);
      if (truth) this.walk(node.type === 'with' ? value : dot, node.list);
      else if (node.elseList !== undefined) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Value, node: BranchNode): void {
    this.at(node);
    const outerMark = this.mark();
    try {
      const evaluated = this.evalPipeline(dot, node.pipe);
      const value = evaluated === undefined ? undefined : indirect(evaluated)[0];
      const ran = this.rangeOver(value, node);
      if (!ran && node.elseList !== undefined) this.walk(dot, node.elseList);
    } catch (signal) {
      if (!(signal instanceof LoopSignal && signal.kind === 'break')) throw signal;
    } finally {
      this.pop(outerMark);
    }
  }

  /** Runs the body once per element; false when there was nothing to iterate. */
  private rangeOver(value: Value, node: BranchNode): boolean {
    if (value === undefined) return false;
    const { type } = value;
    if (type.kind === 'slice') {
      const items = Array.isArray(value.value) ? (value.value as unknown[]) : [];
      items.forEach((item, index) => {
        this.iterate(node, { type: goTypes.int, value: index }, readAs(type.elem, item));
      });
      return items.length > 0;
    }
    if (type.kind === 'map') {
      const entries = sortedMapEntries(value);
      for (const [key, element] of entries) this.iterate(node, key, element);
      return entries.length > 0;
    }
    if (type.kind === 'int' || type.kind === 'uint') {
      if (node.pipe.decl.length > 1) {
        this.errorf(`can't use ${formatActionValue(value)} to iterate over more than one variable`);
      }
      const count = Number(value.value);
      for (let index = 0; index < count; index++)
        this.iterate(node, { type, value: index }, { type, value: index });
      return count > 0;
    }
    return this.errorf(`range can't iterate over ${formatActionValue(value)}`);
  }

  private iterate(node: BranchNode, index: GoValue, element: GoValue): void {
    const { decl, isAssign } = node.pipe;
    const mark = this.mark();
    if (isAssign) {
      const [first, second] = decl;
      if (first !== undefined)
        this.findVariable(first.ident[0] ?? '').value = second === undefined ? element : index;
      if (second !== undefined) this.findVariable(second.ident[0] ?? '').value = element;
    } else {
      if (decl.length > 0) this.setTopVariable(1, element);
      if (decl.length > 1) this.setTopVariable(2, index);
    }
    try {
      this.walk(element, node.list);
    } catch (signal) {
      if (!(signal instanceof LoopSignal && signal.kind === 'continue')) throw signal;
    } finally {
      this.pop(mark);
    }
  }

  private walkTemplate(dot: Value, node: TemplateNode): void {
    this.at(node);
    const root = this.template.definitions.get(node.name);
    if (root === undefined) this.errorf(`template ${goQuote(node.name)} not defined`);
    if (this.depth >= MAX_TEMPLATE_DEPTH)
      this.errorf(`exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
    const newDot = node.pipe === undefined ? undefined : this.evalPipeline(dot, node.pipe);
    const saved = { variables: this.variables, name: this.templateName };
    // No dynamic scoping: a template invocation inherits no variables.
    this.variables = [{ name: '$', value: newDot }];
    this.templateName = node.name;
    this.depth++;
    try {
      this.walkRoot(newDot, root);
    } finally {
      this.depth--;
      this.variables = saved.variables;
      this.templateName = saved.name;
    }
  }

  private walkRoot(dot: Value, root: ListNode): void {
    this.walk(dot, root);
  }

  // Evaluating pipelines and commands.

  private evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.at(pipe);
    let value: Final = MISSING;
    for (const command of pipe.cmds) {
      value = this.evalCommand(dot, command, value);
      // A value typed interface{} is replaced by what it holds, as Go does here.
      if (value?.type.kind === 'interface' && value.type.name === undefined)
        value = dynamicValue(value.value);
    }
    const result = value === MISSING ? undefined : value;
    for (const variable of pipe.decl) {
      const name = variable.ident[0] ?? '';
      if (pipe.isAssign) this.findVariable(name).value = result;
      else this.variables.push({ name, value: result });
    }
    return result;
  }

  private notAFunction(args: readonly ArgumentNode[], final: Final): void {
    const first = args[0];
    if (first !== undefined && (args.length > 1 || final !== MISSING)) {
      this.errorf(`can't give argument to non-function ${nodeString(first)}`);
    }
  }

  private evalCommand(dot: Value, command: CommandNode, final: Final): Value {
    const first = command.args[0];
    if (first === undefined) return this.errorf('empty command');
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, command.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, command.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, command, command.args, final);
      case 'pipe':
        this.notAFunction(command.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, command.args, final);
      case 'bool':
      case 'dot':
      case 'nil':
      case 'number':
      case 'string':
        this.at(first);
        this.notAFunction(command.args, final);
        return this.evalOperand(dot, first);
    }
  }

  private evalOperand(
    dot: Value,
    operand: ArgumentNode & { type: 'bool' | 'dot' | 'nil' | 'number' | 'string' },
  ): Value {
    if (operand.type === 'bool') return { type: goTypes.bool, value: operand.value };
    if (operand.type === 'dot') return dot;
    if (operand.type === 'nil') return this.errorf('nil is not a command');
    if (operand.type === 'number') return this.idealConstant(operand);
    return stringValue(operand.text);
  }

  /** The type of an untyped number constant, from its spelling (Go's idealConstant). */
  private idealConstant(constant: NumberNode): Value {
    this.at(constant);
    const text = constant.text;
    const hexInteger = /^[+-]?0[xX]/.test(text) && !/[pP]/.test(text);
    if (constant.isFloat && !hexInteger && !text.startsWith("'") && /[.eEpP]/.test(text)) {
      return { type: goTypes.float64, value: constant.floatValue };
    }
    if (constant.isInt) return { type: goTypes.int, value: constant.intValue };
    if (constant.isUint) return this.errorf(`${text} overflows int`);
    return undefined;
  }

  private evalFieldNode(
    dot: Value,
    field: FieldNode,
    args: readonly ArgumentNode[],
    final: Final,
  ): Value {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(
    dot: Value,
    chain: ChainNode,
    args: readonly ArgumentNode[],
    final: Final,
  ): Value {
    this.at(chain);
    if (chain.node.type === 'nil')
      this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const receiver = this.evalArgument(dot, undefined, chain.node);
    return this.evalFieldChain(dot, receiver, chain, chain.fields, args, final);
  }

  private evalVariableNode(
    dot: Value,
    variable: VariableNode,
    args: readonly ArgumentNode[],
    final: Final,
  ): Value {
    this.at(variable);
    const value = this.findVariable(variable.ident[0] ?? '').value;
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: Value,
    receiver: Value,
    node: Node,
    ident: readonly string[],
    args: readonly ArgumentNode[],
    final: Final,
  ): Value {
    let current = receiver;
    ident.forEach((name, index) => {
      const last = index === ident.length - 1;
      current = this.evalField(dot, name, node, last ? args : [], last ? final : MISSING, current);
    });
    return current;
  }

  private evalFunction(
    dot: Value,
    node: IdentifierNode,
    command: Node,
    args: readonly ArgumentNode[],
    final: Final,
  ): Value {
    this.at(node);
    const fn = Object.hasOwn(this.options.functions, node.name)
      ? this.options.functions[node.name]
      : undefined;
    if (fn === undefined) return this.errorf(`${goQuote(node.name)} is not a defined function`);
    return this.evalCall(dot, fn, command, node.name, args.slice(1), final);
  }

  /** Go's evalField: a method, a struct field or a map entry of the receiver. */
  private evalField(
    dot: Value,
    fieldName: string,
    node: Node,
    args: readonly ArgumentNode[],
    final: Final,
    receiver: Value,
  ): Value {
    if (receiver === undefined) {
      if (this.options.missingKey === 'error')
        this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    const receiverTypeName = typeName(receiver.type);
    const [target, isNil] = indirect(receiver);
    if (target.type.kind === 'interface' && isNil) {
      return this.errorf(`nil pointer evaluating ${receiverTypeName}.${fieldName}`);
    }
    const method = isNil ? undefined : methodOf(target, fieldName);
    if (method !== undefined)
      return this.evalCall(dot, methodFunction(method), node, fieldName, args.slice(1), final);
    const hasArgs = args.length > 1 || final !== MISSING;
    const { type } = target;
    if (type.kind === 'struct') {
      const field = structField({ ...target, type }, fieldName);
      if (field.status === 'unexported') {
        this.errorf(`${fieldName} is an unexported field of struct type ${receiverTypeName}`);
      }
      if (field.status === 'found') {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return field.value;
      }
    } else if (
      type.kind === 'map' &&
      (type.key.kind === 'string' || type.key.kind === 'interface')
    ) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      return this.mapEntry({ ...target, type }, fieldName);
    } else if (type.kind === 'pointer' && isNil && !lacksField(type.elem, fieldName)) {
      // A nil pointer to a struct that has the field; an unknown field is reported below.
      this.errorf(`nil pointer evaluating ${receiverTypeName}.${fieldName}`);
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${receiverTypeName}`);
  }

  private mapEntry(map: GoValue & { type: MapType }, key: string): Value {
    const entry = rawMapEntries(map).find(([candidate]) => candidate === key);
    if (entry !== undefined) return readAs(map.type.elem, entry[1]);
    switch (this.options.missingKey ?? 'invalid') {
      case 'invalid':
        return undefined;
      case 'zero':
        return zeroValue(map.type.elem);
      case 'error':
        return this.errorf(`map has no entry for key ${goQuote(key)}`);
    }
  }

  // Calling functions.

  private checkArgumentCount(
    fn: TemplateFunction,
    name: string,
    argumentCount: number,
    final: Final,
  ): void {
    const inputCount = argumentCount + (final === MISSING ? 0 : 1);
    if (fn.variadic !== undefined) {
      if (inputCount < fn.parameters.length) {
        this.errorf(
          `wrong number of args for ${name}: want at least ${fn.parameters.length} got ${argumentCount}`,
        );
      }
    } else if (inputCount !== fn.parameters.length) {
      this.errorf(
        `wrong number of args for ${name}: want ${fn.parameters.length} got ${inputCount}`,
      );
    }
  }

  private parameterType(fn: TemplateFunction, index: number): ParameterType | undefined {
    return index < fn.parameters.length ? fn.parameters[index] : fn.variadic;
  }

  private evalCall(
    dot: Value,
    fn: TemplateFunction,
    node: Node,
    name: string,
    args: readonly ArgumentNode[],
    final: Final,
  ): Value {
    this.checkArgumentCount(fn, name, args.length, final);
    if (fn.shortCircuit !== undefined)
      return this.evalShortCircuit(dot, fn.shortCircuit, args, final);
    const values = args.map((argument, index) =>
      this.evalArgument(dot, this.parameterType(fn, index), argument),
    );
    if (final !== MISSING)
      values.push(this.validateType(final, this.parameterType(fn, args.length)));
    try {
      return fn.call(values);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      this.at(node);
      const message = error instanceof Error ? error.message : String(error);
      return this.errorf(`error calling ${name}: ${message}`);
    }
  }

  /** `and` stops at the first false argument, `or` at the first true one. */
  private evalShortCircuit(
    dot: Value,
    kind: 'and' | 'or',
    args: readonly ArgumentNode[],
    final: Final,
  ): Value {
    let value: Value;
    for (const argument of args) {
      value = this.evalArgument(dot, 'reflect.Value', argument);
      if (truthOf(indirectInterface(value)).truth === (kind === 'or')) return value;
    }
    return final === MISSING ? value : final;
  }

  /** Go's validateType: the value must be assignable to the parameter's type. */
  private validateType(value: Value, type: ParameterType | undefined): Value {
    if (type === undefined || type === 'reflect.Value') return value;
    if (value === undefined) {
      if (canBeNil(type)) return zeroValue(type);
      return this.errorf(`invalid value; expected ${typeName(type)}`);
    }
    if (isAssignable(value.type, type)) return value;
    if (value.type.kind === 'interface' && !isNilValue(value)) {
      const held = dynamicValue(value.value);
      if (held !== undefined && isAssignable(held.type, type)) return held;
    }
    if (value.type.kind === 'pointer' && isAssignable(value.type.elem, type)) {
      if (isNilValue(value))
        return this.errorf(`dereference of nil pointer of type ${typeName(type)}`);
      return { type: value.type.elem, value: value.value };
    }
    return this.errorf(
      `wrong type for value; expected ${typeName(type)}; got ${typeName(value.type)}`,
    );
  }

  private evalArgument(dot: Value, type: ParameterType | undefined, node: ArgumentNode): Value {
    this.at(node);
    switch (node.type) {
      case 'dot':
        return this.validateType(dot, type);
      case 'nil':
        if (type === undefined || type === 'reflect.Value') return undefined;
        if (canBeNil(type)) return zeroValue(type);
        return this.errorf(`cannot assign nil to ${typeName(type)}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, node, [node], MISSING), type);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, node, [], MISSING), type);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, node), type);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, node, node, [node], MISSING), type);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, node, [], MISSING), type);
      case 'bool':
      case 'number':
      case 'string':
        return this.evalLiteral(type, node);
    }
  }

  /** A literal argument converted to the parameter's type (Go's evalBool, evalString…). */
  private evalLiteral(
    type: ParameterType | undefined,
    node: ArgumentNode & { type: 'bool' | 'number' | 'string' },
  ): Value {
    if (type === undefined || type === 'reflect.Value' || type.kind === 'interface') {
      if (node.type === 'bool') return { type: goTypes.bool, value: node.value };
      if (node.type === 'string') return stringValue(node.text);
      return this.idealConstant(node);
    }
    return literalOfType(type, node) ?? this.errorf(literalMismatch(type, node));
  }
}

function lacksField(type: GoType, fieldName: string): boolean {
  return (
    type.kind === 'struct' && type.fields !== undefined && !Object.hasOwn(type.fields, fieldName)
  );
}

function literalOfType(
  type: GoType,
  node: ArgumentNode & { type: 'bool' | 'number' | 'string' },
): Value | null {
  if (type.kind === 'bool' && node.type === 'bool') return { type, value: node.value };
  if (type.kind === 'string' && node.type === 'string') return { type, value: node.text };
  if (node.type !== 'number') return null;
  if (type.kind === 'int' && node.isInt) return { type, value: node.intValue };
  if (type.kind === 'uint' && node.isUint) return { type, value: node.intValue };
  if (type.kind === 'float' && node.isFloat) return { type, value: node.floatValue };
  return null;
}

function literalMismatch(type: GoType, node: ArgumentNode): string {
  const found = nodeString(node);
  const expected: Partial<Record<GoType['kind'], string>> = {
    bool: 'bool',
    string: 'string',
    int: 'integer',
    uint: 'unsigned integer',
    float: 'float',
  };
  const name = expected[type.kind];
  return name === undefined
    ? `can't handle ${found} for arg of type ${typeName(type)}`
    : `expected ${name}; found ${found}`;
}

/**
 * A JavaScript method as a template function: its declared parameter count is its arity, the
 * arguments arrive as plain values, and its result is typed by its value.
 */
function methodFunction(method: (...args: unknown[]) => unknown): TemplateFunction {
  return {
    parameters: Array.from({ length: method.length }, () => goTypes.any),
    call: (args) => {
      try {
        return dynamicValue(method(...args.map((argument) => argument?.value)));
      } catch (error) {
        throw new FunctionCallError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** Runs a parsed template over a typed value; throws TemplateError with Go's text on failure. */
export function executeTemplate(
  template: ParsedTemplate,
  data: Value,
  options: ExecuteOptions,
): string {
  return new Executor(template, options, data).run(data);
}

/**
 * Runs a template and keeps what it wrote before failing, as Go's Execute leaves partial
 * output in its writer; docker relies on that when it renders a table header.
 */
export function executeTemplateKeepingOutput(
  template: ParsedTemplate,
  data: Value,
  options: ExecuteOptions,
): { readonly output: string; readonly error: TemplateError | undefined } {
  const executor = new Executor(template, options, data);
  try {
    return { output: executor.run(data), error: undefined };
  } catch (error) {
    if (error instanceof TemplateError) return { output: executor.outputSoFar(), error };
    throw error;
  }
}
