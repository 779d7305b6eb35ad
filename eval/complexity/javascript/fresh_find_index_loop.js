// complexity: O(n^2)
// function: matchOrders
// split: round-3
// why: findIndex scans the payments array for every order.
function matchOrders(orders, payments) {
  const matched = [];
  for (const order of orders) {
    const idx = payments.findIndex((p) => p.orderId === order.id);
    if (idx !== -1) matched.push([order, payments[idx]]);
  }
  return matched;
}
