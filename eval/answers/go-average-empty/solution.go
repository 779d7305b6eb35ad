package stats

func average(nums []int) float64 {
	sum := 0
	for _, x := range nums {
		sum += x
	}
	return float64(sum) / float64(len(nums))
}
