// Entry point: parse (repairing half-typed lines), analyse every function, fold callee costs into
// callers, and add what only the whole file shows (tests, imports, module-level code).
import { resolveCallees, toClass, type CallSite, type Estimate } from './complexity.ts';
import { analyzeFunction, findFunctions, type FnAnalysis, type FnContext, type FnNode } from './functions.ts';
import { resolveLanguage, SPECS } from './languages.ts';
import { loadParsers } from './parser.ts';
import { parseWithRepair, salvageHeaders } from './repair.ts';
import { findImports, findTests } from './structures.ts';
import type { CodeAnalysis, FunctionFacts, LoopFacts } from './types.ts';
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
    const top = analyzeFunction(moduleFn, ctx, stubsOf(undefined), true);
    const hasTopLevelCode = top.collected.loops.length > 0;
    foldCallees(hasTopLevelCode ? [...analyses, top] : analyses);

    const functions = analyses.map((a) => a.facts);
    const rescued = parsed.parseOk ? [] : salvaged(code, id, functions, top.facts.loops);
    functions.push(...rescued);
    functions.sort((a, b) => a.startLine - b.startLine);
    // Loops that only looked top-level because their function header was broken belong to it.
    const strayLoops = top.facts.loops.filter((l) => !rescued.some((f) => l.line >= f.startLine && l.line <= f.endLine));

    const result: CodeAnalysis = {
      language: id,
      parseOk: parsed.parseOk,
      errorRatio: parsed.errorRatio,
      lines: code === '' ? 0 : code.split('\n').length - (code.endsWith('\n') ? 1 : 0),
      functions,
      dataStructures: [...top.structures, ...analyses.flatMap((a) => a.structures)].sort((a, b) => a.line - b.line),
      tests: findTests({ root, spec, vocab, calls: [...analyses, top].flatMap((a) => a.collected.calls),
        functions: fnNodes.map((f) => ({ name: f.name, node: f.node, startLine: f.node.startPosition.row + 1 })) }),
      imports: findImports(root, spec),
    };
    if (hasTopLevelCode && strayLoops.length) result.topLevel = top.facts;
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
  const sites = new Map<string, { byCtx: FnAnalysis['byCtx']; calls: CallSite[]; recursion: FnAnalysis['calls'] }>();
  analyses.forEach((a, i) => {
    local.set(String(i), a.local);
    const calls: CallSite[] = [];
    for (const e of a.calls.userCalls) {
      const key = keyOf.get(e.last);
      if (key !== undefined && key !== String(i)) calls.push({ callee: key, name: e.last, scope: e.scope, line: e.line });
    }
    sites.set(String(i), { byCtx: a.byCtx, calls, recursion: a.calls });
  });
  const final = resolveCallees(local, sites);
  analyses.forEach((a, i) => {
    const est = final.get(String(i)) ?? a.local;
    a.facts.complexityEstimate = toClass(est.cost);
    if (est.line !== undefined) a.facts.dominantLine = est.line;
    if (est.why) a.facts.complexityReason = est.why;
  });
}

/** Functions only a text scan can see: the parser folded them into an ERROR node. */
function salvaged(code: string, id: CodeAnalysis['language'], known: FunctionFacts[], moduleLoops: LoopFacts[]): FunctionFacts[] {
  const names = new Set(known.map((f) => f.name));
  return salvageHeaders(code, id)
    .filter((h) => !names.has(h.name) && !known.some((f) => f.startLine === h.startLine))
    .map((h) => {
      const loops = moduleLoops.filter((l) => l.line > h.startLine && l.line <= h.endLine);
      const maxLoopDepth = loops.reduce((m, l) => Math.max(m, l.depth), 0);
      const outer = loops.find((o) => loops.some((i) => i.depth > o.depth && i.line <= o.endLine && i.iterates && i.iterates === o.iterates));
      const inner = outer && loops.find((i) => i.depth > outer.depth && i.line <= outer.endLine && i.iterates === outer.iterates);
      const scaling = Math.max(0, ...loops.map((l) => (l.constantBound || l.halving ? l.depth - 1 : l.depth)));
      return {
        name: h.name, startLine: h.startLine, endLine: h.endLine, params: h.params, loops, maxLoopDepth,
        nestedSameCollection: outer && inner && outer.iterates ? { outerLine: outer.line, innerLine: inner.line, collection: outer.iterates } : null,
        recursive: false, recursionCalls: [], returns: false, hasTryCatch: [], linearCallsInLoops: [], guards: [], indexFirst: [],
        sortCalls: [], variableRoles: [], complexityEstimate: toClass({ p: scaling, l: 0, exp: false }), hasError: true, partial: true, shape: '',
      };
    });
}
