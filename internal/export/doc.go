// Package export writes threaded chat logs: the JSON contract and a readable
// Markdown FAQ. Writers take an io.Writer and never print elsewhere; the same
// input always gives byte-identical output.
package export
