import type { HttpRequest as UwsRequest, HttpResponse as UwsResponse } from 'uWebSockets.js';
import { AppError, errorBody, toAppError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';

// A small adapter between uWS and plain route handlers. uWS request objects die at the first
// await and response objects die when the client aborts, so everything is copied up front and every
// late write is corked and guarded.

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  params: Record<string, string>;
  body: Buffer;
}

export interface Response {
  status: number;
  json?: unknown;
  html?: string;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Handler = (req: Request) => Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

const STATUS_TEXT: Record<number, string> = {
  200: '200 OK', 201: '201 Created', 202: '202 Accepted', 204: '204 No Content', 400: '400 Bad Request',
  401: '401 Unauthorized', 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Method Not Allowed',
  409: '409 Conflict', 413: '413 Payload Too Large', 415: '415 Unsupported Media Type', 429: '429 Too Many Requests',
  500: '500 Internal Server Error', 503: '503 Service Unavailable',
};

export function statusLine(status: number): string {
  return STATUS_TEXT[status] ?? `${status} Status`;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `path` uses `:name` segments, e.g. `/v1/sessions/:id/code`. */
  add(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source.replace(/\./g, '\\.')}$`), names, handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | AppError {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      try {
        route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      } catch {
        return new AppError('not_found', 'the path is not valid percent-encoding');
      }
      return { handler: route.handler, params };
    }
    return pathMatched ? new AppError('method_not_allowed', `method ${method} not allowed on ${path}`) : new AppError('not_found', `no route for ${path}`);
  }
}

export function send(res: UwsResponse, out: Response): void {
  res.cork(() => {
    res.writeStatus(statusLine(out.status));
    for (const [k, v] of Object.entries(out.headers ?? {})) res.writeHeader(k, v);
    if (out.html !== undefined) {
      res.writeHeader('content-type', 'text/html; charset=utf-8');
      res.end(out.html);
    } else if (out.text !== undefined) {
      res.writeHeader('content-type', out.contentType ?? 'text/plain; charset=utf-8');
      res.end(out.text);
    } else if (out.json !== undefined) {
      res.writeHeader('content-type', 'application/json');
      res.end(JSON.stringify(out.json));
    } else {
      res.end();
    }
  });
}

export function errorResponse(err: AppError): Response {
  return { status: err.status, json: errorBody(err) };
}

/** Serves every HTTP request through the router: copies the request, reads the bounded body, answers once. */
export function serveHttp(router: Router, log: Logger, maxBodyBytes: number) {
  return (res: UwsResponse, req: UwsRequest): void => {
    // Nothing one request does may throw out of here: an uncaught error would end the process and
    // every socket of every session with it.
    try {
      handle(res, req);
    } catch (err) {
      log.error({ err }, 'request handling threw');
      try {
        send(res, errorResponse(new AppError('internal')));
      } catch {
        /* the response is gone (aborted); nothing left to do */
      }
    }
  };

  function handle(res: UwsResponse, req: UwsRequest): void {
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    const method = req.getCaseSensitiveMethod().toUpperCase();
    const path = req.getUrl();
    const query = new URLSearchParams(req.getQuery() ?? '');
    const headers: Record<string, string> = {};
    req.forEach((k, v) => (headers[k] = v));
    const reply = (out: Response) => {
      if (!aborted) send(res, out);
    };
    const matched = router.match(method, path);
    if (matched instanceof AppError) {
      reply(errorResponse(matched));
      return;
    }
    const declared = Number(headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      reply(errorResponse(new AppError('too_large', `body exceeds ${maxBodyBytes} bytes`)));
      return;
    }
    const run = (body: Buffer) => {
      const request: Request = { method, path, query, headers, params: matched.params, body };
      matched
        .handler(request)
        .then(reply)
        .catch((err: unknown) => {
          const appErr = toAppError(err);
          if (appErr.status >= 500) log.error({ err, path, method }, 'request failed');
          reply(errorResponse(appErr));
        });
    };
    // uWS never calls onData for a request without a body.
    if (!(declared > 0 || headers['transfer-encoding'])) {
      run(Buffer.alloc(0));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    res.onData((chunk, isLast) => {
      size += chunk.byteLength;
      if (size > maxBodyBytes) overflow = true;
      // The chunk is neutered after this callback returns: copy it.
      else chunks.push(Buffer.from(new Uint8Array(chunk.slice(0))));
      if (!isLast) return;
      if (overflow) {
        reply(errorResponse(new AppError('too_large', `body exceeds ${maxBodyBytes} bytes`)));
        return;
      }
      run(Buffer.concat(chunks));
    });
  }
}
