function stockSpan(prices: number[]): number[] {
  const stack: number[] = [];
  const span: number[] = [];
  for (let i = 0; i < prices.length; i++) {
    while (stack.length > 0 && prices[stack[stack.length - 1]] <= prices[i]) {
      stack.pop();
    }
    span.push(stack.length === 0 ? i + 1 : i - stack[stack.length - 1]);
    stack.push(i);
  }
  return span;
}
