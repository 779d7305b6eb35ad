// complexity: O(n log n)
// function: uniqueSorted
// split: round-6
// why: distinct is a hash pass; sorted sorts what remains.
import java.util.*;
import java.util.stream.*;

class Solution {
    public List<Integer> uniqueSorted(List<Integer> nums) {
        return nums.stream().distinct().sorted().collect(Collectors.toList());
    }
}
