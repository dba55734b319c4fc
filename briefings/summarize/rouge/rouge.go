// Package rouge scores extractive summaries against references: ROUGE-N
// (n-gram overlap) and ROUGE-Lsum (summary-level longest common subsequence
// with union LCS over sentences), after Lin (2004). Tokens are lower-cased
// runs of ASCII letters and digits (every other byte separates), without
// stemming or stop-word removal, so that figures compare across systems.
package rouge

import "strings"

// Score is precision, recall and F1 (harmonic mean) of one comparison.
type Score struct {
	P, R, F float64
}

func score(hits, candTotal, refTotal int) Score {
	var s Score
	if candTotal > 0 {
		s.P = float64(hits) / float64(candTotal)
	}
	if refTotal > 0 {
		s.R = float64(hits) / float64(refTotal)
	}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Tokens lower-cases s and splits it at every byte that is not an ASCII
// letter or digit.
func Tokens(s string) []string {
	var out []string
	s = strings.ToLower(s)
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && ('a' <= s[i] && s[i] <= 'z' || '0' <= s[i] && s[i] <= '9')
		if alnum && start < 0 {
			start = i
		} else if !alnum && start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

// N computes ROUGE-N between candidate and reference texts: clipped n-gram
// matches over the candidate's and the reference's n-gram counts.
func N(candidate, reference string, n int) Score {
	c, r := ngrams(Tokens(candidate), n), ngrams(Tokens(reference), n)
	hits, ct, rt := 0, 0, 0
	for g, k := range c {
		ct += k
		hits += min(k, r[g])
	}
	for _, k := range r {
		rt += k
	}
	return score(hits, ct, rt)
}

func ngrams(toks []string, n int) map[string]int {
	m := make(map[string]int)
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

// Lsum computes summary-level ROUGE-L. Each argument holds one sentence per
// element. For every reference sentence the union of its LCS with each
// candidate sentence counts as hits, clipped by how often each token occurs
// in the candidate and the reference.
func Lsum(candidate, reference []string) Score {
	cand := make([][]string, len(candidate))
	candCount := map[string]int{}
	ct := 0
	for i, s := range candidate {
		cand[i] = Tokens(s)
		for _, t := range cand[i] {
			candCount[t]++
		}
		ct += len(cand[i])
	}
	refCount := map[string]int{}
	var refs [][]string
	rt := 0
	for _, s := range reference {
		toks := Tokens(s)
		refs = append(refs, toks)
		for _, t := range toks {
			refCount[t]++
		}
		rt += len(toks)
	}
	hits := 0
	for _, ref := range refs {
		union := make([]bool, len(ref))
		for _, c := range cand {
			for _, i := range lcsIndexes(ref, c) {
				union[i] = true
			}
		}
		for i, in := range union {
			if !in {
				continue
			}
			t := ref[i]
			if candCount[t] > 0 && refCount[t] > 0 {
				hits++
				candCount[t]--
				refCount[t]--
			}
		}
	}
	return score(hits, ct, rt)
}

// lcsIndexes returns the indexes in a of one longest common subsequence of a
// and b.
func lcsIndexes(a, b []string) []int {
	m, n := len(a), len(b)
	if m == 0 || n == 0 {
		return nil
	}
	t := make([]int, (m+1)*(n+1))
	w := n + 1
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			if a[i-1] == b[j-1] {
				t[i*w+j] = t[(i-1)*w+j-1] + 1
			} else {
				t[i*w+j] = max(t[(i-1)*w+j], t[i*w+j-1])
			}
		}
	}
	var idx []int
	for i, j := m, n; i > 0 && j > 0; {
		switch {
		case a[i-1] == b[j-1]:
			idx = append(idx, i-1)
			i--
			j--
		case t[(i-1)*w+j] >= t[i*w+j-1]:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(idx)-1; l < r; l, r = l+1, r-1 {
		idx[l], idx[r] = idx[r], idx[l]
	}
	return idx
}
