// Command threads turns exported group-chat logs into question/answer threads
// and FAQ digests.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
