//! The output contract as JSON text, written by hand for the wasm binding (`src/wasm.rs`): the
//! same bytes as serde_json's derived serialisers (a test compares them on real analyses and on
//! strings with every escape), without their generic machinery, which was about 2.3 KB of the
//! gzipped module. The CLI and library users keep serde.

use crate::model::{Actor, ActorKind, Keyword, Mention, Position, Sentence, SentenceKind};
use crate::model::{Stance, SummarySentence};

/// A JSON writer into `out`, numbers that are not whole written by `float` (the binding prints
/// them as JavaScript's `String` does).
pub(crate) struct Json<'a> {
    pub out: &'a mut Vec<u8>,
    pub float: fn(&mut Vec<u8>, f64),
}

/// An item of the output, as JSON.
pub(crate) trait ToJson {
    fn to_json(&self, j: &mut Json);
}

impl Json<'_> {
    /// `{"key":` for an object's first field, `,"key":` for the others (keys need no escapes).
    #[inline(never)]
    fn key(&mut self, first: bool, key: &str) {
        self.out.push(if first { b'{' } else { b',' });
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn end(&mut self) {
        self.out.push(b'}');
    }

    /// A string, escaped as serde_json escapes it: `"`, `\` and control characters only.
    #[inline(never)]
    fn str(&mut self, s: &str) {
        // The escape of each control character: `\n` and the like, or `u` for `\u00XX`.
        const SHORT: &[u8; 32] = b"uuuuuuuubtnufruuuuuuuuuuuuuuuuuu";
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push(b'"');
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let short = match b {
                b'"' | b'\\' => b,
                0..=0x1F => SHORT[usize::from(b)],
                _ => continue,
            };
            self.out.extend_from_slice(&bytes[start..i]);
            self.out.push(b'\\');
            self.out.push(short);
            if short == b'u' {
                self.out.extend_from_slice(b"00");
                self.out.push(HEX[usize::from(b >> 4)]);
                self.out.push(HEX[usize::from(b & 15)]);
            }
            start = i + 1;
        }
        self.out.extend_from_slice(&bytes[start..]);
        self.out.push(b'"');
    }

    #[inline(never)]
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    #[inline(never)]
    fn uint(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    /// A float; serde_json writes NaN and the infinities as `null`.
    #[inline(never)]
    fn float(&mut self, x: f64) {
        if x.is_finite() {
            (self.float)(self.out, x);
        } else {
            self.out.extend_from_slice(b"null");
        }
    }

    fn bool(&mut self, b: bool) {
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    #[inline(never)]
    fn mentions(&mut self, list: &[Mention]) {
        self.out.push(b'[');
        for (i, m) in list.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            m.to_json(self);
        }
        self.out.push(b']');
    }
}

impl ToJson for Sentence {
    fn to_json(&self, j: &mut Json) {
        j.key(true, "text");
        j.str(&self.text);
        j.key(false, "start");
        j.uint(self.start);
        j.key(false, "end");
        j.uint(self.end);
        j.key(false, "paragraph");
        j.uint(self.paragraph);
        j.key(false, "kind");
        j.str(match self.kind {
            SentenceKind::Body => "body",
            SentenceKind::Headline => "headline",
            SentenceKind::Heading => "heading",
            SentenceKind::Boilerplate => "boilerplate",
        });
        j.end();
    }
}

impl ToJson for SummarySentence {
    fn to_json(&self, j: &mut Json) {
        j.key(true, "sentence");
        j.uint(self.sentence);
        j.key(false, "text");
        j.str(&self.text);
        j.key(false, "score");
        j.float(self.score);
        j.end();
    }
}

impl ToJson for Keyword {
    fn to_json(&self, j: &mut Json) {
        j.key(true, "phrase");
        j.str(&self.phrase);
        j.key(false, "score");
        j.float(self.score);
        j.end();
    }
}

impl ToJson for Mention {
    fn to_json(&self, j: &mut Json) {
        j.key(true, "start");
        j.uint(self.start);
        j.key(false, "end");
        j.uint(self.end);
        j.key(false, "text");
        j.str(&self.text);
        j.end();
    }
}

