//! Keyphrases: words and phrases ranked by statistics of the document alone.
//!
//! Candidates are content words and runs of up to four content words bounded by stopwords,
//! punctuation and sentence edges, keyed by stems so "missile defence" and "missile defences"
//! are one. Each is scored YAKE-style from its own statistics, so the same code serves every
//! language with a stemmer and a stopword list: how often and how widely it occurs, how early,
//! how long it is, and whether its neighbours are stopwords and punctuation (nouns and noun
//! phrases sit between articles, prepositions and commas; adverbs, modals and the inner words
//! of longer names mostly do not). The list is then made readable: a phrase replaces the word
//! it mostly carries, words inside a listed phrase are not repeated, and phrases that nest in
//! one already listed are skipped.

use crate::lexicon::{word, Lexicon};
use crate::model::{Keyword, SentenceKind};
use crate::text::{Document, Shape, Token, TokenKind};
use crate::util::{KeyMap, MapKey};

/// Up to this many tokens, the candidate lists are sized for the whole text up front.
const RESERVE_TOKENS: usize = 4096;
/// Longest phrase considered, in words.
const MAX_WORDS: usize = 4;
/// Word length counts up to this many characters; beyond it length says nothing more.
const MAX_LEN: usize = 12;
/// Weights of the candidate score, a logistic model of "a reader would pick this word as a
/// keyphrase". They were fitted once on the 400 training articles of 500N-KPCrowd (crowd
/// keyphrases of news; `pith eval keyphrases`) and rounded: corpus-wide tendencies, nothing
/// about any one article. In order: bias, ln(count), length, ln(count) x length, repeated at
/// all, ln(1 + first sentence), then per occurrence: stopword before, stopword after,
/// punctuation after; share of sentences it occurs in; in the headline.
const WEIGHTS: [f64; 11] = [
    -3.7, 0.255, 0.285, 0.036, 0.213, -0.265, 0.637, 0.592, 0.232, 2.2, 0.051,
];
/// Length in tokens from which a word said only once starts to lose score; see
/// [`hapax_penalty`].
const HAPAX_TOKENS: f64 = 300.0;
/// How many of the best words count as keywords on their own when deciding whether a phrase
/// made of them should be listed instead.
const LISTED: usize = 10;
/// A phrase of listed words is shown instead of them when it accounts for at least this share
/// of its rarest word: "Ashton Kutcher", not "Kutcher" and "Ashton".
const UNIT_SHARE: f64 = 0.8;
/// The looser share for a phrase that also has other evidence of being a unit: repeated in
/// the headline and body, or built on an acronym the text spells out.
const LOOSE_SHARE: f64 = 0.5;
/// How often a headline phrase must occur to use [`LOOSE_SHARE`].
const HEADLINE_REPEATS: usize = 3;

/// The stems of a candidate, packed so that a phrase is a map key without an allocation.
/// Slots past `len` are zero.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    stems: [u32; MAX_WORDS],
    len: u8,
}

impl Key {
    /// Its stems, in order.
    fn stems(&self) -> &[u32] {
        &self.stems[..usize::from(self.len)]
    }

    /// The key of the one-word candidate `stem`.
    fn word(stem: u32) -> Key {
        let mut k = Key::default();
        k.stems[0] = stem;
        k.len = 1;
        k
    }
}

impl MapKey for Key {
    type Query = Key;
    fn query(&self) -> &Key {
        self
    }
    /// The stems two by two as 64-bit words, each mixed into the hash of the ones before; the
    /// length is left out, as keys of different lengths rarely share their stems and equality
    /// still tells them apart.
    fn hash(k: &Key) -> u32 {
        let [a, b, c, d] = k.stems.map(u64::from);
        let first = crate::util::mix64(a | b << 32);
        crate::util::mix64((c | d << 32) ^ u64::from(first).rotate_left(32))
    }
}

/// No form yet, the end of a list of forms.
const NO_FORM: u32 = u32::MAX;
/// The most written forms kept per candidate; later new forms are not counted. Every
/// occurrence walks the list, so without a cap one word in random capitalisations (a new form
/// almost every time) took quadratic time: 21 s for 440 KB. The 800 BBC articles have at most
/// 5 forms per candidate, so the form shown is unchanged on news.
const MAX_FORMS: usize = 32;

/// One written form of a candidate: a span of [`Forms::text`] and how often it occurs, linked
/// to the candidate's next form.
struct Form {
    start: u32,
    end: u32,
    count: u32,
    next: u32,
}

/// The written forms of every candidate in one buffer and one list, rather than a map and a
/// string per candidate: most candidates have one form, and there are thousands of them.
#[derive(Default)]
struct Forms {
    text: String,
    list: Vec<Form>,
}

impl Forms {
    fn text(&self, f: &Form) -> &str {
        self.text
            .get(f.start as usize..f.end as usize)
            .unwrap_or("")
    }

