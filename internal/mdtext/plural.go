package mdtext

import "strconv"

// Plural writes a count with its noun, adding an "s" for any count but 1:
// "1 day", "2 days", "0 threads". The noun is written as given, not
// escaped: the FAQ writers pass their own English words.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
