//! Quotations: pairing quotation marks in each paragraph, the quotation a cue attributes,
//! speaker labels ("Name: ...") and quotations continued after their attribution.

use super::*;

impl<'a, 'd> Finder<'a, 'd> {
    /// The quotation a row quotes: the first in the sentence (`start..end`) after its cue
    /// (`cue_start..cue_end`), else the last before it; at least [`MIN_QUOTE_WORDS`] words.
    /// Only a few quotations either side are looked at.
    pub(super) fn quote_for(
        &self,
        start: usize,
        end: usize,
        cue_start: usize,
        cue_end: usize,
    ) -> Option<Range<usize>> {
        let long = |q: &&Range<usize>| {
            let text = self.doc.slice(q.start, q.end);
            text.split_whitespace().take(MIN_QUOTE_WORDS).count() >= MIN_QUOTE_WORDS
                && !title_like(text)
        };
        let i = self.quotes.partition_point(|q| q.start < cue_end);
        let after = self.quotes[i..]
            .iter()
            .take(4)
            .take_while(|q| q.start < end)
            .find(long);
        if let Some(q) = after {
            return Some(q.clone());
        }
        let j = self.quotes.partition_point(|q| q.start < cue_start);
        self.quotes[..j]
            .iter()
            .rev()
            .take(4)
            .take_while(|q| q.end > start)
            .find(long)
            .cloned()
    }
}

/// Most words of a quoted title.
const MAX_TITLE_WORDS: usize = 8;

/// Whether a quotation reads as the title of a show, book or song ("Fox News Sunday", "Make
/// Your Kid a Millionaire", "A Change Is Gonna Come"): a few words, each longer than three
/// letters capitalised, no sentence punctuation. A title is named, not said.
pub(super) fn title_like(quote: &str) -> bool {
    let quote = quote.trim_end_matches(&[',', ' '][..]);
    let words: Vec<&str> = quote.split_whitespace().collect();
    (2..=MAX_TITLE_WORDS).contains(&words.len())
        && !quote.ends_with(['.', '!', '?'])
        && words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() < 4
                || w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        })
}

/// Byte spans of the quotations (content, without the marks) of each paragraph.
pub(super) fn quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        let text = doc.slice(para.start, para.end);
        let mut open: Option<usize> = None;
        // The last colon after the last quote found: where a quote whose opening mark is
        // missing starts. Kept as the scan goes, so that each closing mark does not search
        // back to the paragraph's start (quadratic on a run of them), and a quote never
        // starts inside the one before it.
        let mut colon: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = para.start + i;
            if c == ':' {
                colon = Some(i);
                continue;
            }
            // Two apostrophes stand for a double quotation mark in some archives ('' ... '').
            let doubled = c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'');
            if c == '\'' && !doubled {
                continue;
            }
            let width = if doubled { 2 } else { c.len_utf8() };
            if doubled {
                chars.next();
            }
            let c = if doubled { '"' } else { c };
            match (open, c) {
                (None, '"' | '“') => open = Some(at + width),
                (Some(o), '"' | '”') => {
                    out.push(o..at);
                    open = None;
                    colon = None;
                }
                (Some(_), '“') => open = Some(at + width),
                (None, '”') => {
                    // A closing mark with no opening one: the quote starts after the last colon.
                    if let Some(c) = colon.take() {
                        out.push(para.start + c + 1..at);
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            // An opening mark never closed, or a straight quote that closes a quote whose
            // opening mark is missing ("said: The principal thing ... Europe."").
            let before = doc.slice(para.start, o);
            if o == para.end {
                if let Some(colon) = before.rfind(':') {
                    out.push(para.start + colon + 1..o - 1);
                }
            } else {
                out.push(o..para.end);
            }
        }
    }
    let mut out = out
        .iter()
        .map(|r| {
            let s = doc.slice(r.start, r.end);
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            r.start + lead..r.end - trail
        })
        .filter(|r| r.start < r.end)
        .collect::<Vec<_>>();
    // Sorted by start so lookups can binary-search.
    crate::util::sort_by_key(&mut out, |r| (r.start, r.end));
    out
}

