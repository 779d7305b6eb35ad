// Library vocabulary per language: which constructors make which data structure, which calls sort,
// scan linearly, mutate a container or mark a test. Separate from languages.ts because this is about
// standard libraries, not grammar.
import type { DataStructureKind, LanguageId } from './types.ts';

/** Internal kinds also track strings, so `s += ch` in a loop can be recognised. */
export type ValueKind = DataStructureKind | 'string';

export interface Vocab {
  /** Tested against the declared type with generics stripped (`Map<K,V>` → `Map`). */
  typeKinds: [RegExp, ValueKind][];
  /** Tested against the initialiser text. */
  valueKinds: [RegExp, ValueKind][];
  /** Call (callee text) whose first argument becomes a heap: `heapq.heappush(h, x)`. */
  heapCalls: RegExp;
  /** Free-function heap operations costing O(log n); method calls on a known heap are found by kind. */
  heapOps: RegExp;
  /** Callee text of a sort. */
  sortCall: RegExp;
  /** Method names that scan a list: receiver.method(...). */
  searchMethods: string[];
  /** Methods that shift every element when given index 0 / the front. */
  frontMethods: RegExp;
  /** Free functions that insert into their first argument, shifting what follows (`bisect.insort`). */
  shiftFunctions?: RegExp;
  /** Free functions scanning their first argument (`slices.Contains(xs, x)`, `std::find`). */
  searchFunctions: RegExp;
  /** Builtins that read a whole collection given as the single argument (`max(xs)`). */
  aggregates: RegExp;
  /** Methods that make the receiver a membership lookup (`seen.has(x)`). */
  membershipMethods: string[];
  /** Methods that add or remove items: the receiver is a container. */
  mutators: string[];
  /** Test function names, test-framework calls and assertion callees. */
  testFunction: RegExp;
  testBlock?: RegExp;
  assertCall: RegExp;
  /** Memoisation decorators or helpers: branching recursion is then not exponential. */
  memo: RegExp;
  /**
   * Library calls (last name segment) that read or copy a whole string or collection. Counted only
   * outside loops, where their argument is the input; inside a loop it may be one character.
   */
  wholeInput: RegExp;
  /** Declared types of ordered tree containers, whose lookups and inserts cost O(log n). */
  orderedTypes: RegExp;
  /** Library binary searches (callee text): O(log n) each. */
  binarySearch: RegExp;
}

const MUTATORS = ['append', 'add', 'push', 'put', 'insert', 'extend', 'pop', 'remove', 'popleft', 'appendleft',
  'offer', 'poll', 'push_back', 'emplace_back', 'push_front', 'pop_back', 'pop_front', 'emplace', 'set',
  'unshift', 'shift', 'splice', 'addLast', 'addFirst', 'removeFirst', 'removeLast', 'offerLast', 'pollFirst',
  'erase', 'discard', 'update', 'setdefault', 'Push', 'Pop'];