impl ToJson for Actor {
    fn to_json(&self, j: &mut Json) {
        j.key(true, "name");
        j.str(&self.name);
        j.key(false, "kind");
        j.str(match self.kind {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
        });
        j.key(false, "role");
        j.opt_str(self.role.as_deref());
        j.key(false, "affiliation");
        j.opt_str(self.affiliation.as_deref());
        j.key(false, "salience");
        j.float(self.salience);
        j.key(false, "confidence");
        j.float(self.confidence);
        j.key(false, "mentions");
        j.mentions(&self.mentions);
        j.key(false, "references");
        j.mentions(&self.references);
        j.end();
    }
}

impl ToJson for Position {
    fn to_json(&self, j: &mut Json) {
        j.key(true, "actor");
        j.str(&self.actor);
        j.key(false, "resolved");
        j.bool(self.resolved);
        j.key(false, "side");
        j.opt_str(self.side.as_deref());
        j.key(false, "sentence");
        j.uint(self.sentence);
        j.key(false, "evidence");
        j.str(&self.evidence);
        j.key(false, "claim");
        j.str(&self.claim);
        j.key(false, "quote");
        j.opt_str(self.quote.as_deref());
        j.key(false, "cue");
        j.opt_str(self.cue.as_deref());
        j.key(false, "stance");
        j.opt_str(self.stance.map(Stance::as_str));
        j.key(false, "mention");
        j.opt_str(self.mention.as_deref());
        j.key(false, "confidence");
        j.float(self.confidence);
        j.end();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    /// Floats as the test writes them on both sides: Rust's shortest round-trip form.
    fn float(out: &mut Vec<u8>, x: f64) {
        out.extend_from_slice(format!("{x:?}").as_bytes());
    }

    struct SameFloats;
    impl serde_json::ser::Formatter for SameFloats {
        fn write_f64<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            x: f64,
        ) -> std::io::Result<()> {
            let mut out = Vec::new();
            float(&mut out, x);
            w.write_all(&out)
        }
    }

    fn both<T: ToJson + serde::Serialize>(item: &T) -> (String, String) {
        let mut ours = Vec::new();
        item.to_json(&mut Json {
            out: &mut ours,
            float,
        });
        let mut theirs = Vec::new();
        serde::Serialize::serialize(
            item,
            &mut serde_json::Serializer::with_formatter(&mut theirs, SameFloats),
        )
        .expect("serialise"); // ok: test code; serde_json writes to a Vec, which cannot fail
        (
            String::from_utf8(ours).expect("UTF-8"), // ok: test code; a failure is the test's
            String::from_utf8(theirs).expect("UTF-8"), // ok: test code; a failure is the test's
        )
    }

    fn check<T: ToJson + serde::Serialize>(items: &[T]) {
        for item in items {
            let (ours, theirs) = both(item);
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut every_escape: String = (0u8..0x80).map(char::from).collect();
        every_escape.push_str("\"\\/é€😀\u{7f}\u{2028}");
        let texts = [
            include_str!("../tests/fixtures/missile-defence.txt").to_string(),
            format!("\"{every_escape}\" said Mr Putin.\tThe\u{1} President \\ warned."),
            "Ангела Меркель заявила, что переговоры продолжаются.".to_string(),
        ];
        let mut seen = [0usize; 5];
        for text in &texts {
            let gist = analyze(text, &Options::default()).expect("analysis"); // ok: test code
            check(&gist.sentences);
            check(&gist.summary);
            check(&gist.keywords);
            check(&gist.actors);
            check(&gist.positions);
            for (n, len) in seen.iter_mut().zip([
                gist.sentences.len(),
                gist.summary.len(),
                gist.keywords.len(),
                gist.actors.len(),
                gist.positions.len(),
            ]) {
                *n += len;
            }
        }
        assert!(
            seen.iter().all(|&n| n > 0),
            "every kind of item compared: {seen:?}"
        );
        // Strings with every escape, a float that is not finite, and empty options.
        check(&[Keyword {
            phrase: every_escape.clone(),
            score: f64::NAN,
        }]);
        check(&[SummarySentence {
            sentence: usize::MAX,
            text: String::new(),
            score: f64::INFINITY,
        }]);
        check(&[Mention {
            start: 0,
            end: 10,
            text: every_escape,
        }]);
    }
}
