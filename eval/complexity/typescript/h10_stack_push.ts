// complexity: O(1)
// function: push
// split: round-10
// why: array push is amortised O(1).
class Stack<T> {
  private items: T[] = [];

  push(x: T): void {
    this.items.push(x);
  }
}
