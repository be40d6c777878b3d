//! Claim trimming: the reported clause after a cue, without its addressee and frame ("told
//! Reuters that"), cut at the next clause or attribution; reports wrapped around their
//! attribution; and the tests that reject a claim (not a clause, junk).

use super::*;
use crate::util::{words, Words};

impl<'a, 'd> Finder<'a, 'd> {
    /// The first token of the reported clause after the addressee and the frame that may open
    /// it: "told Reuters that", "said in an interview that", "told CNN in 2018 that" (the first
    /// "that" within [`FRAME_SPAN`] tokens with no verb before it), "told the Post, "...""
    /// (a quotation after a comma or colon), "said in a statement, ..." (a prepositional phrase
    /// on a [`FRAME_NOUNS`] noun, up to its comma).
    pub(super) fn skip_frame(&self, range: &Range<usize>, from: usize) -> usize {
        let hi = range.end.min(from + FRAME_SPAN);
        for k in from..hi {
            let w = self.lower(k);
            let t = &self.doc.tokens[k];
            if k > from && (w == "that" || w == ":") {
                return k + 1;
            }
            if self.is_quote_mark(k) {
                let after_break = k > from && matches!(self.lower(k - 1), "," | ":");
                return if after_break { k } else { from };
            }
            let verb = AUXILIARIES.contains(w)
                || CLAUSE_SUBJECTS.contains(w)
                || self.is_cue(w)
                || matches!(
                    w,
                    ";" | "who" | "which" | "whether" | "if" | "because" | "to"
                ) && !(w == "to" && k == from)
                || (t.shape == Shape::Lower && w.len() > 4 && w.ends_with("ed"));
            if verb {
                break;
            }
        }
        // A frame without "that": "in a statement, ...", "on Twitter, ...".
        if matches!(
            self.lower(from),
            "in" | "on" | "during" | "at" | "via" | "to" | "through"
        ) {
            let end = range.end.min(from + 8);
            let framed = (from + 1..end).any(|k| FRAME_NOUNS.contains(self.lower(k)));
            if let Some(comma) = (from + 1..end).find(|&k| self.text(k) == ",") {
                if framed && (from + 1..comma).all(|k| !self.is_cue(self.lower(k))) {
                    return comma + 1;
                }
            }
            // "posted to Twitter asking if ...": the frame, then the speech participle.
            if let Some(k) = (from + 1..end).find(|&k| FRAME_NOUNS.contains(self.lower(k))) {
                let next = self.lower(k + 1);
                if next.ends_with("ing") && self.lx.speech.contains(next) {
                    return k + 2;
                }
            }
        }
        from
    }

    /// The tokens of the clause after token `from`: "that" dropped, cut at a clause break,
    /// at most [`MAX_CLAIM`] tokens. Empty when nothing follows.
    pub(super) fn clause_after(&self, range: &Range<usize>, from: usize) -> Range<usize> {
        let from = self.skip_frame(range, self.claim_start(range, from));
        if from >= range.end {
            return from..from;
        }
        let limit = range.end.min(from + MAX_CLAIM);
        let to = (from + 1..limit)
            .find(|&k| self.clause_ends_at(k, limit) && !self.in_quote(k))
            .unwrap_or(limit);
        from..to
    }

    /// Where a claim starts after token `from`: past "that" (unless a determiner), a
    /// leading comma or colon, a time word, and an addressee pronoun ("told us it takes").
    fn claim_start(&self, range: &Range<usize>, from: usize) -> usize {
        let mut from = from;
        // "that" before a noun and then a preposition or a stop is a determiner ("rejected
        // that argument in a ruling"), kept; before a clause it is dropped.
        let determiner = |k: usize| {
            self.lower(k) == "that"
                && self.is_word(k + 1)
                && (k + 2 >= range.end
                    || !self.is_word(k + 2)
                    || PREPOSITIONS.contains(self.lower(k + 2)))
        };
        while from < range.end
            && !determiner(from)
            && (matches!(
                self.lower(from),
                "that"
                    | ":"
                    | ","
                    | "on"
                    | "of"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "later"
                    | "earlier"
                    | "also"
            ) || (crate::lexicon::WEEKDAYS.contains(self.lower(from))
                && !self.is_possessive(from + 1)))
        {
            from += 1;
        }
        // "told us it takes a month": the addressee as a pronoun is no part of the claim.
        let addressee = from > range.start
            && matches!(self.lower(from - 1), "told" | "tells" | "tell" | "telling")
            && matches!(self.lower(from), "us" | "me" | "him" | "her" | "them");
        from + usize::from(addressee)
    }

