// Usage: tsx scripts/chroma/main.ts [--port 8000] [--path .data/chroma] [--host 127.0.0.1]
// Runs Chroma in the foreground; prints "chroma listening on <url>" on stdout once it answers.
// Server output goes to stderr so stdout stays a single, greppable line for CI.
import { parseArgs } from 'node:util';
import { chromaAnswers, startChroma } from './runtime.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8000' },
    path: { type: 'string', default: '.data/chroma' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

const external = process.env.CHROMA_URL;
if (external) {
  if (await chromaAnswers(external)) {
    console.log(`chroma listening on ${external}`);
    process.exit(0);
  }
  console.error(`CHROMA_URL=${external} does not answer; starting a local server instead`);
}

let server: Awaited<ReturnType<typeof startChroma>>;
try {
  server = await startChroma({
    dataDir: values.path,
    host: values.host,
    port,
    log: (line) => process.stderr.write(`[chroma] ${line}\n`),
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

let stopping = false;
const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
  if (stopping) return;
  stopping = true;
  console.error(`${signal}: stopping chroma`);
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
server.child.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`chroma exited unexpectedly (${code ?? signal})`);
  process.exit(1);
});

console.log(`chroma listening on ${server.url}`);
