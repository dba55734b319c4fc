package ingest

import (
	"context"
	"sync"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// memStore is a small in-memory briefings.Store with AddArticle's dedupe
// rules, for tests of this package while no database is wanted. Methods the
// ingester never calls panic through the nil embedded interface.
type memStore struct {
	briefings.Store
	mu        sync.Mutex
	sources   []*briefings.Source
	articles  []*briefings.Article
	nextStory int64
	fetches   []briefings.FetchResult
}

func (m *memStore) UpsertSource(_ context.Context, s *briefings.Source) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.sources {
		if o.URL == s.URL {
			s.ID = o.ID
			c := *s
			*o = c
			return nil
		}
	}
	s.ID = int64(len(m.sources) + 1)
	c := *s
	m.sources = append(m.sources, &c)
	return nil
}

func (m *memStore) GetSourceByURL(_ context.Context, u string) (*briefings.Source, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.sources {
		if o.URL == u {
			c := *o
			return &c, nil
		}
	}
	return nil, briefings.Errorf(briefings.ENOTFOUND, "no source")
}

func (m *memStore) GetSource(_ context.Context, id int64) (*briefings.Source, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.sources {
		if o.ID == id {
			c := *o
			return &c, nil
		}
	}
	return nil, briefings.Errorf(briefings.ENOTFOUND, "no source")
}

func (m *memStore) DueSources(_ context.Context, now time.Time, limit int) ([]*briefings.Source, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*briefings.Source
	for _, o := range m.sources {
		if o.Enabled && !o.NextCheckAt.After(now) && len(out) < limit {
			c := *o
			out = append(out, &c)
		}
	}
	return out, nil
}

func (m *memStore) RecordFetch(_ context.Context, id int64, r briefings.FetchResult) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fetches = append(m.fetches, r)
	for _, o := range m.sources {
		if o.ID == id {
			o.LastFetchAt = r.At
			o.NextCheckAt = r.NextCheckAt
			if r.OK {
				o.ErrorCount = 0
				o.LastSuccessAt = r.At
				o.LastError = ""
				o.ETag, o.LastModified = r.ETag, r.LastModified
			} else {
				o.ErrorCount++
				o.LastError = r.Err
			}
		}
	}
	return nil
}

func (m *memStore) AddArticle(_ context.Context, a *briefings.Article) (briefings.AddResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.articles {
		switch {
		case a.URL != "" && o.URL == a.URL:
			return briefings.AddResult{ID: o.ID, StoryID: o.StoryID, Duplicate: "url"}, nil
		case a.GUID != "" && o.SourceID == a.SourceID && o.GUID == a.GUID:
			return briefings.AddResult{ID: o.ID, StoryID: o.StoryID, Duplicate: "guid"}, nil
		case o.SourceID == a.SourceID && o.ContentHash == a.ContentHash:
			return briefings.AddResult{ID: o.ID, StoryID: o.StoryID, Duplicate: "content"}, nil
		}
	}
	res := briefings.AddResult{Created: true}
	for _, o := range m.articles {
		if o.ContentHash == a.ContentHash && o.CopyOf == 0 {
			a.CopyOf = o.ID
			a.StoryID = o.StoryID
			res.CopyOf = o.ID
			break
		}
	}
	if a.StoryID == 0 {
		m.nextStory++
		a.StoryID = m.nextStory
	}
	a.ID = int64(len(m.articles) + 1)
	c := *a
	m.articles = append(m.articles, &c)
	res.ID, res.StoryID = a.ID, a.StoryID
	return res, nil
}

func (m *memStore) ListFingerprints(_ context.Context, since time.Time) ([]*briefings.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*briefings.Article
	for _, o := range m.articles {
		if !o.PublishedAt.Before(since) {
			out = append(out, &briefings.Article{ID: o.ID, StoryID: o.StoryID, SourceID: o.SourceID, Title: o.Title, Fingerprint: o.Fingerprint, PublishedAt: o.PublishedAt})
		}
	}
	return out, nil
}

func (m *memStore) Close() error { return nil }

// AddArticles adds one by one: a memory store has no transaction to share.
func (m *memStore) AddArticles(ctx context.Context, arts []*briefings.Article) ([]briefings.AddResult, error) {
	return addEach(ctx, m.AddArticle, arts)
}

// addEach is AddArticles over a store's AddArticle.
func addEach(ctx context.Context, add func(context.Context, *briefings.Article) (briefings.AddResult, error), arts []*briefings.Article) ([]briefings.AddResult, error) {
	out := make([]briefings.AddResult, len(arts))
	for i, a := range arts {
		res, err := add(ctx, a)
		if err != nil {
			return nil, err
		}
		out[i] = res
	}
	return out, nil
}
