import type { Config } from '../config.ts';
import type { OpenAIProviderOptions } from './openai.ts';
import type { ResilienceOptions } from './resilience.ts';

// The model settings every caller reads the same way (the agent's brain, the reporter's summariser):
// LLM_MODEL, OPENAI_BASE_URL and the key; LLM_TIMEOUT_MS per attempt, LLM_RETRIES, then the breaker.

export function modelOptions(config: Config): OpenAIProviderOptions {
  return {
    apiKey: config.OPENAI_API_KEY || 'not-needed',
    baseURL: config.OPENAI_BASE_URL || undefined,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
  };
}

export function resilienceOptions(config: Config): ResilienceOptions {
  return {
    timeoutMs: config.LLM_TIMEOUT_MS,
    retries: config.LLM_RETRIES,
    baseDelayMs: 250,
    breaker: { failureThreshold: 5, resetAfterMs: 30_000 },
  };
}
