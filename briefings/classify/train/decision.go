package main

import "github.com/sitrep/sitrep/briefings"

func decision(rel float64, section string, threshold float64) briefings.Classification {
	return briefings.Classification{Relevance: rel, OffTopic: rel < threshold, Section: section}
}
