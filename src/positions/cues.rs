//! Cues: the speech and attitude words, multi-word cues and reactions that open a position,
//! and the cues that state none ("declined to comment", "continued to interject").

use super::*;

impl<'a, 'd> Finder<'a, 'd> {
    /// The cue at token `c`, if any.
    pub(super) fn cue_at(&self, c: usize, range: &Range<usize>) -> Option<Cue> {
        let t = self.doc.tokens.get(c)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let lower = self.lower(c);
        // One lookup says whether any cue list knows the word; most words are in none.
        let cue_lists = word::PHRASE | word::CUE | word::STATE | word::REACTION;
        if self.lx.word_bits(lower) & cue_lists == 0 {
            return None;
        }
        if let Some(cue) = self.phrase_cue(c, lower, range) {
            return Some(cue);
        }
        if let Some(stance) = self.lx.cue(lower) {
            return self.verb_cue(c, lower, stance, range);
        }
        if let Some(&stance) = self.lx.states.get(lower) {
            return Some(Cue {
                first: c,
                last: c,
                stance,
                kind: CueKind::State,
            });
        }
        if let Some(&stance) = self.lx.reactions.get(lower) {
            if REACTION_NOUNS.contains(self.lower(c + 1)) {
                return Some(Cue {
                    first: c,
                    last: c + 1,
                    stance,
                    kind: CueKind::Reaction,
                });
            }
        }
        None
    }

    /// A multi-word cue starting at token `c` ("according to", "called for").
    fn phrase_cue(&self, c: usize, lower: &str, range: &Range<usize>) -> Option<Cue> {
        let list = self.lx.phrases.get(lower)?;
        let p = list.iter().find(|p| {
            c + p.rest.len() < range.end
                && p.rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.lower(c + 1 + k) == *w)
        })?;
        let kind = if lower == "according" {
            CueKind::According
        } else {
            CueKind::Verb
        };
        Some(Cue {
            first: c,
            last: c + p.rest.len(),
            stance: p.stance,
            kind,
        })
    }

    /// A one-word cue verb at token `c` with its lexicon `stance`, unless it is a noun ("the
    /// support", "his claims"), part of a name (capitalised mid-sentence) or another verb with
    /// a particle ("called off", "backed down").
    fn verb_cue(&self, c: usize, lower: &str, stance: Stance, range: &Range<usize>) -> Option<Cue> {
        let t = self.doc.tokens.get(c)?;
        let noun_before = c > range.start
            && (DETERMINERS.contains(self.lower(c - 1)) || self.is_possessive(c - 1));
        let headline = self
            .doc
            .sentences
            .get(self.doc.sentence_of(c))
            .is_some_and(|s| matches!(s.kind, SentenceKind::Headline | SentenceKind::Heading));
        if noun_before
            || (t.shape != Shape::Lower && c > range.start && !headline)
            || matches!(self.lower(c + 1), "off" | "down" | "up" | "away")
        {
            return None;
        }
        let kind = if self.lx.speech.contains(lower) {
            CueKind::Speech
        } else {
            CueKind::Verb
        };
        // "continued to say", "wants to support": the verb after "to" is the cue, and gives
        // the stance ("declined to say" stays a refusal to speak).
        let refusal = matches!(lower, "declined" | "declines" | "refused" | "refuses");
        if self.lower(c + 1) == "to" && c + 2 < range.end && !refusal {
            if let Some(&inner) = self.lx.cues.get(self.lower(c + 2)) {
                let stance = if inner == Stance::Says { stance } else { inner };
                return Some(Cue {
                    first: c,
                    last: c + 2,
                    stance,
                    kind: CueKind::Verb,
                });
            }
        }
        Some(Cue {
            first: c,
            last: c,
            stance,
            kind,
        })
    }

    /// Whether the cue introduces no position: a refusal to speak ("declined to comment"), or a
    /// speech verb before an infinitive, where it means something else ("continued to
    /// interject", "added to the pressure" stays, "asked to leave" goes).
    pub(super) fn not_a_position(&self, cue: &Cue) -> bool {
        if self.lower(cue.last + 1) != "to" {
            return false;
        }
        let next = self.lower(cue.last + 2);
        if matches!(
            self.lower(cue.first),
            "declined" | "declines" | "refused" | "refuses"
        ) {
            return NO_COMMENT.contains(next);
        }
        // A speech verb and "to" speak to someone: a name, people ("reporters"), or a pronoun
        // ending the phrase ("said to him, ..."). Anything else makes another verb
        // ("continued to interject", "is adding to her lead").
        let t = self.doc.tokens.get(cue.last + 2);
        let name = t.is_some_and(|t| t.shape != Shape::Lower);
        let pronoun = matches!(next, "him" | "her" | "them" | "us" | "me" | "you")
            && matches!(
                self.lower(cue.last + 3),
                "," | "that" | ":" | "." | "\"" | "“"
            );
        let addressee = name || pronoun || self.is_agent(next);
        cue.kind == CueKind::Speech && !addressee
    }
}
