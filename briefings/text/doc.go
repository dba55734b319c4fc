// Package text splits news prose into paragraphs, sentences and words, and
// knows stop words and a light English stemmer. The summarizer and the
// extractors share it.
//
// Every splitter returns substrings of its input: a sentence is never
// rewritten, so a summary built from them quotes the source verbatim.
package text
