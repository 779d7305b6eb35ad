import type { Config } from '../../shared/config.ts';
import type { Consumer } from '../../shared/consumer.ts';
import { GROUPS } from '../../shared/groups.ts';
import { createServiceConsumer } from '../../shared/service.ts';
import { AskEntry, InEntry } from '../../shared/streams.ts';
import { handleAnswer } from './answer.ts';
import { handleAsk } from './ask.ts';
import type { AgentDeps } from './context.ts';

/** Handler calls the agent runs at once per stream: model calls wait on the network, not the CPU. */
const CONCURRENCY = 8;

/**
 * The agent's two consumers. Questions and answers are separate streams, so a slow model call on
 * one never delays the other; within a stream the runtime's window keeps a slow session from
 * delaying any other session's question or grade.
 */
export function createAgentConsumers(config: Config, deps: AgentDeps): { asks: Consumer; answers: Consumer } {
  const { redis, log, keys } = deps;
  const common = { redis, log, dlq: keys.dlq, concurrency: CONCURRENCY };
  const asks = createServiceConsumer(config, {
    ...common, stream: keys.ask, group: GROUPS.ask.agent,
    decode: (f) => AskEntry.parse(f),
    sessionOf: (e) => e.sessionId,
    handle: async (msg) => void (await handleAsk(deps, msg)),
  });
  const answers = createServiceConsumer(config, {
    ...common, stream: keys.in, group: GROUPS.in.agent,
    // Only answers matter here: the code updates (up to 256 KiB each, every keystroke) are not parsed.
    decode: (f) => (f.type === 'response_submitted' ? InEntry.parse(f) : null),
    sessionOf: (e) => e?.sessionId ?? '',
    handle: async (msg) => {
      if (msg.body) await handleAnswer(deps, { ...msg, body: msg.body });
    },
  });
  return { asks, answers };
}
