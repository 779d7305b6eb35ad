import type { HttpRequest, HttpResponse, us_socket_context_t, WebSocket, WebSocketBehavior } from 'uWebSockets.js';
import type { Logger } from '../../shared/logger.ts';
import { peekClientId, type Role } from '../../shared/protocol.ts';
import { outFrame, type OutEntry } from '../../shared/streams.ts';
import { verifyToken } from '../../shared/tokens.ts';
import { socketCredential } from './auth.ts';
import { ingestFrame, type IngestDeps, type Reply, type Writer } from './ingest.ts';
import { statusLine } from './http.ts';
import type { Relay, Sink } from './relay.ts';
import { TokenBucket } from './rate.ts';

// The WebSocket route: token checked at upgrade, welcome, frames pipelined per socket (acks in
// order), and replies relayed from the session's out stream with backpressure bounded.

export interface SocketData {
  sessionId: string;
  role: Role;
  /** who the frames of this socket are written as (one object, not one per frame) */
  writer: Writer;
  after: string;
  closed: boolean;
  /**
   * Frames received and not yet answered, in arrival order: each is being appended already (no
   * frame waits for the one before it), and replies leave strictly in this order. Bounded by
   * MAX_QUEUED so a flood cannot hold memory.
   */
  replies: Slot[];
  /** a send of the ready replies is scheduled */
  sendQueued: boolean;
  bucket: TokenBucket;
  sink?: Sink;
}

export interface SocketDeps {
  ingest: IngestDeps;
  relay: Relay;
  log: Logger;
  tokenSecret: string;
  maxPayloadBytes: number;
  maxBackpressureBytes: number;
  idleTimeoutSec: number;
  ratePerSec: number;
  rateBurst: number;
  stats: { sockets: number; frames: number; rejected: number };
  /** open sockets, so a stopping gateway can close them and clients reconnect elsewhere */
  open: Set<WebSocket<SocketData>>;
}

/** One frame's place in the reply order; `reply` is set when its append settled. */
interface Slot {
  reply?: Reply;
}

const STREAM_ID = /^\d+-\d+$/;
/** Frames a socket may have in flight; with a 1 MiB frame cap this bounds a socket's memory. */
const MAX_QUEUED = 64;

function reject(res: HttpResponse, status: number, message: string): void {
  res.cork(() => {
    res.writeStatus(statusLine(status)).writeHeader('content-type', 'application/json');
    res.end(JSON.stringify({ error: { code: status === 401 ? 'unauthorized' : 'forbidden', message } }));
  });
}

function sendJson(ws: WebSocket<SocketData>, frame: object): boolean {
  const data = ws.getUserData();
  if (data.closed) return false;
  ws.send(JSON.stringify(frame));
  return true;
}

/** Sends the answered replies at the head of the socket's queue, in one corked write. */
function sendReady(ws: WebSocket<SocketData>, data: SocketData): void {
  data.sendQueued = false;
  const queue = data.replies;
  let n = 0;
  while (n < queue.length && queue[n].reply) n++;
  if (n === 0) return;
  const ready = queue.splice(0, n);
  if (data.closed) return;
  ws.cork(() => {
    for (const slot of ready) ws.send(JSON.stringify(slot.reply));
  });
}

