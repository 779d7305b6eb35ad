import { createConnection, createServer, type Server, type Socket } from 'node:net';

// A TCP proxy in front of the machine's PostgreSQL, so a test can make "PostgreSQL unavailable"
// without stopping the shared server: cut() destroys every connection and refuses new ones until
// it is healed.

export interface PgProxy {
  port: number;
  /** destroy every open connection and refuse new ones until heal(), or for `ms`: resolves when healed */
  cut(ms?: number): Promise<void>;
  heal(): void;
  readonly refused: number;
  close(): Promise<void>;
}

export async function pgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  const open = new Set<Socket>();
  let down = false;
  let refused = 0;
  let timer: NodeJS.Timeout | null = null;
  let healed: (() => void)[] = [];
  const server: Server = createServer((client) => {
    if (down) {
      refused++;
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const heal = () => {
    down = false;
    if (timer) clearTimeout(timer);
    timer = null;
    const waiting = healed;
    healed = [];
    for (const w of waiting) w();
  };
  return {
    port,
    get refused() { return refused; },
    cut(ms) {
      down = true;
      for (const s of open) s.destroy();
      open.clear();
      // The outage's length is the fault being injected, so the proxy owns that clock.
      if (ms !== undefined) timer = setTimeout(heal, ms);
      return new Promise<void>((resolve) => healed.push(resolve));
    },
    heal,
    async close() {
      heal();
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
