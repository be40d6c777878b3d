//! Reported speech: one row from a cue and its holder: the quotation or clause it reports,
//! and the holder as the text names it (the stance is [`super::stance`]'s).

use super::*;
use crate::util::{words, Words};

/// The quotation a row quotes, as found in the text.
struct Quoted {
    /// Its span, when there is one.
    range: Option<Range<usize>>,
    /// Its text as quoted (the two halves of a quotation split by its attribution joined).
    text: Option<String>,
    /// It finishes a sentence the writer began ('Children "will see it," he said').
    partial: bool,
}

/// The row for `holder` and `cue` in sentence `si`, and the tokens of the clause it reports.
pub(super) fn row(
    f: &Finder,
    si: usize,
    range: &Range<usize>,
    cue: &Cue,
    holder: &Holder,
) -> Option<(Position, Range<usize>)> {
    let doc = f.doc;
    let quoted = quote_of(f, si, range, cue, holder);
    // "After the union objected, the case was moved": a cue in a leading adverbial clause
    // reports nothing past that clause's comma; what follows is the writer's main clause.
    let subordinate = subordinate_end(f, range, cue);
    let range = &(range.start..subordinate.unwrap_or(range.end));
    let clause = f.clause_after(range, cue.last + 1);
    if subordinate.is_some() && clause.is_empty() && quoted.text.is_none() {
        return None;
    }
    let clause = if cue.stance == Stance::Says {
        clause
    } else {
        f.object_phrase(clause)
    };
    let claim = claim_of(f, range, cue, holder, &quoted, &clause);
    let is_quote = quoted.text.as_deref() == Some(claim.as_str());
    // "But has he called for changing the provisions?": the writer's own question reports
    // no position; a quoted question is the speaker's.
    if !is_quote && doc.sentence_text(si).trim_end().ends_with('?') {
        return None;
    }
    if !acceptable(f, cue, &claim, is_quote) {
        return None;
    }
    let stance = super::stance::stance(f, range, cue)?;
    let (actor, resolved, side, mention) = describe(f, holder);
    let position = Position {
        actor,
        resolved,
        side,
        sentence: si,
        evidence: doc.sentence_text(si).to_string(),
        claim,
        quote: quoted.text,
        cue: Some(
            doc.slice(doc.tokens[cue.first].start, doc.tokens[cue.last].end)
                .to_string(),
        ),
        stance: Some(stance),
        mention: Some(mention),
        confidence: 0.0,
    };
    Some((position, clause))
}

/// Words that open an adverbial clause ahead of the main one ("After ..., ...", "When ...,
/// ..."). "As" is not among them: "As Ann Lee said, the plan works" attributes what follows.
const SUBORDINATORS: Words = words![
    "after", "before", "when", "whenever", "while", "since", "until", "once", "because",
    "although", "though", "if", "unless", "whereas",
];

/// The comma closing the adverbial clause that opens sentence `range` and holds the cue, if
/// any: the token where that clause, and so anything the cue reports, ends.
fn subordinate_end(f: &Finder, range: &Range<usize>, cue: &Cue) -> Option<usize> {
    let first = (range.start..range.end).find(|&k| f.is_word(k))?;
    if !SUBORDINATORS.contains(f.lower(first)) {
        return None;
    }
    (first..range.end.min(cue.last + 1 + MAX_CLAIM))
        .find(|&k| f.text(k) == ",")
        .filter(|&k| k > cue.last && !f.in_quote(k))
}

/// Whether `claim` may stand as a position: long enough, and, when not a quotation, a clause
/// for a "says" cue and no junk.
fn acceptable(f: &Finder, cue: &Cue, claim: &str, quoted: bool) -> bool {
    let min_words = if cue.kind == CueKind::State { 1 } else { 2 };
    if claim.split_whitespace().count() < min_words {
        return false;
    }
    if !quoted && matches!(cue.kind, CueKind::Verb | CueKind::Speech) {
        // What someone did ("added her third goal", "testified before the committee") is
        // not what they said: a "says" cue reports a clause.
        let object_cue = OBJECT_CUES.contains(f.lower(cue.first));
        if cue.stance == Stance::Says && !object_cue && !clause_like(claim) {
            return false;
        }
        if junk_claim(claim, cue.stance == Stance::Says && !object_cue) {
            return false;
        }
    }
    true
}

