// Rank statistics for the answer-set evaluation: Spearman's ρ with average ranks for ties, and the
// pairs inside one situation where the grader's order contradicts the hand order.

/** Ranks 1..n, tied values sharing the mean of their positions. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(xs.length);
  for (let k = 0; k < order.length;) {
    let e = k;
    while (e + 1 < order.length && order[e + 1].v === order[k].v) e++;
    const mean = (k + e) / 2 + 1;
    for (let j = k; j <= e; j++) out[order[j].i] = mean;
    k = e + 1;
  }
  return out;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n < 2) return NaN;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa && sbb ? sab / Math.sqrt(saa * sbb) : NaN;
}

export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(ranks(a), ranks(b));
}

export interface Graded {
  situation: string;
  level: string;
  hand: number;
  score: number;
  text: string;
}

export interface Inversion {
  better: Graded;
  worse: Graded;
  /** how badly the order is contradicted: hand gap (0–10) times grade gap (0–100), scaled */
  severity: number;
}

/** Pairs in the same situation the hand ranks one way and the grader the other, worst first. */
export function inversions(rows: readonly Graded[]): Inversion[] {
  const out: Inversion[] = [];
  for (const a of rows) for (const b of rows) {
    if (a.situation !== b.situation || a.hand <= b.hand || a.score >= b.score) continue;
    out.push({ better: a, worse: b, severity: ((a.hand - b.hand) / 10) * ((b.score - a.score) / 100) });
  }
  return out.sort((x, y) => y.severity - x.severity);
}
