package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/internal/chatlog"
)

func newFormatsCmd(io *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "formats",
		Short: "List the input formats threads reads",
		Long: `List the input formats threads reads, in the order detection tries them.
The second column says how a file is read: "stream" formats are read one
message at a time, so a big file is threaded a day at a time in memory that
does not grow with it; "whole" formats are parsed whole first (IRC resolves
mentions against every nick of the file, the JSON formats resolve members
and replies across the document, a Slack folder is sorted by day).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, f := range chatlog.Formats() {
				how := "whole"
				if f.Streams() {
					how = "stream"
				}
				fmt.Fprintf(io.Out, "%-13s %-6s %s\n", f.Name, how, f.Description)
			}
			return nil
		},
	}
}