    /// Counts `form` in the list starting at `head`, adding it (and setting `head` for a first
    /// form) when new and the list holds fewer than [`MAX_FORMS`].
    fn count(&mut self, head: &mut u32, form: &str) {
        let mut at = *head;
        let mut last = NO_FORM;
        let mut kept = 0;
        while let Some(f) = self.list.get(at as usize) {
            if self.text(f) == form {
                self.list[at as usize].count += 1;
                return;
            }
            last = at;
            at = f.next;
            kept += 1;
        }
        if kept >= MAX_FORMS {
            return;
        }
        let start = self.text.len() as u32;
        self.text.push_str(form);
        let new = self.list.len() as u32;
        self.list.push(Form {
            start,
            end: self.text.len() as u32,
            count: 1,
            next: NO_FORM,
        });
        match self.list.get_mut(last as usize) {
            Some(f) => f.next = new,
            None => *head = new,
        }
    }

    /// The most frequent form in the list at `head`; on ties the first in byte order, so
    /// output is stable.
    fn best(&self, head: u32) -> &str {
        let mut best: Option<&Form> = None;
        let mut at = head;
        while let Some(f) = self.list.get(at as usize) {
            let better = best.is_none_or(|b| {
                f.count > b.count || (f.count == b.count && self.text(f) < self.text(b))
            });
            if better {
                best = Some(f);
            }
            at = f.next;
        }
        best.map_or("", |f| self.text(f))
    }
}

/// Statistics of one candidate, a word or a phrase.
struct Cand {
    key: Key,
    count: usize,
    /// Index of the first sentence it occurs in, among the sentences read.
    first: usize,
    /// Number of sentences it occurs in.
    sentences: usize,
    last: usize,
    /// Occurrences with a stopword (or honorific) right before it.
    stop_left: usize,
    /// Occurrences with a stopword right after it.
    stop_right: usize,
    /// Occurrences followed by punctuation or the end of the sentence.
    punct_right: usize,
    in_headline: bool,
    /// Its first form in [`Forms`].
    forms: u32,
    score: f64,
}

/// One occurrence of a candidate: its sentence, what is around it and how it is written.
struct Occurrence<'a> {
    order: usize,
    headline: bool,
    stop_left: bool,
    stop_right: bool,
    punct_right: bool,
    form: &'a str,
}

/// A usable word in a run, with what a phrase starting or ending at it needs to know.
struct Word<'a> {
    /// Joined to the previous word by a hyphen.
    hyphen: bool,
    /// As shown.
    text: &'a str,
    stem: u32,
    /// A stopword (or honorific, or elided article) right before it.
    stop_left: bool,
    /// A stopword right after it.
    stop_right: bool,
    /// Punctuation or the end of the sentence right after it.
    punct_right: bool,
}

impl Word<'_> {
    /// An occurrence of the phrase from this word to `last`, written `form`.
    fn occurrence<'f>(
        &self,
        last: &Word,
        order: usize,
        headline: bool,
        form: &'f str,
    ) -> Occurrence<'f> {
        Occurrence {
            order,
            headline,
            stop_left: self.stop_left,
            stop_right: last.stop_right,
            punct_right: last.punct_right,
            form,
        }
    }
}

/// Every candidate counted (all words, then the phrases worth counting), with an index by
/// stems.
#[derive(Default)]
struct Cands {
    all: Vec<Cand>,
    /// The one-word candidates by stem id, [`NO_CAND`] for none: most candidates are words,
    /// and an array spares them the hashing. Stems past its end are in `index`.
    words: Vec<u32>,
    index: KeyMap<Key, u32>,
    forms: Forms,
}

/// No candidate in [`Cands::words`].
const NO_CAND: u32 = u32::MAX;

impl Cands {
    /// Counts one occurrence of the phrase `key`.
    fn observe(&mut self, key: Key, at: Occurrence) {
        let next = self.all.len() as u32;
        let word = match key.len {
            1 => self.words.get_mut(key.stems[0] as usize),
            _ => None,
        };
        let i = match word {
            Some(slot) => {
                if *slot == NO_CAND {
                    *slot = next;
                }
                *slot as usize
            }
            None => *self.index.get_or_insert_with(key, || next) as usize,
        };
        if i == self.all.len() {
            self.all.push(Cand {
                key,
                count: 0,
                first: at.order,
                sentences: 0,
                last: usize::MAX,
                stop_left: 0,
                stop_right: 0,
                punct_right: 0,
                in_headline: false,
                forms: NO_FORM,
                score: 0.0,
            });
        }
        let Some(c) = self.all.get_mut(i) else {
            return;
        };
        c.count += 1;
        if c.last != at.order {
            c.sentences += 1;
            c.last = at.order;
        }
        c.in_headline |= at.headline;
        c.stop_left += usize::from(at.stop_left);
        c.stop_right += usize::from(at.stop_right);
        c.punct_right += usize::from(at.punct_right);
        self.forms.count(&mut c.forms, at.form);
    }

    /// Whether the word `stem` was counted more than once.
    fn recurs(&self, stem: u32) -> bool {
        self.find(&Key::word(stem))
            .and_then(|i| self.all.get(i))
            .is_some_and(|c| c.count >= 2)
    }

