// Package chatlog reads chat exports into plain Message records.
//
// Each input format has its own parser; all of them produce the same Log and
// Message types, keep the source line (or record number) of every message,
// and never drop a record: messages out equal records in.
// This package imports no other internal package.
package chatlog