/// Where the quotation of a row may start: the sentence's start, or the sentence before's
/// when the attribution opens its sentence bare and that sentence ends with a quotation mark
/// in the same paragraph ('"Why me?" Trump said.': the question mark ended the sentence
/// inside the quotation).
fn quote_start(f: &Finder, si: usize, range: &Range<usize>, cue: &Cue, h_first: usize) -> usize {
    let doc = f.doc;
    let s = &doc.sentences[si];
    let bare_attribution = f
        .span_text(f.clause_after(range, cue.last + 1))
        .split_whitespace()
        .count()
        < 2;
    match si.checked_sub(1).map(|p| &doc.sentences[p]) {
        Some(prev)
            if h_first.min(cue.first) == range.start
                && bare_attribution
                && prev.paragraph == s.paragraph
                && doc
                    .slice(prev.start, prev.end)
                    .trim_end()
                    .ends_with(QUOTE_MARKS_CHARS) =>
        {
            prev.start
        }
        _ => s.start,
    }
}

/// A quotation closing right before the attribution ('"...," Ann Lee said during an interview
/// on "Meet the Press"'), which is what it attributes whatever is quoted after, unless the
/// quotation goes on right after the attribution ('"A," Ann Lee said, "B."'), which the
/// split-quote join takes.
fn inverted_quote(
    f: &Finder,
    si: usize,
    cue: &Cue,
    h_first: usize,
    from: usize,
) -> Option<Range<usize>> {
    let doc = f.doc;
    let cue_end = doc.tokens[cue.last].end;
    let group_start = doc.tokens[h_first.min(cue.first)].start;
    let no_words = |a: usize, b: usize| doc.slice(a, b).chars().all(|c| !c.is_alphanumeric());
    let resumed = f
        .quotes
        .get(f.quotes.partition_point(|q| q.start < cue_end))
        .is_some_and(|q| q.start < doc.sentences[si].end && no_words(cue_end, q.start));
    if resumed {
        return None;
    }
    f.quotes
        .get(
            f.quotes
                .partition_point(|q| q.end <= group_start)
                .wrapping_sub(1),
        )
        .filter(|q| {
            q.start >= from
                && no_words(q.end, group_start)
                && !quotes::title_like(doc.slice(q.start, q.end))
        })
        .filter(|q| {
            doc.slice(q.start, q.end)
                .split_whitespace()
                .nth(MIN_QUOTE_WORDS - 1)
                .is_some()
        })
        .cloned()
}

/// The quotation of a row.
fn quote_of(f: &Finder, si: usize, range: &Range<usize>, cue: &Cue, holder: &Holder) -> Quoted {
    let doc = f.doc;
    let (h_first, _) = holder.span();
    let s = &doc.sentences[si];
    let cue_end = doc.tokens[cue.last].end;
    let from = quote_start(f, si, range, cue, h_first);
    let inverted = inverted_quote(f, si, cue, h_first, from);
    let partial = inverted.as_ref().is_some_and(|q| {
        q.start > s.start
            && doc.slice(s.start, q.start).split_whitespace().count() >= 2
            && doc.slice(q.start, q.end).starts_with(char::is_lowercase)
    });
    let quote = inverted
        .clone()
        .or_else(|| f.quote_for(from, s.end, doc.tokens[cue.first].start, cue_end));
    let mut text = quote
        .as_ref()
        .map(|q| tidy(doc.slice(q.start, q.end)))
        .filter(|q| !q.is_empty());
    // A quotation split by its attribution: '"A," Trump said, "and B."' quotes "A, and B".
    if let Some(q) = quote.as_ref().filter(|q| q.start >= cue_end) {
        let first = f.quote_for(s.start, doc.tokens[cue.first].start, q.start, q.start);
        if let Some(p) = first.filter(|p| {
            p.end <= doc.tokens[h_first.min(cue.first)].start
                && doc.slice(p.end, q.start).split_whitespace().count() <= 8
        }) {
            let second = tidy(doc.slice(q.start, q.end));
            let joiner = if second.starts_with(char::is_lowercase) {
                ", "
            } else {
                " "
            };
            text = Some(format!(
                "{}{joiner}{second}",
                tidy(doc.slice(p.start, p.end))
            ));
        }
    }
    // A quotation interrupted by its attribution and an aside: '"A," Tester said, referring to
    // the excuse, "B."' or '"A," he said, but "B."'. The comma inside the first quotation says
    // the speaker's sentence goes on; the claim is the whole of it.
    if let (Some(p), Some(t)) = (inverted.as_ref(), text.as_ref()) {
        if let Some(q) = interrupted_rest(f, si, p, cue_end) {
            let second = tidy(doc.slice(q.start, q.end));
            text = Some(format!("{t}, {second}"));
        }
    }
    Quoted {
        range: quote,
        text,
        partial,
    }
}

