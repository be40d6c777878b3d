//! Body sentences that belong to the page rather than to the story: greetings, teasers for
//! other stories, newsletter pleas, captions, credits, parenthetical asides and kickers.
//!
//! Segmentation already sets short lines of site furniture apart ([`SentenceKind`]); these
//! sentences pass as body text there, being punctuated or long, yet a reader rejects a summary
//! that opens with one. Each family is told by cue words in a fixed place (the opening words,
//! a closing parenthesis) or by its shape, never by words that running text also uses freely:
//! a summary that loses its lead to a false alarm is worse than one with a caption.
//!
//! The cue lists are English: the pages where these families were read are.
//!
//! [`SentenceKind`]: crate::model::SentenceKind

use crate::model::SentenceKind;
use crate::text::Document;
use crate::util::{words, Words};

/// Why a body sentence cannot be a summary sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// "Good morning!", "Hi everyone, and welcome back."
    Greeting,
    /// A pointer to another story or elsewhere: "Related: ...", "See also ...".
    Teaser,
    /// A plea to subscribe or follow: "Sign up for ...", "Get it in your inbox."
    Plea,
    /// A photo or video caption.
    Caption,
    /// A credit or a note on the article: "Photo: ...", "(Reporting by ...)", "This article
    /// originally appeared ...", "Editor's note: ...".
    Credit,
    /// A sentence entirely in parentheses or brackets.
    Aside,
    /// A label rather than a statement: a line in capitals, or a lead-in that ends in a colon
    /// (what it announces is elsewhere).
    Kicker,
}

/// Openings of a greeting. A sentence opening with one is a greeting when short or when the
/// greeting is set off by punctuation ("Hello, readers"); a long sentence that only starts
/// with the word ("Hello Kitty's maker said ...") is not.
const GREETINGS: Words = words![
    "good morning",
    "good afternoon",
    "good evening",
    "good day",
    "hello",
    "hi",
    "hey",
    "greetings",
    "welcome",
    "welcome back",
    "happy monday",
    "happy tuesday",
    "happy wednesday",
    "happy thursday",
    "happy friday",
    "happy weekend",
    "happy holidays",
    "happy new year",
    "dear reader",
    "dear readers",
    "howdy",
];

/// A greeting is short: "Good morning, and welcome to the weekly briefing." has 8 words.
const GREETING_WORDS: usize = 8;

/// Labels that announce another story or a medium when followed by a colon ("Related: ...",
/// "WATCH: ..."). Only with the colon: "Watch" or "More" opening a sentence is ordinary.
const TEASER_LABELS: Words = words![
    "related",
    "related stories",
    "related story",
    "related articles",
    "related coverage",
    "related content",
    "read more",
    "read also",
    "also read",
    "read",
    "more",
    "see also",
    "see more",
    "watch",
    "watch more",
    "watch now",
    "listen",
    "video",
    "videos",
    "gallery",
    "slideshow",
    "podcast",
    "recommended",
    "don't miss",
    "must read",
    "more from",
    "trending",
    "top stories",
    "up next",
    "latest",
    "also",
];

/// Openings of a pointer elsewhere, with or without a colon. Each is specific: "For more than
/// a decade ..." is a story, "For more on this ..." a pointer.
const TEASER_OPENINGS: Words = words![
    "see also",
    "read more",
    "read the full",
    "read our",
    "click here",
    "tap here",
    "for more on",
    "for more information",
    "for more details",
    "for more news",
    "for more stories",
    "for more coverage",
    "for the latest",
    "for a list of",
    "for other uses",
    "for full coverage",
    "continue reading",
    "keep reading",
];

/// Openings of a plea: imperatives addressed to the reader.
const PLEA_OPENINGS: Words = words![
    "sign up",
    "subscribe",
    "join our",
    "join us",
    "follow us",
    "follow me",
    "like us on",
    "download our",
    "get our",
    "get the latest",
    "get breaking",
    "never miss",
    "support our",
    "support independent",
    "become a member",
    "become a subscriber",
    "donate",
];

/// Phrases that make a plea wherever they stand: no story says "our newsletter" or "your
/// inbox" but about the site's own.
const PLEA_PHRASES: Words = words![
    "in your inbox",
    "to your inbox",
    "our newsletter",
    "sign up for our",
    "subscribe to our",
    "subscribe now",
    "subscribe today",
    "sign up now",
];

