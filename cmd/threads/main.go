// Command threads turns exported group-chat logs into question/answer threads
// and FAQ digests.
package main

import (
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // --timezone Europe/Berlin works on a machine without a zone database

	"github.com/cocolian/threads/internal/atomicfile"
)

func main() {
	cleanUpOnSignal()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// cleanUpOnSignal makes an interrupt (Ctrl-C) or SIGTERM remove the
// temporary files of the outputs being written (extract -o, digest -o and
// --out, train -o), which are left as they were, before the program exits
// with the conventional status (see interrupted).
func cleanUpOnSignal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		os.Exit(interrupted(<-c))
	}()
}

// interrupted aborts the outputs being written and returns the exit status
// for sig: 128 plus its number, as a shell reports a command killed by it
// (130 for SIGINT, 143 for SIGTERM).
func interrupted(sig os.Signal) int {
	atomicfile.AbortAll()
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}