/// Most words between the two halves of an interrupted quotation: the attribution and a short
/// aside ("Trump said during a rally in Kenansville, N.C.").
const MAX_ASIDE_WORDS: usize = 10;

/// The second half of quotation `first`, when `first` ends in a comma and another quotation
/// of the same sentence starts within [`MAX_ASIDE_WORDS`] words after it, past the cue.
fn interrupted_rest(
    f: &Finder,
    si: usize,
    first: &Range<usize>,
    cue_end: usize,
) -> Option<Range<usize>> {
    let doc = f.doc;
    let tail = doc.slice(first.end, doc.sentences[si].end);
    let comma_inside = doc.slice(first.start, first.end).trim_end().ends_with(',');
    let comma_outside = tail.trim_start_matches(QUOTE_MARKS_CHARS).starts_with(',');
    if !comma_inside && !comma_outside {
        return None;
    }
    let q = f
        .quotes
        .get(f.quotes.partition_point(|q| q.start < cue_end))?;
    let between = doc.slice(first.end, q.start);
    (q.end <= doc.sentences[si].end
        && between.split_whitespace().count() <= MAX_ASIDE_WORDS + 1
        && doc.slice(q.start, q.end).split_whitespace().count() >= MIN_QUOTE_WORDS
        && !quotes::title_like(doc.slice(q.start, q.end)))
    .then(|| q.clone())
}

/// The claim of a row, by the kind of its cue.
fn claim_of(
    f: &Finder,
    range: &Range<usize>,
    cue: &Cue,
    holder: &Holder,
    quoted: &Quoted,
    clause: &Range<usize>,
) -> String {
    let doc = f.doc;
    let (_, h_last) = holder.span();
    match cue.kind {
        // "According to X, "...," the writer goes on": the quotation, up to its end.
        CueKind::According => match &quoted.text {
            Some(q)
                if f.text(h_last + 1) == ","
                    && f.is_quote_mark(h_last + 2)
                    && quoted
                        .range
                        .as_ref()
                        .is_some_and(|r| r.start <= doc.tokens[h_last + 2].end + 1) =>
            {
                q.clone()
            }
            _ => f.without(range, (cue.first, h_last)),
        },
        CueKind::Reaction => {
            // What met the reaction: the clause before the one holding it.
            let floor = range.start.max(cue.first.saturating_sub(MAX_CLAIM));
            let opener = (floor..cue.first)
                .rev()
                .find(|&k| matches!(f.lower(k), "but" | "and" | "while" | ";"));
            match opener {
                Some(k) if k > floor => f.span_text(floor..k),
                _ => String::new(),
            }
        }
        // "He is confident the deal will pass": what the holder is confident of; "the
        // Russians were unimpressed": the attitude itself.
        CueKind::State => {
            let what = f.span_text(f.clause_after(range, cue.last + 1));
            if clause_like(&what) && what.split_whitespace().count() >= 3 {
                what
            } else {
                f.span_text(h_last + 1..range.end.min(h_last + 1 + MAX_CLAIM))
            }
        }
        _ => reported_claim(f, range, cue, holder, quoted, clause),
    }
}

