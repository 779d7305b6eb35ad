import type { Config } from '../../shared/config.ts';
import { llmProvider } from '../../shared/config.ts';
import { modelOptions, resilienceOptions } from '../../shared/llm/config.ts';
import { createHeuristicProvider } from './heuristic/provider.ts';
import { createOpenAIProvider } from './openai/provider.ts';
import type { EvaluationInput, EvaluationOutput, FollowUpInput, FollowUpOutput, Provider, QuestionInput, QuestionOutput } from './provider.ts';
import { suggestedFollowUp, withResilience, type ResilientProvider, type ResilientResult } from './resilience.ts';

// The agent's model, whichever is configured, behind one shape: every call returns what answered,
// whether the fallback did, and the prompt and raw output for provenance.

export { promptHash } from '../../shared/llm/provenance.ts';

/** The heuristic provider alone, with the same result shape as the resilient OpenAI path. */
export function direct(provider: Provider): ResilientProvider {
  const call = async <I, T>(kind: string, input: I, fn: (i: I) => Promise<T>): Promise<ResilientResult<T>> => {
    const started = performance.now();
    const output = await fn(input);
    return {
      output, provider: provider.name, model: provider.model, fallback: false, attempts: 1,
      promptText: JSON.stringify({ kind, input }), raw: JSON.stringify(output), latencyMs: Math.round(performance.now() - started),
    };
  };
  return {
    name: provider.name,
    model: provider.model,
    question: (input: QuestionInput) => call<QuestionInput, QuestionOutput>('question', input, (i) => provider.question(i)),
    evaluate: (input: EvaluationInput) => call<EvaluationInput, EvaluationOutput>('evaluation', input, (i) => provider.evaluate(i)),
    followUp: (input: FollowUpInput) => call<FollowUpInput, FollowUpOutput>('follow_up', input, (i) => (provider.followUp ? provider.followUp(i) : suggestedFollowUp(i))),
    breaker: () => ({ state: 'closed', failures: 0, openedAt: null }),
  };
}

export function createBrain(config: Config): ResilientProvider {
  const heuristic = createHeuristicProvider();
  if (llmProvider(config) !== 'openai') return direct(heuristic);
  return withResilience(createOpenAIProvider(modelOptions(config)), heuristic, resilienceOptions(config));
}
