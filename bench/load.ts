import WebSocket from 'ws';
import { runClosedLoop } from './closed-loop.ts';

// Closed-loop load over plain WebSockets (the `ws` package): the raw pipe and the gateway. A
// gateway socket may send once it has said 'welcome' (the token checked, the session joined).

await runClosedLoop((target, onReply) => {
  const ws = new WebSocket(target.url, target.token ? [`bearer.${target.token}`] : []);
  const conn = { send: (t: string) => ws.send(t), close: () => ws.terminate() };
  return new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; id?: string };
      if (msg.type === 'welcome') return resolve(conn);
      onReply(msg);
    });
    ws.once('open', () => (target.token ? undefined : resolve(conn)));
    ws.once('error', reject);
  });
});