    /// Whether the claim's clause ends before token `k` (`limit` bounds the look-ahead): a
    /// new clause, a second cue, or the writer's attribution again.
    fn clause_ends_at(&self, k: usize, limit: usize) -> bool {
        let w = self.lower(k);
        let lower_next = self
            .doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.shape == Shape::Lower);
        // ", and" opens a new clause, ", and that" continues the report.
        let and_clause = w == ","
            && self.lower(k + 1) == "and"
            && !matches!(self.lower(k + 2), "that" | "\"" | "“");
        // "condemned the attack and said ...": a second cue of the same holder starts a row
        // of its own.
        let next_cue = w == "and" && lower_next && self.is_cue(self.lower(k + 1));
        // "but that" goes on with the report.
        let but_that = w == "but" || (w == "," && self.lower(k + 1) == "but");
        let breaks = matches!(w, ";" | "whereas")
            || next_cue
            || (but_that && !self.but_that_continues(k))
            || and_clause
            || (w == ","
                && matches!(
                    self.lower(k + 1),
                    "while"
                        | "but"
                        | "whereas"
                        | "by"
                        | "although"
                        | "though"
                        | "saying"
                        | "adding"
                ));
        // ", according to ...", ", officials said": the writer's attribution again.
        // ", told Reuters": the main clause resumes after a relative one ("the source, who
        // said he had spoken to them, told Reuters").
        let resumes = w == ","
            && matches!(
                self.lower(k + 1),
                "told" | "tells" | "said" | "says" | "added" | "wrote"
            )
            && lower_next;
        let attribution = resumes
            || w == ","
                && (self.lower(k + 1) == "according"
                    || (k + 2..(k + 5).min(limit)).any(|j| {
                        self.lx.speech.contains(self.lower(j))
                            && (k + 1..j).all(|i| self.is_word(i) && !self.is_cue(self.lower(i)))
                    }));
        breaks || attribution
    }

    /// The object a stance cue takes, without what the writer adds after it: "praised Ms
    /// Lee's plan, which includes ...", "supported Democrats during his time at MSNBC",
    /// "offered advice to Ms Lee on Friday", "rejected that argument in a ruling". Only a
    /// noun phrase is cut (a clause keeps its own circumstances); `clause` is unchanged
    /// otherwise.
    pub(super) fn object_phrase(&self, clause: Range<usize>) -> Range<usize> {
        let frame_at = |k: usize| {
            let w = self.lower(k);
            (w == ","
                && matches!(
                    self.lower(k + 1),
                    "which" | "who" | "as" | "with" | "while" | "when" | "after" | "amid"
                ))
                || matches!(w, "during" | "amid")
                || (w == "on" && crate::lexicon::WEEKDAYS.contains(self.lower(k + 1)))
                || (matches!(w, "in" | "at")
                    && (k + 1..k + 4).any(|j| FRAME_NOUNS.contains(self.lower(j))))
        };
        // A noun phrase: no auxiliary, subject pronoun, "that" or infinitive in it.
        // (", which" after an infinitive still ends the object: "praised the plan to cut
        // fees, which includes ...").
        let relative = |k: usize| self.text(k) == ",";
        let clause_word = |k: usize, cut: usize| {
            let w = self.lower(k);
            AUXILIARIES.contains(w)
                || CLAUSE_SUBJECTS.contains(w)
                || w == "that"
                || (w == "to"
                    && !relative(cut)
                    && self
                        .doc
                        .tokens
                        .get(k + 1)
                        .is_some_and(|t| t.shape == Shape::Lower))
        };
        match (clause.start + 1..clause.end).find(|&k| frame_at(k) && !self.in_quote(k)) {
            // (A "that" opening the object is its determiner: "that argument".)
            Some(k) if !(clause.start + 1..k).any(|j| clause_word(j, k)) => clause.start..k,
            _ => clause,
        }
    }

    /// Whether "but" at `k` (or ", but") goes on with the report: "but that" with a subject
    /// after it ("said it works but that the cost is high"), not "but that received a cool
    /// response", where "that" is itself the subject.
    pub(super) fn but_that_continues(&self, k: usize) -> bool {
        let Some(that) = (k + 1..k + 3).find(|&j| self.lower(j) == "that") else {
            return false;
        };
        let next = self.lower(that + 1);
        let verb = AUXILIARIES.contains(next)
            || self.is_cue(next)
            || (next.len() > 4 && next.ends_with("ed"));
        !verb
    }

    /// The report around a parenthetical attribution at tokens `group` (preceded by a comma):
    /// the words before it and the clause after the comma that closes it (or closes the
    /// speaker's apposition: "said Michael Kofman, an expert on Russia, would read this as").
    pub(super) fn wrapped_claim(
        &self,
        range: &Range<usize>,
        group: (usize, usize),
        speaker_last: bool,
    ) -> String {
        let comma = group.0 - 1;
        let before = self.span_text(range.start.max(comma.saturating_sub(MAX_CLAIM))..comma);
        let hi = range.end.min(group.1 + 1 + MAX_SEGMENT);
        let mut close = (group.1 + 1..hi).find(|&k| self.text(k) == ",");
        // ", said Ann Lee, the chairman, ...": an apposition may follow a speaker named after
        // the cue; after "Ann Lee said," the report itself goes on ("the debate is ...").
        if let Some(k) = close.filter(|_| speaker_last) {
            let w = self.lower(k + 1);
            if DETERMINERS.contains(w) || self.lx.is_head(w) || self.lx.is_modifier(w) {
                close = (k + 1..hi).find(|&j| self.text(j) == ",");
            }
        }
        // ", said Ann Lee, who follows the market": a relative clause about the speaker is not
        // part of the report.
        let close = close.filter(|&k| !matches!(self.lower(k + 1), "who" | "whose" | "which"));
        let rest = close.map_or(String::new(), |k| {
            let clause = self.clause_after(range, k + 1);
            self.span_text(clause)
        });
        let before = before.trim_matches(|c: char| QUOTE_MARKS_CHARS.contains(&c) || c == ',');
        tidy(&format!("{} {rest}", tidy(before)))
    }

    /// The text of tokens `r`, tidied.
    pub(super) fn span_text(&self, r: Range<usize>) -> String {
        if r.start >= r.end || r.end > self.doc.tokens.len() {
            return String::new();
        }
        tidy(self.doc.slice(
            self.doc.tokens[r.start].start,
            self.doc.tokens[r.end - 1].end,
        ))
    }

    /// The sentence without the cue phrase and holder ("according to X"), at most
    /// [`MAX_CLAIM`] tokens either side.
    pub(super) fn without(&self, range: &Range<usize>, cut: (usize, usize)) -> String {
        let before = self.span_text(range.start.max(cut.0.saturating_sub(MAX_CLAIM))..cut.0);
        let after = self.span_text(cut.1 + 1..range.end.min(cut.1 + 1 + MAX_CLAIM));
        tidy(&format!("{before} {after}"))
    }
}

