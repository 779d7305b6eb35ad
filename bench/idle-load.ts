import WebSocket from 'ws';
import { receiveTargets } from './ipc.ts';

// Opens its share of idle gateway sockets (each waits for 'welcome': authenticated and joined),
// reports how many opened, and holds them, sending nothing, until the harness stops it.

interface Target { url: string; token: string }

// the targets come over IPC: thousands of tokens exceed what one environment variable may hold
const targets = await receiveTargets<Target>();
const socks: WebSocket[] = [];
let failed = 0;
let firstError = '';

function open(t: Target): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(t.url, [`bearer.${t.token}`]);
    const fail = (why: string) => {
      failed += 1;
      firstError ||= why;
      resolve();
    };
    ws.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'welcome') {
        socks.push(ws);
        resolve();
      }
    });
    ws.once('error', (err) => fail(err.message));
    ws.once('close', (code) => fail(`closed ${code}`));
  });
}

for (let i = 0; i < targets.length; i += 100) await Promise.all(targets.slice(i, i + 100).map(open));
process.send?.({ kind: 'ready', opened: socks.length, failed, firstError });
process.stdin.on('end', () => process.exit(0)).resume();
