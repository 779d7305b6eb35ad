// complexity: O(n)
// function: maxProfit
// why: single pass tracking the minimum price seen so far.
function maxProfit(prices) {
  let min = Infinity;
  let best = 0;
  for (const price of prices) {
    if (price < min) min = price;
    else if (price - min > best) best = price - min;
  }
  return best;
}
