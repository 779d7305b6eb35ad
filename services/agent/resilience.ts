import { createResilience, type ResilienceOptions, type ResilientResult, type TracedCall, type BreakerState } from '../../shared/llm/resilience.ts';
import type { EvaluationInput, EvaluationOutput, FollowUpInput, FollowUpOutput, Provider, QuestionInput, QuestionOutput } from './provider.ts';

// The agent's model calls behind the shared resilience (shared/llm/resilience.ts): timeouts,
// retries, one circuit breaker for the agent's calls, the heuristic as the fallback.

export {
  backoffDelay, CircuitBreaker, ModelError, ModelOutputInvalid, ModelRefusal, ModelUnavailable, withTimeout,
  type BreakerState, type ModelErrorKind, type ResilienceOptions, type ResilientResult, type TracedCall,
} from '../../shared/llm/resilience.ts';

/** A provider that can report provenance and be cancelled; withResilience uses it when present. */
export interface TracedProvider extends Provider {
  traced: {
    question(input: QuestionInput, signal?: AbortSignal): Promise<TracedCall<QuestionOutput>>;
    evaluate(input: EvaluationInput, signal?: AbortSignal): Promise<TracedCall<EvaluationOutput>>;
    followUp?(input: FollowUpInput, signal?: AbortSignal): Promise<TracedCall<FollowUpOutput>>;
  };
}

function isTraced(p: Provider): p is TracedProvider {
  return typeof (p as Partial<TracedProvider>).traced === 'object';
}

export interface ResilientProvider {
  readonly name: string;
  readonly model: string;
  question(input: QuestionInput): Promise<ResilientResult<QuestionOutput>>;
  evaluate(input: EvaluationInput): Promise<ResilientResult<EvaluationOutput>>;
  /** the model's follow-up; the grader's own (`input.suggested`) when the model cannot answer */
  followUp(input: FollowUpInput): Promise<ResilientResult<FollowUpOutput>>;
  breaker(): { state: BreakerState; failures: number; openedAt: number | null };
}

/** The heuristic's follow-up is the grader's: it already names what the answer missed. */
export const suggestedFollowUp = async (input: FollowUpInput): Promise<FollowUpOutput> => ({ text: input.suggested });

type Kind = 'question' | 'evaluate' | 'followUp';
type In<K extends Kind> = K extends 'question' ? QuestionInput : K extends 'evaluate' ? EvaluationInput : FollowUpInput;
type Out<K extends Kind> = K extends 'question' ? QuestionOutput : K extends 'evaluate' ? EvaluationOutput : FollowUpOutput;
type Calls = { [P in Kind]: (i: In<P>) => Promise<Out<P>> };

/** The provider's own call for `kind`; a provider without follow-ups uses the grader's. */
function plainCall<K extends Kind>(p: Provider, kind: K): (i: In<K>) => Promise<Out<K>> {
  if (kind === 'followUp' && !p.followUp) return suggestedFollowUp as unknown as (i: In<K>) => Promise<Out<K>>;
  const calls = p as unknown as Calls;
  return (i) => (calls[kind] as (i: In<K>) => Promise<Out<K>>).call(p, i);
}

export function withResilience(primary: Provider, fallback: Provider, opts: ResilienceOptions): ResilientProvider {
  const now = opts.now ?? Date.now;
  const resilience = createResilience(opts);
  const who = { primary: { name: primary.name, model: primary.model }, fallback: { name: fallback.name, model: fallback.model } };

  function attempt<K extends Kind>(kind: K, input: In<K>, signal: AbortSignal): Promise<TracedCall<Out<K>>> {
    const traced = isTraced(primary) ? (primary.traced as { [P in Kind]?: (i: In<P>, s?: AbortSignal) => Promise<TracedCall<Out<P>>> })[kind] : undefined;
    if (traced) return (traced as (i: In<K>, s?: AbortSignal) => Promise<TracedCall<Out<K>>>)(input, signal);
    const started = now();
    return plainCall(primary, kind)(input).then((parsed) => ({ parsed, raw: '', promptText: '', latencyMs: now() - started }));
  }

  const run = <K extends Kind>(kind: K, input: In<K>): Promise<ResilientResult<Out<K>>> =>
    resilience.run(who, (signal) => attempt(kind, input, signal), () => plainCall(fallback, kind)(input));

  return {
    name: `${primary.name}+${fallback.name}`,
    model: primary.model,
    question: (input) => run('question', input),
    evaluate: (input) => run('evaluate', input),
    followUp: (input) => run('followUp', input),
    breaker: () => resilience.breaker(),
  };
}
