//! Text segmentation, run once per analysis: paragraphs, sentences and tokens with stems.
//! Every later stage reads the resulting [`Document`] and never re-tokenises.
//!
//! Offsets here are UTF-8 byte offsets into the input; they become UTF-16 only at the output
//! boundary ([`crate::utf16`]).

pub(crate) mod porter2;
mod segment;
mod tokens;

use crate::lang::Lang;
use crate::model::SentenceKind;
use crate::util::FxHashMap as HashMap;
use std::ops::Range;

use std::rc::Rc;
pub use tokens::{Shape, TokenKind};

/// Interned strings (lowercased words and stems), so stages compare `u32`s, not `String`s.
#[derive(Debug, Default)]
pub struct Vocab {
    // Shared between the list and the index: one allocation per new string, not two.
    strings: Vec<Rc<str>>,
    index: HashMap<Rc<str>, u32>,
}

impl Vocab {
    /// Id of `s`, adding it when new.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        let shared: Rc<str> = Rc::from(s);
        self.strings.push(Rc::clone(&shared));
        self.index.insert(shared, id);
        id
    }

    /// Id of `s` if it occurs in the document.
    pub fn id(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    /// The string of an id.
    pub fn get(&self, id: u32) -> &str {
        self.strings.get(id as usize).map_or("", |s| s)
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// Whether nothing was interned.
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
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
    /// Index of the sentence holding the token.
    pub sentence: usize,
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
            let lower = w.to_lowercase();
            lang.is_some_and(|l| l.is_stopword(&lower))
        };
        let mut doc = Document {
            text,
            lang,
            paragraphs: Vec::with_capacity(paragraphs.len()),
            sentences: Vec::new(),
            tokens: Vec::new(),
            vocab: Vocab::default(),
        };
        let mut tokenizer = tokens::Tokenizer::new(lang);
        for (pi, para) in paragraphs.into_iter().enumerate() {
            let spans = segment::sentences(text, para.clone(), &is_starter);
            let n = spans.len();
            for (si, span) in spans.into_iter().enumerate() {
                let index = doc.sentences.len();
                let first = doc.tokens.len();
                tokenizer.tokenize(text, span.clone(), index, &mut doc.tokens, &mut doc.vocab);
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

    /// Whether token `t` is a content word: a word, not a stopword, longer than one character.
    pub fn is_content(&self, t: &Token) -> bool {
        t.kind == TokenKind::Word && !t.stop && t.end - t.start > 1
    }
}
