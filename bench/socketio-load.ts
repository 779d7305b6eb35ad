import { io } from 'socket.io-client';
import { runClosedLoop } from './closed-loop.ts';

// Closed-loop load through socket.io-client (websocket transport only, as a browser that has
// upgraded): each frame an event 'frame' with the JSON text, each ack an event 'reply'.

await runClosedLoop((target, onReply) => {
  const socket = io(target.url, { transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('reply', (msg: { type: string; id?: string }) => onReply(msg));
  const conn = { send: (t: string) => void socket.emit('frame', t), close: () => void socket.disconnect() };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(conn));
    socket.once('connect_error', reject);
  });
});