/// Openings of a picture credit: a paragraph holding one is a caption.
const PICTURE_CREDITS: Words = words![
    "photo:",
    "photos:",
    "photograph:",
    "photography:",
    "image:",
    "images:",
    "picture:",
    "pictures:",
    "source:",
    "sources:",
    "credit:",
    "credits:",
    "photo credit",
    "image credit",
    "image source",
    "illustration:",
    "illustration by",
    "photo by",
    "photos by",
    "photograph by",
    "photographs by",
    "photography by",
    "main image:",
    "top image:",
    "featured image:",
    "courtesy of",
    "©",
    "(c) ",
];

/// Openings of the other credits and notes, at any length: who reported and edited, where the
/// article appeared first, what was corrected. They close an article and say nothing of their
/// paragraph.
const NOTE_OPENINGS: Words = words![
    "copyright",
    "reporting by",
    "additional reporting",
    "editing by",
    "with reporting by",
    "contributing:",
    "editor's note",
    "editor’s note",
    "correction:",
    "clarification:",
    "an earlier version of this",
    "a previous version of this",
    "a version of this",
    "originally published",
    "originally appeared",
];

/// Phrases that make a credit wherever they stand.
const CREDIT_PHRASES: Words = words![
    "contributed to this report",
    "contributed reporting",
    "contributed to this story",
    "contributed to this article",
];

/// Words that make a parenthesis a picture credit: "(AP Photo/Jane Doe)", "(Getty Images)".
const CREDIT_WORDS: Words = words![
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "getty",
    "courtesy",
    "credit",
    "handout",
    "shutterstock",
    "alamy",
    "istock",
];

/// The lowercase words a credit may hold besides names and [`CREDIT_WORDS`] ("photo by",
/// "via"); a parenthesis with any other ("(as a static image)") is a clause, not a credit.
const CREDIT_GLUE: Words = words!["by", "via", "of", "and", "for", "file"];

/// A credit in parentheses has at most this many words.
const CREDIT_WORDS_MAX: usize = 10;

/// News agencies, which a parenthesis standing alone credits ("(Reuters)" under a video);
/// within a sentence "(AP)" is an abbreviation, so these count only alone.
const AGENCIES: Words = words!["reuters", "ap", "afp", "epa", "xinhua", "bloomberg", "pa"];

/// Openings of a caption: "In this photo ...", "In this Jan. 5 file photo ...".
const CAPTION_OPENINGS: Words = words![
    "in this",
    "this photo",
    "this image",
    "this picture",
    "pictured:",
    // Chinese news captions' "pictured:" and "caption:" (simplified, traditional), written
    // straight on.
    "图为",
    "圖為",
    "图注",
    "圖註",
];

/// Words that, among the first few after "In this", make it a caption.
const CAPTION_WORDS: Words = words![
    "photo",
    "image",
    "picture",
    "photograph",
    "handout",
    "screenshot",
    "screen",
    "still",
    "video",
];

/// How far after "In this" the medium may come: a date can stand between ("In this Nov. 29,
/// 2016, file photo").
const CAPTION_REACH: usize = 8;

/// A caption paragraph is short; a longer paragraph next to a credit is the story.
const CAPTION_SENTENCES: usize = 3;

/// A lead-in ending in a colon has at most this many words ("Watch the video below:"); a
/// longer sentence so ending is a statement whose formula or list follows (a definition).
const LEAD_IN_WORDS: usize = 12;

/// Furniture families of every sentence; `None` for the story and for non-body sentences
/// (segmentation has already set those aside).
pub fn furniture(doc: &Document) -> Vec<Option<Furniture>> {
    let mut out: Vec<Option<Furniture>> = (0..doc.sentences.len())
        .map(|i| {
            let body = doc.sentences[i].kind == SentenceKind::Body;
            body.then(|| of_sentence(doc, i)).flatten()
        })
        .collect();
    for i in captions(doc) {
        if out[i].is_none() && doc.sentences[i].kind == SentenceKind::Body {
            out[i] = Some(Furniture::Caption);
        }
    }
    out
}

/// The family of sentence `i` from its own words.
fn of_sentence(doc: &Document, i: usize) -> Option<Furniture> {
    let text = doc.sentence_text(i).trim();
    let lower = crate::case::lowercase(text);
    let words = text.split_whitespace().count();
    if is_aside(text) {
        return Some(Furniture::Aside);
    }
    if is_credit(&lower) {
        return Some(Furniture::Credit);
    }
    if is_caption(&lower) || trailing_picture_credit(text) {
        return Some(Furniture::Caption);
    }
    if is_greeting(&lower, words) {
        return Some(Furniture::Greeting);
    }
    if is_teaser(&lower) {
        return Some(Furniture::Teaser);
    }
    if is_plea(&lower) {
        return Some(Furniture::Plea);
    }
    if is_kicker(text, words) {
        return Some(Furniture::Kicker);
    }
    None
}

