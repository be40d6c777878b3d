//! Holder resolution: the subject left of a cue (over auxiliaries, parentheses, dashes and
//! chains of appositions), the speaker after an inverted cue, noun phrases that speak for
//! someone, pronouns resolved only when unambiguous, and fragments of names made whole.

use super::*;
use crate::util::{words, Words};

impl<'a, 'd> Finder<'a, 'd> {
    /// A holder that is a fragment of a name made whole ([`Finder::whole_name`]); a
    /// descriptor next to a person's name (", Ann Lee,") gives way to the name.
    pub(super) fn repair_holder(&self, h: Holder) -> Holder {
        if let Some(whole) = self.whole_name(&h) {
            return whole;
        }
        if let Holder::Surface { first, last } = h {
            let person = |l: &&Link| {
                l.named
                    && self
                        .actors
                        .list
                        .get(l.actor)
                        .is_some_and(|e| e.kind == ActorKind::Person)
            };
            if self.text(last + 1) == "," {
                if let Some(l) = self.link_starting(last + 2).filter(person) {
                    return self.actor_of(l);
                }
            }
            if first >= 2 && self.text(first - 1) == "," {
                if let Some(l) = self.link_ending(first - 2).filter(person) {
                    return self.actor_of(l);
                }
            }
        }
        h
    }

