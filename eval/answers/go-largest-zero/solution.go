package largest

func largest(nums []int) int {
	best := 0
	for _, x := range nums {
		if x > best {
			best = x
		}
	}
	return best
}
