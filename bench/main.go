// Command bench measures what the neptune plugin adds to a tflint run.
package main

import (
	"flag"
	"log"
)

func main() {
	gen := flag.String("gen", "", "write a corpus module into this folder and exit")
	n := flag.Int("clusters", 1000, "clusters in the generated module")
	flag.Parse()
	if *gen != "" {
		if err := writeModule(*gen, *n); err != nil {
			log.Fatal(err)
		}
	}
}
