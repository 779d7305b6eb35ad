import type { Config } from '../../../shared/config.ts';
import { llmProvider } from '../../../shared/config.ts';
import type { Queryable } from '../../../shared/db/pool.ts';
import { recordedCall } from '../../../shared/llm/provenance.ts';
import type { ResilientResult } from '../../../shared/llm/resilience.ts';
import type { Report } from '../../../shared/report.ts';
import { summaryCallKey, type RecordedSummary } from '../queries.ts';
import { heuristicSummary } from './heuristic.ts';
import { summaryInput, type SummaryInput, type SummaryOutput } from './output.ts';

// Who writes the report's summary paragraph: the model when one is configured (with the reporter's
// own timeouts, retries and circuit breaker), the heuristic paragraph otherwise and whenever the
// model cannot. Either way the call is recorded in llm_calls as `<sessionId>:summary`.

export interface Summariser {
  readonly name: string;
  readonly model: string;
  summarise(input: SummaryInput): Promise<ResilientResult<SummaryOutput>>;
}

export const HEURISTIC = { name: 'heuristic', model: 'heuristic-summary-v1' };

/** The heuristic alone, with the result shape of the model path. */
export const heuristicSummariser: Summariser = {
  ...HEURISTIC,
  async summarise(input) {
    const output = { summary: heuristicSummary(input) };
    return { output, provider: HEURISTIC.name, model: HEURISTIC.model, fallback: false, attempts: 1, promptText: JSON.stringify({ kind: 'summary', input }), raw: JSON.stringify(output), latencyMs: 0 };
  },
};

export function createSummariser(config: Config): Summariser {
  if (llmProvider(config) !== 'openai') return heuristicSummariser;
  // The model client loads on the first summary: a reporter without a model never pays for it.
  let model: Promise<(input: SummaryInput) => Promise<ResilientResult<SummaryOutput>>> | null = null;
  return {
    name: `openai+${HEURISTIC.name}`,
    model: config.LLM_MODEL,
    async summarise(input) {
      model ??= import('./model.ts').then((m) => m.createModelSummary(config, HEURISTIC));
      return (await model)(input);
    },
  };
}

/**
 * Asks for the summary of the report as computed (`base`: the report without one), once per session:
 * the call is claimed before it is made, so concurrent reporters and retried jobs share one call.
 */
export async function recordSummary(db: Queryable, summariser: Summariser, sessionId: string, base: Report): Promise<RecordedSummary> {
  const input = summaryInput(base);
  const rec = await recordedCall(db, { key: summaryCallKey(sessionId), kind: 'summary', sessionId, interactionId: null }, [], () => summariser.summarise(input));
  return { output: rec.output, provider: rec.provider, model: rec.model, fallback: rec.fallback };
}
