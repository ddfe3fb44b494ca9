//go:build !linux

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "measure runs on Linux only (it needs a pseudo-terminal and /proc)")
	os.Exit(2)
}
