import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { HealthMessage } from '../../shared/lifecycle.ts';
import { afterCrash, type RestartPolicy } from './policy.ts';

// One supervised service process: started, its output passed on line by line, its readiness read
// from the health messages it sends over IPC, restarted with backoff when it exits unexpectedly,
// given up when it keeps crashing. A crash of one service never stops another.

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface SupervisorHooks {
  /** a line the service printed */
  line(name: string, text: string): void;
  /** the runner's own line about the service */
  note(name: string, text: string, level: 'info' | 'warn' | 'error'): void;
  /** readiness changed (also false when the process exits) */
  readiness?(name: string, ready: boolean, checks: HealthMessage['checks']): void;
  /** the service was given up: it will not be restarted */
  gaveUp?(name: string, lastError: string | undefined): void;
}

export type ServiceState = 'running' | 'backoff' | 'given-up' | 'stopped';

export interface Supervised {
  readonly name: string;
  readonly state: ServiceState;
  readonly ready: boolean;
  readonly pid: number | undefined;
  readonly restarts: number;
  readonly lastError: string | undefined;
  /** stop for good (SIGTERM, then SIGKILL after `killAfterMs`); resolves when the process is gone */
  stop(killAfterMs?: number): Promise<void>;
}

/** The error worth repeating from a line: a pino line at error level or above, or a thrown error's first line. */
export function errorOf(text: string): string | undefined {
  if (text.startsWith('{')) {
    try {
      const rec = JSON.parse(text) as { level?: number; msg?: string; err?: { message?: string } | string };
      if ((rec.level ?? 0) < 50) return undefined;
      const detail = typeof rec.err === 'string' ? rec.err : rec.err?.message;
      return detail ? `${rec.msg ?? 'error'}: ${detail}` : rec.msg;
    } catch {
      return undefined;
    }
  }
  return /^\s*(\w*Error|Error)\b[:\s]/.test(text) ? text.trim().slice(0, 300) : undefined;
}

export function supervise(spec: ServiceSpec, policy: RestartPolicy, hooks: SupervisorHooks): Supervised {
  let child: ChildProcess | null = null;
  let state: ServiceState = 'running';
  let ready = false;
  let restarts = 0;
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | null = null;
  const crashes: number[] = [];

  function setReady(value: boolean, checks: HealthMessage['checks'] = {}): void {
    if (value === ready) return;
    ready = value;
    hooks.readiness?.(spec.name, value, checks);
  }

  function pipe(stream: NodeJS.ReadableStream | null): void {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (text) => {
      lastError = errorOf(text) ?? lastError;
      hooks.line(spec.name, text);
    });
  }

  function start(): void {
    state = 'running';
    const proc = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      // Own process group: the terminal's Ctrl-C reaches only the runner, which stops each service
      // once and waits. stdin is a pipe whose end tells a service its runner is gone; the IPC
      // channel carries its health.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
    });
    child = proc;
    pipe(proc.stdout);
    pipe(proc.stderr);
    proc.on('message', (m: unknown) => {
      const msg = m as Partial<HealthMessage>;
      if (msg?.type === 'health' && proc === child) setReady(msg.ready === true, msg.checks ?? {});
    });
    proc.on('error', (err) => {
      lastError = err.message;
    });
    // 'close', not 'exit': by then every line it printed has been read, its last error included.
    proc.on('close', (code, signal) => {
      if (proc !== child) return;
      child = null;
      setReady(false);
      if (state === 'stopped') return;
      onCrash(code, signal);
    });
  }

  function onCrash(code: number | null, signal: NodeJS.Signals | null): void {
    const now = Date.now();
    const decision = afterCrash(policy, crashes, now);
    crashes.push(now);
    // Exit code 0 without being asked (a SIGTERM from outside, a service that ended by itself) is
    // restarted like a crash: under supervision every service is meant to run until the runner stops it.
    const how = signal ? `signal ${signal}` : code === 0 ? 'code 0, not asked to stop' : `code ${code}`;
    const last = lastError ? `; last error: ${lastError}` : '';
    if (decision.action === 'give-up') {
      state = 'given-up';
      hooks.note(spec.name, `exited unexpectedly (${how}); crashed ${decision.crashesInWindow} times in ${Math.round(policy.windowMs / 1000)} s: giving up on it${last}. The other services keep running.`, 'error');
      hooks.gaveUp?.(spec.name, lastError);
      return;
    }
    state = 'backoff';
    hooks.note(spec.name, `exited unexpectedly (${how}); restarting in ${(decision.delayMs / 1000).toFixed(1)} s (crash ${decision.crashesInWindow} of ${policy.maxCrashes} allowed in ${Math.round(policy.windowMs / 1000)} s)${last}`, 'warn');
    timer = setTimeout(() => {
      timer = null;
      if (state !== 'backoff') return;
      restarts++;
      start();
      hooks.note(spec.name, `restarted (pid ${child?.pid})`, 'info');
    }, decision.delayMs);
  }

  start();

  return {
    name: spec.name,
    get state() { return state; },
    get ready() { return ready; },
    get pid() { return child?.pid; },
    get restarts() { return restarts; },
    get lastError() { return lastError; },
    async stop(killAfterMs = 15_000) {
      state = 'stopped';
      if (timer) clearTimeout(timer);
      timer = null;
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs).unref();
      });
    },
  };
}