export function socketBehavior(deps: SocketDeps): WebSocketBehavior<SocketData> {
  const log = deps.log.child({ role: 'socket' });
  /** Token checked before the upgrade: a bad one never gets a socket. */
  function upgrade(res: HttpResponse, req: HttpRequest, context: us_socket_context_t): void {
    // Everything from req is read before anything else: it is invalid after this function.
    const sessionId = req.getParameter(0) ?? '';
    const query = new URLSearchParams(req.getQuery() ?? '');
    const key = req.getHeader('sec-websocket-key');
    const extensions = req.getHeader('sec-websocket-extensions');
    const { token, protocol } = socketCredential(req.getHeader('sec-websocket-protocol'), query);
    if (!token) return reject(res, 401, 'a session token is required (Sec-WebSocket-Protocol bearer.<token> or ?token=)');
    const check = verifyToken(deps.tokenSecret, token);
    if (!check.ok) return reject(res, 401, check.reason === 'expired' ? 'the token has expired' : 'the token is not valid');
    if (check.claims.sid !== sessionId) return reject(res, 403, 'the token is for another session');
    const lastEventId = query.get('lastEventId') ?? '';
    const data: SocketData = {
      sessionId,
      role: check.claims.role,
      writer: { sessionId, role: check.claims.role },
      after: STREAM_ID.test(lastEventId) ? lastEventId : '0-0',
      closed: false,
      replies: [],
      sendQueued: false,
      bucket: new TokenBucket(deps.ratePerSec, deps.rateBurst),
    };
    res.upgrade(data, key, protocol, extensions, context);
  }

  return {
    maxPayloadLength: deps.maxPayloadBytes,
    maxBackpressure: deps.maxBackpressureBytes,
    idleTimeout: deps.idleTimeoutSec,
    sendPingsAutomatically: true,

    upgrade(res: HttpResponse, req: HttpRequest, context: us_socket_context_t) {
      try {
        upgrade(res, req, context);
      } catch (err) {
        log.error({ err }, 'upgrade threw');
        reject(res, 400, 'bad upgrade request');
      }
    },

    open(ws) {
      const data = ws.getUserData();
      deps.stats.sockets++;
      deps.open.add(ws);
      const slog = log.child({ sessionId: data.sessionId, socketRole: data.role });
      const sink: Sink = {
        deliver(eventId: string, entry: OutEntry) {
          if (data.closed) return false;
          if (entry.audience === 'audit' || (entry.audience === 'interviewer' && data.role !== 'interviewer')) return true;
          let ok = false;
          ws.cork(() => {
            ok = ws.send(JSON.stringify(outFrame(eventId, entry))) !== 2;
          });
          // A client that cannot keep up is closed; it resumes with lastEventId and loses nothing.
          if (!ok || ws.getBufferedAmount() > deps.maxBackpressureBytes) {
            slog.warn({ buffered: ws.getBufferedAmount() }, 'closing a socket over its backpressure limit');
            ws.end(1013, 'backpressure; reconnect with lastEventId');
            return false;
          }
          return true;
        },
      };
      data.sink = sink;
      deps.relay
        .latestId(data.sessionId)
        .then((lastEventId) => {
          if (!sendJson(ws, { type: 'welcome', sessionId: data.sessionId, role: data.role, lastEventId })) return;
          return deps.relay.join(data.sessionId, sink, data.after, lastEventId);
        })
        .catch((err: unknown) => {
          slog.error({ err }, 'could not start relaying to a socket');
          if (!data.closed) ws.end(1011, 'internal error; reconnect');
        });
    },

    message(ws, message, isBinary) {
      const data = ws.getUserData();
      // The buffer is neutered when this callback returns: decode (copy) it now.
      const text = Buffer.from(message).toString('utf8');
      deps.stats.frames++;
      if (isBinary) {
        deps.stats.rejected++;
        sendJson(ws, { type: 'error', code: 'invalid_message', message: 'frames are JSON text' });
        return;
      }
      if (!data.bucket.take()) {
        deps.stats.rejected++;
        // The id tells the client which frame to resend.
        sendJson(ws, { type: 'error', id: peekClientId(text), code: 'rate_limited', message: 'too many frames; slow down and resend' });
        return;
      }
      if (data.replies.length >= MAX_QUEUED) {
        deps.stats.rejected++;
        sendJson(ws, { type: 'error', id: peekClientId(text), code: 'rate_limited', message: 'too many frames awaiting their ack; wait for acks and resend' });
        return;
      }
      // Appended right away: Redis sees frames in arrival order (the batcher keeps call order), and
      // the replies wait for one another below, so acks still come back in the order frames came.
      const slot: Slot = {};
      data.replies.push(slot);
      ingestFrame(deps.ingest, data.writer, text, (reply) => {
        slot.reply = reply;
        if (reply.type === 'error') {
          deps.stats.rejected++;
          if (reply.code === 'internal') log.error({ sessionId: data.sessionId }, 'frame not stored');
        }
        // A batch answers many frames of this socket in one loop: send them together, once.
        if (!data.sendQueued) {
          data.sendQueued = true;
          queueMicrotask(() => sendReady(ws, data));
        }
      }, message.byteLength);
    },

    close(ws) {
      const data = ws.getUserData();
      data.closed = true;
      deps.stats.sockets--;
      deps.open.delete(ws);
      if (data.sink) deps.relay.leave(data.sessionId, data.sink);
    },
  };
}
