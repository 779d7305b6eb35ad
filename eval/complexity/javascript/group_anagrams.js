// complexity: O(n^2 log n)
// function: groupAnagrams
// why: each of n words is sorted: O(n * m log m).
function groupAnagrams(strs) {
  const groups = {};
  for (const word of strs) {
    const key = word.split('').sort().join('');
    if (!groups[key]) groups[key] = [];
    groups[key].push(word);
  }
  return Object.values(groups);
}