    /// The index in `all` of the candidate with the stems of `key`.
    fn find(&self, key: &Key) -> Option<usize> {
        let word = match key.len {
            1 => self.words.get(key.stems[0] as usize),
            _ => None,
        };
        match word {
            Some(&i) => (i != NO_CAND).then_some(i as usize),
            None => self.index.get(key).map(|&i| i as usize),
        }
    }
}

/// A token as keyphrases see it.
struct Surface<'a> {
    /// Its written form, without an elided article.
    text: &'a str,
    /// The stem id of that form.
    stem: u32,
    /// Whether it is a stopword.
    stop: bool,
    /// Whether an elided article was cut off ("l'ensemble").
    elided: bool,
}

/// Every token of `doc` as keyphrases see it, looked up by token index. In languages with
/// elision (French, Italian) a word such as "l'ensemble" or "qu'il" is a stopword glued to a
/// word by an apostrophe: the word after it is what counts, and it is a stopword itself in
/// "qu'il". English is left alone: its apostrophes are contractions, in its stopword list, and
/// names ("O'Brien").
///
/// Only the elided words are stored, by vocabulary id; every other token is its own surface.
/// A vector of one surface per token was the largest allocation of an 8 MiB analysis (16 B a
/// token in wasm, 26 MB there).
struct Surfaces<'d, 'a> {
    doc: &'d Document<'a>,
    /// Per lowercased vocabulary id of an elided word: where the word starts after the
    /// apostrophe, its stem id and whether it is a stopword.
    elided: KeyMap<u32, (usize, u32, bool)>,
}

impl<'d, 'a> Surfaces<'d, 'a> {
    fn new(doc: &'d Document<'a>) -> Self {
        let mut elided = KeyMap::default();
        let lang = doc.lang.filter(|&l| l != crate::lang::Lang::English);
        let (Some(lang), Some(stemmer)) = (lang, lang.map(crate::lang::Lang::stemmer)) else {
            return Surfaces { doc, elided };
        };
        // Stems of words cut out of elisions that occur nowhere on their own get ids of their
        // own, counted down from the top so they never meet a vocabulary id.
        let mut extra: KeyMap<String, u32> = KeyMap::default();
        let mut seen: KeyMap<u32, ()> = KeyMap::default();
        for t in &doc.tokens {
            if t.kind != TokenKind::Word || seen.insert(t.lower, ()).is_some() {
                continue;
            }
            let lower = doc.vocab.get(t.lower);
            let Some((p, q)) = lower.char_indices().find(|&(_, c)| c == '\'' || c == '’') else {
                continue;
            };
            let (article, rest) = (&lower[..p], &lower[p + q.len_utf8()..]);
            if !lang.is_stopword(article) || rest.chars().count() < 2 {
                continue;
            }
            let stem = stemmer.stem(rest);
            let next = u32::MAX - extra.len() as u32;
            let id = doc
                .vocab
                .id(&stem)
                .unwrap_or_else(|| *extra.get_or_insert_with(stem.into_owned(), || next));
            elided.insert(t.lower, (p + q.len_utf8(), id, lang.is_stopword(rest)));
        }
        Surfaces { doc, elided }
    }

    /// Token `i` as keyphrases see it.
    fn get(&self, i: usize) -> Surface<'a> {
        let t = &self.doc.tokens[i];
        let text = self.doc.token_text(t);
        match self
            .elided
            .get(&t.lower)
            .filter(|_| t.kind == TokenKind::Word)
        {
            Some(&(cut, stem, stop)) => Surface {
                text: text.get(cut..).unwrap_or(text),
                stem,
                stop,
                elided: true,
            },
            None => Surface {
                text,
                stem: t.stem,
                stop: t.stop,
                elided: false,
            },
        }
    }
}

/// What a word said only once loses in a text of `tokens` tokens: nothing up to
/// [`HAPAX_TOKENS`], then ln(tokens / HAPAX_TOKENS). The weights come from short articles,
/// where a word said once can still be central; in a long one the central words recur.
fn hapax_penalty(tokens: usize) -> f64 {
    (tokens as f64 / HAPAX_TOKENS).ln().max(0.0)
}

/// The length in characters of the words before an acronym in parentheses that spell it
/// out, initial by initial from the last word back ("Intermediate-range Nuclear Forces (INF)";
/// stopwords and the second half of a hyphenated word may be skipped), or `None`.
fn expansion(doc: &Document, before: &[Token], acronym: &str) -> Option<usize> {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let end = before.last()?.end;
    let mut want = letters.len();
    let mut i = before.len();
    while want > 0 {
        i = i.checked_sub(1)?;
        let t = &before[i];
        if doc.token_text(t) == "-" {
            continue;
        }
        if t.kind != TokenKind::Word {
            return None;
        }
        let initial = doc.token_text(t).chars().next()?;
        if fold(initial).eq(fold(letters[want - 1])) {
            want -= 1;
            continue;
        }
        let hyphenated = i > 0 && doc.token_text(&before[i - 1]) == "-";
        if !(t.stop || hyphenated) {
            return None;
        }
    }
    Some(doc.slice(before[i].start, end).chars().count())
}

