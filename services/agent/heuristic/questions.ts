// Choosing what to ask. The trigger suggests a topic for a structural reason (a new nested loop, new
// recursion); we follow it unless that topic was already asked about this function, then fall back
// through the templates in order of how much they reveal for this code, preferring topics not yet
// asked in the session. Only functions present in the current code are ever named.
import { topicsByMoment } from '../../../shared/analysis/moments.ts';
import type { QuestionInput, QuestionOutput, Topic } from '../provider.ts';
import { TOPICS } from '../provider.ts';
import * as cost from './ask-cost.ts';
import * as behaviour from './ask-behaviour.ts';
import { rewrite } from './ask-rewrite.ts';
import { readCode, type CodeView } from './code.ts';
import { SLOW, type Ctx, type Draft, type Template } from './draft.ts';
import { mergeConcepts, resolveRubric } from './kb.ts';
import { rubricFor } from './rubric.ts';
import { hasIdentifier } from './text.ts';

/** The rewrite the trigger saw, when it is asked as this topic; else the topic's own template. */
const afterRewrite = (topic: Topic, own: Template): Template => (ctx) => {
  const d = rewrite(ctx);
  return d && d.topic === topic ? d : own(ctx);
};

const TEMPLATES: Partial<Record<Topic, Template>> = {
  time_complexity: afterRewrite('time_complexity', cost.timeComplexity),
  space_complexity: cost.spaceComplexity,
  hidden_linear_cost: cost.hiddenLinearCost,
  data_structure_choice: afterRewrite('data_structure_choice', cost.dataStructureChoice),
  scale: cost.scale,
  recursion: cost.recursion,
  edge_cases: behaviour.edgeCases,
  initial_value: behaviour.initialValue,
  exceptions: behaviour.exceptions,
  guard_purpose: behaviour.guardPurpose,
  termination: behaviour.termination,
  loop_bounds: behaviour.loopBounds,
  variable_role: behaviour.variableRole,
  testing: behaviour.testing,
  purpose: behaviour.purpose,
};

/**
 * Order of preference when the trigger's topic is unusable: the moments this function holds, in the
 * trigger's own ranking (shared/analysis/moments.ts), then the other templates; purpose last.
 */
function preference(ctx: Ctx): Topic[] {
  const slow = SLOW.has(ctx.fn.complexityEstimate);
  const revealing = topicsByMoment(ctx.fn, ctx.view.analysis?.dataStructures ?? []).filter(isTopic);
  return [...new Set<Topic>([
    ...revealing,
    'recursion', 'hidden_linear_cost', 'initial_value', 'data_structure_choice', ...(slow ? ['time_complexity' as const] : []),
    'edge_cases', 'exceptions', 'guard_purpose', 'termination', ...(slow ? ['scale' as const] : []), 'loop_bounds', 'variable_role',
    'time_complexity', 'space_complexity', 'testing', 'purpose',
  ])];
}

const isTopic = (t: string | undefined | null): t is Topic => !!t && (TOPICS as readonly string[]).includes(t);

/**
 * Candidate topics in order: tier 0 = never asked in this session, 1 = asked about another function,
 * 2 = already asked about this one (used only when nothing else applies). The trigger's topic leads
 * its tier, and counts as fresh unless asked about this very function.
 */
export function rankTopics(ctx: Ctx, suggested: string | undefined, asked: QuestionInput['asked']): Topic[] {
  const aboutFn = (q: string) => hasIdentifier(q, ctx.fn.name);
  const tier = (t: Topic): number => {
    // A rewrite the trigger saw is a new question even on a topic asked before: the code is new.
    if (t === suggested && ctx.extras.before) return 0;
    const same = asked.filter((a) => a.topic === t);
    if (same.some((a) => aboutFn(a.question))) return 2;
    if (t === suggested) return 0;
    return same.length ? 1 : 0;
  };
  const order = [...new Set<Topic>([...(isTopic(suggested) ? [suggested] : []), ...preference(ctx)])];
  return order.map((t, i) => ({ t, k: tier(t) * 100 + i })).sort((a, b) => a.k - b.k).map((x) => x.t);
}

async function finalize(draft: Draft, input: QuestionInput): Promise<QuestionOutput> {
  const entry = rubricFor(draft.variant, draft.topic);
  const rubric = await resolveRubric(entry, draft.topic, input.retrieved);
  const concepts = mergeConcepts(rubric.concepts, draft.concepts ?? [], false);
  const text = draft.text.length <= 600 ? draft.text : `${draft.text.slice(0, 597)}...`;
  return {
    text,
    topic: draft.topic,
    lines: draft.lines,
    expected: {
      ...draft.key,
      variant: draft.variant,
      concepts,
      need: rubric.need,
      misconceptions: [...(draft.misconceptions ?? []), ...rubric.misconceptions].slice(0, 12),
      ...(rubric.kb.length ? { kb: rubric.kb } : {}),
    },
  };
}

/** Nothing to name (no function found, or code we cannot parse): ask about the plan. */
async function planQuestion(view: CodeView, input: QuestionInput): Promise<QuestionOutput> {
  const loops = view.analysis?.topLevel?.loops.length ?? 0;
  const text = loops
    ? `Your script loops from line ${view.analysis?.topLevel?.loops[0]?.line}. In a sentence or two, what is it computing, and how does its running time grow with the input?`
    : 'Before you go further: in a sentence or two, what is your plan for this problem, and what time complexity are you aiming for?';
  return finalize({ topic: 'purpose', variant: 'purpose', text, lines: [1, Math.max(1, view.lines.count)], key: { keyReason: 'a plan stated in terms of the problem' } }, input)
    .then((q) => (loops ? q : { text: q.text, topic: q.topic, expected: q.expected }));
}

export async function writeQuestion(input: QuestionInput): Promise<QuestionOutput> {
  const view = await readCode(input);
  if (!view.fn) return planQuestion(view, input);
  const ctx: Ctx = { fn: view.fn, view, lines: view.lines, language: view.language, extras: view.extras };
  const previous = new Set(input.asked.map((a) => a.question.trim()));
  // A topic sent without a function or facts (the diff-size fallback) is only a default: our own
  // reading of the code decides instead.
  const suggested = input.context.function || input.context.facts ? input.context.topic : undefined;
  for (const topic of rankTopics(ctx, suggested, input.asked)) {
    const draft = TEMPLATES[topic]?.(ctx);
    if (draft && !previous.has(draft.text)) return finalize(draft, input);
  }
  // Every template was asked already: open questions about the same function, each asked once.
  const fallback = behaviour.purpose(ctx) as Draft;
  const name = ctx.fn.name;
  const open = [
    `Explain ${name} to a colleague who has not seen it: what problem does it solve, and what would you still improve?`,
    `If you had another ten minutes, what would you change in ${name} first, and why?`,
    `Which part of ${name} are you least sure about, and how would you check it?`,
  ];
  return finalize({ ...fallback, text: open.find((t) => !previous.has(t)) ?? open[open.length - 1] }, input);
}