/// Whether the quotation is introduced by a reported clause that holds it ("said Moscow had
/// in mind India which are "closer ...""), rather than introduced by the cue ("said, somewhat
/// cryptically: "..."", or after the addressee or frame: "told the Post, "..."").
fn reported_before_quote(f: &Finder, cue: &Cue, quoted: &Quoted, clause: &Range<usize>) -> bool {
    let doc = f.doc;
    let cue_end = doc.tokens[cue.last].end;
    let Some(q) = quoted.range.as_ref() else {
        return false;
    };
    let quote_after_frame = doc.tokens.get(clause.start).is_some_and(|t| {
        f.is_quote_mark(clause.start) && t.end <= q.start && t.start + 4 >= q.start
    });
    let between = doc.slice(cue_end.min(q.start), q.start);
    let lead = between
        .trim_end()
        .trim_end_matches(QUOTE_MARKS_CHARS)
        .trim_end();
    let words = between
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    // A quotation starting in lowercase is a fragment of the writer's clause ("said he won
    // "every single debate"", "said that Ms Lee's "only experience" was ..."): the clause
    // is the claim once any word of it comes first.
    let fragment = doc.slice(q.start, q.end).starts_with(char::is_lowercase);
    !quote_after_frame
        && q.start > cue_end
        && !between
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
        && !lead.ends_with(':')
        && (words >= 3 || (fragment && !lead.ends_with(',')))
}

/// The words before the attribution starting at `end`, without the quotation marks and
/// commas around them ("The plan is dead, Trump said").
fn before(f: &Finder, range: &Range<usize>, end: usize) -> String {
    let text = f.span_text(range.start.max(end.saturating_sub(MAX_CLAIM))..end);
    tidy(text.trim_matches(|c: char| QUOTE_MARKS_CHARS.contains(&c) || c == ','))
}

/// The claim of a speech or verb cue: the quotation, the report wrapped around the
/// attribution, the clause after the cue, or the words before an inverted one.
fn reported_claim(
    f: &Finder,
    range: &Range<usize>,
    cue: &Cue,
    holder: &Holder,
    quoted: &Quoted,
    clause: &Range<usize>,
) -> String {
    let (h_first, h_last) = holder.span();
    let after = f.span_text(clause.clone());
    // "Whatever progress he has made, officials said, could easily be unraveled": the report
    // wraps around its attribution.
    let group = (h_first.min(cue.first), h_last.max(cue.last));
    let wrapped =
        group.0 > range.start + 2 && f.text(group.0 - 1) == "," && f.text(group.1 + 1) == ",";
    // "The plan works, Ann Lee told a Senate panel Wednesday": after an inverted attribution
    // only the addressee follows; the report is before it. "..., he said as he left": what
    // follows is what he did.
    let addressee_only = (cue.kind == CueKind::Speech
        || matches!(f.lower(cue.first), "told" | "tells"))
        && h_first > range.start + 2
        && group.0 > range.start
        && f.text(group.0 - 1) == ","
        && !clause_like(&after);
    // Right after the cue ("said as he left"), not after "that" ("said that while ...").
    let circumstance = matches!(
        f.lower(cue.last + 1),
        "as" | "while" | "when" | "after" | "before" | "during"
    );
    match &quoted.text {
        Some(_) if quoted.partial => {
            // The writer's words and the quotation, its opening mark kept.
            let text = f.span_text(range.start.max(group.0.saturating_sub(MAX_CLAIM))..group.0);
            tidy(text.trim_end_matches(|c: char| QUOTE_MARKS_CHARS.contains(&c) || c == ','))
        }
        Some(q) if !reported_before_quote(f, cue, quoted, clause) => q.clone(),
        _ if wrapped => f.wrapped_claim(range, group, h_first > cue.last),
        // '"...," said Ann Lee, a professor at ...': when the speaker follows the cue, what
        // follows is the speaker, not the report.
        _ if after.split_whitespace().count() >= 2
            && !circumstance
            && !addressee_only
            && h_first <= cue.last =>
        {
            after
        }
        // "The plan is dead, Trump said": only after a comma or a quotation ("..., as Ann Lee
        // speaks" is no report).
        _ if group.0 > range.start
            && (f.text(group.0 - 1) == "," || f.is_quote_mark(group.0 - 1)) =>
        {
            before(f, range, group.0)
        }
        _ => after,
    }
}