/// `c` for case-insensitive comparison, equal for two characters exactly when their
/// uppercase forms are equal: lowercase, with the letters whose lowercase differs but whose
/// uppercase is shared mapped together ("ς" and "σ", dotless "ı" and "i"), and the few
/// compatibility letters whose lowercase is shared but whose uppercase is their own (the
/// Kelvin sign, "ẞ") kept apart. The uppercase tables would cost 6 KB of the wasm module.
fn fold(c: char) -> impl Iterator<Item = char> {
    let own = matches!(
        c,
        '\u{212A}' | '\u{212B}' | '\u{1E9E}' | '\u{03F4}' | '\u{2126}'
    );
    let mut lower = crate::case::lower_char(c);
    let first = if own { Some(c) } else { lower.next() };
    let first = first.map(|l| match l {
        'ı' => 'i',
        'ſ' => 's',
        '\u{345}' | '\u{1FBE}' => 'ι',
        'µ' => 'μ',
        '\u{1FD3}' => '\u{390}',
        '\u{1FE3}' => '\u{3B0}',
        'ϐ' => 'β',
        'ϵ' => 'ε',
        'ϑ' => 'θ',
        'ϰ' => 'κ',
        'ϖ' => 'π',
        'ϱ' => 'ρ',
        'ς' => 'σ',
        'ϕ' => 'φ',
        '\u{1C80}' => 'в',
        '\u{1C81}' => 'д',
        '\u{1C82}' => 'о',
        '\u{1C83}' => 'с',
        '\u{1C84}' | '\u{1C85}' => 'т',
        '\u{1C86}' => 'ъ',
        '\u{1C87}' => 'ѣ',
        '\u{1C88}' => 'ꙋ',
        'ẛ' => 'ṡ',
        'ﬅ' => 'ﬆ',
        other => other,
    });
    first.into_iter().chain(lower.filter(move |_| !own))
}

/// The `k` best keyphrases of `doc`, best first. The recipe: what each token can be
/// ([`TokenFacts`]), the runs of usable words of every sentence with the words counted
/// ([`TokenFacts::read`]), the phrases in them counted ([`count_phrases`]), every candidate
/// scored ([`score_all`]), then the best words shown as the phrases that carry them ([`pick`]).
pub fn extract(doc: &Document, k: usize) -> Vec<Keyword> {
    if k == 0 || mostly_runs_of_han(doc) {
        return Vec::new();
    }
    let forms = Surfaces::new(doc);
    let facts = TokenFacts::new(doc, &forms);
    let mut cands = Cands::with_room(doc);
    let read = facts.read(&mut cands);
    count_phrases(&facts, &mut cands);
    let mut scored = std::mem::take(&mut cands.all);
    score_all(doc, &mut scored, &cands.forms, &read);
    pick(&scored, &cands, &read.defined, k)
}

/// Whether most of the document's words are runs of Han or Hiragana (Chinese, Japanese).
/// Written without spaces, such a run is a whole clause, and pith has no word segmenter for
/// those languages: a keyword would be a clause, or one of the few words in Latin letters the
/// page carries (a site's name, "FB", "GPS"). Such a text gets no keywords.
fn mostly_runs_of_han(doc: &Document) -> bool {
    let (mut runs, mut words) = (0usize, 0usize);
    for t in doc
        .tokens
        .iter()
        .filter(|t| t.kind == crate::text::TokenKind::Word)
    {
        words += 1;
        runs += usize::from(doc.token_text(t).chars().any(crate::text::is_one_char_word));
    }
    runs * 2 > words
}

/// Per token: usable as a word of a candidate.
const USABLE: u8 = 1;
/// Per token: a stopword (or honorific) as a neighbour of a candidate.
const STOPISH: u8 = 2;

/// What keyphrases need to know of each token of a document.
struct TokenFacts<'d> {
    doc: &'d Document<'d>,
    forms: &'d Surfaces<'d, 'd>,
    /// Per token: [`USABLE`], [`STOPISH`].
    flags: Vec<u8>,
    /// Per vocabulary id: the word is written in lowercase somewhere. A capitalised
    /// sentence-initial or headline occurrence of one of them is shown in lowercase.
    lower_seen: Vec<bool>,
}

/// What reading the sentences found: the acronyms the text spells out (with the length of the
/// spelled-out form), and the number of sentences read.
struct Reading {
    defined: KeyMap<u32, usize>,
    sentences: usize,
}

/// The runs of usable words of one sentence: its words one after the other, and each run as
/// a range of them. Reused from sentence to sentence: words and runs are read again for the
/// phrases rather than kept for the whole text, which for 8 MiB of articles held some 20 MiB
/// of wasm memory at the analysis's peak.
#[derive(Default)]
struct Runs<'a> {
    words: Vec<Word<'a>>,
    runs: Vec<std::ops::Range<usize>>,
    /// The "(" of each acronym in parentheses kept in a run.
    acronyms: Vec<usize>,
}

