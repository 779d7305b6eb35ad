import type { Config } from '../../../shared/config.ts';
import { modelOptions, resilienceOptions } from '../../../shared/llm/config.ts';
import { createStructuredModel } from '../../../shared/llm/openai.ts';
import { createResilience, type ResilientResult } from '../../../shared/llm/resilience.ts';
import { heuristicSummary } from './heuristic.ts';
import type { SummaryInput, SummaryOutput } from './output.ts';
import { summarySpec } from './prompt.ts';

// The model path of the summary: the structured call with the reporter's own timeouts, retries and
// circuit breaker, the heuristic paragraph as the fallback. Loaded only when a model is configured.

export function createModelSummary(config: Config, fallback: { name: string; model: string }): (input: SummaryInput) => Promise<ResilientResult<SummaryOutput>> {
  const llm = createStructuredModel(modelOptions(config));
  const resilience = createResilience(resilienceOptions(config));
  const who = { primary: { name: 'openai', model: config.LLM_MODEL }, fallback };
  return (input) => resilience.run(who, (signal) => llm.call(summarySpec, input, { signal }), async () => ({ summary: heuristicSummary(input) }));
}
