import type { EvaluationInput, EvaluationOutput, Provider, QuestionInput, QuestionOutput } from '../provider.ts';

// Deterministic, offline interviewer. Step 1: finds the function that changed and asks about its
// complexity; grades by whether the answer commits to a complexity class and talks about the code.

const FUNCTION_PATTERNS = [
  /^\s*def\s+([A-Za-z_]\w*)\s*\(/, // python
  /^\s*(?:export\s+)?(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*\(/, // js/ts
  /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?\(/, // js arrow
  /^\s*func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\(/, // go
  /^\s*(?:public|private|protected|static|\s)*[\w<>\[\],\s]+\s+([A-Za-z_]\w*)\s*\([^;]*\)\s*\{?\s*$/, // java/c++
];

export function findFunctions(code: string): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  code.split('\n').forEach((text, i) => {
    for (const p of FUNCTION_PATTERNS) {
      const m = p.exec(text);
      if (m && !['if', 'for', 'while', 'switch', 'return', 'catch'].includes(m[1])) {
        found.push({ name: m[1], line: i + 1 });
        break;
      }
    }
  });
  return found;
}

const CLASSES: [RegExp, string][] = [
  [/o\(\s*n\s*(\*|\s)\s*log\s*n\s*\)|n\s*log\s*n|linearithmic/i, 'O(n log n)'],
  [/o\(\s*n\s*(\^|\*\*)\s*2\s*\)|o\(n²\)|n\s*(\^|\*\*)\s*2|n²|quadratic|n\s*\*\s*n|n squared/i, 'O(n^2)'],
  [/o\(\s*log\s*n\s*\)|logarithmic/i, 'O(log n)'],
  [/o\(\s*n\s*\)|linear/i, 'O(n)'],
  [/o\(\s*1\s*\)|constant/i, 'O(1)'],
];

export function complexityClasses(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (const [re, cls] of CLASSES) {
    if (re.test(rest)) {
      found.push(cls);
      rest = rest.replace(new RegExp(re.source, 'gi'), ' ');
    }
  }
  return found;
}

export function createHeuristicProvider(): Provider {
  return {
    name: 'heuristic',
    model: 'heuristic-v1',
    async question(input: QuestionInput): Promise<QuestionOutput> {
      const fns = findFunctions(input.code);
      const fn = fns[fns.length - 1];
      if (!fn) {
        return { text: 'In one or two sentences, what is your plan for this problem, and what will its time complexity be?', topic: 'purpose' as const, expected: {} };
      }
      return {
        text: `What is the time complexity of ${fn.name} (line ${fn.line}) in terms of the input size, and which line dominates it?`,
        topic: 'time_complexity' as const,
        lines: [fn.line, fn.line],
        expected: { function: fn.name },
      };
    },
    async evaluate(input: EvaluationInput): Promise<EvaluationOutput> {
      const classes = complexityClasses(input.answer);
      const fn = typeof input.expected.function === 'string' ? input.expected.function : null;
      const grounded = fn !== null && input.answer.includes(fn);
      const committed = classes.length === 1;
      const rubric = { correctness: committed ? 2 : classes.length ? 1 : 0, grounding: grounded ? 2 : 0, completeness: input.answer.length > 40 ? 2 : 1 };
      const score = Math.round(((rubric.correctness + rubric.grounding + rubric.completeness) / 9) * 100);
      return {
        score,
        rubric,
        rationale: committed ? `Commits to ${classes[0]}.` : classes.length ? 'Names more than one complexity class without choosing.' : 'Does not state a complexity class.',
        flags: [],
        missing: committed ? [] : ['a single complexity class'],
      };
    },
  };
}
