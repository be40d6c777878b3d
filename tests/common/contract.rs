// The output contract's invariants, checked on any analysis: shared by tests/robustness.rs
// (fixed and property-based inputs) and the fuzz target (fuzz/fuzz_targets/analyze.rs), so
// both hold the output to the same rules.

/// Offsets are UTF-16 boundaries of the input and the spans read as their text; the summary is
/// in document order without repeats; positions point at sentences.
pub fn check_contract(text: &str, g: &pith::Analysis) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let boundary =
        |i: usize| i <= units.len() && (i == units.len() || !(0xDC00..0xE000).contains(&units[i]));
    let read = |s: usize, e: usize| String::from_utf16_lossy(&units[s..e]);
    for s in &g.sentences {
        assert!(s.start <= s.end && boundary(s.start) && boundary(s.end));
        assert_eq!(read(s.start, s.end), s.text);
    }
    for a in &g.actors {
        for m in a.mentions.iter().chain(&a.references) {
            assert!(m.start <= m.end && boundary(m.start) && boundary(m.end));
            assert_eq!(read(m.start, m.end), m.text);
        }
    }
    let mut last = None;
    for s in &g.summary {
        assert!(s.sentence < g.sentences.len());
        assert!(last < Some(s.sentence), "summary in order, unique");
        last = Some(s.sentence);
    }
    for p in &g.positions {
        assert!(p.sentence < g.sentences.len());
        assert!((0.0..=1.0).contains(&p.confidence), "confidence in [0, 1]");
    }
}
