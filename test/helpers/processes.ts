import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs services as real processes, the way `npm start` does, for end-to-end tests: supervised like
// there (ASSESS_SUPERVISED=1, stdin a pipe from this process), so when the test process dies,
// however it dies (a runner's SIGKILL on timeout included), each service sees its stdin end and stops.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Services {
  logs: Map<string, string[]>;
  stop(): Promise<void>;
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  start(name: string): void;
}

export function startServices(names: string[], env: Record<string, string>): Services {
  const children = new Map<string, ChildProcess>();
  const logs = new Map<string, string[]>();
  const start = (name: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'services', name, 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env, ASSESS_SUPERVISED: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Nothing is ever written; a service that died first must not turn into an EPIPE here.
    child.stdin?.on('error', () => undefined);
    const lines = logs.get(name) ?? [];
    logs.set(name, lines);
    const keep = (buf: Buffer) => lines.push(...buf.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    children.set(name, child);
  };
  const stopOne = (child: ChildProcess, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    });
  names.forEach(start);
  return {
    logs,
    start,
    async kill(name, signal = 'SIGKILL') {
      const child = children.get(name);
      if (child) await stopOne(child, signal);
    },
    async stop() {
      await Promise.all([...children.values()].map((c) => stopOne(c, 'SIGTERM')));
    },
  };
}

export function dumpLogs(services: Services, tail = 30): string {
  return [...services.logs.entries()].map(([name, lines]) => `--- ${name}\n${lines.slice(-tail).join('\n')}`).join('\n');
}
