package eval

import (
	"fmt"
	"strings"

	"github.com/cocolian/threads/internal/chatlog"
)

// otherVersion is what an out-of-step gold file means and what to do.
const otherVersion = "the gold file was made for another version of the chat log: give the chat file it annotates, or annotate this one afresh"

// CheckLog reports whether the TSV annotation a, read from path by ReadTSV,
// lines up with log, the chat log it annotates. Every row whose time or nick
// is not "-" must match the log's message at its index: the time as
// HH:MM:SS in the log's zone (unless the log has no time for it), the nick
// as the sender, both with runs of white space collapsed and trimmed (a
// cocolian header may keep a space after the name that the TSV does not).
// Then the rows must be as many as the messages. The error names the first
// mismatch, at path:line of the row, with both sides; nil when all agree.
func CheckLog(a *Annotation, path string, log *chatlog.Log) error {
	msgs := log.Messages
	for i := range min(a.Len(), len(msgs)) {
		m := &msgs[i]
		timeOK, nickOK := true, true
		goldTime, goldNick := "-", "-"
		if i < len(a.Seconds) && a.Seconds[i] >= 0 {
			goldTime = clock(a.Seconds[i])
			timeOK = m.Time.IsZero() || m.Time.Format("15:04:05") == goldTime
		}
		if i < len(a.Nicks) && a.Nicks[i] != "-" {
			goldNick = a.Nicks[i]
			nickOK = sameNick(goldNick, m.Sender)
		}
		if timeOK && nickOK {
			continue
		}
		line := 0
		if i < len(a.Lines) {
			line = a.Lines[i]
		}
		where := log.Path
		if m.Line > 0 {
			where = fmt.Sprintf("%s:%d", log.Path, m.Line)
		}
		logTime := "(no time)"
		if !m.Time.IsZero() {
			logTime = m.Time.Format("15:04:05")
		}
		return &ParseError{Path: path, Line: line, Err: fmt.Errorf("row %d says %s %s, but message %d of the chat log (%s) is %s %s; %s",
			i, goldTime, goldNick, i, where, logTime, strings.TrimSpace(m.Sender), otherVersion)}
	}
	if a.Len() != len(msgs) {
		return &ParseError{Path: path, Err: fmt.Errorf("%d rows, but the chat log %s has %d messages; %s", a.Len(), log.Path, len(msgs), otherVersion)}
	}
	return nil
}

// sameNick reports whether a gold nick names the sender as the log writes
// it, up to white space: runs of it count as one space, and none at the ends.
func sameNick(gold, sender string) bool {
	return strings.Join(strings.Fields(gold), " ") == strings.Join(strings.Fields(sender), " ")
}

// clock formats seconds since midnight as HH:MM:SS.
func clock(sec int) string {
	return fmt.Sprintf("%02d:%02d:%02d", sec/3600, sec/60%60, sec%60)
}
