// complexity: O(n)
// function: Insert
// split: round-6
// why: one step per character of the word.
package main

type Trie struct {
	children map[rune]*Trie
	end      bool
}

func (t *Trie) Insert(word string) {
	node := t
	for _, ch := range word {
		if node.children == nil {
			node.children = map[rune]*Trie{}
		}
		next, ok := node.children[ch]
		if !ok {
			next = &Trie{}
			node.children[ch] = next
		}
		node = next
	}
	node.end = true
}
