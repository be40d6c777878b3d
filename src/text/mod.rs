//! Text segmentation, run once per analysis: paragraphs, sentences and tokens with stems.
//! Every later stage reads the resulting [`Document`] and never re-tokenises.
//!
//! Offsets here are UTF-8 byte offsets into the input; they become UTF-16 only at the output
//! boundary ([`crate::utf16`]).

mod segment;
mod tokens;

use crate::lang::Lang;
use crate::model::SentenceKind;
use std::ops::Range;

pub use segment::MAX_SENTENCE_BYTES;
pub(crate) use tokens::is_one_char_word;
pub use tokens::{Shape, TokenKind};

/// Interned strings (lowercased words and stems), so stages compare `u32`s, not `String`s.
///
/// The strings sit one after another in one buffer, indexed by a small open-addressing hash
/// table of ids: one allocation for all of them rather than one per string (interning runs
/// for every token, and was a seventh of segmentation with a `HashMap<Rc<str>, u32>`).
#[derive(Debug, Default)]
pub struct Vocab {
    /// All strings, one after another.
    bytes: String,
    /// End offset in `bytes` of each string; it starts where the previous one ends.
    ends: Vec<u32>,
    /// Low 32 bits of each string's hash: compared before the bytes, and used to regrow.
    hashes: Vec<u32>,
    /// The hash table: id + 1 of the string in each slot, 0 when empty. Its length is a power
    /// of two (or zero before the first string), and it is at most half full.
    slots: Vec<u32>,
}

/// Slots of the table of a new [`Vocab`]: a short article has a few hundred strings.
const FIRST_SLOTS: usize = 512;

impl Vocab {
    /// The id of `s` (hashed `h`), or the empty slot where it would go.
    fn find(&self, s: &str, h: u32) -> Result<u32, usize> {
        let same = |id: usize| self.hashes.get(id) == Some(&h) && self.get(id as u32) == s;
        crate::util::probe(&self.slots, h as usize, same).map(|id| id as u32)
    }

    /// Id of `s`, adding it when new.
    pub fn intern(&mut self, s: &str) -> u32 {
        let h = crate::util::hash_str(s);
        let slot = match self.find(s, h) {
            Ok(id) => return id,
            Err(slot) => slot,
        };
        let id = self.ends.len() as u32;
        self.bytes.push_str(s);
        self.ends.push(self.bytes.len() as u32);
        self.hashes.push(h);
        let roomy = self.ends.len() * 2 <= self.slots.len();
        match self.slots.get_mut(slot) {
            Some(free) if roomy => *free = id + 1,
            _ => self.rebuild(),
        }
        id
    }

    /// Makes the table twice as large (or the first one) and puts every id back.
    fn rebuild(&mut self) {
        let n = (self.slots.len() * 2).max(FIRST_SLOTS);
        self.slots.clear();
        self.slots.resize(n, 0);
        for (id, &h) in self.hashes.iter().enumerate() {
            // The ids are distinct: each goes to the first free slot.
            let free = crate::util::probe(&self.slots, h as usize, |_| false).err();
            if let Some(slot) = free.and_then(|f| self.slots.get_mut(f)) {
                *slot = id as u32 + 1;
            }
        }
    }

    /// Id of `s` if it occurs in the document.
    pub fn id(&self, s: &str) -> Option<u32> {
        self.find(s, crate::util::hash_str(s)).ok()
    }

    /// The string of an id.
    pub fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied(),
            None => Some(0),
        };
        match (start, self.ends.get(i)) {
            (Some(start), Some(&end)) => self.bytes.get(start as usize..end as usize),
            _ => None,
        }
        .unwrap_or("")
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether nothing was interned.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// One token: a word, a number or a punctuation mark.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Capitalisation.
    pub shape: Shape,
    /// Vocab id of the lowercased form.
    pub lower: u32,
    /// Vocab id of the stem (the lowercased form when the language has no stemmer).
    pub stem: u32,
    /// Whether the word is a stopword of the document language.
    pub stop: bool,
}

/// One sentence.
#[derive(Debug, Clone)]
pub struct Sent {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Body, headline, heading or boilerplate.
    pub kind: SentenceKind,
    /// Its tokens, as a range of [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A segmented, tokenised text.
#[derive(Debug)]
pub struct Document<'a> {
    /// The input.
    pub text: &'a str,
    /// The language used for stems and stopwords; `None` when unsupported.
    pub lang: Option<Lang>,
    /// Paragraph byte spans.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences in order.
    pub sentences: Vec<Sent>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Interned lowercased words and stems.
    pub vocab: Vocab,
}

