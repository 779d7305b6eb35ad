// complexity: O(n)
// function: ways
// split: held-out
// why: memoised over n: each value computed once.
class Stairs {
  private memo = new Map<number, number>();

  ways(n: number): number {
    if (n <= 1) return 1;
    const hit = this.memo.get(n);
    if (hit !== undefined) return hit;
    const v = this.ways(n - 1) + this.ways(n - 2);
    this.memo.set(n, v);
    return v;
  }
}
