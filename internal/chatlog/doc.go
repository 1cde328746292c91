// Package chatlog reads chat exports into plain Message records.
//
// Each input format has its own parser; all of them produce the same Log and
// Message types, keep the source line of every message (in JSON, the line
// its record opens on; a Slack channel, spread over day files, numbers its
// records instead), and never drop a record: messages out equal records in.
// Parse returns a whole Log; Scan hands the messages over one at a time,
// and for the line-oriented formats (Format.Streams) reads the input as a
// stream, so that a file of any size is read in bounded memory. An input
// may hold several logs: ParsePath returns one per channel of a Slack
// export and one per chat of a Telegram all-chats export, and ScanEachIn
// hands over the messages of one log after another.
// ParseIn, ScanIn, ScanFileIn, ScanEachFileIn and ParsePathIn put the message times in a
// zone (see ParseZone): the clocks of formats that write no zone are read
// in it, and the instants of the others shown in it.
// This package imports no other internal package.
package chatlog