/// Whether `lower` opens with `phrase` as whole words: what follows is the end, a space or
/// punctuation that ends a word (not a hyphen or apostrophe: "Hi-tech", "Hey's").
fn opens_with(lower: &str, phrase: &str) -> bool {
    let Some(rest) = lower.strip_prefix(phrase) else {
        return false;
    };
    let ends_word = !phrase.ends_with(|c: char| c.is_alphanumeric());
    ends_word
        || rest.chars().next().is_none_or(|c| {
            // A Han character is a word of its own (Chinese has no spaces).
            c.is_whitespace()
                || ",.!?:;，。！？：；".contains(c)
                || crate::text::is_one_char_word(c)
        })
}

/// Whether `lower` opens with `label` and a colon.
fn opens_with_label(lower: &str, label: &str) -> bool {
    lower
        .strip_prefix(label)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// The whole sentence is in parentheses or brackets, closing punctuation aside.
fn is_aside(text: &str) -> bool {
    let (open, close) = match text.chars().next() {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return false,
    };
    let body = text.trim_end_matches(&['.', '!', '?', '"', '”', '’', '\''][..]);
    // The opening parenthesis must close at the very end, not earlier ("(CNN) -- The ...").
    let mut depth = 0usize;
    for (at, c) in body.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return at + c.len_utf8() == body.len();
            }
        }
    }
    false
}

fn is_credit(lower: &str) -> bool {
    PICTURE_CREDITS
        .iter()
        .chain(NOTE_OPENINGS)
        .any(|p| opens_with(lower, p))
        || CREDIT_PHRASES.iter().any(|p| lower.contains(p))
        // "This article originally appeared in ...", "This story was first published ...".
        || (opens_with(lower, "this")
            && ["originally appeared", "originally published", "first appeared", "first published"]
                .iter()
                .any(|p| lower.contains(p)))
}

/// A credit for a picture standing alone: "Photo: ...", "Source: Supplied", "(Reuters)",
/// "(Jane Doe/AFP/Getty Images)".
fn is_picture_credit(text: &str) -> bool {
    let text = text.trim();
    let lower = crate::case::lowercase(text);
    if PICTURE_CREDITS.iter().any(|p| opens_with(&lower, p)) {
        return true;
    }
    // "(Reuters)" credits what it stands under; inside a sentence "(AP)" is an abbreviation.
    is_aside(text)
        && (reads_as_credit(text)
            || words_of(&lower).count() <= 2 && words_of(&lower).any(|w| AGENCIES.contains(w)))
}

/// Lowercase words of `s`.
fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a parenthesis (its text, brackets included or not) reads as a picture credit:
/// short, names and credit words only, with a credit word or an agency after a slash
/// ("Jane Doe/AFP"). "(118 km/h)" and "(in print, as a static image)" hold other lowercase
/// words; titles joined by a slash ("(Part One/Part Two)") name no agency.
fn reads_as_credit(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let credit_word = |w: &str| CREDIT_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w));
    let plain =
        |w: &&str| w.starts_with(char::is_lowercase) && !credit_word(w) && !CREDIT_GLUE.contains(w);
    let names_slash = inner.contains('/')
        && words
            .iter()
            .any(|w| AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(w)));
    words.len() <= CREDIT_WORDS_MAX
        && !words.iter().any(plain)
        && (names_slash || words.iter().any(|w| credit_word(w)))
}

/// The sentence closes with a picture credit in parentheses: "... on Thursday.(Jane Doe/AP)".
fn trailing_picture_credit(text: &str) -> bool {
    let body = text.trim_end_matches(&['.', ' '][..]);
    let Some(inner) = body.strip_suffix(')') else {
        return false;
    };
    // The credit must be a closing part, not the whole sentence (an aside).
    match inner.rfind('(') {
        Some(open) if open > 0 => reads_as_credit(&inner[open + 1..]),
        _ => false,
    }
}

fn is_caption(lower: &str) -> bool {
    CAPTION_OPENINGS.iter().any(|p| opens_with(lower, p))
        && (!opens_with(lower, "in this")
            || words_of(lower)
                .skip(2)
                .take(CAPTION_REACH)
                .any(|w| CAPTION_WORDS.contains(w)))
}

