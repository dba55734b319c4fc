package classify

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Outputs of the model, in the order of its weight columns: the relevance
// logit, then one logit per section.
const (
	outRelevance = 0
	nSections    = 5
	nOut         = 1 + nSections
)

// sectionNames are the sections of the outputs 1..5, and labelNames their
// names in labelled data.
var (
	sectionNames = [nSections]string{"Air attacks", "Front line", "Diplomacy", "Sanctions and aid", "Other"}
	labelNames   = [nSections]string{"air_attacks", "front_line", "diplomacy", "sanctions_aid", "other_war"}
)

// LabelOffTopic is the label of an article that is not about the war.
const LabelOffTopic = "off_topic"

// SectionOfLabel returns the section of a label ("air_attacks" -> "Air
// attacks"), "" for off_topic or an unknown label.
func SectionOfLabel(label string) string {
	for i, l := range labelNames {
		if l == label {
			return sectionNames[i]
		}
	}
	return ""
}

// Labels returns the section labels in output order.
func Labels() []string { return labelNames[:] }

// Weights is a trained model: per feature hash, one weight per output.
//
// File format (little endian): "SRCLASS1"; float32 relevance threshold;
// float32 scale; nOut float32 biases; uint32 n; n uint32 feature hashes in
// increasing order; n*nOut int8 weights (row per feature). A weight is its
// int8 times scale.
type Weights struct {
	Threshold float64
	Bias      [nOut]float64
	Rows      map[uint32][nOut]float64
}

var magic = []byte("SRCLASS1")

// ReadWeights decodes a weights file.
func ReadWeights(data []byte) (*Weights, error) {
	if !bytes.HasPrefix(data, magic) {
		return nil, errors.New("classify: weights: not a weights file")
	}
	r := bytes.NewReader(data[len(magic):])
	var head struct {
		Threshold, Scale float32
		Bias             [nOut]float32
		N                uint32
	}
	if err := binary.Read(r, binary.LittleEndian, &head); err != nil {
		return nil, fmt.Errorf("classify: weights: %w", err)
	}
	if int64(head.N)*(4+nOut) != int64(r.Len()) {
		return nil, fmt.Errorf("classify: weights: %d features but %d bytes", head.N, r.Len())
	}
	hashes := make([]uint32, head.N)
	if err := binary.Read(r, binary.LittleEndian, hashes); err != nil {
		return nil, fmt.Errorf("classify: weights: %w", err)
	}
	q := make([]byte, int(head.N)*nOut)
	if _, err := io.ReadFull(r, q); err != nil {
		return nil, fmt.Errorf("classify: weights: %w", err)
	}
	w := &Weights{Threshold: float64(head.Threshold), Rows: make(map[uint32][nOut]float64, head.N)}
	for k := range w.Bias {
		w.Bias[k] = float64(head.Bias[k])
	}
	for i, h := range hashes {
		var row [nOut]float64
		for k := range row {
			row[k] = float64(int8(q[i*nOut+k])) * float64(head.Scale)
		}
		w.Rows[h] = row
	}
	return w, nil
}

// Encode writes w in the file format, quantising each weight to 8 bits
// (with one scale for the file); weights that round to zero in every output
// are dropped.
func (w *Weights) Encode() []byte {
	maxAbs := 0.0
	for _, row := range w.Rows {
		for _, v := range row {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	scale := maxAbs / 127
	if scale == 0 {
		scale = 1
	}
	var hashes []uint32
	rows := map[uint32][nOut]int8{}
	for h, row := range w.Rows {
		var q [nOut]int8
		zero := true
		for k, v := range row {
			q[k] = int8(math.Round(v / scale))
			zero = zero && q[k] == 0
		}
		if !zero {
			hashes = append(hashes, h)
			rows[h] = q
		}
	}
	slices.Sort(hashes)
	var buf bytes.Buffer
	buf.Write(magic)
	head := struct {
		Threshold, Scale float32
		Bias             [nOut]float32
		N                uint32
	}{Threshold: float32(w.Threshold), Scale: float32(scale), N: uint32(len(hashes))}
	for k, b := range w.Bias {
		head.Bias[k] = float32(b)
	}
	_ = binary.Write(&buf, binary.LittleEndian, head)
	_ = binary.Write(&buf, binary.LittleEndian, hashes)
	for _, h := range hashes {
		q := rows[h]
		for _, v := range q {
			buf.WriteByte(byte(v))
		}
	}
	return buf.Bytes()
}
