function subsets(items: number[], i: number = 0): number[][] {
  if (i === items.length) return [[]];
  const rest = subsets(items, i + 1);
  const withItem = rest.map((s) => [items[i], ...s]);
  return [...rest, ...withItem];
}