/// The sentence being read: its tokens, the first of its words, whether it is the headline.
struct Sentence {
    range: std::ops::Range<usize>,
    first_word: usize,
    headline: bool,
    order: usize,
}

impl<'d> TokenFacts<'d> {
    fn new(doc: &'d Document<'d>, forms: &'d Surfaces<'d, 'd>) -> Self {
        let lx = Lexicon::english();
        let english = doc.lang == Some(crate::lang::Lang::English);
        let mut lower_seen = vec![false; doc.vocab.len()];
        // Reporting verbs and honorifics are frequent in news but never what an article is
        // about, and an honorific before a word marks a name the way an article marks a noun.
        // Looked up once per distinct word: CHECKED, then NOT_CONTENT for either, HONORIFIC
        // for an honorific.
        const CHECKED: u8 = 1;
        const NOT_CONTENT: u8 = 2;
        const HONORIFIC: u8 = 4;
        let mut lexical = vec![0u8; if english { doc.vocab.len() } else { 0 }];
        let flags: Vec<u8> = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if t.shape == Shape::Lower {
                    if let Some(seen) = lower_seen.get_mut(t.lower as usize) {
                        *seen = true;
                    }
                }
                if t.kind != TokenKind::Word {
                    return 0;
                }
                let f = forms.get(i);
                // A stopword is never usable and always stopish, whatever the lexicon says.
                if f.stop {
                    return STOPISH;
                }
                let class = match lexical.get_mut(t.lower as usize) {
                    Some(c) if *c & CHECKED != 0 => *c,
                    Some(c) => {
                        // One lookup: the lexicon's bits say honorific and one-word cue verb.
                        let bits = lx.word_bits(doc.vocab.get(t.lower));
                        *c = CHECKED;
                        if bits & word::HONORIFIC != 0 {
                            *c |= NOT_CONTENT | HONORIFIC;
                        } else if bits & word::CUE_VERB != 0 {
                            *c |= NOT_CONTENT;
                        }
                        *c
                    }
                    None => 0,
                };
                let mut flag = 0;
                if f.text.chars().nth(1).is_some() && class & NOT_CONTENT == 0 {
                    flag |= USABLE;
                }
                if class & HONORIFIC != 0 {
                    flag |= STOPISH;
                }
                flag
            })
            .collect();
        TokenFacts {
            doc,
            forms,
            flags,
            lower_seen,
        }
    }

    fn usable(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|&f| f & USABLE != 0)
    }

    fn stopish(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|&f| f & STOPISH != 0)
    }

    /// Whether token `i` is written `s`; bytes, not a str slice: no char boundaries to check
    /// for "-", "(" and ")".
    fn is_text(&self, i: usize, s: &str) -> bool {
        let t = &self.doc.tokens[i];
        self.doc.text.as_bytes().get(t.start..t.end) == Some(s.as_bytes())
    }

    /// Token `i` of sentence `s` as a word of a run.
    fn word(&self, i: usize, hyphen: bool, s: &Sentence) -> Word<'d> {
        let doc = self.doc;
        let form = self.forms.get(i);
        let t = &doc.tokens[i];
        let sentence_initial = i <= s.first_word;
        let text = if (sentence_initial || s.headline)
            && t.shape == Shape::Capitalized
            && self.lower_seen.get(t.lower as usize).is_some_and(|&s| s)
            && !form.elided
        {
            doc.vocab.get(t.lower)
        } else {
            form.text
        };
        Word {
            hyphen,
            text,
            stem: form.stem,
            // An elided article ("l'") is a stopword before the word.
            stop_left: form.elided || (i > s.range.start && self.stopish(i - 1)),
            stop_right: i + 1 < s.range.end && self.stopish(i + 1),
            punct_right: i + 1 >= s.range.end || doc.tokens[i + 1].kind == TokenKind::Punct,
        }
    }

    /// Reads every sentence that keyphrases come from (body, headline, headings) in order,
    /// handing each, with its runs of usable words, to `each`.
    fn each_sentence(&self, mut each: impl FnMut(&Sentence, &Runs<'d>)) {
        let mut runs = Runs::default();
        let mut order = 0;
        for s in &self.doc.sentences {
            if !matches!(
                s.kind,
                SentenceKind::Body | SentenceKind::Headline | SentenceKind::Heading
            ) {
                continue;
            }
            let range = s.tokens.clone();
            // Tokens up to the first word (or number) are sentence-initial.
            let first_word = range
                .clone()
                .find(|&j| self.doc.tokens[j].kind != TokenKind::Punct)
                .unwrap_or(range.end);
            let sentence = Sentence {
                range,
                first_word,
                headline: s.kind == SentenceKind::Headline,
                order,
            };
            self.read_runs(&sentence, &mut runs);
            each(&sentence, &runs);
            order += 1;
        }
    }

    /// Counts the words of every sentence read, as they are found; phrases are counted after
    /// ([`count_phrases`]), when it is known which words recur: a phrase occurs no more often
    /// than its rarest word and one said once is never listed, so phrases with a word said
    /// once are not counted at all. Notes the acronyms the text spells out.
    fn read(&self, cands: &mut Cands) -> Reading {
        let mut sentences = 0;
        let mut defined = KeyMap::default();
        self.each_sentence(|sentence, runs| {
            self.note_acronyms(sentence, runs, &mut defined);
            for w in &runs.words {
                let at = w.occurrence(w, sentence.order, sentence.headline, w.text);
                cands.observe(Key::word(w.stem), at);
            }
            sentences += 1;
        });
        Reading { defined, sentences }
    }

    /// Notes in `defined` the acronyms of sentence `s` that the text before spells out
    /// ("Nuclear Forces (INF)"), by stem, with the length of the longest spelled-out form.
    fn note_acronyms(&self, s: &Sentence, runs: &Runs, defined: &mut KeyMap<u32, usize>) {
        let doc = self.doc;
        for &i in &runs.acronyms {
            let before = doc.tokens.get(s.range.start..i).unwrap_or_default();
            let Some(acronym) = doc.tokens.get(i + 1) else {
                continue;
            };
            if let Some(len) = expansion(doc, before, doc.token_text(acronym)) {
                let e = defined.get_or_insert_with(self.forms.get(i + 1).stem, || 0);
                *e = (*e).max(len);
            }
        }
    }

    /// Whether token `i` of `s` opens "(ACRONYM)" with a usable all-caps word.
    fn acronym_at(&self, i: usize, s: &Sentence) -> bool {
        self.is_text(i, "(")
            && i + 2 < s.range.end
            && self.doc.tokens[i + 1].shape == Shape::Upper
            && self.usable(i + 1)
            && self.is_text(i + 2, ")")
    }

    /// Reads the runs of usable words of sentence `s` into `out`. A hyphen between two words
    /// without spaces joins them, and an acronym in parentheses stays in the run ("Nuclear
    /// Forces (INF) treaty").
    fn read_runs(&self, s: &Sentence, out: &mut Runs<'d>) {
        let doc = self.doc;
        let range = s.range.clone();
        out.words.clear();
        out.runs.clear();
        out.acronyms.clear();
        let mut start = 0;
        let mut i = range.start;
        while i < range.end {
            let open = start < out.words.len();
            if self.usable(i) {
                let t = &doc.tokens[i];
                let hyphen = i >= range.start + 2
                    && self.is_text(i - 1, "-")
                    && doc.tokens[i - 1].start == doc.tokens[i - 2].end
                    && doc.tokens[i - 1].end == t.start
                    && self.usable(i - 2);
                out.words.push(self.word(i, hyphen, s));
            } else if open && self.acronym_at(i, s) {
                out.acronyms.push(i);
                out.words.push(self.word(i + 1, false, s));
                i += 3;
                continue;
            } else if !(self.is_text(i, "-") && open) {
                if open {
                    out.runs.push(start..out.words.len());
                }
                start = out.words.len();
            }
            i += 1;
        }
        if start < out.words.len() {
            out.runs.push(start..out.words.len());
        }
    }
}

