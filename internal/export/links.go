package export

import (
	"bufio"
	"fmt"
	"io"
)

// WriteLinks writes reply links in the "X Y -" format of Kummerfeld et al.
// (2019): one line per message, the antecedent then the message (equal for
// a thread start), so their evaluation scripts can score the output. With
// several days each line starts with the day's path and a colon.
func WriteLinks(w io.Writer, days []Day) error {
	bw := bufio.NewWriter(w)
	for _, d := range days {
		prefix := ""
		if len(days) > 1 {
			prefix = d.Log.Path + ":"
		}
		for i, l := range d.Result.Links {
			parent := l.Parent
			if parent < 0 {
				parent = i
			}
			fmt.Fprintf(bw, "%s%d %d -\n", prefix, parent, i)
		}
	}
	return bw.Flush()
}
