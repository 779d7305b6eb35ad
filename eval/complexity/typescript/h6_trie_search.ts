// complexity: O(n)
// function: search
// split: round-6
// why: one map lookup per character of the word.
class TrieNode {
  children = new Map<string, TrieNode>();
  end = false;
}

class Trie {
  root = new TrieNode();

  search(word: string): boolean {
    let node = this.root;
    for (const ch of word) {
      const next = node.children.get(ch);
      if (!next) return false;
      node = next;
    }
    return node.end;
  }
}
