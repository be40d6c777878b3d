// Hostile input families: texts shaped to find work that grows faster than the input (one
// word in random case, unclosed `<script`, unmatched quotes with and without colons, runs of
// capitals, deep nesting, one sentence without full stops). Shared, by `#[path]`, by
// examples/bench.rs (µs per KB at 100 KB and 1 MB), examples/hostile.rs (files for
// bench/run.mjs and the fuzz corpus) and tests/robustness.rs, so all three see the same bytes.
// Deterministic: a fixed seed per family and a tiny PRNG, the same on every machine.

/// The families, by name (also their file names), in the order the bench prints them.
pub const FAMILIES: [&str; 7] = [
    "random-case-word",
    "unclosed-script",
    "unmatched-quotes",
    "unmatched-quotes-colons",
    "capital-runs",
    "deep-nesting",
    "one-sentence",
];

/// `bytes` bytes (cut back to a character boundary) of the family `name`, or `None` for a name
/// not in [`FAMILIES`]. The same arguments give the same text on every run.
pub fn family(name: &str, bytes: usize) -> Option<String> {
    let seed = FAMILIES.iter().position(|&f| f == name)? as u64;
    let mut rng = Rng(0x5EED_0000 + seed);
    let mut out = String::with_capacity(bytes + 64);
    match name {
        "random-case-word" => fill(&mut out, bytes, || random_case(&mut rng, "government")),
        "unclosed-script" => fill(&mut out, bytes, || script_piece(&mut rng)),
        "unmatched-quotes" => fill(&mut out, bytes, || quoted_word(&mut rng, false)),
        "unmatched-quotes-colons" => fill(&mut out, bytes, || quoted_word(&mut rng, true)),
        "capital-runs" => fill(&mut out, bytes, || capital_run(&mut rng)),
        "deep-nesting" => nesting(&mut out, bytes, &mut rng),
        "one-sentence" => fill(&mut out, bytes, || sentence_word(&mut rng)),
        _ => return None,
    }
    let mut end = bytes.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    Some(out)
}

/// Ordinary news words, for the text around the hostile shapes.
const WORDS: [&str; 24] = [
    "the",
    "government",
    "said",
    "minister",
    "talks",
    "on",
    "a",
    "new",
    "plan",
    "for",
    "missile",
    "defence",
    "would",
    "be",
    "agreed",
    "by",
    "officials",
    "in",
    "week",
    "after",
    "vote",
    "council",
    "budget",
    "report",
];

/// Name-like words for runs of capitals.
const NAMES: [&str; 16] = [
    "Vladimir", "Putin", "Moscow", "Kremlin", "Angela", "Merkel", "Berlin", "United", "Nations",
    "Security", "Council", "John", "Smith", "Labour", "Party", "Reuters",
];

/// A splitmix64 generator: enough randomness for test inputs, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items`, chosen evenly.
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// `word` with a capital initial (the words here are ASCII).
fn capitalised(word: &str) -> String {
    word[..1].to_ascii_uppercase() + &word[1..]
}

/// A full stop, then the first word of the next sentence, capitalised as sentences start.
fn full_stop(rng: &mut Rng) -> String {
    format!(". {} ", capitalised(rng.pick(&WORDS)))
}

/// Appends the pieces `piece` makes until `out` holds at least `bytes` bytes.
fn fill(out: &mut String, bytes: usize, mut piece: impl FnMut() -> String) {
    while out.len() < bytes {
        out.push_str(&piece());
    }
}

/// `word` with each letter upper or lower case at random, then a space: almost every
/// occurrence is a written form not seen before.
fn random_case(rng: &mut Rng, word: &str) -> String {
    let mut s: String = word
        .chars()
        .map(|c| match rng.below(2) {
            0 => c.to_ascii_uppercase(),
            _ => c,
        })
        .collect();
    s.push(' ');
    s
}

