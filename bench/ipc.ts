import type { ChildProcess } from 'node:child_process';

// Targets (URLs and tokens) go to a load process over IPC: thousands of tokens exceed what one
// environment variable may hold (E2BIG). The child says 'hello' once it listens, so nothing sent
// before its listener exists is lost.

export function sendTargets(child: ChildProcess, targets: unknown[]): void {
  const onMsg = (m: { kind?: string }) => {
    if (m.kind !== 'hello') return;
    child.off('message', onMsg);
    child.send({ kind: 'targets', targets });
  };
  child.on('message', onMsg);
}

export function receiveTargets<T>(): Promise<T[]> {
  return new Promise((resolve) => {
    const onMsg = (m: { kind?: string; targets?: T[] }) => {
      if (m.kind !== 'targets') return;
      process.off('message', onMsg);
      resolve(m.targets!);
    };
    process.on('message', onMsg);
    process.send?.({ kind: 'hello' });
  });
}
