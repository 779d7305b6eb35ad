// Misgrades found trying the product as a candidate (issue 7): what kind of thing a holder holds
// (an element, a computed quantity, an index bound), a purpose stated as a boolean in problem terms,
// one-letter words as grounding, and a multi-variable class named in the candidate's notation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';

const provider = createHeuristicProvider();

async function grader(language: string, code: string, fn: string, topic: string) {
  const q = await provider.question({
    sessionId: 't', seq: 1, language, code, reasonCode: 'test', reason: 'test',
    context: { function: fn, topic, facts: { function: fn } }, asked: [], retrieved: [],
  });
  assert.equal(q.topic, topic);
  return { q, grade: (answer: string) => provider.evaluate({ question: q.text, topic: q.topic, expected: q.expected, answer, code, language, retrieved: [] }) };
}

const CPP = `#include <vector>
#include <algorithm>
using namespace std;

// Container with most water.
// Two pointers from both ends.
//
//
//
//
int maxArea(vector<int>& h) {
    int l = 0, r = (int)h.size() - 1, best = 0;
    while (l < r) {
        best = max(best, min(h[l], h[r]) * (r - l));
        if (h[l] < h[r]) l++;
        else r--;
    }
    return best;
}
`;
const JAVA = `public class Solution {
    // Minimum in a rotated sorted array.
    //
    //
    //
    //
    //
    //
    //
    //
    public int findMin(int[] nums) {
        int lo = 0, hi = nums.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (nums[mid] > nums[hi]) lo = mid + 1;
            else hi = mid;
        }
        return nums[lo];
    }
}
`;
const GO = `package main

func isAnagram(s string, t string) bool {
	if len(s) != len(t) {
		return false
	}
	var counts [26]int
	for i := 0; i < len(s); i++ {
		counts[s[i]-'a']++
		counts[t[i]-'a']--
	}
	for _, c := range counts {
		if c != 0 {
			return false
		}
	}
	return true
}
`;
const PY = `def group_anagrams(words):
    groups = {}
    for w in words:
        key = ''.join(sorted(w))
        groups.setdefault(key, []).append(w)
    return list(groups.values())
`;
test('a holder only ever assigned a computed area does not hold the tallest element', async () => {
  const { grade } = await grader('cpp', CPP, 'maxArea', 'variable_role');
  assert.ok((await grade('best holds the height of the tallest line in h, and maxArea returns it as the answer.')).score < 25);
  assert.ok((await grade('best holds the largest area found so far (the shorter height times the width r - l); after the loop it is the maximum area, which maxArea returns.')).score >= 70);
});

test('a bound moved to mid is an index of the search range, not a value or a follower', async () => {
  const { q, grade } = await grader('java', JAVA, 'findMin', 'variable_role');
  assert.doesNotMatch(JSON.stringify(q.expected), /previous value/);
  assert.ok((await grade('hi holds the biggest value in the array after the loop, since it started at the end where the largest number is. Its job is to stop the loop.')).score < 25);
  assert.ok((await grade('hi is the right end of the search range; when the loop ends lo == hi, the index of the minimum.')).score >= 70);
});

test('a purpose stated as the boolean in problem terms is purpose-level; the article "a" is not grounding', async () => {
  const { grade } = await grader('go', GO, 'isAnagram', 'purpose');
  const r = await grade('It reports whether t is a rearrangement of s: same length and the same count of every letter, using one 26-slot counter that s increments and t decrements, so any nonzero slot means they differ. It assumes lowercase a–z only.');
  assert.ok(r.score >= 85, `${r.score}`);
  assert.doesNotMatch(r.rationale, /\band a\)|, a\b|\(a\b/);
  assert.ok((await grade('It loops over the strings.')).score < 40);
});

test('a multi-variable class is named in the candidate\'s own notation', async () => {
  const { grade } = await grader('python', PY, 'group_anagrams', 'time_complexity');
  const r = await grade('O(n · k log k) for n words of length k');
  assert.match(r.rationale, /O\(n·k log k\) \(O\(n\^2 log n\) when every size is n\)/);
});

const MAX_TS = `export function largest(nums: number[]): number {
  let best = nums[0];
  for (let i = 1; i < nums.length; i++) {
    if (nums[i] > best) best = nums[i];
  }
  return best;
}
`;

test('a holder only ever assigned elements does not hold a computed sum', async () => {
  const { grade } = await grader('typescript', MAX_TS, 'largest', 'variable_role');
  assert.ok((await grade('best holds the sum of the elements seen so far, and largest returns it.')).score < 25);
  assert.ok((await grade('best holds the largest element seen so far; after the loop it is the maximum of nums, which largest returns.')).score >= 70);
});
