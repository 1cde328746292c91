// Command gen writes zh_s.dict, the compiled gse dictionary that package
// segment embeds. Run it through go generate when gse is upgraded:
//
//	go generate ./internal/segment
//
// The payments terms and stop words of dict/ are not compiled in; segment
// adds them when it starts, so editing the YAML needs no regeneration.
package main

import (
	"fmt"
	"os"

	"github.com/cocolian/threads/internal/segment/gsedict"
)

func main() {
	out := "zh_s.dict"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := run(out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	g, err := gsedict.LoadZhS()
	if err != nil {
		return err
	}
	data, err := gsedict.Compile(g)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}
