import type { Finding, ReplayResult, TimelineItem } from './findings.ts';
import { clip } from './findings.ts';
import { payloadNum, payloadStr, type EventRow, type SessionData } from './load.ts';
import { pastedChars } from '../../services/trigger/step.ts';

// What a person reads: the session as a timeline (one line per thing that happened, offsets from
// the first archived event) and the verdict, with every finding and where it is.

const LABEL_WIDTH = 6;

function offset(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `+${h}:${mm}:${ss}` : `+${mm}:${ss}`;
}

function item(e: EventRow, data: SessionData): Pick<TimelineItem, 'kind' | 'label' | 'text'> | null {
  const p = e.payload;
  const qid = payloadStr(p.questionId) ?? '';
  switch (`${e.stream}:${e.type}`) {
    case 'in:code_update': {
      const seq = payloadNum(p.seq);
      const snap = seq === undefined ? undefined : data.snapshots.get(seq);
      return { kind: 'code', label: 'code', text: `seq ${seq ?? '?'}  ${snap ? `${snap.lines} lines` : 'no code stored'}  ${payloadNum(p.bytes) ?? '?'} bytes` };
    }
    case 'in:editor_event':
      return { kind: 'editor', label: String(p.kind ?? 'editor'), text: p.kind === 'paste' ? `${pastedChars(p.detail)} chars` : '' };
    case 'in:response_submitted':
      return { kind: 'answer', label: 'A', text: `${qid} ${clip(String(p.answer ?? ''), 100)}` };
    case 'in:tick':
      return { kind: 'tick', label: 'tick', text: 'time passed: a scheduled wake (pause, or a gate that held a question back opening)' };
    case 'in:end_session':
      return { kind: 'end', label: 'END', text: e.role && e.role !== 'candidate' ? `by ${e.role}` : '' };
    case 'out:decision': {
      const ask = p.decision === 'ask';
      const onTick = payloadNum(p.tick) !== undefined ? ' (on a tick)' : '';
      return { kind: ask ? 'ask' : 'decision', label: ask ? 'ASK' : 'skip', text: `${String(p.reasonCode)}${onTick} — ${clip(String(p.reason ?? ''), 100)}` };
    }
    case 'out:question':
      return { kind: 'question', label: 'Q', text: `${qid} ${clip(String(p.text ?? ''), 100)}` };
    case 'out:evaluation':
      return { kind: 'grade', label: `GRADE ${String(p.score)}`, text: `${qid} ${clip(String(p.rationale ?? ''), 90)}` };
    case 'out:session_ended':
      return { kind: 'notice', label: 'ended', text: '' };
    case 'out:report_ready':
      return { kind: 'notice', label: 'REPORT', text: 'ready' };
    case 'out:error':
      return { kind: 'error', label: 'error', text: `${String(p.code)} — ${clip(String(p.message ?? ''), 100)}` };
    default:
      return null; // answer_received: the answer line already says it
  }
}

export function buildTimeline(ordered: EventRow[], data: SessionData, findings: Finding[]): TimelineItem[] {
  const flagged = new Set(findings.map((f) => f.rowId).filter((x): x is number => x !== undefined));
  const start = ordered.reduce((m, e) => Math.min(m, e.order), ordered[0]?.order ?? 0);
  const items: TimelineItem[] = [];
  for (const e of ordered) {
    const it = item(e, data);
    if (it) items.push({ ...it, at: e.order, offsetMs: e.order - start, rowId: e.id, flagged: flagged.has(e.id) });
  }
  return items;
}

export function formatTimeline(items: TimelineItem[]): string {
  return items
    .map((i) => `${i.flagged ? '!' : ' '}${offset(i.offsetMs).padStart(8)}  ${i.label.padEnd(LABEL_WIDTH)}${i.label.length >= LABEL_WIDTH ? ' ' : ''}${i.text}`.trimEnd())
    .join('\n');
}

export function formatFinding(f: Finding): string {
  return `[${f.check}] ${f.where}: ${f.message}`;
}

export function formatVerdict(r: ReplayResult): string {
  const c = r.counts;
  const summary = `${c.events} events, ${c.decisions} decisions, ${c.evaluations} evaluations`;
  const report = c.report === 'compared' ? 'report rebuilt and compared' : `report ${c.report}`;
  const noted = r.notes.length ? `, ${r.notes.length} note${r.notes.length === 1 ? '' : 's'}` : '';
  const lines = r.ok
    ? [`VERDICT: matches (${summary}; ${report}${noted})`]
    : [`VERDICT: differs (${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}; ${summary}; ${report}${noted})`];
  for (const f of r.findings) lines.push(`  - ${formatFinding(f)}`);
  // Not differences: what the live system does by design, and an auditor should still see.
  for (const n of r.notes) lines.push(`  note: ${formatFinding(n)}`);
  return lines.join('\n');
}

export function formatReplay(r: ReplayResult, opts: { verify?: boolean } = {}): string {
  if (opts.verify) return formatVerdict(r);
  return [`session ${r.sessionId}`, formatTimeline(r.timeline), '', formatVerdict(r)].join('\n');
}
