// Package syntax is the pipeline's syntax stage: a part-of-speech tagger
// (UPOS and Penn XPOS), a lemmatiser and a labelled dependency parser for
// English, trained on the Universal Dependencies English Web Treebank
// (CC BY-SA 4.0) and shipped as an embedded model.
//
// Parse and Tag use the embedded model, loaded once on first use; a Model
// from Load is read-only and safe to share across goroutines. All three
// components are averaged perceptrons over hashed features:
//
//   - tagger: two greedy passes over joint UPOS+XPOS tags, the second also
//     seeing the first pass's tags of the next words;
//   - lemmatiser: (lowercase form, XPOS) dictionary plus suffix rewrite
//     rules learned from the treebank for unseen words;
//   - parser: greedy arc-hybrid transitions trained with a dynamic oracle on
//     jack-knifed predicted tags, with Zhang & Nivre (2011) style features;
//     the model is the mean of two parsers trained with different seeds;
//     decoding re-parses from the four least certain decisions (selectional
//     branching), and training also learns which of those parses to pick.
//
// Tagger and parser also see distributional word clusters, computed at
// training time by the exchange algorithm from the treebank and unannotated
// news text (cluster.go); the model keeps only the word -> cluster table.
//
// Training (Train, TrainMain) is deterministic: the same data and options
// give byte-identical model files.
package syntax