/// The words of `text`, lowercased, without the punctuation around them.
pub(super) fn claim_words(text: &str) -> Vec<(String, bool)> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
        .map(|w| (crate::case::lowercase(w), w.starts_with(char::is_lowercase)))
        .collect()
}

/// Whether `claim` reads as a clause, with a verb, rather than an object noun phrase or a
/// prepositional phrase ("her third goal for the club", "at length before the committee").
/// Without a tagger, a verb is an auxiliary, a subject pronoun ("it's"), a lowercase word in
/// "-ed" or "n't", an irregular past or "never", "to" before a lowercase word, a gerund after a
/// preposition ("of lying"), or a lowercase "-s" word after another word.
pub(super) fn clause_like(claim: &str) -> bool {
    let words = claim_words(claim);
    words.iter().enumerate().any(|(i, (w, lower))| {
        let stem = w.split(['\'', '’']).next().unwrap_or(w);
        let next_lower = words.get(i + 1).is_some_and(|(n, l)| {
            *l && !DETERMINERS.contains(n.as_str()) && !PRONOUNS.contains(n.as_str())
        });
        AUXILIARIES.contains(w.as_str())
            || IRREGULAR_VERBS.contains(w.as_str())
            || CLAUSE_SUBJECTS.contains(stem)
            || w.ends_with("n't")
            || w.ends_with("n’t")
            || (*lower && w.len() > 4 && w.ends_with("ed"))
            || (w == "to" && next_lower)
            || (*lower
                && i > 0
                && w.len() > 4
                && w.ends_with("ing")
                && PREPOSITIONS.contains(words[i - 1].0.as_str()))
            || (*lower
                && i > 0
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("'s")
                && !w.ends_with("’s")
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !DETERMINERS.contains(words[i - 1].0.as_str())
                && !PREPOSITIONS.contains(words[i - 1].0.as_str()))
    })
}

