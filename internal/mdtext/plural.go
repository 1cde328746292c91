package mdtext

import "strconv"

// Plural writes a count with its noun, adding an "s" for any count but 1:
// "1 day", "2 days", "0 threads". The noun is written as given, not
// escaped: the FAQ writers pass their own English words.
func Plural(n int, noun string) string {
	return PluralOf(n, noun, noun+"s")
}

// PluralOf is Plural for a noun whose plural is not its singular and an
// "s": "1 entry", "2 entries".
func PluralOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
