// complexity: O(n^2)
// function: floodFill
// split: round-2
// why: each of the m x n pixels is recoloured at most once.
function floodFill(image, sr, sc, color) {
  const start = image[sr][sc];
  if (start === color) return image;
  const fill = (r, c) => {
    if (r < 0 || c < 0 || r >= image.length || c >= image[0].length || image[r][c] !== start) return;
    image[r][c] = color;
    fill(r + 1, c);
    fill(r - 1, c);
    fill(r, c + 1);
    fill(r, c - 1);
  };
  fill(sr, sc);
  return image;
}
