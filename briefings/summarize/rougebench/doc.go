// Package rougebench compares the project's summarizer with Lead-N and two
// public Go summarizers (TextRank v2 and tldr) on the bbc_summ corpus, side
// by side, for quality (ROUGE) and speed. It is a separate module so that the
// peers never enter the project's dependencies. Run ./peers.sh once, then
// `go test -run Rouge -v` and `go test -run XXX -bench .`.
package rougebench