    /// Whether tokens `a` and `b` touch with no space, as parts of one word ("PG", "&", "E").
    fn glued(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.doc.tokens.get(a), self.doc.tokens.get(b)) else {
            return false;
        };
        x.end == y.start && (x.kind != TokenKind::Punct || matches!(self.text(a), "&" | "-"))
    }

    /// The holder's words as written when it is a fragment of a name: glued to the word before
    /// it ("E" of "PG&E officials", "officials" after "AT&T"), or a mention cut before a middle
    /// initial ("Peter T. King"), a particle ("Pierre de Vos") or " & " ("the World Travel &
    /// Tourism Council"). `None` when the holder is whole.
    fn whole_name(&self, h: &Holder) -> Option<Holder> {
        let (first0, last0) = h.span();
        let mut first = first0;
        // "AT&T officials": the word before the holder ends a compound glued by "&" or "-".
        if first >= 2
            && self.is_word(first - 1)
            && self.glued(first - 2, first - 1)
            && matches!(self.text(first - 2), "&" | "-")
        {
            first -= 1;
        }
        while first > 0 && self.glued(first - 1, first) && first + MAX_NP > first0 {
            first -= 1;
        }
        let mut last = if matches!(h, Holder::Actor { .. }) {
            self.name_continues(last0)
        } else {
            last0
        };
        while self.glued(last, last + 1) && self.is_word(last + 1) && last < last0 + MAX_NP {
            last += 1;
        }
        (first != first0 || last != last0).then_some(Holder::Surface { first, last })
    }

    /// The last token of a name whose mention ends at `last` but goes on: a middle initial and
    /// a capitalised word, a lowercase particle and a capitalised word, or "&" and capitalised
    /// words.
    fn name_continues(&self, last: usize) -> usize {
        let capitalised = |k: usize| {
            self.doc
                .tokens
                .get(k)
                .is_some_and(|t| t.shape == Shape::Capitalized)
        };
        let w = self.text(last + 1);
        let initial =
            w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()) && self.text(last + 2) == ".";
        if initial && capitalised(last + 3) {
            return last + 3;
        }
        const PARTICLES: Words = words![
            "de", "da", "van", "von", "der", "del", "della", "di", "du", "la", "le", "bin", "al",
        ];
        if PARTICLES.contains(w) && capitalised(last + 2) {
            return last + 2;
        }
        if w == "&" {
            let mut k = last + 2;
            while k < last + MAX_NP
                && self
                    .doc
                    .tokens
                    .get(k)
                    .is_some_and(|t| t.shape != Shape::Lower && t.kind == TokenKind::Word)
            {
                k += 1;
            }
            if k > last + 2 {
                return k - 1;
            }
        }
        last
    }

    /// Whether the holder is a "he" or "she" with more than one person of that gender (or of
    /// none known) mentioned in the reach before it: the row would guess, so it is dropped.
    pub(super) fn ambiguous_pronoun(&self, h: &Holder) -> bool {
        let Holder::Actor { actor, first, last } = *h else {
            return false;
        };
        let g = match self.lower(first) {
            "he" => crate::lexicon::Gender::Male,
            "she" => crate::lexicon::Gender::Female,
            _ => return false,
        };
        if first != last {
            return false;
        }
        let from = first.saturating_sub(PRONOUN_REACH);
        let compatible = |l: &&Link| {
            l.first != first
                && self.actors.list.get(l.actor).is_some_and(|e| {
                    e.kind == ActorKind::Person && e.gender.is_none_or(|eg| eg == g)
                })
        };
        let candidates: Vec<&Link> = self
            .actors
            .links_in(from..first)
            .filter(compatible)
            .collect();
        if candidates.iter().all(|l| l.actor == actor) {
            return false;
        }
        // Another person is in reach: the pronoun still stands for the nearest subject when
        // that is the actor it was resolved to ("Ann Lee told Tom Berg ... She said").
        let subject = candidates
            .iter()
            .rev()
            .find(|l| self.opens_clause(l.first) && self.verb_follows(l.last));
        subject.is_none_or(|l| l.actor != actor)
    }

    /// Whether token `k` opens its sentence or a clause (after a comma, an opener or a
    /// quotation mark).
    pub(super) fn opens_clause(&self, k: usize) -> bool {
        if k >= self.doc.tokens.len() {
            return false;
        }
        let start = self.doc.sentences[self.doc.sentence_of(k)].tokens.start;
        // Titles before a name ("President Ann Lee") still open it.
        let mut k = k;
        while k > start && {
            let w = self.lower(k - 1);
            self.lx.honorifics.contains_key(w) || self.lx.is_head(w) || self.lx.is_modifier(w)
        } {
            k -= 1;
        }
        k == start || {
            let prev = self.lower(k - 1);
            prev == "," || OPENERS.contains(prev) || self.is_quote_mark(k - 1)
        }
    }

    /// Whether a verb (a lowercase word, after auxiliaries and adverbs) follows token `k`.
    pub(super) fn verb_follows(&self, k: usize) -> bool {
        let mut j = k + 1;
        while self.is_gap(j) && j < k + MAX_GAP {
            j += 1;
        }
        self.doc.tokens.get(j).is_some_and(|t| {
            t.kind == TokenKind::Word && t.shape == Shape::Lower && !t.stop
                || BE_FORMS.contains(self.lower(j))
        })
    }

    /// The common noun phrase ending at token `j` (not before `lo`): its first token and the
    /// possessor mention inside it ("Trump's spokesman"), if it is a noun phrase at all.
    pub(super) fn noun_phrase_before(
        &self,
        j: usize,
        lo: usize,
    ) -> Option<(usize, Option<&'a Link>)> {
        let t = self.doc.tokens.get(j)?;
        let w = self.lower(j);
        if t.kind != TokenKind::Word || t.stop || self.is_cue(w) {
            return None;
        }
        let mut k = j;
        let mut possessor = None;
        while k > lo && j - k < MAX_NP {
            let p = k - 1;
            let pw = self.lower(p);
            if self.is_possessive(p) && p > lo {
                if let Some(l) = self.link_ending(p - 1) {
                    possessor = Some(l);
                    k = l.first;
                    continue;
                }
                break;
            }
            if DETERMINERS.contains(pw) {
                k = p;
                break;
            }
            if let Some(l) = self.link_ending(p) {
                // A name used as a modifier: "Trump campaign manager".
                possessor = Some(l);
                k = l.first;
                continue;
            }
            let pt = &self.doc.tokens[p];
            let content = pt.kind == TokenKind::Word && !pt.stop && !self.is_cue(pw);
            if content || pw == "-" || pt.kind == TokenKind::Number {
                k = p;
                continue;
            }
            break;
        }
        Some((k, possessor))
    }

    /// A holder from the noun phrase `first..=last` whose head is `last`: a spokesman speaks
    /// for the name in it; other agent nouns give an unresolved holder.
    pub(super) fn noun_holder(
        &self,
        first: usize,
        last: usize,
        of: Option<&'a Link>,
    ) -> Option<Holder> {
        let head = self.lower(last);
        if SPOKES_NOUNS.contains(head) {
            if let Some(l) = of {
                return Some(Holder::Actor {
                    actor: l.actor,
                    first,
                    last: last.max(l.last),
                });
            }
        }
        let pronoun_start = PRONOUNS.contains(self.lower(first))
            || matches!(self.lower(first), "his" | "her" | "their" | "its");
        if self.is_agent(head) && !(pronoun_start && first == last) {
            return Some(Holder::Surface { first, last });
        }
        None
    }

    /// The holder whose mention or noun phrase ends at token `j`, as a clause subject.
    pub(super) fn subject_ending(&self, j: usize, lo: usize) -> Left {
        if let Some(l) = self.link_ending(j) {
            // "supporters of Trump", "32 percent of British Columbians": the name sits in a
            // prepositional phrase, possibly after a determiner or adjectives.
            let mut p = l.first;
            while p > lo && p + 3 > l.first && {
                let w = self.lower(p - 1);
                DETERMINERS.contains(w) || self.lx.adjectives.contains_key(w)
            } {
                p -= 1;
            }
            if p > lo && p < l.first && PREPOSITIONS.contains(self.lower(p - 1)) {
                return Left::Blocked;
            }
            // "Stacy Baker of Columbia, South Carolina says": a place after a comma is an
            // address in an apposition chain.
            let is_place = self
                .actors
                .list
                .get(l.actor)
                .is_some_and(|e| e.kind == ActorKind::Place);
            if is_place && l.first > lo && self.text(l.first - 1) == "," {
                return self.apposition_chain(l.first - 1, lo);
            }
            if l.first > lo && PREPOSITIONS.contains(self.lower(l.first - 1)) {
                // "Senator Ann Lee of California said": the person before "of" speaks.
                let prep = l.first - 1;
                if prep > lo && matches!(self.lower(prep), "of" | "from" | "at") {
                    let person = self.link_ending(prep - 1).filter(|p| {
                        p.named
                            && self
                                .actors
                                .list
                                .get(p.actor)
                                .is_some_and(|e| e.kind == ActorKind::Person)
                    });
                    if let Some(p) = person {
                        return Left::Found(self.actor_of(p));
                    }
                }
                // "a spokesman for Trump", "supporters of Trump": the phrase before is the
                // subject.
                if prep > lo {
                    if let Some((start, _)) = self.noun_phrase_before(prep - 1, lo) {
                        return match self.noun_holder(start, prep - 1, Some(l)) {
                            Some(Holder::Surface { first, .. }) => Left::Found(Holder::Surface {
                                first,
                                last: l.last,
                            }),
                            Some(h) => Left::Found(match h {
                                Holder::Actor { actor, first, .. } => Holder::Actor {
                                    actor,
                                    first,
                                    last: l.last,
                                },
                                s => s,
                            }),
                            None => Left::Blocked,
                        };
                    }
                }
                return Left::Blocked;
            }
            return Left::Found(self.actor_of(l));
        }
        let w = self.lower(j);
        if PRONOUNS.contains(w) {
            return Left::Blocked;
        }
        match self.noun_phrase_before(j, lo) {
            Some((start, of)) => match self.noun_holder(start, j, of) {
                Some(h) => Left::Found(h),
                None => Left::Blocked,
            },
            None => Left::Blocked,
        }
    }

    /// A segment of an apposition chain `lo..hi` as a subject: a name with nothing but
    /// determiners, titles and modifiers before it, or an agent noun phrase.
    pub(super) fn segment_subject(&self, lo: usize, hi: usize) -> (Option<Holder>, Option<Holder>) {
        let mut lo = lo;
        while lo < hi && (OPENERS.contains(self.lower(lo)) || self.is_quote_mark(lo)) {
            lo += 1;
        }
        if lo >= hi {
            return (None, None);
        }
        let mut j = hi - 1;
        while j > lo && self.is_gap(j) {
            j -= 1;
        }
        if self.text(j) == ")" {
            match (lo..j).rev().find(|&k| self.text(k) == "(") {
                Some(open) if open > lo => j = open - 1,
                _ => return (None, None),
            }
        }
        let first_word = self.lower(lo);
        if matches!(first_word, "who" | "which" | "whose" | "whom" | "that")
            || PREPOSITIONS.contains(first_word)
        {
            return (None, None);
        }
        if let Some(l) = self.link_ending(j) {
            // "founder of the Media Research Center": a name in a prepositional phrase.
            let mut p = l.first;
            while p > lo && DETERMINERS.contains(self.lower(p - 1)) {
                p -= 1;
            }
            if p > lo && PREPOSITIONS.contains(self.lower(p - 1)) {
                // "Ann Lee of the Harbour Trust in Leeds": the person named first, before
                // the prepositional phrase, is the subject.
                let first = self.actors.links_in(lo..p).next().filter(|f| {
                    f.named
                        && matches!(self.lower(f.last + 1), "of" | "from" | "at" | "with")
                        && self
                            .actors
                            .list
                            .get(f.actor)
                            .is_some_and(|e| e.kind == ActorKind::Person)
                        && (lo..f.first).all(|k| {
                            let w = self.lower(k);
                            DETERMINERS.contains(w)
                                || self.lx.is_head(w)
                                || self.lx.is_modifier(w)
                                || self.lx.honorifics.contains_key(w)
                                || self.doc.tokens[k].shape != Shape::Lower
                        })
                });
                return (first.map(|f| self.actor_of(f)), None);
            }
            let clean = (lo..l.first).all(|k| {
                let w = self.lower(k);
                let t = &self.doc.tokens[k];
                DETERMINERS.contains(w)
                    || self.lx.is_head(w)
                    || self.lx.is_modifier(w)
                    || self.lx.honorifics.contains_key(w)
                    || self.lx.country_of(self.text(k)).is_some()
                    || t.shape == Shape::Capitalized
                    || t.shape == Shape::Upper
                    || self.is_possessive(k)
                    || matches!(w, "-" | "." | "of")
                    || t.kind == TokenKind::Number
            });
            if clean {
                return (Some(self.actor_of(l)), None);
            }
            return (None, None);
        }
        if let Some((start, of)) = self.noun_phrase_before(j, lo) {
            if start == lo {
                return (None, self.noun_holder(start, j, of));
            }
        }
        (None, None)
    }

    /// Looks left from the cue at `c` for its subject.
    pub(super) fn left(&self, c: usize, lo: usize, state: bool) -> Left {
        let (j, be) = match self.step_left(c, lo) {
            Ok(found) => found,
            Err(left) => return left,
        };
        if state && !be {
            return Left::Blocked;
        }
        // "was accused", "is said": a participle after "be" is passive.
        let cue_word = self.lower(c);
        let participle =
            cue_word.ends_with("ed") || matches!(cue_word, "told" | "said" | "thought");
        let passive = be && !state && participle;
        let w = self.lower(j);
        let t = &self.doc.tokens[j];
        if t.kind == TokenKind::Punct {
            if w == "," {
                if passive {
                    return Left::Passive;
                }
                return self.apposition_chain(j, lo);
            }
            return if passive { Left::Passive } else { Left::Open };
        }
        if matches!(w, "and" | "but") {
            return Left::Coordinated;
        }
        if matches!(w, "by" | "while" | "after" | "before" | "when" | "without") {
            return Left::Participle;
        }
        let found = if matches!(w, "who" | "which" | "that") && j > lo {
            // The noun a relative clause hangs on: "Clinton, who said", "officials who said".
            let k = if self.text(j - 1) == "," && j - 1 > lo {
                j - 2
            } else {
                j - 1
            };
            self.subject_ending(k, lo)
        } else {
            self.subject_ending(j, lo)
        };
        match found {
            Left::Found(_) if passive => Left::Passive,
            other => other,
        }
    }

    /// The token left of the cue at `c` once auxiliaries, adverbs and times (at most
    /// [`MAX_GAP`]), parentheses and dashed appositions ("Ann Lee — a former aide — said") are
    /// stepped over, and whether a form of "be" was among them; or what the look left gives
    /// when it runs out.
    fn step_left(&self, c: usize, lo: usize) -> Result<(usize, bool), Left> {
        let mut j = c;
        let (mut gaps, mut jumps, mut be) = (0, 0, false);
        loop {
            if j == lo {
                return Err(Left::Open);
            }
            j -= 1;
            if self.is_gap(j) && gaps < MAX_GAP {
                be |= BE_FORMS.contains(self.lower(j));
                gaps += 1;
                continue;
            }
            let dash = |k: usize| matches!(self.text(k), "—" | "–" | "--");
            if (dash(j) || self.text(j) == ")") && jumps < 2 {
                jumps += 1;
                let floor = j.saturating_sub(MAX_SEGMENT).max(lo);
                let open = if dash(j) {
                    (floor..j).rev().find(|&k| dash(k)).filter(|&k| k > lo)
                } else {
                    (floor..j).rev().find(|&k| self.text(k) == "(")
                };
                match open {
                    Some(open) => {
                        j = open;
                        continue;
                    }
                    None if dash(j) => return Err(Left::Open),
                    None => return Err(Left::Blocked),
                }
            }
            return Ok((j, be));
        }
    }

    /// The subject before a chain of appositions ending with the comma at `j`.
    pub(super) fn apposition_chain(&self, j: usize, lo: usize) -> Left {
        let mut segments: Vec<(usize, usize)> = Vec::new();
        let mut end = j;
        for _ in 0..MAX_SEGMENTS {
            let floor = end.saturating_sub(MAX_SEGMENT).max(lo);
            let mut b = end;
            let mut start = None;
            while b > floor {
                b -= 1;
                let w = self.text(b);
                if w == "," {
                    start = Some(b);
                    break;
                }
                if self.is_quote_mark(b) || matches!(w, ";" | ":" | "—" | "–") {
                    // The chain starts after a quotation: '"...," Graham, a former
                    // candidate, told CBS'.
                    if b + 1 < end {
                        segments.push((b + 1, end));
                    }
                    return self.pick_segment(&segments);
                }
            }
            match start {
                Some(b) => {
                    segments.push((b + 1, end));
                    end = b;
                }
                None if b == lo => {
                    segments.push((lo, end));
                    break;
                }
                None => break,
            }
        }
        self.pick_segment(&segments)
    }

    /// The subject among apposition segments (given right to left): the name opening the
    /// chain, else the leftmost person ("Charlie King, a former director of the New York
    /// Democratic Party, said"), else the leftmost other name but a place (later in a chain a
    /// place is an address: "a salesman from Sumter, South Carolina, says"), else the leftmost
    /// agent noun phrase.
    pub(super) fn pick_segment(&self, segments: &[(usize, usize)]) -> Left {
        let mut noun = None;
        let mut other = None;
        for (n, &(lo, hi)) in segments.iter().rev().enumerate() {
            let (name, np) = self.segment_subject(lo, hi);
            if let Some(h) = name {
                let kind = match h {
                    Holder::Actor { actor, .. } => self.actors.list.get(actor).map(|e| e.kind),
                    Holder::Surface { .. } => None,
                };
                if n == 0 || kind == Some(ActorKind::Person) {
                    return Left::Found(h);
                }
                if other.is_none() && kind != Some(ActorKind::Place) {
                    other = Some(h);
                }
            }
            if noun.is_none() {
                noun = np;
            }
        }
        other.or(noun).map_or(Left::Open, Left::Found)
    }

    /// The speaker right after an inverted cue ("said Mr Gates", "said a spokesman for X").
    pub(super) fn right(&self, from: usize, hi: usize) -> Option<Holder> {
        if from >= hi {
            return None;
        }
        // The last name of a run of names and titles: "said Virginia delegate Beau Correll",
        // "said Air Force 1st Lt. Tyler Livingston".
        let mut k = from;
        let mut name = None;
        while k < hi && k - from < MAX_NP {
            if let Some(l) = self.link_starting(k) {
                if self.is_possessive(l.last + 1) {
                    break;
                }
                name = Some(l);
                k = l.last + 1;
                continue;
            }
            let w = self.lower(k);
            let t = &self.doc.tokens[k];
            let title = self.lx.is_head(w)
                || self.lx.is_modifier(w)
                || self.lx.honorifics.contains_key(w)
                || (t.shape != Shape::Lower && t.kind == TokenKind::Word && !t.stop)
                || t.kind == TokenKind::Number
                || w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(w, "." | "-" | "the");
            if !title {
                break;
            }
            k += 1;
        }
        // No title may follow the name: in "the Florida senator" it only modifies the noun.
        if let Some(l) = name.filter(|l| (l.last + 1..k).all(|i| !self.lx.is_head(self.lower(i)))) {
            return Some(self.actor_of(l));
        }
        // A noun phrase: determiner, modifiers, head; "for X" after a spokesman.
        let mut k = from;
        let mut possessor = None;
        if DETERMINERS.contains(self.lower(k)) {
            k += 1;
        }
        let mut head = None;
        while k < hi && k - from < MAX_NP {
            if let Some(l) = self.link_starting(k) {
                if self.is_possessive(l.last + 1) || self.is_word(l.last + 1) {
                    possessor = Some(l);
                    k = l.last + 1 + usize::from(self.is_possessive(l.last + 1));
                    continue;
                }
                break;
            }
            let t = &self.doc.tokens[k];
            if t.kind == TokenKind::Word && !t.stop && !self.is_cue(self.lower(k)) {
                head = Some(k);
                k += 1;
                continue;
            }
            break;
        }
        let head = head?;
        if self.lower(head + 1) == "for" {
            if let Some(l) = self.link_starting(head + 2) {
                if SPOKES_NOUNS.contains(self.lower(head)) {
                    return Some(Holder::Actor {
                        actor: l.actor,
                        first: from,
                        last: l.last,
                    });
                }
                if self.is_agent(self.lower(head)) {
                    return Some(Holder::Surface {
                        first: from,
                        last: l.last,
                    });
                }
            }
        }
        self.noun_holder(from, head, possessor)
    }

    /// The holder after "according to" or a reaction's "in"/"from".
    pub(super) fn after_preposition(&self, from: usize, hi: usize) -> Option<Holder> {
        if let Some(l) = self.named_head(from, hi) {
            return Some(self.actor_of(l));
        }
        let mut k = from;
        if self.lower(k) == "the" && self.link_starting(k).is_none() {
            k += 1;
        }
        if let Some(l) = self.link_starting(k) {
            if !self.is_possessive(l.last + 1) {
                return Some(self.actor_of(l));
            }
        }
        self.right(from, hi)
    }

    /// The person that ends the noun phrase at `from`, after the words describing them: "Acme
    /// Steel spokesman Tom Reilly", "county Transport Commissioner Maria Delgado". A name is
    /// the holder rather than its employer or title; no punctuation may come between.
    fn named_head(&self, from: usize, hi: usize) -> Option<&'a Link> {
        let hi = hi.min(from + MAX_NP);
        let l = self
            .actors
            .links_in(from..hi)
            .find(|l| self.actors.list[l.actor].kind == ActorKind::Person)?;
        let plain = (from..l.first).all(|k| self.is_word(k) && !self.is_possessive(k));
        (l.first > from && plain && !self.is_possessive(l.last + 1) && l.last < hi).then_some(l)
    }

    /// The first name of a coordinated subject whose last conjunct starts at `first`: "Both
    /// Cruz and Fiorina", "Sanders and his aides". The name must open its clause, so that
    /// "Trump attacked Clinton and Sanders said" gives nothing.
    pub(super) fn co_holder(&self, first: usize, lo: usize) -> Option<Holder> {
        if first < lo + 2 || self.lower(first - 1) != "and" {
            return None;
        }
        let l = self.link_ending(first - 2)?;
        let opens = l.first == lo || {
            let prev = self.lower(l.first - 1);
            matches!(prev, "," | "both")
                || OPENERS.contains(prev)
                || self.is_quote_mark(l.first - 1)
        };
        opens.then(|| self.actor_of(l))
    }

    /// The speaker of the sentence: the first mention, within its first tokens, that is not in
    /// a prepositional phrase and is followed by a lowercase word (its verb).
    pub(super) fn sentence_subject(&self, range: &Range<usize>) -> Option<Holder> {
        let hi = range.end.min(range.start + 2 * MAX_SEGMENT);
        for l in self.actors.links_in(range.start..hi) {
            // The subject opens the sentence or a clause: "Christie unleashed ..., and the New
            // Jersey governor tripped up Rubio by calling him out".
            let opens = l.first == range.start || {
                let prev = self.lower(l.first - 1);
                prev == "," || OPENERS.contains(prev) || self.is_quote_mark(l.first - 1)
            };
            if !opens {
                continue;
            }
            let mut k = l.last + 1;
            while k < range.end && self.is_gap(k) && k - l.last < MAX_GAP {
                k += 1;
            }
            let verb = self.doc.tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word && t.shape == Shape::Lower && !t.stop
                    || BE_FORMS.contains(self.lower(k))
            });
            if verb && k < range.end {
                return Some(self.actor_of(l));
            }
        }
        None
    }

    /// The holder of `cue` ([`Finder::holder_for`]) made whole, unless it is a pronoun that
    /// could stand for more than one person, a pronoun contraction ("We’re told") or nobody at
    /// all ("No group claimed").
    pub(super) fn accepted_holder(
        &self,
        cue: &Cue,
        range: &Range<usize>,
        last: &Option<Holder>,
        subject: &mut Option<Option<Holder>>,
    ) -> Option<Holder> {
        let holder = self.repair_holder(self.holder_for(cue, range, last, subject)?);
        let first = self.lower(holder.span().0);
        // "We’re told": a pronoun with its verb glued on is no holder either.
        let contraction = first
            .split(['\'', '’'])
            .next()
            .is_some_and(|w| w != first && PRONOUNS.contains(w));
        // "Everything Trump says is a lie": what X says is the subject of the writer's own
        // statement.
        let nobody = contraction
            || matches!(
                first,
                "no" | "none"
                    | "nobody"
                    | "neither"
                    | "everything"
                    | "anything"
                    | "nothing"
                    | "whatever"
            );
        (!nobody && !self.ambiguous_pronoun(&holder)).then_some(holder)
    }

    /// The holder of `cue` in sentence `range`: after "according to" or a reaction's "in",
    /// else the subject left of the cue; a coordinated verb or a participle shares the
    /// sentence's speaker (`last` holder found in it, else its `subject`, computed once); an
    /// inverted speech verb looks right ("..., said Mr Gates").
    pub(super) fn holder_for(
        &self,
        cue: &Cue,
        range: &Range<usize>,
        last: &Option<Holder>,
        subject: &mut Option<Option<Holder>>,
    ) -> Option<Holder> {
        let mut shared = || {
            last.clone().or_else(|| {
                subject
                    .get_or_insert_with(|| self.sentence_subject(range))
                    .clone()
            })
        };
        match cue.kind {
            CueKind::According => return self.after_preposition(cue.last + 1, range.end),
            CueKind::Reaction => {
                return matches!(self.lower(cue.last + 1), "in" | "from" | "among" | "by")
                    .then(|| self.after_preposition(cue.last + 2, range.end))
                    .flatten();
            }
            _ => {}
        }
        let ing = self.lower(cue.first).ends_with("ing");
        match self.left(cue.first, range.start, cue.kind == CueKind::State) {
            Left::Found(h) => Some(h),
            Left::Blocked => None,
            Left::Passive if self.lower(cue.last + 1) == "by" => {
                self.after_preposition(cue.last + 2, range.end)
            }
            Left::Passive => None,
            Left::Coordinated | Left::Participle => shared(),
            Left::Open if ing && cue.first > range.start => {
                (self.text(cue.first - 1) == ",").then(shared).flatten()
            }
            Left::Open if cue.kind == CueKind::Speech => self.right(cue.last + 1, range.end),
            Left::Open => None,
        }
    }
}

/// Display name, resolution, side and words as written of a holder.
pub(super) fn describe(f: &Finder, holder: &Holder) -> (String, bool, Option<String>, String) {
    let (first, last) = holder.span();
    let mention = match (f.doc.tokens.get(first), f.doc.tokens.get(last)) {
        (Some(a), Some(b)) => f.doc.slice(a.start, b.end).to_string(),
        _ => String::new(),
    };
    match *holder {
        Holder::Actor { actor, .. } => {
            let Some(e) = f.actors.list.get(actor) else {
                return (mention.clone(), false, None, mention);
            };
            let side = match e.kind {
                ActorKind::Person | ActorKind::Group => e.affiliation.clone(),
                ActorKind::Place | ActorKind::Organization => {
                    e.affiliation.clone().or_else(|| Some(e.name.clone()))
                }
            };
            (e.name.clone(), true, side, mention)
        }
        Holder::Surface { .. } => (mention.clone(), false, None, mention),
    }
}
