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
	for _, d := range days {
		if err := WriteDayLinks(w, d, len(days) > 1, 0); err != nil {
			return err
		}
	}
	return nil
}

// WriteDayLinks writes the links of one day, each line starting with the
// day's path and a colon when withPath is set. Message numbers are shifted
// by offset, so that the days of one multi-day file number their messages
// in the file.
func WriteDayLinks(w io.Writer, d Day, withPath bool, offset int) error {
	bw := bufio.NewWriter(w)
	prefix := ""
	if withPath {
		prefix = d.Log.Path + ":"
	}
	for i, l := range d.Result.Links {
		parent := l.Parent
		if parent < 0 {
			parent = i
		}
		fmt.Fprintf(bw, "%s%d %d -\n", prefix, parent+offset, i+offset)
	}
	return bw.Flush()
}
