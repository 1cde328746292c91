// Command naive is the baseline of bench/run.sh: gse used the documented
// way, loading its embedded simplified-Chinese dictionary and then cutting
// each file given as an argument, in order, with Cut. It prints each file's
// token count.
package main

import (
	"fmt"
	"os"

	"github.com/go-ego/gse"
)

func main() {
	var seg gse.Segmenter
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		fmt.Fprintln(os.Stderr, "naive:", err)
		os.Exit(1)
	}
	for _, path := range os.Args[1:] {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "naive:", err)
			os.Exit(1)
		}
		fmt.Printf("%s\t%d\n", path, len(seg.Cut(string(data))))
	}
}
