// complexity: O(1)
// function: push
// split: held-out
// why: array push is amortised O(1).
class Stack<T> {
  private items: T[] = [];

  push(x: T): void {
    this.items.push(x);
  }
}
