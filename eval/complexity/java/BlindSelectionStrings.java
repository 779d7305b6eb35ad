// complexity: O(n^2)
// function: sortNames
// split: round-4
// why: selection sort: for every position, scan the rest.
class Solution {
    public void sortNames(String[] names) {
        for (int i = 0; i < names.length; i++) {
            int min = i;
            for (int j = i + 1; j < names.length; j++) {
                if (names[j].compareTo(names[min]) < 0) min = j;
            }
            String t = names[i];
            names[i] = names[min];
            names[min] = t;
        }
    }
}
