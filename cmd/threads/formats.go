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
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, f := range chatlog.Formats() {
				fmt.Fprintf(io.Out, "%-12s %s\n", f.Name, f.Description)
			}
			return nil
		},
	}
}
