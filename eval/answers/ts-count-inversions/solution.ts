function countInversions(a: number[]): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < i; j++) {
      if (a[j] > a[i]) count++;
    }
  }
  return count;
}