impl Cands {
    /// No candidates yet, with room for an article's worth up front (fewer regrowths), but no
    /// more: reserving in proportion to a long text took the wasm memory for 1 MB of input
    /// from 26 to 42 MiB.
    fn with_room(doc: &Document) -> Cands {
        let mut cands = Cands::default();
        let room = doc.tokens.len().min(RESERVE_TOKENS);
        cands.all.reserve(room);
        cands.words = vec![NO_CAND; doc.vocab.len()];
        cands
            .forms
            .text
            .reserve(2 * doc.text.len().min(8 * RESERVE_TOKENS));
        cands.forms.list.reserve(room);
        cands.index.reserve(room);
        cands
    }
}

/// Counts the phrases of up to [`MAX_WORDS`] words in the runs whose words all recur.
fn count_phrases(facts: &TokenFacts, cands: &mut Cands) {
    let mut form = String::new();
    facts.each_sentence(|s, runs| {
        for r in &runs.runs {
            let run = runs.words.get(r.clone()).unwrap_or_default();
            for (a, first) in run.iter().enumerate() {
                if !cands.recurs(first.stem) {
                    continue;
                }
                // The phrase from a grows a word at a time, in its form and its key.
                form.clear();
                form.push_str(first.text);
                let mut key = Key::word(first.stem);
                for b in a + 1..run.len().min(a + MAX_WORDS) {
                    let last = &run[b];
                    if !cands.recurs(last.stem) {
                        break;
                    }
                    form.push(if last.hyphen { '-' } else { ' ' });
                    form.push_str(last.text);
                    key.stems[b - a] = last.stem;
                    key.len += 1;
                    // A phrase does not start or end inside a hyphenated compound.
                    if first.hyphen || run.get(b + 1).is_some_and(|x| x.hyphen) {
                        continue;
                    }
                    cands.observe(key, first.occurrence(last, s.order, s.headline, &form));
                }
            }
        }
    });
}