fn is_greeting(lower: &str, words: usize) -> bool {
    GREETINGS.iter().any(|g| {
        opens_with(lower, g)
            && (words <= GREETING_WORDS || lower[g.len()..].starts_with([',', '!', '.']))
    })
}

fn is_teaser(lower: &str) -> bool {
    TEASER_LABELS.iter().any(|l| opens_with_label(lower, l))
        || TEASER_OPENINGS.iter().any(|p| opens_with(lower, p))
}

fn is_plea(lower: &str) -> bool {
    PLEA_OPENINGS.iter().any(|p| opens_with(lower, p))
        || PLEA_PHRASES.iter().any(|p| lower.contains(p))
}

/// A short lead-in ending in a colon, or a line in capitals.
fn is_kicker(text: &str, words: usize) -> bool {
    if text.ends_with(':') && words <= LEAD_IN_WORDS {
        return true;
    }
    let (upper, lower) = text.chars().fold((0, 0), |(u, l), c| {
        (
            u + usize::from(c.is_uppercase()),
            l + usize::from(c.is_lowercase()),
        )
    });
    // Scripts without case have neither: they are never "in capitals".
    lower == 0 && upper >= 4
}

/// Body sentences in caption paragraphs: a short paragraph that holds a picture credit or ends
/// one of its sentences with one. (A credit paragraph after a paragraph does not make that a
/// caption: a picture without a caption sits between two paragraphs of the story.)
fn captions(doc: &Document) -> Vec<usize> {
    let n = doc.paragraphs.len();
    let mut by_para: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, s) in doc.sentences.iter().enumerate() {
        if let Some(p) = by_para.get_mut(s.paragraph) {
            p.push(i);
        }
    }
    let credit = |i: usize| is_picture_credit(doc.sentence_text(i));
    let mut out = Vec::new();
    for sents in &by_para {
        let own: Vec<usize> = sents.iter().copied().filter(|&i| !credit(i)).collect();
        if own.is_empty() || own.len() > CAPTION_SENTENCES {
            continue;
        }
        let credited = own.len() < sents.len()
            || own
                .iter()
                .any(|&i| trailing_picture_credit(doc.sentence_text(i)));
        if credited {
            out.extend(own);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use Furniture::*;

    /// The family of each sentence of `text` (English).
    fn families(text: &str) -> Vec<Option<Furniture>> {
        furniture(&Document::new(text, Some(Lang::English)))
    }

    /// The family of `sentence` standing as a paragraph of its own after a story paragraph.
    fn family(sentence: &str) -> Option<Furniture> {
        let text = format!(
            "The council approved the new budget on Tuesday after a long debate.\n\n{sentence}"
        );
        let f = families(&text);
        assert_eq!(f.len(), 2, "{sentence:?} is one sentence: {f:?}");
        assert_eq!(f[0], None);
        f[1]
    }

    fn table(rows: &[(&str, Option<Furniture>)]) {
        for &(sentence, expected) in rows {
            assert_eq!(family(sentence), expected, "{sentence:?}");
        }
    }

    #[test]
    fn greetings_are_short_or_set_off() {
        table(&[
            ("Good morning!", Some(Greeting)),
            ("Good morning, and welcome to the weekly briefing.", Some(Greeting)),
            ("Hi everyone!", Some(Greeting)),
            ("Happy Friday, readers.", Some(Greeting)),
            (
                "Hello Kitty's maker reported record sales in Asia on Monday after a strong season.",
                None,
            ),
            ("Hi-tech exports rose by a fifth last year.", None),
            (
                "Welcome packs for new tenants will include a map of the bus routes and a rubbish calendar.",
                None,
            ),
        ]);
    }

    #[test]
    fn teasers_point_elsewhere() {
        table(&[
            (
                "Related: Ferry operator fined over late sailings.",
                Some(Teaser),
            ),
            ("WATCH: Crews lift the new bridge into place.", Some(Teaser)),
            (
                "Watch: The moment the bridge was lifted into place.",
                Some(Teaser),
            ),
            (
                "See also the council's earlier ruling on parking fees.",
                Some(Teaser),
            ),
            ("For more on the budget, see our explainer.", Some(Teaser)),
            (
                "For more than a decade the harbour has flooded every winter.",
                None,
            ),
            (
                "Watch crews worked through the night to reopen the road.",
                None,
            ),
            ("More trains will run on Sundays from May.", None),
        ]);
    }

    #[test]
    fn pleas_address_the_reader() {
        table(&[
            (
                "Sign up for our morning briefing to get the day's news from the coast before breakfast.",
                Some(Plea),
            ),
            (
                "Get the week's best stories in your inbox every Sunday.",
                Some(Plea),
            ),
            (
                "Join our readers' panel and tell us what you think.",
                Some(Plea),
            ),
            (
                "More than two million people sign up for the lottery each year.",
                None,
            ),
            ("Like us, the visitors were surprised by the cold.", None),
            ("Subscribers to the service will pay more from June.", None),
        ]);
    }

    #[test]
    fn captions_open_with_the_picture_or_close_with_its_credit() {
        table(&[
            (
                "In this March 4, 2019, file photo, firefighters stand outside the depot.",
                Some(Caption),
            ),
            (
                "This photo shows the harbour after the storm.",
                Some(Caption),
            ),
            ("In this town, everybody knows the baker by name.", None),
            ("The wind reached 118 km/h (73 mph) on the coast.", None),
            (
                "The plan was published online (as a static image, in print and as a map).",
                None,
            ),
            ("The saga is told in two parts (Part One/Part Two).", None),
            // Chinese captions' "pictured": written straight on, with no space.
            ("图为市民在公园里赏花。", Some(Caption)),
            ("圖為市民在公園裡賞花。", Some(Caption)),
            ("图书馆今天重新开放。", None),
            ("图注：市民在公园里赏花。", Some(Caption)),
        ]);
        // A credit in the paragraph makes the rest of it a caption (segmentation has already
        // set "Getty Images" aside as boilerplate: `None` here).
        assert_eq!(
            families("Ministers want records kept for two years. Source: Supplied\n\nThe bill was tabled on Monday."),
            [Some(Caption), Some(Credit), None]
        );
        assert_eq!(
            families("Volunteers clear the beach on Sunday. (Jane Roe/AFP/Getty Images)\n\nThe storm passed."),
            [Some(Caption), None, None]
        );
        // A sentence closing with a credit makes its paragraph a caption.
        assert_eq!(
            families("Crews worked all night. Volunteers clear the beach.(Jane Roe/Coastal Trust photo via AP)\n\nThe storm passed."),
            [Some(Caption), Some(Caption), None]
        );
        // A reporting credit closing the story is an aside, and no picture's.
        assert_eq!(
            families("The talks resume on Monday. (Reporting by Jane Roe; Editing by Tom Poe)"),
            [None, Some(Aside)]
        );
        // A credit standing as a paragraph of its own says nothing of the paragraph above: a
        // picture without a caption sits between two paragraphs of the story.
        assert_eq!(
            families("The storm passed at noon.\n\n(Jane Roe/AFP/Getty Images)\n\nRoads reopened."),
            [None, None, None]
        );
    }

    #[test]
    fn credits_and_notes_on_the_article() {
        table(&[
            ("Photo: Jane Roe for the Gazette.", Some(Credit)),
            ("© Provided by Coastal News Ltd The ferry left at dawn.", Some(Credit)),
            ("Reporting by Jane Roe in Lisbon; editing by Tom Poe.", Some(Credit)),
            ("Local reporter Ana Lima contributed to this report.", Some(Credit)),
            ("This article originally appeared in the Coastal Review.", Some(Credit)),
            ("Editor's note: This story contains details some readers may find upsetting.", Some(Credit)),
            (
                "A version of this article appears in print on page 4 with the headline: Ferry Late.",
                Some(Credit),
            ),
            ("The mural originally appeared on a wall in Lisbon in 1962.", None),
            ("Compiled by the central bank, the survey covered 60 countries.", None),
            ("Sources close to the minister said the plan would be dropped.", None),
        ]);
    }

    #[test]
    fn asides_are_entirely_in_brackets() {
        table(&[
            (
                "(The ministry did not reply to a request for comment.)",
                Some(Aside),
            ),
            (
                "[What to know before you vote: read our guide.]",
                Some(Aside),
            ),
            (
                "(Reuters) The ministry said on Friday it would appeal the ruling.",
                None,
            ),
            (
                "(Some) ministers said on Friday they would appeal (again).",
                None,
            ),
        ]);
    }

    #[test]
    fn kickers_are_capitals_or_short_lead_ins() {
        table(&[
            ("THE COURT RULES.", Some(Kicker)),
            ("In a statement, the company said:", Some(Kicker)),
            ("Watch the video below:", Some(Kicker)),
            (
                "A ferry is late when it leaves more than ten minutes after the time in the timetable, that is:",
                None,
            ),
            ("NASA said the launch would go ahead.", None),
        ]);
        assert_eq!(families("他说，这项计划将在明年实施。"), [None]);
    }
}
