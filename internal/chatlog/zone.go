package chatlog

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// ZoneExamples names the values ParseZone takes, for messages that ask
// for one.
const ZoneExamples = "an IANA zone name such as Europe/Berlin or Asia/Shanghai, UTC, Local (this machine's zone), or an offset such as +02:00, -05:30 or +0800"

// zoneOffsetRE matches a fixed offset east of UTC: +HH, +HH:MM or +HHMM,
// or the same with a minus sign.
var zoneOffsetRE = regexp.MustCompile(`^([+-])(\d\d)(?::?(\d\d))?$`)

// ParseZone reads a time zone as `--timezone` takes it: an IANA name
// (Europe/Berlin, Asia/Shanghai; from the system's zone database, or the
// one a program embeds with time/tzdata), UTC, a fixed offset east of UTC
// (+02:00, -05:30, +0800, +08; at most 18 hours), or Local, the zone of the
// machine it runs on, which only an explicit "Local" asks for. Anything
// else, the empty string too, is an error that names the value and says
// what is wanted.
func ParseZone(s string) (*time.Location, error) {
	if m := zoneOffsetRE.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[2])
		mi := 0
		if m[3] != "" {
			mi, _ = strconv.Atoi(m[3])
		}
		off := h*3600 + mi*60
		if mi > 59 || off > 18*3600 {
			return nil, fmt.Errorf("offset %q out of range: want hours and minutes up to 18:00, such as +02:00, -05:30 or +0800", s)
		}
		if m[1] == "-" {
			off = -off
		}
		if off == 0 {
			return time.UTC, nil
		}
		return time.FixedZone(fmt.Sprintf("%s%s:%02d", m[1], m[2], mi), off), nil
	}
	if s == "" {
		return nil, errors.New("no time zone given: want " + ZoneExamples)
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: want %s", s, ZoneExamples)
	}
	return loc, nil
}

// A zone is the time zone a reader puts the times of its messages in. The
// zero zone keeps each format's own: China time (UTC+8) for the WeChat
// exports, UTC for WhatsApp, IRC and Slack, the written offset for Discord
// and chatlog JSON, and Telegram's rule (see ParseTelegram).
//
// A format that writes the wall clock without a zone (WhatsApp, IRC,
// cocolian, chatlog text and CSV, MemoTrace TXT and StrTime) has its clocks
// read in the zone (wall): they stay as written, and only the instant they
// stand for changes. A clock the zone skips or repeats at a change of
// daylight saving time is read as time.Date reads it: in one of the offsets
// around the change, it does not say which (a skipped clock comes out an
// hour later or earlier). A format that writes instants (unix seconds, or
// RFC 3339 with an offset) has them shown in the zone (instant): the
// instant stays, and its wall clock, and so the day it falls on, may
// change.
type zone struct {
	loc *time.Location // nil for each format's own zone
	// dateless is the zone of a clock without a date (0001-01-01, an IRC
	// log whose file name holds no date): loc at a fixed offset, its
	// standard time, since a clock of the year 1 in loc would have the
	// offset of its local mean time before any rule (+00:53 in Berlin).
	dateless *time.Location
}

// newZone returns the zone that puts times in loc, or the zero zone for nil.
func newZone(loc *time.Location) zone {
	if loc == nil {
		return zone{}
	}
	return zone{loc: loc, dateless: standardZone(loc)}
}

// standardZone returns loc's standard time as a fixed zone: the smaller of
// its offsets on 1 January and 1 July 2025, a fixed year so that the
// offset does not depend on the day the program runs. (The smaller, not
// the one without daylight saving time: the zone database marks Dublin's
// winter time, GMT, as its daylight saving time.)
func standardZone(loc *time.Location) *time.Location {
	winter := time.Date(2025, time.January, 1, 12, 0, 0, 0, loc)
	summer := time.Date(2025, time.July, 1, 12, 0, 0, 0, loc)
	name, off := winter.Zone()
	if n, o := summer.Zone(); o < off {
		name, off = n, o
	}
	return time.FixedZone(name, off)
}

// wall returns t, a wall clock the format read in its own zone, as the same
// wall clock read in z: t itself for the zero zone. A clock without a date
// (the year 1) takes the zone's standard offset.
func (z zone) wall(t time.Time) time.Time {
	if z.loc == nil {
		return t
	}
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	loc := z.loc
	if y <= 1 {
		loc = z.dateless
	}
	return time.Date(y, mo, d, h, mi, s, t.Nanosecond(), loc)
}

// instant returns t, an instant, as shown in z: t itself for the zero zone.
func (z zone) instant(t time.Time) time.Time {
	if z.loc == nil {
		return t
	}
	return t.In(z.loc)
}