/// The first quotation overlapping `start..end`; `quotes` are sorted and disjoint.
pub(super) fn overlapping(
    quotes: &[Range<usize>],
    start: usize,
    end: usize,
) -> Option<&Range<usize>> {
    let i = quotes.partition_point(|q| q.end <= start);
    quotes.get(i).filter(|q| q.start < end)
}

/// "Name: statement" at the start of a sentence.
pub(super) fn colon_row(f: &Finder, si: usize, range: &Range<usize>) -> Option<Position> {
    let doc = f.doc;
    let l = f.link_starting(range.start)?;
    if !l.named || f.text(l.last + 1) != ":" || l.last + 2 >= range.end {
        return None;
    }
    let e = f.actors.list.get(l.actor)?;
    if e.kind == ActorKind::Place {
        return None;
    }
    let claim = tidy(doc.slice(doc.tokens[l.last + 2].start, doc.tokens[range.end - 1].end));
    if claim.split_whitespace().count() < MIN_QUOTE_WORDS {
        return None;
    }
    Some(named_says_row(f, si, l, claim, true, ":"))
}

/// A "says" row for the name at link `l` in sentence `si`, whose words (`claim`, a quotation
/// when `quoted`) the layout attributes rather than a cue verb: the two forms above.
fn named_says_row(
    f: &Finder,
    si: usize,
    l: &Link,
    claim: String,
    quoted: bool,
    cue: &str,
) -> Position {
    let (actor, resolved, side, mention) = describe(f, &f.actor_of(l));
    Position {
        actor,
        resolved,
        side,
        sentence: si,
        evidence: f.doc.sentence_text(si).to_string(),
        quote: quoted.then(|| claim.clone()),
        claim,
        cue: Some(cue.to_string()),
        stance: Some(crate::model::Stance::Says),
        mention: Some(mention),
        confidence: 0.0,
    }
}

/// Most tokens after a signature's name on its line: "(@SpeakerRyan) July 5, 2016".
const MAX_SIGNATURE_TAIL: usize = 10;

/// A quotation signed with a dash and a name ending its line: '"..." ― Sonya Herridge' in a
/// collection of quotes, and embedded posts ('... — Paul Ryan (@SpeakerRyan) July 5, 2016').
/// The claim is the quotation right before the dash; without quotation marks, the line
/// before it, but only for a post (the name followed by its "(@handle)").
pub(super) fn signature_row(f: &Finder, si: usize, range: &Range<usize>) -> Option<Position> {
    let doc = f.doc;
    let (dash, l) = (range.start..range.end).find_map(|k| {
        let l = f.link_starting(k + 1)?;
        matches!(f.text(k), "―" | "—" | "–" | "--").then_some((k, l))
    })?;
    let e = f.actors.list.get(l.actor)?;
    let gap = |j: usize| doc.slice(doc.tokens[j - 1].end, doc.tokens[j].start);
    // The rest of the line: no lowercase word, at most a handle and a date.
    let line_end = (l.last + 1..range.end)
        .find(|&j| gap(j).contains('\n'))
        .unwrap_or(range.end);
    let tail_ok = line_end - (l.last + 1) <= MAX_SIGNATURE_TAIL
        && (l.last + 1..line_end).all(|j| doc.tokens[j].shape != Shape::Lower);
    if !l.named || e.kind != ActorKind::Person || !tail_ok {
        return None;
    }
    let dash_at = doc.tokens[dash].start;
    let quoted = f.quotes[..f.quotes.partition_point(|q| q.end <= dash_at)]
        .last()
        .filter(|q| {
            doc.slice(q.end, dash_at)
                .chars()
                .all(|c| c.is_whitespace() || QUOTE_MARKS_CHARS.contains(&c))
        });
    let claim = match quoted {
        Some(q) => tidy(doc.slice(q.start, q.end)),
        None if f.text(l.last + 1) == "(" && f.text(l.last + 2).starts_with('@') => {
            let para = &doc.paragraphs[doc.sentences[si].paragraph];
            tidy(doc.slice(para.start, dash_at))
        }
        None => return None,
    };
    if claim.split_whitespace().count() < MIN_QUOTE_WORDS {
        return None;
    }
    Some(named_says_row(
        f,
        si,
        l,
        claim,
        quoted.is_some(),
        f.text(dash),
    ))
}

