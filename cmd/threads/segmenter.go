package main

import (
	"fmt"
	"sync"

	"github.com/cocolian/threads/internal/segment"
)

var (
	segOnce sync.Once
	segVal  *segment.Segmenter
	segErr  error
)

// loadSegmenter builds the segmenter once per process; every command shares it.
func loadSegmenter() (*segment.Segmenter, error) {
	segOnce.Do(func() {
		segVal, segErr = segment.New()
		if segErr != nil {
			segErr = fmt.Errorf("loading the segmenter dictionary: %w", segErr)
		}
	})
	return segVal, segErr
}
