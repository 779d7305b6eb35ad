// complexity: O(n)
// function: csv
// split: round-11
// why: one pass building the parts, one Join.
package main

import (
	"strconv"
	"strings"
)

func csv(nums []int) string {
	parts := make([]string, 0, len(nums))
	for _, x := range nums {
		parts = append(parts, strconv.Itoa(x))
	}
	return strings.Join(parts, ",")
}
