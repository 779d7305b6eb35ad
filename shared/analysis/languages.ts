// Per-language syntax tables. The analysis walks every grammar with the same code; only node
// type names and field names differ, so they live here instead of in forked code paths.
import type { LanguageId, LoopKind } from './types.ts';

export interface LoopRule {
  kind: LoopKind;
  /** Field holding the iterated collection (evaluated once, outside the loop). */
  iter?: string;
  /** Field holding the loop variable(s). */
  vars?: string;
  cond?: string;
  init?: string;
  update?: string;
  /** Go: the header lives in a child clause node; its rule replaces this one. */
  clauses?: Record<string, LoopRule>;
  /** Go's `for cond {}` keeps the condition as an unnamed first child. */
  condFirstChild?: boolean;
}

export interface AssignRule {
  target: string;
  value?: string;
  /** Field with the operator token; absent means plain `=`. */
  op?: string;
  /** Declared type: own field, or the parent's (Java/C++ declarators). */
  type?: string;
  parentType?: string;
  /** `++`/`--` nodes whose operator is an anonymous token (Java, Go). */
  update?: boolean;
}

export interface SyntaxSpec {
  id: LanguageId;
  grammar: string;
  functions: string[];
  /** Lambdas: a function of their own when bound to a name, otherwise inline in the caller. */
  lambdas: string[];
  loops: Record<string, LoopRule>;
  /** Python comprehensions: sibling `for_in_clause`s nest left to right. */
  comprehensions: string[];
  comprehensionClause?: string;
  /** Methods taking a callback that runs once per element (`forEach`, `map`). */
  iterMethods: string[];
  ifs: string[];
  /** Ternaries: the condition field, or its child index when the grammar has no field. */
  ternaries: Record<string, string | number>;
  tries: string[];
  handlers: string[];
  /** Where a handler names the exception: Java's catch_type, C++'s parameter type, Python's first child. */
  caughtBy: 'catch_type' | 'parameters' | 'first_child' | null;
  returns: string[];
  throws: string[];
  calls: string[];
  /** Subscript node → [object field, index field]. */
  subscripts: Record<string, [string, string]>;
  binaries: string[];
  assigns: Record<string, AssignRule>;
  /** Declarations listing bare declarators without a value (`int arr[10];`). */
  declarations: Record<string, { declarator: string; type: string }>;
  /** Python's `x in xs` is a comparison, not a call. */
  membershipOperator: boolean;
  /** Go's `for i, x := range xs` yields the index first (Python needs `enumerate` for that). */
  indexedRange: boolean;
  imports: string[];
  numbers: string[];
  strings: string[];
  selfNames: string[];
  comments: string[];
}

const JS_LOOPS: Record<string, LoopRule> = {
  for_statement: { kind: 'for', cond: 'condition', init: 'initializer', update: 'increment' },
  for_in_statement: { kind: 'foreach', iter: 'right', vars: 'left' },
  while_statement: { kind: 'while', cond: 'condition' },
  do_statement: { kind: 'do', cond: 'condition' },
};

const JS_ASSIGNS: Record<string, AssignRule> = {
  variable_declarator: { target: 'name', value: 'value', type: 'type' },
  assignment_expression: { target: 'left', value: 'right' },
  augmented_assignment_expression: { target: 'left', value: 'right', op: 'operator' },
  update_expression: { target: 'argument', op: 'operator' },
};