/// Scores every candidate that can be listed by the fitted model ([`WEIGHTS`]).
fn score_all(doc: &Document, scored: &mut [Cand], written: &Forms, read: &Reading) {
    let order = read.sentences;
    let sentences_read = order.max(1) as f64;
    // ln n for the small counts and sentence numbers most candidates have, computed once.
    let logs: Vec<f64> = (0..=order.max(32) + 1).map(|n| (n as f64).ln()).collect();
    let ln = |n: usize| logs.get(n).copied().unwrap_or_else(|| (n as f64).ln());
    let hapax = hapax_penalty(doc.tokens.len());
    for c in scored {
        // Phrases said once are never listed: no need for their score.
        if c.key.len > 1 && c.count < 2 {
            continue;
        }
        let mut len = written.best(c.forms).chars().count();
        // An acronym stands for its spelled-out form, and is as specific.
        if let [stem] = c.key.stems() {
            if let Some(&spelled) = read.defined.get(stem) {
                len = len.max(spelled);
            }
        }
        let len = len.min(MAX_LEN) as f64;
        let tf = c.count as f64;
        let [_, w_tf, w_len, w_tf_len, w_repeated, w_first, w_stop_l, w_stop_r, w_punct, w_spread, w_head] =
            WEIGHTS;
        let ln_tf = ln(c.count);
        c.score = w_tf * ln_tf
            + w_len * len
            + w_tf_len * ln_tf * len
            + if c.count >= 2 { w_repeated } else { -hapax }
            + w_first * ln(1 + c.first)
            + w_stop_l * c.stop_left as f64 / tf
            + w_stop_r * c.stop_right as f64 / tf
            + w_punct * c.punct_right as f64 / tf
            + w_spread * c.sentences as f64 / sentences_read
            + if c.in_headline { w_head } else { 0.0 };
    }
}

/// Best score first, then first seen, then by stems.
fn by_score(a: &&Cand, b: &&Cand) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then(a.first.cmp(&b.first))
        .then(a.key.stems().cmp(b.key.stems()))
}

/// The `k` best words, each shown as the phrase that carries it when there is one, with
/// scores as shares of the best.
fn pick(scored: &[Cand], cands: &Cands, defined: &KeyMap<u32, usize>, k: usize) -> Vec<Keyword> {
    // How often the rarest word of a phrase occurs: a phrase that accounts for most of it is a
    // unit ("missile defence"), not a chance neighbourhood.
    let rarest = |c: &Cand| {
        c.key
            .stems()
            .iter()
            .filter_map(|&s| cands.find(&Key::word(s)).and_then(|i| scored.get(i)))
            .map(|w| w.count)
            .min()
            .unwrap_or(c.count)
            .max(1)
    };
    // Words are ranked lazily: of the hundreds in an article only the first few are read.
    let words: Vec<&Cand> = scored.iter().filter(|c| c.key.len == 1).collect();
    let cmp = |a: usize, b: usize| by_score(&words[a], &words[b]);
    let mut ranked = crate::util::Ranked::new(words.len(), &cmp);
    // The words in order as far as they were read.
    let mut sorted: Vec<&Cand> = Vec::new();
    while sorted.len() < LISTED {
        let Some(i) = ranked.pop() else { break };
        sorted.push(words[i]);
    }
    let mut phrases: Vec<&Cand> = scored
        .iter()
        .filter(|c| c.key.len > 1 && c.count >= 2)
        .collect();
    crate::util::sort_by(&mut phrases, by_score);
    let listed: Vec<u32> = sorted.iter().map(|c| c.key.stems[0]).collect();
    let is_unit = |c: &Cand| {
        let share = c.count as f64 / rarest(c) as f64;
        let all_listed = c.key.stems().iter().all(|s| listed.contains(s));
        (all_listed && share >= UNIT_SHARE)
            || (share >= LOOSE_SHARE
                && ((all_listed && c.in_headline && c.count >= HEADLINE_REPEATS)
                    || c.key.stems().iter().any(|s| defined.contains_key(s))))
    };
    let mut picked: Vec<(&Cand, f64)> = Vec::new();
    for at in 0.. {
        if picked.len() >= k {
            break;
        }
        if at == sorted.len() {
            let Some(i) = ranked.pop() else { break };
            sorted.push(words[i]);
        }
        let Some(&w) = sorted.get(at) else { break };
        let overlaps = |c: &Cand| {
            picked
                .iter()
                .any(|p| p.0.key.stems().iter().any(|s| c.key.stems().contains(s)))
        };
        if overlaps(w) {
            continue;
        }
        // Shown as the phrase that carries it, when there is one: "missile" becomes "missile
        // defence", and "defence" is then not listed again.
        let phrase = phrases
            .iter()
            .find(|c| c.key.stems().contains(&w.key.stems[0]) && is_unit(c) && !overlaps(c));
        picked.push((phrase.copied().unwrap_or(w), w.score));
    }
    shares_of_best(picked, &cands.forms)
}