impl<'a> Document<'a> {
    /// Segments and tokenises `text` in `lang`.
    pub fn new(text: &'a str, lang: Option<Lang>) -> Document<'a> {
        let paragraphs = segment::paragraphs(text);
        let is_starter = |w: &str| {
            let Some(lang) = lang else {
                return false;
            };
            // Lowercased on the stack when ASCII, as nearly always.
            let mut buf = [0u8; 32];
            match buf.get_mut(..w.len()) {
                Some(b) if w.is_ascii() => {
                    b.copy_from_slice(w.as_bytes());
                    b.make_ascii_lowercase();
                    std::str::from_utf8(b).is_ok_and(|lower| lang.is_stopword(lower))
                }
                _ => lang.is_stopword(&crate::case::lowercase(w)),
            }
        };
        let mut doc = Document {
            text,
            lang,
            paragraphs: Vec::with_capacity(paragraphs.len()),
            sentences: Vec::new(),
            // News averages some 5 bytes a token (spaces and punctuation included): room for
            // one every 4 bytes up front, so that a long text does not regrow the largest
            // vector of the analysis by doubling, which holds the old and the new one at once
            // (8 MiB of articles: 137.8 -> 135.5 MiB of wasm memory).
            tokens: Vec::with_capacity(text.len() / 4),
            vocab: Vocab::default(),
        };
        let mut tokenizer = tokens::Tokenizer::new(lang);
        for (pi, para) in paragraphs.into_iter().enumerate() {
            let spans = segment::sentences(text, para.clone(), &is_starter);
            let n = spans.len();
            for (si, span) in spans.into_iter().enumerate() {
                let first = doc.tokens.len();
                tokenizer.tokenize(text, span.clone(), &mut doc.tokens, &mut doc.vocab);
                let kind =
                    segment::classify(&text[span.clone()], pi, si, n, doc.tokens.len() - first);
                doc.sentences.push(Sent {
                    start: span.start,
                    end: span.end,
                    paragraph: pi,
                    kind,
                    tokens: first..doc.tokens.len(),
                });
            }
            doc.paragraphs.push(para);
        }
        // The room reserved above is a fifth more than news needs: given back in place (the
        // allocator shrinks without copying), it is 10 MiB of wasm memory for 8 MiB of text.
        doc.tokens.shrink_to_fit();
        doc
    }

    /// The text of a byte span.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The text of a token.
    pub fn token_text(&self, t: &Token) -> &'a str {
        self.slice(t.start, t.end)
    }

    /// The index of the sentence holding token `i` (the last sentence for an index past the
    /// end). Found by binary search rather than kept in each token: a token is 20 bytes of
    /// wasm memory instead of 24, and an 8 MiB text has some 1.7 million of them.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The index of the sentence of each token, in token order (every token is in one).
    pub fn token_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        let sentences = self.sentences.iter().enumerate();
        sentences.flat_map(|(i, s)| std::iter::repeat_n(i, s.tokens.len()))
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentences
            .get(i)
            .map_or(&[][..], |s| &self.tokens[s.tokens.clone()])
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        self.sentences
            .get(i)
            .map_or("", |s| self.slice(s.start, s.end))
    }

    /// How many words token `t` counts as: one, but for a run of Han or Hiragana (Chinese and
    /// Japanese are written without spaces, so a run is a clause), as many as it has of those
    /// characters, each a word in Unicode's word boundaries (UAX #29). Sentence kinds, summary
    /// candidates and summary lengths count words this way.
    pub fn words_in(&self, t: &Token) -> usize {
        let text = self.token_text(t);
        if !text.starts_with(is_one_char_word) {
            return 1;
        }
        text.chars().filter(|&c| is_one_char_word(c)).count()
    }

    /// Whether token `t` is a content word: a word, not a stopword, longer than one character.
    pub fn is_content(&self, t: &Token) -> bool {
        t.kind == TokenKind::Word && !t.stop && t.end - t.start > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token's sentence, found by search and by walking, is the one whose range holds it.
    #[test]
    fn each_token_is_found_in_its_sentence() {
        let text =
            "Talks resumed. \"Why?\" she asked.\n\n...\n\nThe vote is on Monday, officials said.";
        let doc = Document::new(text, Some(Lang::English));
        let walked: Vec<usize> = doc.token_sentences().collect();
        assert_eq!(walked.len(), doc.tokens.len());
        for (i, &si) in walked.iter().enumerate() {
            assert!(doc.sentences[si].tokens.contains(&i), "token {i}");
            assert_eq!(doc.sentence_of(i), si, "token {i}");
        }
        let texts: Vec<&str> = (0..doc.sentences.len())
            .map(|i| doc.sentence_text(i))
            .collect();
        assert_eq!(
            texts,
            [
                "Talks resumed.",
                "\"Why?\" she asked.",
                "...",
                "The vote is on Monday, officials said."
            ]
        );
        assert_eq!(doc.sentence_of(doc.tokens.len() + 5), 3);
        assert_eq!(Document::new("", None).sentence_of(0), 0);
    }

    #[test]
    fn vocab_ids_are_dense_stable_and_found_again() {
        let mut v = Vocab::default();
        assert_eq!(v.id("a"), None);
        assert_eq!(v.get(0), "");
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.intern(w), i as u32);
        }
        assert_eq!(v.intern(""), 5000);
        assert_eq!(v.intern("é"), 5001);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.intern(w), i as u32);
            assert_eq!(v.id(w), Some(i as u32));
            assert_eq!(v.get(i as u32), w);
        }
        assert_eq!((v.id(""), v.get(5000), v.get(5001)), (Some(5000), "", "é"));
        assert_eq!((v.id("w5000"), v.get(6000)), (None, ""));
        assert_eq!(v.len(), 5002);
    }
}
