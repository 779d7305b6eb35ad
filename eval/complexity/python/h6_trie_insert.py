# complexity: O(n)
# function: insert
# split: round-6
# why: one step down the trie per character of the word.
class Trie:
    def __init__(self):
        self.root = {}

    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        node['$'] = True