/// Irregular past forms and "never": a verb in a claim where no "-ed" shows it ("the station
/// never shut its doors", "the team won").
const IRREGULAR_VERBS: Words = words![
    "never",
    "made",
    "took",
    "won",
    "lost",
    "got",
    "gave",
    "came",
    "went",
    "saw",
    "knew",
    "thought",
    "told",
    "said",
    "left",
    "began",
    "became",
    "brought",
    "bought",
    "felt",
    "held",
    "kept",
    "led",
    "met",
    "paid",
    "ran",
    "sent",
    "shut",
    "sold",
    "spent",
    "stood",
    "struck",
    "taught",
    "wrote",
    "hit",
    "found",
    "built",
    "chose",
    "fell",
    "fought",
    "grew",
    "meant",
    "rose",
    "sat",
    "spoke",
    "threw",
    "understood",
    "broke",
    "drove",
    "forgot",
    "heard",
    "lay",
    "rang",
    "sang",
    "sank",
    "swore",
    "woke",
    "won't",
];

/// Whether an unquoted claim is junk: only a pronoun ("him"), or opening with a preposition
/// and holding no clause ("to him", "during his time at the club"); for a claim of what was
/// said (`said`), also under three words ("That said") or only a name ("the World Health
/// Organization": capitalised words and determiners). An object name stays for the other
/// stances: "endorsed Ann Lee" supports her.
pub(super) fn junk_claim(claim: &str, said: bool) -> bool {
    let words = claim_words(claim);
    let pronoun_only = words.iter().all(|(w, _)| {
        matches!(
            w.as_str(),
            "him" | "her" | "them" | "it" | "us" | "me" | "you" | "himself" | "herself" | "this"
        ) || DETERMINERS.contains(w.as_str())
    });
    let prepositional = words
        .first()
        .is_some_and(|(w, _)| PREPOSITIONS.contains(w.as_str()) || w == "during")
        && !clause_like(claim);
    let name_only = words
        .iter()
        .all(|(w, lower)| !lower || DETERMINERS.contains(w.as_str()) || w == "of");
    // "found himself in an awkward position": what someone did, not said.
    let reflexive = words.first().is_some_and(|(w, _)| {
        matches!(w.as_str(), "himself" | "herself" | "themselves" | "itself")
    });
    // "said, according to a transcript, ...": the source of the report, not what it says.
    let frame = words.len() >= 2 && words[0].0 == "according" && words[1].0 == "to";
    // "offered no proof", "gave no details": the absence of a statement is none.
    let nothing = words.len() <= 3 && words.first().is_some_and(|(w, _)| w == "no");
    pronoun_only
        || prepositional
        || nothing
        || frame
        || (said && (words.len() < 3 || name_only || reflexive))
}

/// Trims punctuation and spaces off a claim's ends.
pub(super) fn tidy(s: &str) -> String {
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–')
    });
    // A claim cut at its length limit may end on a conjunction ("... on Sudan and").
    let s = [" and", " or", " but"]
        .iter()
        .find_map(|c| s.strip_suffix(c))
        .map_or(s, |t| t.trim_end_matches(&[',', ' '][..]));
    strip_dateline(s)
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–'))
        .to_string()
}

/// A claim without the dateline the article opens with ("LONDON — After ..."): words in
/// capitals (and a comma) before a dash.
pub(super) fn strip_dateline(s: &str) -> &str {
    for dash in [" — ", " – ", " -- ", " - "] {
        if let Some(i) = s.find(dash).filter(|&i| i > 1 && i <= 40) {
            let head = &s[..i];
            let capitals = head.chars().any(char::is_alphabetic)
                && head
                    .chars()
                    .all(|c| !c.is_lowercase() && (c.is_alphabetic() || " ,.()".contains(c)));
            if capitals {
                return &s[i + dash.len()..];
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    /// A claim cut at its length limit does not end on a conjunction.
    #[test]
    fn tidy_drops_a_trailing_conjunction() {
        assert_eq!(
            super::tidy("the plan to reverse its position on Sudan and"),
            "the plan to reverse its position on Sudan"
        );
        assert_eq!(super::tidy("rain or shine, "), "rain or shine");
        assert_eq!(super::tidy("Sand"), "Sand");
    }
}