const javascript: SyntaxSpec = {
  id: 'javascript',
  grammar: 'javascript',
  functions: ['function_declaration', 'generator_function_declaration', 'method_definition'],
  lambdas: ['arrow_function', 'function_expression', 'function', 'generator_function'],
  loops: JS_LOOPS,
  comprehensions: [],
  iterMethods: ['forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'flatMap'],
  ifs: ['if_statement'],
  ternaries: { ternary_expression: 'condition' },
  tries: ['try_statement'],
  handlers: ['catch_clause'],
  returns: ['return_statement'],
  throws: ['throw_statement'],
  calls: ['call_expression'],
  subscripts: { subscript_expression: ['object', 'index'] },
  caughtBy: null,
  binaries: ['binary_expression'],
  assigns: JS_ASSIGNS,
  declarations: {},
  membershipOperator: false,
  indexedRange: false,
  imports: ['import_statement'],
  numbers: ['number'],
  strings: ['string', 'template_string'],
  selfNames: ['this'],
  comments: ['comment'],
};

// Overload signatures (`function_signature`) have no body, so TypeScript shares JavaScript's table.
const typescript: SyntaxSpec = { ...javascript, id: 'typescript', grammar: 'typescript' };

const python: SyntaxSpec = {
  id: 'python',
  grammar: 'python',
  functions: ['function_definition'],
  lambdas: ['lambda'],
  loops: {
    for_statement: { kind: 'foreach', iter: 'right', vars: 'left' },
    while_statement: { kind: 'while', cond: 'condition' },
  },
  comprehensions: ['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'],
  comprehensionClause: 'for_in_clause',
  iterMethods: [],
  ifs: ['if_statement', 'elif_clause'],
  ternaries: { conditional_expression: 1 },
  tries: ['try_statement'],
  handlers: ['except_clause', 'except_group_clause'],
  caughtBy: 'first_child',
  returns: ['return_statement'],
  throws: ['raise_statement'],
  calls: ['call'],
  subscripts: { subscript: ['value', 'subscript'] },
  binaries: ['binary_operator', 'comparison_operator', 'boolean_operator'],
  assigns: {
    assignment: { target: 'left', value: 'right', type: 'type' },
    augmented_assignment: { target: 'left', value: 'right', op: 'operator' },
  },
  declarations: {},
  membershipOperator: true,
  indexedRange: false,
  imports: ['import_statement', 'import_from_statement'],
  numbers: ['integer', 'float'],
  strings: ['string', 'concatenated_string'],
  selfNames: ['self', 'cls'],
  comments: ['comment'],
};

const java: SyntaxSpec = {
  id: 'java',
  grammar: 'java',
  functions: ['method_declaration', 'constructor_declaration'],
  lambdas: ['lambda_expression'],
  loops: {
    for_statement: { kind: 'for', cond: 'condition', init: 'init', update: 'update' },
    enhanced_for_statement: { kind: 'foreach', iter: 'value', vars: 'name' },
    while_statement: { kind: 'while', cond: 'condition' },
    do_statement: { kind: 'do', cond: 'condition' },
  },
  comprehensions: [],
  iterMethods: ['forEach', 'map', 'filter', 'anyMatch', 'allMatch', 'noneMatch', 'reduce', 'flatMap'],
  ifs: ['if_statement'],
  ternaries: { ternary_expression: 'condition' },
  tries: ['try_statement', 'try_with_resources_statement'],
  handlers: ['catch_clause'],
  caughtBy: 'catch_type',
  returns: ['return_statement'],
  throws: ['throw_statement'],
  calls: ['method_invocation'],
  subscripts: { array_access: ['array', 'index'] },
  binaries: ['binary_expression'],
  assigns: {
    variable_declarator: { target: 'name', value: 'value', parentType: 'type' },
    assignment_expression: { target: 'left', value: 'right', op: 'operator' },
    update_expression: { target: '', update: true },
  },
  declarations: {},
  membershipOperator: false,
  indexedRange: false,
  imports: ['import_declaration'],
  numbers: ['decimal_integer_literal', 'decimal_floating_point_literal', 'hex_integer_literal'],
  strings: ['string_literal'],
  selfNames: ['this'],
  comments: ['line_comment', 'block_comment'],
};

const cpp: SyntaxSpec = {
  id: 'cpp',
  grammar: 'cpp',
  functions: ['function_definition'],
  lambdas: ['lambda_expression'],
  loops: {
    for_statement: { kind: 'for', cond: 'condition', init: 'initializer', update: 'update' },
    for_range_loop: { kind: 'foreach', iter: 'right', vars: 'declarator' },
    while_statement: { kind: 'while', cond: 'condition' },
    do_statement: { kind: 'do', cond: 'condition' },
  },
  comprehensions: [],
  iterMethods: [],
  ifs: ['if_statement'],
  ternaries: { conditional_expression: 'condition' },
  tries: ['try_statement'],
  handlers: ['catch_clause'],
  caughtBy: 'parameters',
  returns: ['return_statement'],
  throws: ['throw_statement'],
  calls: ['call_expression'],
  subscripts: { subscript_expression: ['argument', 'indices'] },
  binaries: ['binary_expression'],
  assigns: {
    init_declarator: { target: 'declarator', value: 'value', parentType: 'type' },
    assignment_expression: { target: 'left', value: 'right', op: 'operator' },
    update_expression: { target: 'argument', op: 'operator' },
  },
  declarations: { declaration: { declarator: 'declarator', type: 'type' } },
  membershipOperator: false,
  indexedRange: false,
  imports: ['preproc_include'],
  numbers: ['number_literal'],
  strings: ['string_literal', 'raw_string_literal'],
  selfNames: ['this'],
  comments: ['comment'],
};

const GO_FOR_CLAUSES: Record<string, LoopRule> = {
  for_clause: { kind: 'for', cond: 'condition', init: 'initializer', update: 'update' },
  range_clause: { kind: 'foreach', iter: 'right', vars: 'left' },
};

const go: SyntaxSpec = {
  id: 'go',
  grammar: 'go',
  functions: ['function_declaration', 'method_declaration'],
  lambdas: ['func_literal'],
  loops: { for_statement: { kind: 'while', clauses: GO_FOR_CLAUSES, condFirstChild: true } },
  comprehensions: [],
  iterMethods: [],
  ifs: ['if_statement'],
  ternaries: {},
  tries: [],
  handlers: [],
  caughtBy: null,
  returns: ['return_statement'],
  throws: [],
  calls: ['call_expression'],
  subscripts: { index_expression: ['operand', 'index'], slice_expression: ['operand', 'start'] },
  binaries: ['binary_expression'],
  assigns: {
    short_var_declaration: { target: 'left', value: 'right' },
    assignment_statement: { target: 'left', value: 'right', op: 'operator' },
    var_spec: { target: 'name', value: 'value', type: 'type' },
    inc_statement: { target: '', update: true },
    dec_statement: { target: '', update: true },
  },
  declarations: {},
  membershipOperator: false,
  indexedRange: true,
  imports: ['import_spec'],
  numbers: ['int_literal', 'float_literal'],
  strings: ['interpreted_string_literal', 'raw_string_literal'],
  selfNames: [],
  comments: ['comment'],
};

export const SPECS: Record<LanguageId, SyntaxSpec> = { python, javascript, typescript, java, cpp, go };

const ALIASES: Record<string, LanguageId> = {
  python: 'python', py: 'python', python3: 'python',
  javascript: 'javascript', js: 'javascript', node: 'javascript', jsx: 'javascript', mjs: 'javascript',
  typescript: 'typescript', ts: 'typescript', tsx: 'typescript',
  java: 'java',
  cpp: 'cpp', 'c++': 'cpp', cxx: 'cpp', cc: 'cpp', c: 'cpp',
  go: 'go', golang: 'go',
};

/** Canonical id for a user-supplied language name, or null when we have no grammar for it. */
export function resolveLanguage(language: string): LanguageId | null {
  return ALIASES[language.trim().toLowerCase()] ?? null;
}

/** TSX needs its own grammar (JSX in .tsx would be a parse error in plain TypeScript). */
export function grammarFor(language: string): string | null {
  const key = language.trim().toLowerCase();
  if (key === 'tsx') return 'tsx';
  const id = resolveLanguage(key);
  return id ? SPECS[id].grammar : null;
}