/// A word, then often an opening `<script` or `<style` tag (some right after a full stop,
/// where the sentence splitter reads tags) and rarely a closing one.
fn script_piece(rng: &mut Rng) -> String {
    let word = rng.pick(&WORDS);
    let tag = match rng.below(8) {
        0 | 1 => return format!("{word}.<script>{}", full_stop(rng)),
        2 => " <SCRIPT src=a.js>",
        3 | 4 => " <style>",
        5 => " </script>",
        _ => "",
    };
    format!("{word}{tag} ")
}

/// A word with, one time in three, a quotation mark before or after it, mostly unmatched; with
/// `colons`, one word in four is followed by a colon (a quotation's usual introduction). A
/// full stop follows one word in ten; there is never a new paragraph.
fn quoted_word(rng: &mut Rng, colons: bool) -> String {
    let word = rng.pick(&WORDS);
    let (before, after) = match rng.below(6) {
        0 => (rng.pick(&["“", "\"", "‘", "«", "'"]), ""),
        1 => ("", rng.pick(&["”", "”", "\"", "’", "»"])),
        _ => ("", ""),
    };
    let colon = if colons && rng.below(4) == 0 { ":" } else { "" };
    let end = match rng.below(10) {
        0 => full_stop(rng),
        _ => " ".to_string(),
    };
    format!("{before}{word}{after}{colon}{end}")
}

/// A run of 1 to 64 (or 2000) capitalised names (some in capitals, some initials), then lowercase
/// English words (without them the text reads as French), sometimes ending the sentence.
fn capital_run(rng: &mut Rng) -> String {
    let mut s = String::new();
    // Now and then a long run (about 14 KB), as a list of names pasted without punctuation.
    let names = match rng.below(16) {
        0 => 2000,
        _ => 1 + rng.below(64),
    };
    for _ in 0..names {
        let name = rng.pick(&NAMES);
        match rng.below(10) {
            0 => s.push_str(&name.to_uppercase()),
            1 => {
                s.push_str(&name[..1]);
                s.push('.');
            }
            _ => s.push_str(name),
        }
        s.push(' ');
    }
    s.push_str(rng.pick(&["said the", "met with the", "and the", "of the"]));
    s.push_str(if rng.below(3) == 0 { ". " } else { " " });
    s
}

/// Brackets, quotation marks and inline tags, each opening followed by a word, nested up to
/// half of `bytes`, then closed in reverse order (the last few may stay open, or words may
/// follow the last closing).
fn nesting(out: &mut String, bytes: usize, rng: &mut Rng) {
    const PAIRS: [(&str, &str); 10] = [
        ("(", ")"),
        ("[", "]"),
        ("{", "}"),
        ("“", "”"),
        ("‘", "’"),
        ("«", "»"),
        ("\"", "\""),
        ("<b>", "</b>"),
        ("<i>", "</i>"),
        ("<span>", "</span>"),
    ];
    let mut open = Vec::new();
    while out.len() < bytes / 2 {
        let (first, last) = PAIRS[rng.below(PAIRS.len())];
        let word = rng.pick(&WORDS);
        out.push_str(first);
        out.push_str(word);
        // A full stop now and then, so the nesting crosses sentences.
        match rng.below(16) {
            0 => out.push_str(&full_stop(rng)),
            _ => out.push(' '),
        }
        open.push((word, last));
    }
    while let Some((word, last)) = open.pop() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(word);
        out.push_str(last);
        out.push(' ');
    }
    // The full stops make the openings longer than the closings: words make up the rest.
    fill(out, bytes, || sentence_word(rng));
}

/// A word of one sentence that never ends: some capitalised, some followed by a comma, no
/// full stop or new line anywhere.
fn sentence_word(rng: &mut Rng) -> String {
    let word = rng.pick(&WORDS);
    let mut s = match rng.below(8) {
        0 => capitalised(word),
        _ => word.to_string(),
    };
    s.push_str(if rng.below(10) == 0 { ", " } else { " " });
    s
}
