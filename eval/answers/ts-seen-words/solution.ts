function firstRepeated(words: string[]): string | null {
  const seen = new Set<string>();
  for (const w of words) {
    if (seen.has(w)) return w;
    seen.add(w);
  }
  return null;
}
