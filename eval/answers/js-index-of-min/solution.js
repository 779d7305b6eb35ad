function indexOfMin(arr) {
  let idx = -1;
  for (let i = 0; i < arr.length; i++) {
    if (idx === -1 || arr[i] < arr[idx]) {
      idx = i;
    }
  }
  return idx;
}
