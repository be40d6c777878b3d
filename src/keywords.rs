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

use crate::lexicon::Lexicon;
use crate::model::{Keyword, SentenceKind};
use crate::text::{Document, Shape, Token, TokenKind};
use crate::util::{FxHashMap as HashMap, FxHashSet as HashSet};

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

/// Statistics of one candidate, a word or a phrase.
#[derive(Default)]
struct Cand {
    stems: Vec<u32>,
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
    forms: HashMap<String, usize>,
    score: f64,
}

impl Cand {
    /// The most frequent written form; on ties the first in byte order, so output is stable.
    fn form(&self) -> &str {
        self.forms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map_or("", |(f, _)| f.as_str())
    }
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

/// Counts one occurrence of the phrase `stems` (allocating only for a new phrase or form).
fn observe(cands: &mut HashMap<Vec<u32>, Cand>, stems: &[u32], at: Occurrence) {
    let c = match cands.get_mut(stems) {
        Some(c) => c,
        None => cands
            .entry(stems.to_vec())
            .or_insert_with_key(|stems| Cand {
                stems: stems.clone(),
                first: at.order,
                last: usize::MAX,
                ..Cand::default()
            }),
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
    match c.forms.get_mut(at.form) {
        Some(n) => *n += 1,
        None => {
            c.forms.insert(at.form.to_string(), 1);
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

/// Every token of `doc` as keyphrases see it. In languages with elision (French, Italian) a
/// word such as "l'ensemble" or "qu'il" is a stopword glued to a word by an apostrophe: the
/// word after it is what counts, and it is a stopword itself in "qu'il". English is left
/// alone: its apostrophes are contractions, in its stopword list, and names ("O'Brien").
fn surfaces<'a>(doc: &Document<'a>) -> Vec<Surface<'a>> {
    let lang = doc.lang.filter(|&l| l != crate::lang::Lang::English);
    let stemmer = lang.map(crate::lang::Lang::stemmer);
    // Stems of words cut out of elisions that occur nowhere on their own get ids of their own,
    // counted down from the top so they never meet a vocabulary id.
    let mut extra: HashMap<String, u32> = HashMap::default();
    let mut seen: HashMap<u32, (usize, u32, bool)> = HashMap::default();
    doc.tokens
        .iter()
        .map(|t| {
            let text = doc.token_text(t);
            let plain = Surface {
                text,
                stem: t.stem,
                stop: t.stop,
                elided: false,
            };
            let (Some(lang), Some(stemmer), TokenKind::Word) = (lang, &stemmer, t.kind) else {
                return plain;
            };
            let (cut, stem, stop) = *seen.entry(t.lower).or_insert_with(|| {
                let lower = doc.vocab.get(t.lower);
                let Some((p, q)) = lower.char_indices().find(|&(_, c)| c == '\'' || c == '’')
                else {
                    return (0, t.stem, t.stop);
                };
                let (article, rest) = (&lower[..p], &lower[p + q.len_utf8()..]);
                if !lang.is_stopword(article) || rest.chars().count() < 2 {
                    return (0, t.stem, t.stop);
                }
                let stem = stemmer.stem(rest);
                let next = u32::MAX - extra.len() as u32;
                let id = doc
                    .vocab
                    .id(&stem)
                    .unwrap_or_else(|| *extra.entry(stem.into_owned()).or_insert(next));
                (p + q.len_utf8(), id, lang.is_stopword(rest))
            });
            if cut == 0 {
                return plain;
            }
            Surface {
                text: text.get(cut..).unwrap_or(text),
                stem,
                stop,
                elided: true,
            }
        })
        .collect()
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
    let mut lower = c.to_lowercase();
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

/// The `k` best keyphrases of `doc`, best first.
pub fn extract(doc: &Document, k: usize) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    let lx = Lexicon::english();
    let english = doc.lang == Some(crate::lang::Lang::English);
    // Words seen in lowercase somewhere: a capitalised sentence-initial or headline occurrence
    // of one of them is shown in lowercase.
    let lower_seen: HashSet<u32> = doc
        .tokens
        .iter()
        .filter(|t| t.shape == Shape::Lower)
        .map(|t| t.lower)
        .collect();
    let forms = surfaces(doc);
    // Reporting verbs and honorifics are frequent in news but never what an article is about.
    let usable = |i: usize| {
        let (t, f) = (&doc.tokens[i], &forms[i]);
        let lower = doc.vocab.get(t.lower);
        t.kind == TokenKind::Word
            && !f.stop
            && f.text.chars().nth(1).is_some()
            && !(english && (lx.cues.contains_key(lower) || lx.honorifics.contains_key(lower)))
    };
    // An honorific before a word marks a name the way an article marks a noun.
    let stopish = |i: usize| {
        let t = &doc.tokens[i];
        t.kind == TokenKind::Word
            && (forms[i].stop || (english && lx.honorifics.contains_key(doc.vocab.get(t.lower))))
    };
    let is_text = |i: usize, s: &str| doc.token_text(&doc.tokens[i]) == s;
    let mut cands: HashMap<Vec<u32>, Cand> = HashMap::default();
    // Acronyms the text spells out, with the length of the spelled-out form.
    let mut defined: HashMap<u32, usize> = HashMap::default();
    let mut order = 0usize;
    // Buffers for the phrase being counted.
    let mut form = String::new();
    let mut stems: Vec<u32> = Vec::new();
    for s in &doc.sentences {
        if !matches!(
            s.kind,
            SentenceKind::Body | SentenceKind::Headline | SentenceKind::Heading
        ) {
            continue;
        }
        let headline = s.kind == SentenceKind::Headline;
        let range = s.tokens.clone();
        // Tokens up to the first word (or number) are sentence-initial.
        let first_word = range
            .clone()
            .find(|&j| doc.tokens[j].kind != TokenKind::Punct)
            .unwrap_or(range.end);
        let shown = |i: usize| -> &str {
            let t = &doc.tokens[i];
            let sentence_initial = i <= first_word;
            if (sentence_initial || headline)
                && t.shape == Shape::Capitalized
                && lower_seen.contains(&t.lower)
                && !forms[i].elided
            {
                doc.vocab.get(t.lower)
            } else {
                forms[i].text
            }
        };
        // Runs of usable words as (token index, joined to the previous word by a hyphen). A
        // hyphen between two words without spaces joins them, and an acronym in parentheses
        // stays in the run ("Nuclear Forces (INF) treaty").
        let mut runs: Vec<Vec<(usize, bool)>> = vec![Vec::new()];
        let mut i = range.start;
        while i < range.end {
            let open = runs.last().is_some_and(|r| !r.is_empty());
            if usable(i) {
                let t = &doc.tokens[i];
                let hyphen = i >= range.start + 2
                    && is_text(i - 1, "-")
                    && doc.tokens[i - 1].start == doc.tokens[i - 2].end
                    && doc.tokens[i - 1].end == t.start
                    && usable(i - 2);
                if let Some(run) = runs.last_mut() {
                    run.push((i, hyphen));
                }
            } else if is_text(i, "(")
                && open
                && i + 2 < range.end
                && doc.tokens[i + 1].shape == Shape::Upper
                && usable(i + 1)
                && is_text(i + 2, ")")
            {
                let before = &doc.tokens[range.start..i];
                if let Some(len) = expansion(doc, before, doc.token_text(&doc.tokens[i + 1])) {
                    let e = defined.entry(forms[i + 1].stem).or_default();
                    *e = (*e).max(len);
                }
                if let Some(run) = runs.last_mut() {
                    run.push((i + 1, false));
                }
                i += 3;
                continue;
            } else if !(is_text(i, "-") && open) {
                runs.push(Vec::new());
            }
            i += 1;
        }
        for run in &runs {
            for a in 0..run.len() {
                for b in a..run.len().min(a + MAX_WORDS) {
                    // A phrase does not start or end inside a hyphenated compound.
                    if b > a && (run[a].1 || run.get(b + 1).is_some_and(|x| x.1)) {
                        continue;
                    }
                    let (first, last) = (run[a].0, run[b].0);
                    form.clear();
                    for (n, &(i, hyphen)) in run[a..=b].iter().enumerate() {
                        if n > 0 {
                            form.push(if hyphen { '-' } else { ' ' });
                        }
                        form.push_str(shown(i));
                    }
                    let at = Occurrence {
                        order,
                        headline,
                        // An elided article ("l'") is a stopword before the word.
                        stop_left: forms[first].elided
                            || (first > range.start && stopish(first - 1)),
                        stop_right: last + 1 < range.end && stopish(last + 1),
                        punct_right: last + 1 >= range.end
                            || doc.tokens[last + 1].kind == TokenKind::Punct,
                        form: &form,
                    };
                    stems.clear();
                    stems.extend(run[a..=b].iter().map(|&(i, _)| forms[i].stem));
                    observe(&mut cands, &stems, at);
                }
            }
        }
        order += 1;
    }

    let sentences_read = order.max(1) as f64;
    let hapax = hapax_penalty(doc.tokens.len());
    let word_count: HashMap<u32, usize> = cands
        .values()
        .filter(|c| c.stems.len() == 1)
        .map(|c| (c.stems[0], c.count))
        .collect();
    // How often the rarest word of a phrase occurs: a phrase that accounts for most of it is a
    // unit ("missile defence"), not a chance neighbourhood.
    let rarest = |c: &Cand| {
        c.stems
            .iter()
            .filter_map(|s| word_count.get(s))
            .min()
            .copied()
            .unwrap_or(c.count)
            .max(1)
    };
    for c in cands.values_mut() {
        let mut len = c.form().chars().count();
        // An acronym stands for its spelled-out form, and is as specific.
        if let [stem] = c.stems[..] {
            if let Some(&spelled) = defined.get(&stem) {
                len = len.max(spelled);
            }
        }
        let len = len.min(MAX_LEN) as f64;
        let tf = c.count as f64;
        let [_, w_tf, w_len, w_tf_len, w_repeated, w_first, w_stop_l, w_stop_r, w_punct, w_spread, w_head] =
            WEIGHTS;
        c.score = w_tf * tf.ln()
            + w_len * len
            + w_tf_len * tf.ln() * len
            + if c.count >= 2 { w_repeated } else { -hapax }
            + w_first * (1.0 + c.first as f64).ln()
            + w_stop_l * c.stop_left as f64 / tf
            + w_stop_r * c.stop_right as f64 / tf
            + w_punct * c.punct_right as f64 / tf
            + w_spread * c.sentences as f64 / sentences_read
            + if c.in_headline { w_head } else { 0.0 };
    }
    let by_score = |a: &&Cand, b: &&Cand| {
        b.score
            .total_cmp(&a.score)
            .then(a.first.cmp(&b.first))
            .then(a.stems.cmp(&b.stems))
    };
    let mut words: Vec<&Cand> = cands.values().filter(|c| c.stems.len() == 1).collect();
    crate::util::sort_by(&mut words, by_score);
    let mut phrases: Vec<&Cand> = cands
        .values()
        .filter(|c| c.stems.len() > 1 && c.count >= 2)
        .collect();
    crate::util::sort_by(&mut phrases, by_score);
    let listed: HashSet<u32> = words.iter().take(LISTED).map(|c| c.stems[0]).collect();
    let is_unit = |c: &Cand| {
        let share = c.count as f64 / rarest(c) as f64;
        let all_listed = c.stems.iter().all(|s| listed.contains(s));
        (all_listed && share >= UNIT_SHARE)
            || (share >= LOOSE_SHARE
                && ((all_listed && c.in_headline && c.count >= HEADLINE_REPEATS)
                    || c.stems.iter().any(|s| defined.contains_key(s))))
    };
    let mut picked: Vec<(&Cand, f64)> = Vec::new();
    for &w in &words {
        if picked.len() >= k {
            break;
        }
        let overlaps = |c: &Cand| {
            picked
                .iter()
                .any(|p| p.0.stems.iter().any(|s| c.stems.contains(s)))
        };
        if overlaps(w) {
            continue;
        }
        // Shown as the phrase that carries it, when there is one: "missile" becomes "missile
        // defence", and "defence" is then not listed again.
        let phrase = phrases
            .iter()
            .find(|c| c.stems.contains(&w.stems[0]) && is_unit(c) && !overlaps(c));
        picked.push((phrase.copied().unwrap_or(w), w.score));
    }
    // Scores as shares of the best, on the model's probability scale so they stay positive.
    let logistic = |s: f64| 1.0 / (1.0 + (-(s + WEIGHTS[0])).exp());
    let best = picked
        .first()
        .map_or(1.0, |p| logistic(p.1))
        .max(f64::MIN_POSITIVE);
    picked
        .into_iter()
        .map(|(c, s)| Keyword {
            phrase: c.form().to_string(),
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
        let s = surfaces(&fr);
        let by_text = |doc: &Document, w: &str| {
            doc.tokens
                .iter()
                .position(|t| doc.token_text(t) == w)
                .expect("token")
        };
        let eco = &s[by_text(&fr, "l'économie")];
        assert_eq!((eco.text, eco.elided, eco.stop), ("économie", true, false));
        let il = &s[by_text(&fr, "qu'il")];
        assert!(il.elided && il.stop);
        let it = Document::new("Cresce l'economia italiana.", Some(Lang::Italian));
        assert_eq!(surfaces(&it)[by_text(&it, "l'economia")].text, "economia");
        let en = Document::new("Mr O'Brien spoke.", Some(Lang::English));
        assert_eq!(surfaces(&en)[by_text(&en, "O'Brien")].text, "O'Brien");
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
