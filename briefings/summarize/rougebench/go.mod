module github.com/sitrep/sitrep/briefings/summarize/rougebench

go 1.26.0

require (
	github.com/DavidBelicza/TextRank/v2 v2.0.0
	github.com/didasy/tldr v0.0.0
	github.com/sitrep/sitrep v0.0.0
)

require github.com/alixaxel/pagerank v0.0.0-20160306110729-14bfb4c1d88c // indirect

// The peers' sources are laid out by ./peers.sh (the module proxy does not
// serve them); the project itself comes from the work tree.
replace (
	github.com/DavidBelicza/TextRank/v2 => /tmp/sitrep-rougebench-peers/TextRank
	github.com/didasy/tldr => /tmp/sitrep-rougebench-peers/tldr
	github.com/sitrep/sitrep => ../../..
)