const python: Vocab = {
  typeKinds: [[/^(list|List)$/, 'list'], [/^(set|Set|frozenset)$/, 'set'], [/^(dict|Dict|defaultdict|Counter)$/, 'map'],
    [/^(deque|Deque)$/, 'deque'], [/^str$/, 'string']],
  valueKinds: [
    [/^(collections\.)?deque\(/, 'deque'],
    [/^(set|frozenset)\(/, 'set'],
    [/^(dict|(collections\.)?(defaultdict|Counter|OrderedDict))\(/, 'map'],
    [/^\{\s*\}$/, 'map'],
    [/^\{[^:]*\}$/s, 'set'],
    [/^\{/, 'map'],
    [/^(\[|list\()/, 'list'],
    [/^(""|''|str\()/, 'string'],
  ],
  heapCalls: /^(heapq\.)?(heappush|heapify|heappushpop|heapreplace)$/,
  heapOps: /^(heapq\.)?(heappush|heappop|heappushpop|heapreplace)$/,
  // heapq.nlargest/nsmallest keep a k-heap over n items: O(n log k), k <= n.
  // Counter.most_common sorts the counts (a k-heap when given k, k <= n).
  sortCall: /^sorted$|\.sort$|^(heapq\.)?(nlargest|nsmallest)$|\.most_common$/,
  searchMethods: ['index', 'count', 'remove'],
  frontMethods: /^(insert|pop)$/,
  shiftFunctions: /^(bisect\.)?insort(_left|_right)?$/,
  searchFunctions: /^$/,
  aggregates: /^(max|min|sum)$/,
  membershipMethods: [],
  mutators: MUTATORS,
  testFunction: /^test_?/i,
  assertCall: /^(self\.)?assert\w*$/,
  memo: /@(functools\.)?(lru_cache|cache)\b|\b(memo|cache|dp)\b/,
  wholeInput: /^(split|join|reversed|reverse|copy|count|index|replace|strip|lower|upper|sum|any|all|Counter|find)$/,
  orderedTypes: /^$/,
  binarySearch: /^(bisect\.)?(bisect|bisect_left|bisect_right)$/,
};

const javascript: Vocab = {
  typeKinds: [[/^(Set|ReadonlySet)$/, 'set'], [/^(Map|Record|ReadonlyMap)$/, 'map'], [/\[\]$|^Array$/, 'array'],
    [/^string$/, 'string']],
  valueKinds: [
    [/^new\s+Set\b/, 'set'],
    [/^new\s+(Map|WeakMap)\b/, 'map'],
    [/^new\s+\w*(Heap|PriorityQueue)\b/i, 'heap'],
    [/^new\s+\w*(Deque|Queue)\b/, 'deque'],
    [/^new\s+\w*Stack\b/, 'stack'],
    [/^(new\s+Array\b|Array\.(from|of)\b|Array\(|\[)/, 'array'],
    [/^(\{\s*\}|Object\.create\(null\))$/, 'map'],
    [/^(''|""|``)$/, 'string'],
  ],
  heapCalls: /^$/,
  heapOps: /^$/,
  sortCall: /\.(sort|toSorted)$/,
  searchMethods: ['includes', 'indexOf', 'lastIndexOf', 'splice'],
  frontMethods: /^(shift|unshift)$/,
  searchFunctions: /^$/,
  aggregates: /^Math\.(max|min)$/,
  membershipMethods: ['has', 'includes', 'indexOf'],
  mutators: MUTATORS,
  testFunction: /^test/i,
  testBlock: /^(test|it|describe)(\.\w+)?$/,
  assertCall: /^(assert(\.\w+)?|expect|console\.assert)$/,
  memo: /\b(memo|cache|dp)\b/,
  wholeInput: /^(split|join|reverse|slice|concat|includes|indexOf|lastIndexOf|fill|values|keys|entries|from|toLowerCase|toUpperCase|replace|replaceAll|trim|flat|toReversed|toSpliced|with)$/,
  orderedTypes: /^$/,
  binarySearch: /^$/,
};

const java: Vocab = {
  typeKinds: [[/^PriorityQueue$/, 'heap'], [/^Stack$/, 'stack'], [/^(Deque|Queue|ArrayDeque)$/, 'deque'],
    [/Set$/, 'set'], [/Map$/, 'map'], [/List$/, 'list'], [/^(StringBuilder|StringBuffer)$/, 'string_builder'],
    [/\[\]$/, 'array'], [/^String$/, 'string']],
  valueKinds: [
    [/^new\s+PriorityQueue\b/, 'heap'], [/^new\s+Stack\b/, 'stack'], [/^new\s+ArrayDeque\b/, 'deque'],
    [/^new\s+\w*Set\b/, 'set'], [/^new\s+\w*Map\b/, 'map'], [/^new\s+\w*List\b/, 'list'],
    [/^new\s+String(Builder|Buffer)\b/, 'string_builder'], [/^new\s+\w+\s*\[|^\{/, 'array'], [/^""$/, 'string'],
  ],
  heapCalls: /^$/,
  heapOps: /^$/,
  // `stream().sorted()` sorts what reaches it.
  sortCall: /(^|\.)sort$|\.sorted$/,
  searchMethods: ['contains', 'indexOf', 'lastIndexOf'],
  // `list.add(0, x)`, `list.remove(0)`, `sb.insert(0, c)`: everything after the front moves.
  frontMethods: /^(add|remove|insert|deleteCharAt|delete)$/,
  searchFunctions: /^Collections\.frequency$/,
  aggregates: /^Collections\.(max|min)$/,
  membershipMethods: ['contains', 'containsKey'],
  mutators: MUTATORS,
  testFunction: /^test/,
  assertCall: /^(Assert\.|Assertions\.)?assert\w*$/,
  memo: /\b(memo|cache|dp)\b/,
  wholeInput: /^(split|join|toCharArray|reverse|substring|indexOf|contains|fill|asList|copyOf|toLowerCase|toUpperCase|replace|trim|stream|distinct|collect|toList|boxed)$/,
  orderedTypes: /^(TreeMap|TreeSet|SortedMap|SortedSet|NavigableMap|NavigableSet)\b/,
  binarySearch: /^(Arrays|Collections)\.binarySearch$/,
};

const cpp: Vocab = {
  typeKinds: [[/^priority_queue$/, 'heap'], [/^stack$/, 'stack'], [/^(deque|queue)$/, 'deque'],
    [/^(unordered_set|set|multiset|unordered_multiset)$/, 'set'], [/^(unordered_map|map|multimap)$/, 'map'],
    [/^(vector|array)$/, 'array'], [/^list$/, 'list'], [/^(string|wstring)$/, 'string'],
    [/^(stringstream|ostringstream)$/, 'string_builder']],
  valueKinds: [[/^""$/, 'string']],
  heapCalls: /^(std::)?(push_heap|make_heap)$/,
  heapOps: /^(std::)?(push_heap|pop_heap)$/,
  sortCall: /^(std::)?(sort|stable_sort|partial_sort)$/,
  // `s.find(t, pos)` on a string scans it; on a map or set (not scanned) it is a lookup.
  searchMethods: ['find', 'rfind'],
  frontMethods: /^(insert|erase)$/,
  searchFunctions: /^(std::)?(find|count|find_if|count_if|any_of|all_of|none_of)$/,
  aggregates: /^(std::)?(max_element|min_element|accumulate)$/,
  membershipMethods: ['count', 'find', 'contains'],
  mutators: MUTATORS,
  testFunction: /^(TEST|TEST_F|TEST_CASE|test\w*)$/,
  assertCall: /^(assert|static_assert|ASSERT_\w+|EXPECT_\w+|REQUIRE|CHECK)$/,
  memo: /\b(memo|cache|dp)\b/,
  wholeInput: /^(reverse|find|count|accumulate|substr|fill|max_element|min_element|copy|nth_element|partition|unique|transform|iota|equal|count_if|find_if|any_of|all_of|none_of|for_each|reduce)$/,
  orderedTypes: /^(std::)?(set|map|multiset|multimap)\b/,
  binarySearch: /^(std::)?(lower_bound|upper_bound|binary_search|equal_range)$/,
};

const go: Vocab = {
  typeKinds: [[/^\[\]/, 'array'], [/^map\[[^\]]*\](bool|struct\{\})$/, 'set'], [/^map\[/, 'map'],
    [/^(strings\.Builder|bytes\.Buffer)$/, 'string_builder'], [/^string$/, 'string']],
  valueKinds: [
    [/^(make\(\s*)?map\[[^\]]*\](bool|struct\s*\{\s*\})/, 'set'],
    [/^(make\(\s*)?map\[/, 'map'],
    [/^(make\(\s*)?\[\d*\]/, 'array'],
    [/^(strings\.Builder|bytes\.Buffer)\b/, 'string_builder'],
    [/^list\.New\(/, 'list'],
    [/^&?\w*(Heap|PQ|PriorityQueue)\b/, 'heap'],
    [/^(""|``)$/, 'string'],
  ],
  heapCalls: /^heap\.(Push|Init)$/,
  heapOps: /^heap\.(Push|Pop|Fix|Remove)$/,
  sortCall: /^(sort|slices)\.(Ints|Strings|Float64s|Slice|SliceStable|Sort|Stable|SortFunc|SortStableFunc)$/,
  searchMethods: [],
  frontMethods: /^$/,
  // HasPrefix compares up to the prefix's length: linear in it.
  searchFunctions: /^(slices\.(Contains|Index)|strings\.(Contains|Index|HasPrefix|HasSuffix))$/,
  aggregates: /^(slices\.(Max|Min))$/,
  membershipMethods: [],
  mutators: MUTATORS,
  testFunction: /^(Test|Benchmark)[A-Z_0-9]/,
  assertCall: /^(t\.(Error|Errorf|Fatal|Fatalf)|assert\.\w+|require\.\w+)$/,
  memo: /\b(memo|cache|dp)\b/,
  wholeInput: /^(Split|Join|Fields|Reverse|Repeat|ToLower|ToUpper|Contains|Index|Count|Replace|ReplaceAll|TrimSpace|copy)$/,
  orderedTypes: /^$/,
  binarySearch: /^(sort\.(Search|SearchInts|SearchStrings|SearchFloat64s)|slices\.BinarySearch\w*)$/,
};

export const VOCAB: Record<LanguageId, Vocab> = { python, javascript, typescript: javascript, java, cpp, go };

/** Names that suggest a hash-based lookup even when we cannot see how the variable was built. */
export const HASHY_NAME = /set|map|dict|memo|cache|lookup|freq|count|visited|index_of|pos/i;
/** Names that suggest a linked structure, so `if not node` is a null check, not an empty check. */
export const NODE_NAME = /node|root|head|tail|cur|curr|prev|next|left|right|parent|child|tree|list_?node/i;
/** Names of adjacency structures: `for v in adj[u]` over every u walks each edge once in all. */
export const GRAPH_NAME = /^(adj\w*|graph|g|edges|neighbou?rs|children|successors)$/i;
/** Tallies: `for c < count[v]` over every v adds up to the number of items counted. */
export const TALLY_NAME = /^(counts?|cnt|freq\w*|frequency|occurrences|buckets?|tally)$/i;
