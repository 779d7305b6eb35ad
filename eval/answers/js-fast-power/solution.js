function power(x, n) {
  if (n === 0) return 1;
  const half = power(x, Math.floor(n / 2));
  if (n % 2 === 0) return half * half;
  return half * half * x;
}