/// The picked candidates as keywords, scores as shares of the best on the model's probability
/// scale, so they stay positive.
fn shares_of_best(picked: Vec<(&Cand, f64)>, written: &Forms) -> Vec<Keyword> {
    let logistic = |s: f64| 1.0 / (1.0 + (-(s + WEIGHTS[0])).exp());
    let best = picked
        .first()
        .map_or(1.0, |p| logistic(p.1))
        .max(f64::MIN_POSITIVE);
    picked
        .into_iter()
        .map(|(c, s)| Keyword {
            phrase: written.best(c.forms).to_string(),
            score: (logistic(s) / best * 1000.0).round() / 1000.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_matches_uppercase_equality() {
        // fold(a) == fold(b) exactly when a.to_uppercase() == b.to_uppercase(): the map from
        // uppercase form to folded form is one-to-one over every character.
        let mut up_to_fold = std::collections::HashMap::new();
        let mut fold_to_up = std::collections::HashMap::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let up: String = c.to_uppercase().collect();
            let folded: String = fold(c).collect();
            let a = up_to_fold
                .entry(up.clone())
                .or_insert_with(|| folded.clone());
            assert_eq!(*a, folded, "{c:?}");
            let b = fold_to_up.entry(folded).or_insert(up.clone());
            assert_eq!(*b, up, "{c:?}");
        }
    }
    use crate::lang::Lang;

    fn spelled(text: &str) -> Option<usize> {
        let doc = Document::new(text, Some(Lang::English));
        let open = doc.tokens.iter().position(|t| doc.token_text(t) == "(")?;
        let acronym = doc.token_text(&doc.tokens[open + 1]);
        expansion(&doc, &doc.tokens[..open], acronym)
    }

    #[test]
    fn finds_spelled_out_acronyms() {
        let inf = "the Intermediate-range Nuclear Forces (INF) treaty.";
        assert_eq!(
            spelled(inf),
            Some("Intermediate-range Nuclear Forces".len())
        );
        let who = "said the World Health Organization (WHO) today.";
        assert_eq!(spelled(who), Some("World Health Organization".len()));
        let bofe = "at the Bank of England (BOE) meeting.";
        assert_eq!(spelled(bofe), Some("Bank of England".len()));
        // A dateline or a ticker is not a definition.
        assert_eq!(spelled("BUENOS AIRES, Argentina (AP) - A singer"), None);
        assert_eq!(spelled("shares of Google Inc (GOOG) rose"), None);
    }

    #[test]
    fn elided_articles_are_cut_off_in_french_and_italian_only() {
        let fr = Document::new("Il évoque l'économie et qu'il part.", Some(Lang::French));
        let s = Surfaces::new(&fr);
        let by_text = |doc: &Document, w: &str| {
            doc.tokens
                .iter()
                .position(|t| doc.token_text(t) == w)
                .expect("token")
        };
        let eco = s.get(by_text(&fr, "l'économie"));
        assert_eq!((eco.text, eco.elided, eco.stop), ("économie", true, false));
        let il = s.get(by_text(&fr, "qu'il"));
        assert!(il.elided && il.stop);
        let it = Document::new("Cresce l'economia italiana.", Some(Lang::Italian));
        assert_eq!(
            Surfaces::new(&it).get(by_text(&it, "l'economia")).text,
            "economia"
        );
        let en = Document::new("Mr O'Brien spoke.", Some(Lang::English));
        assert_eq!(
            Surfaces::new(&en).get(by_text(&en, "O'Brien")).text,
            "O'Brien"
        );
    }

    #[test]
    fn forms_are_counted_up_to_the_cap() {
        let mut forms = Forms::default();
        let mut head = NO_FORM;
        // "Talks" twice, "TALKS" three times, then forty more distinct spellings.
        for form in ["Talks", "TALKS", "Talks", "TALKS", "TALKS"] {
            forms.count(&mut head, form);
        }
        assert_eq!(forms.best(head), "TALKS");
        let variants: Vec<String> = (0..40).map(|i| format!("talks{i}")).collect();
        for v in &variants {
            forms.count(&mut head, v);
            forms.count(&mut head, v);
        }
        assert_eq!(forms.list.len(), MAX_FORMS);
        // Kept forms still count: the 30th spelling, seen four times, is now the most frequent.
        forms.count(&mut head, &variants[29]);
        forms.count(&mut head, &variants[29]);
        assert_eq!(forms.best(head), "talks29");
        // Forms past the cap are not kept: seen ten times, "talks35" still is not chosen.
        for _ in 0..10 {
            forms.count(&mut head, &variants[35]);
        }
        assert_eq!(forms.best(head), "talks29");
    }

    #[test]
    fn nothing_from_nothing() {
        let doc = Document::new("", Some(Lang::English));
        assert!(extract(&doc, 10).is_empty());
        let doc = Document::new("The of and to.", Some(Lang::English));
        assert!(extract(&doc, 10).is_empty());
        let doc = Document::new("Missile defence talks.", Some(Lang::English));
        assert!(extract(&doc, 0).is_empty());
    }
}
