// Entry point: parse (repairing half-typed lines), analyse every function, fold callee costs into
// callers, and add what only the whole file shows (tests, imports, module-level code).
import { resolveCallees, toClass, type CallSite, type Estimate } from './complexity.ts';
import { analyzeFunction, findFunctions, type FnAnalysis, type FnContext, type FnNode } from './functions.ts';
import { resolveLanguage, SPECS } from './languages.ts';
import { loadParsers } from './parser.ts';
import { parseWithRepair, salvageHeaders } from './repair.ts';
import { findImports, findTests } from './structures.ts';
import type { CodeAnalysis, FunctionFacts } from './types.ts';
import { VOCAB } from './vocab.ts';

const MODULE = '<module>';

/** Static facts about a snapshot of candidate code, or null when we have no grammar for the language. */
export async function analyzeCode(code: string, language: string): Promise<CodeAnalysis | null> {
  const id = resolveLanguage(language);
  if (!id) return null;
  const parser = await (await loadParsers()).get(language);
  if (!parser) return null;
  const spec = SPECS[id];
  const vocab = VOCAB[id];
  const parsed = parseWithRepair(parser, code, id);
  try {
    const root = parsed.tree.rootNode;
    const fnNodes = findFunctions(root, spec);
    const ctx: FnContext = { spec, vocab, userFns: new Set(fnNodes.map((f) => f.name)), errorLines: parsed.errorLines, stubbed: parsed.stubbed };
    const owner = (line: number): FnNode | undefined => fnNodes
      .filter((f) => f.node.startPosition.row + 1 < line && f.node.endPosition.row + 1 >= line)
      .sort((a, b) => b.node.startIndex - a.node.startIndex)[0];
    const stubsOf = (f: FnNode | undefined) => parsed.stubbed.filter((s) => owner(s.line) === f);
    const analyses = fnNodes.map((f) => analyzeFunction(f, ctx, stubsOf(f)));
    const moduleFn: FnNode = { node: root, name: MODULE, params: [], paramTypes: new Map() };
    const top = analyzeFunction(moduleFn, ctx, stubsOf(undefined), root);
    const hasTopLevelCode = top.collected.loops.length > 0;
    foldCallees(hasTopLevelCode ? [...analyses, top] : analyses);

    const functions = analyses.map((a) => a.facts);
    if (!parsed.parseOk) functions.push(...salvaged(code, id, functions));
    functions.sort((a, b) => a.startLine - b.startLine);

    const result: CodeAnalysis = {
      language: id,
      parseOk: parsed.parseOk,
      errorRatio: parsed.errorRatio,
      lines: code.length === 0 ? 0 : code.split('\n').length,
      functions,
      dataStructures: [...top.structures, ...analyses.flatMap((a) => a.structures)].sort((a, b) => a.line - b.line),
      tests: findTests({ root, spec, vocab, functions: fnNodes.map((f) => ({ name: f.name, node: f.node, startLine: f.node.startPosition.row + 1, params: f.params })) }),
      imports: findImports(root, spec),
    };
    if (hasTopLevelCode) result.topLevel = top.facts;
    return result;
  } finally {
    parsed.tree.delete();
  }
}

/** Sets each function's final estimate, including the cost of the candidate functions it calls. */
function foldCallees(analyses: FnAnalysis[]): void {
  const keyOf = new Map<string, string>();
  analyses.forEach((a, i) => { if (!keyOf.has(a.facts.name)) keyOf.set(a.facts.name, String(i)); });
  const local = new Map<string, Estimate>();
  const sites = new Map<string, { byCtx: FnAnalysis['byCtx']; calls: CallSite[] }>();
  analyses.forEach((a, i) => {
    local.set(String(i), a.local);
    const calls: CallSite[] = [];
    for (const e of a.calls.userCalls) {
      const key = keyOf.get(e.last);
      if (key !== undefined && key !== String(i)) calls.push({ callee: key, scope: e.scope, line: e.line });
    }
    sites.set(String(i), { byCtx: a.byCtx, calls });
  });
  const final = resolveCallees(local, sites);
  analyses.forEach((a, i) => {
    const est = final.get(String(i)) ?? a.local;
    a.facts.complexityEstimate = toClass(est.cost);
    if (est.line !== undefined) a.facts.dominantLine = est.line;
  });
}

/** Functions only a text scan can see: the parser folded them into an ERROR node. */
function salvaged(code: string, id: CodeAnalysis['language'], known: FunctionFacts[]): FunctionFacts[] {
  const names = new Set(known.map((f) => f.name));
  return salvageHeaders(code, id)
    .filter((h) => !names.has(h.name) && !known.some((f) => f.startLine === h.startLine))
    .map((h) => ({
      name: h.name, startLine: h.startLine, endLine: h.endLine, params: h.params, loops: [], maxLoopDepth: 0,
      nestedSameCollection: null, recursive: false, recursionCalls: [], returns: false, hasTryCatch: [],
      linearCallsInLoops: [], guards: [], indexFirst: [], sortCalls: [], variableRoles: [], complexityEstimate: 'O(1)',
      hasError: true, partial: true, shape: '',
    }));
}
