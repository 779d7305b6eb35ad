// Claims about the cost of one part of a function: "the loop is only O(n)" when every pass of that
// loop calls a heap or tree operation costing O(log n) is wrong, whatever the total the answer gives.
import { findClasses, rank } from '../complexity.ts';
import type { CodeFacts } from './facts.ts';
import type { ClaimInput, ClaimResult } from './said.ts';

/** Calls that cost O(log n) on the structure they touch: heap push/pop, balanced-tree insert/lookup. */
const LOG_CALL = /\bheapq\.\w+\(|\bheappush\(|\bheappop\(|\bheapreplace\(|\bheappushpop\(|\bheap\.(?:Push|Pop|Fix)\(|\b(?:push|pop)_heap\(|\b(?:pq|heap|queue|minHeap|maxHeap)\w*\.(?:offer|poll|add|remove|push|pop)\(|\bTree(?:Map|Set)\b|\bbisect\.bisect\w*\(/;

/** The first loop whose body calls a log-cost operation, with the line of that call. */
export function logCostLoop(f: CodeFacts): { loopLine: number; callLine: number; call: string } | null {
  for (const loop of f.fn?.loops ?? []) {
    if (loop.constantBound) continue;
    const end = loop.endLine ?? f.fn?.endLine ?? loop.line;
    for (let l = loop.line; l <= end; l++) {
      const m = LOG_CALL.exec(f.lines.at(l));
      if (m) return { loopLine: loop.line, callLine: l, call: m[0].replace(/\($/, '') };
    }
  }
  return null;
}

export function partClaims(i: ClaimInput): ClaimResult {
  const hot = logCostLoop(i.facts);
  if (!hot) return {};
  // "the loop is only O(n)", "the for loop is linear": a class said of the loop itself.
  for (const clause of i.t.split(/[.;]|,\s*(?:and|but)\b|\band\b|\bbut\b/)) {
    if (!/\b(?:the|this|that|for|while|main)?\s*loop\b[^.]{0,25}\b(?:is|costs?|takes|runs in)\b/.test(clause)) continue;
    const said = findClasses(clause)[0]?.cls;
    if (said && rank(said) <= rank('O(n)')) {
      return { contradiction: `Every pass of the loop on line ${hot.loopLine} calls ${hot.call} (line ${hot.callLine}), which costs O(log n) on the heap, so the loop is O(n log n), not ${said}.`, misconception: true };
    }
  }
  return {};
}
