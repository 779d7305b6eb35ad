// Turns a pino JSON line into one readable line with the service name first; other lines pass
// through with the name, so the merged output of five processes stays readable.

const LEVEL_COLOR: Record<string, string> = { fatal: '\x1b[35m', error: '\x1b[31m', warn: '\x1b[33m', info: '\x1b[32m', debug: '\x1b[90m', trace: '\x1b[90m' };
const SKIP = new Set(['level', 'time', 'msg', 'service', 'pid', 'hostname']);

export function formatLine(service: string, line: string, color: boolean): string {
  const name = service.padEnd(11);
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(line) as Record<string, unknown>;
    if (typeof rec !== 'object' || rec === null) throw new Error('not an object');
  } catch {
    return `${name}| ${line}`;
  }
  const level = String(rec.level ?? 'info');
  const time = typeof rec.time === 'string' ? rec.time.slice(11, 23) : '';
  const extras = Object.entries(rec)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const lvl = level.toUpperCase().padEnd(5);
  const painted = color ? `${LEVEL_COLOR[level] ?? ''}${lvl}\x1b[0m` : lvl;
  return `${name}| ${time} ${painted} ${String(rec.msg ?? '')}${extras ? `  ${extras}` : ''}`;
}
