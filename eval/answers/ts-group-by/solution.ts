function groupByLength(words: string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const w of words) {
    const list = groups.get(w.length) ?? [];
    list.push(w);
    groups.set(w.length, list);
  }
  return groups;
}