/// '"A," Ann Lee said. "B."': a sentence opening with a quotation, naming no one outside it,
/// right after a quoted row in the same paragraph, goes on with that row's quotation, so the
/// claim is the whole statement and stops where the quotation ends.
pub(super) fn extend_quote(f: &Finder, si: usize, range: &Range<usize>, out: &mut [Position]) {
    let doc = f.doc;
    let s = &doc.sentences[si];
    let Some(last) = out.last_mut() else { return };
    let prev = si.checked_sub(1).map(|p| &doc.sentences[p]);
    if last.sentence + 1 != si
        || prev.is_none_or(|p| p.paragraph != s.paragraph)
        || !f.is_quote_mark(range.start)
        || last.quote.as_deref() != Some(last.claim.as_str())
        || last.claim.split_whitespace().count() > MAX_CLAIM
    {
        return;
    }
    let Some(q) = f.quote_for(s.start, s.end, s.start, s.start) else {
        return;
    };
    if q.start > doc.tokens[range.start].end + 1 {
        return;
    }
    let other = f
        .actors
        .links_in(range.clone())
        .any(|l| l.named && !f.in_quote(l.first));
    if other {
        return;
    }
    let more = tidy(doc.slice(q.start, q.end));
    let head = last.claim.trim_end_matches(&[',', ';', ':'][..]);
    let joiner = if more.starts_with(char::is_lowercase) {
        ", "
    } else if head.ends_with(['.', '?', '!']) {
        " "
    } else {
        ". "
    };
    let claim = format!("{head}{joiner}{more}");
    last.quote = Some(claim.clone());
    last.claim = claim;
}

/// A row for a quotation that continues the last speaker's: the sentence opens the paragraph
/// after the speaker's with a quotation and names no one else outside it.
pub(super) fn continued(
    f: &Finder,
    si: usize,
    range: &Range<usize>,
    last: &mut Option<(Holder, usize, Option<String>)>,
) -> Option<Position> {
    let doc = f.doc;
    let s = &doc.sentences[si];
    let (holder, para, mention) = last.clone()?;
    // Only a paragraph opening with a quotation right after the speaker's paragraph: later
    // sentences of a quotation already belong to its row.
    let first_of_paragraph = si == 0 || doc.sentences[si - 1].paragraph != s.paragraph;
    if para + 1 != s.paragraph || !first_of_paragraph || !f.is_quote_mark(range.start) {
        return None;
    }
    let q = f.quote_for(s.start, s.end, s.start, s.start)?;
    // Another name outside the quotation may be its speaker: leave it.
    let other = f
        .actors
        .links_in(range.clone())
        .any(|l| l.named && !f.in_quote(l.first));
    if other {
        return None;
    }
    let quote = tidy(doc.slice(q.start, q.end));
    let (actor, resolved, side, _) = describe(f, &holder);
    *last = Some((holder, s.paragraph, mention.clone()));
    Some(Position {
        actor,
        resolved,
        side,
        sentence: si,
        evidence: doc.sentence_text(si).to_string(),
        claim: quote.clone(),
        quote: Some(quote),
        cue: None,
        stance: Some(crate::model::Stance::Says),
        mention,
        confidence: 0.0,
    })
}

#[cfg(test)]
mod tests {
    fn quotes(text: &str) -> Vec<&str> {
        let doc = crate::text::Document::new(text, Some(crate::Lang::English));
        super::quotations(&doc)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    /// Closing marks without opening ones: each quote starts after a colon of its own, so
    /// quotes never overlap (a second mark once reached back to the first quote's colon).
    #[test]
    fn quotes_without_opening_marks_do_not_overlap() {
        let text = "Ms Holt wrote: the pier is safe” and the levy fair” she said.";
        assert_eq!(quotes(text), ["the pier is safe"]);
        let text = "Ms Holt wrote: the pier is safe” and then: the levy is fair” she said.";
        assert_eq!(quotes(text), ["the pier is safe", "the levy is fair"]);
    }
}
