// complexity: O(1)
// function: get
// split: round-7
// why: Map get, delete and set are O(1); re-inserting moves the key to the end.
class LRUCache {
  private cache = new Map<number, number>();
  constructor(private capacity: number) {}

  get(key: number): number {
    if (!this.cache.has(key)) return -1;
    const value = this.cache.get(key)!;
    this.cache.delete(key);
    this.cache.set(key, value);
    return value;
  }
}
