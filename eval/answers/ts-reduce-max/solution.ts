function maxValue(values: number[]): number {
  return values.reduce((best, v) => (v > best ? v : best));
}
