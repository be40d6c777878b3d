//! `pith eval entities --conll FILE | --gum DIR`: exact-span precision, recall and F1 of
//! pith's named mentions against CoNLL-2003 annotations (PER, ORG, LOC; MISC is ignored) or
//! GUM's named mentions (person, organization, place mentions whose head token is a proper
//! noun; dev and test documents of `splits.md`, or one of them with `--split dev|test`), per
//! type and micro-averaged.
//!
//! Each document's text is its tokens joined by spaces and its sentences by newlines, as the
//! issue prescribes; gold entities (IOB1 tags) become character spans of that text. pith's
//! mentions are its actors' named mentions (not pronouns or role nouns), typed person → PER,
//! organisation → ORG, place and group → LOC (a capital standing for its government is
//! still a location name to CoNLL), with a leading honorific ("Mr") dropped because CoNLL
//! spans exclude titles.

use super::read_text;
use pith::{analyze, ActorKind, Analysis, Options, Utf16Map};
use std::collections::HashSet;
use std::path::Path;

const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];
const HONORIFICS: [&str; 8] = ["Mr ", "Mrs ", "Ms ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. "];

/// One document: its text and gold spans (byte start, byte end, type).
pub struct Doc {
    /// Tokens joined by spaces, sentences by newlines.
    pub text: String,
    /// Gold mentions: byte start, byte end, "PER" / "ORG" / "LOC".
    pub gold: Vec<(usize, usize, &'static str)>,
}

fn parse(conll: &str) -> Vec<Doc> {
    parse_conll(conll, &TYPES)
}

/// The documents of a CoNLL-2003 file, with gold mentions of the types in `types` ("PER",
/// "ORG", "LOC", and "MISC" for training).
pub fn parse_conll(conll: &str, types: &[&'static str]) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc = Doc {
        text: String::new(),
        gold: Vec::new(),
    };
    // The open entity: (start byte, type).
    let mut open: Option<(usize, &'static str)> = None;
    let mut last_end = 0usize;
    let mut sentence_has_tokens = false;
    let close = |doc: &mut Doc, open: &mut Option<(usize, &'static str)>, end: usize| {
        if let Some((s, t)) = open.take() {
            doc.gold.push((s, end, t));
        }
    };
    for line in conll.lines().map(|l| l.trim_end_matches('\r')) {
        if line.starts_with("-DOCSTART-") {
            close(&mut doc, &mut open, last_end);
            if !doc.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Doc {
                        text: String::new(),
                        gold: Vec::new(),
                    },
                ));
            }
            sentence_has_tokens = false;
            continue;
        }
        if line.trim().is_empty() {
            close(&mut doc, &mut open, last_end);
            if sentence_has_tokens {
                doc.text.push('\n');
            }
            sentence_has_tokens = false;
            continue;
        }
        let cols: Vec<&str> = line.split(' ').collect();
        let (Some(&token), Some(&tag)) = (cols.first(), cols.last()) else {
            continue;
        };
        if sentence_has_tokens {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(token);
        let end = doc.text.len();
        sentence_has_tokens = true;
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        let kind: Option<&'static str> = types.iter().copied().find(|t| *t == kind);
        match (prefix, kind) {
            ("I", Some(k)) if open.is_some_and(|(_, t)| t == k) => {}
            (_, Some(k)) => {
                close(&mut doc, &mut open, last_end);
                open = Some((start, k));
            }
            _ => close(&mut doc, &mut open, last_end),
        }
        last_end = end;
    }
    close(&mut doc, &mut open, last_end);
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    docs
}

/// GUM: the documents of `split` ("dev", "test" or both by default) named in `splits.md`, of
/// one genre (`news`, `interview`...) when `genre` is given.
fn gum_docs(dir: &Path, split: Option<&str>, genre: Option<&str>) -> Result<Vec<Doc>, String> {
    let one;
    let sections: &[&str] = match split {
        Some(s) => {
            one = [s];
            &one
        }
        None => &["dev", "test"],
    };
    gum_split_genre(dir, sections, false, genre)
}

/// The GUM documents that `splits.md` lists under any of `sections` and that exist as
/// `dep/NAME.conllu`, in the order listed.
#[allow(dead_code)]
pub fn gum_split(dir: &Path, sections: &[&str]) -> Result<Vec<Doc>, String> {
    gum_split_with(dir, sections, false)
}

/// [`gum_split`], with named mentions of GUM's other types (events, objects, abstracts...)
/// as "MISC" when `misc` is set, as training wants them.
pub fn gum_split_with(dir: &Path, sections: &[&str], misc: bool) -> Result<Vec<Doc>, String> {
    gum_split_genre(dir, sections, misc, None)
}

/// [`gum_split_with`], keeping only the documents of `genre` (`GUM_news_...`) when given.
fn gum_split_genre(
    dir: &Path,
    sections: &[&str],
    misc: bool,
    genre: Option<&str>,
) -> Result<Vec<Doc>, String> {
    let splits = read_text(&dir.join("splits.md"))?;
    let mut section = "";
    let mut names = Vec::new();
    for line in splits.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.trim();
        } else if let Some(name) = line.trim().strip_prefix("* ") {
            let in_genre = genre.is_none_or(|g| name.trim().starts_with(&format!("GUM_{g}_")));
            if sections.contains(&section) && in_genre {
                names.push(name.trim().to_string());
            }
        }
    }
    let mut docs = Vec::new();
    for name in names {
        let path = dir.join("dep").join(format!("{name}.conllu"));
        if path.exists() {
            docs.push(parse_gum(&read_text(&path)?, misc));
        }
    }
    Ok(docs)
}

/// The tokens `a..=b` of a GUM mention that are its name, as CoNLL-2003 marks names: without
/// the determiners, honorifics, titles and other words before it ("the Sydney Morning Herald",
/// "Mr. Tedeschi", "Justice Kagan") and the possessive after it ("Gloria 's"). GUM marks whole noun phrases; pith
/// and CoNLL mark the name.
fn name_tokens<'t>(mut a: usize, mut b: usize, word: impl Fn(usize) -> &'t str) -> (usize, usize) {
    let lx = pith::internal::lexicon::Lexicon::english();
    let opens_name = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !lx
                .honorifics
                .contains_key(w.trim_end_matches('.').to_lowercase().as_str())
            && !matches!(w, "The" | "A" | "An")
    };
    while a < b && !opens_name(word(a)) {
        a += 1;
    }
    while b > a && matches!(word(b), "'s" | "'" | "’s" | "’" | "," | ".") {
        b -= 1;
    }
    (a, b)
}

/// One CoNLL-U document: text (tokens joined by spaces unless `SpaceAfter=No`, sentences by
/// newlines) and its named person / organization / place mentions.
fn parse_gum(conllu: &str, misc: bool) -> Doc {
    let mut reader = GumReader {
        doc: Doc {
            text: String::new(),
            gold: Vec::new(),
        },
        misc,
        sentence: Vec::new(),
        open: Vec::new(),
        spans: Vec::new(),
        space_pending: false,
    };
    for line in conllu.lines() {
        if line.trim().is_empty() {
            reader.end_sentence();
            reader.space_pending = false;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || !cols[0].chars().all(|c| c.is_ascii_digit()) {
            continue; // multi-word token ranges and empty nodes
        }
        reader.token(&cols);
    }
    reader.end_sentence();
    reader.doc
}

/// A token of the GUM sentence being read: byte span in the text, part of speech, and its
/// syntactic head (1-based in the sentence, 0 for the root).
struct GumToken {
    start: usize,
    end: usize,
    upos: String,
    head: usize,
}

/// [`parse_gum`]'s state, line after line.
struct GumReader {
    doc: Doc,
    /// Whether GUM's other types are kept, as "MISC".
    misc: bool,
    sentence: Vec<GumToken>,
    /// Open mentions: (entity id, type, first token index in sentence).
    open: Vec<(String, String, usize)>,
    /// Closed mentions of the sentence: token range (inclusive), type.
    spans: Vec<(usize, usize, String)>,
    /// Whether the next token follows a space.
    space_pending: bool,
}

impl GumReader {
    /// Appends one token line (its ten columns) to the text, and opens and closes the
    /// mentions its `Entity=` annotation marks.
    fn token(&mut self, cols: &[&str]) {
        let text = &mut self.doc.text;
        if self.space_pending {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(cols[1]);
        let index = self.sentence.len();
        self.sentence.push(GumToken {
            start,
            end: text.len(),
            upos: cols[3].to_string(),
            head: cols[6].parse().unwrap_or(0),
        });
        let misc = cols[9];
        self.space_pending = !misc.split('|').any(|m| m == "SpaceAfter=No");
        if let Some(ent) = misc.split('|').find_map(|m| m.strip_prefix("Entity=")) {
            self.entities(ent, index);
        }
    }

    /// Reads the `Entity=` value of token `index`: "(3-organization-...(4-person-...)" opens
    /// mentions 3 and 4 (4 closing on the same token); "3)" closes 3.
    fn entities(&mut self, ent: &str, index: usize) {
        let mut rest = ent;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('(') {
                let end = r.find(['(', ')']).unwrap_or(r.len());
                let body = &r[..end];
                let mut parts = body.split('-');
                let id = parts.next().unwrap_or("").to_string();
                let kind = parts.next().unwrap_or("").to_string();
                if r[end..].starts_with(')') {
                    self.spans.push((index, index, kind));
                    rest = &r[end + 1..];
                } else {
                    self.open.push((id, kind, index));
                    rest = &r[end..];
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(k) = self.open.iter().rposition(|o| o.0 == id) {
                    let (_, kind, first) = self.open.remove(k);
                    self.spans.push((first, index, kind));
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }

    /// Ends the sentence: its closed mentions of the types kept, headed by a proper noun,
    /// become gold names, and a newline follows its text.
    fn end_sentence(&mut self) {
        let (doc, sentence) = (&mut self.doc, &self.sentence);
        for (a, b, kind) in self.spans.drain(..) {
            let label = match kind.as_str() {
                "person" => "PER",
                "organization" => "ORG",
                "place" => "LOC",
                "event" | "object" | "abstract" | "substance" | "plant" | "animal" if self.misc => {
                    "MISC"
                }
                _ => continue,
            };
            // The head is the token whose syntactic head lies outside the mention.
            let head = (a..=b).find(|&i| {
                let h = sentence[i].head;
                h == 0 || h - 1 < a || h - 1 > b
            });
            if head.is_some_and(|h| sentence[h].upos == "PROPN") {
                let word = |i: usize| &doc.text[sentence[i].start..sentence[i].end];
                let (a, b) = name_tokens(a, b, word);
                doc.gold.push((sentence[a].start, sentence[b].end, label));
            }
        }
        if !self.sentence.is_empty() {
            self.doc.text.push('\n');
        }
        self.sentence.clear();
    }
}

/// A mention: byte start, byte end, type.
type Span = (usize, usize, &'static str);

/// The evaluation type of an actor kind.
fn type_of(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "PER",
        ActorKind::Organization => "ORG",
        // Places, groups and any later kind: CoNLL has no finer type.
        _ => "LOC",
    }
}

/// The byte span of mention `m` of `text`, without a leading honorific.
fn mention_span(text: &str, map: &Utf16Map, m: &pith::Mention) -> (usize, usize) {
    // Output offsets are character boundaries, within the text.
    let mut s = map.byte(m.start).unwrap_or(text.len());
    let e = map.byte(m.end).unwrap_or(text.len());
    if let Some(h) = HONORIFICS.iter().find(|h| text[s..e].starts_with(*h)) {
        s += h.len();
    }
    (s, e)
}

/// pith's analysis of `text` (no summary or keywords) and its mentions as (byte start, byte
/// end, type).
fn predict(text: &str) -> Result<(Analysis, Vec<Span>), String> {
    let g = analyze(text, &Options::new().sentences(0).keywords(0)).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let map = Utf16Map::new(text);
    for a in &g.actors {
        for m in &a.mentions {
            let (s, e) = mention_span(text, &map, m);
            out.push((s, e, type_of(a.kind)));
        }
    }
    Ok((g, out))
}

/// How many actors a reader is shown per document at most.
const SHOWN: usize = 10;

/// Of the actors a reader is shown (the first [`SHOWN`] at or above
/// [`pith::ACTOR_DISPLAY_CONFIDENCE`], in the order listed), how many, and how many are right:
/// their name, or one of their mentions, is a gold entity of the same type in the document.
/// With `errors`, prints `shown-wrong TYPE name confidence mentions` for each one that is not.
fn shown_actors(doc: &Doc, g: &Analysis, errors: bool) -> (usize, usize) {
    let text = &doc.text;
    let gold_names: HashSet<(&str, &str)> =
        doc.gold.iter().map(|&(s, e, t)| (&text[s..e], t)).collect();
    let gold: HashSet<(usize, usize, &str)> = doc.gold.iter().copied().collect();
    let mut shown = 0;
    let mut right = 0;
    let map = Utf16Map::new(text);
    for a in g
        .actors
        .iter()
        .filter(|a| a.confidence >= pith::ACTOR_DISPLAY_CONFIDENCE)
        .take(SHOWN)
    {
        let t = type_of(a.kind);
        shown += 1;
        let named = gold_names.contains(&(a.name.as_str(), t));
        let mentioned = a.mentions.iter().any(|m| {
            let (s, e) = mention_span(text, &map, m);
            gold.contains(&(s, e, t))
        });
        right += usize::from(named || mentioned);
        if !(named || mentioned) && errors {
            println!(
                "shown-wrong\t{t}\t{}\t{}\t{}",
                a.name,
                a.confidence,
                a.mentions.len()
            );
        }
    }
    (shown, right)
}

/// Prints `miss TYPE text | line` for gold spans not predicted and `false TYPE text (gold:
/// TYPE text) | line` for predictions not in the gold, with the overlapping gold span if any.
fn print_errors(
    text: &str,
    gold: &HashSet<(usize, usize, &str)>,
    pred: &HashSet<(usize, usize, &str)>,
) {
    let line = |s: usize| {
        let a = text[..s].rfind('\n').map_or(0, |i| i + 1);
        let b = text[s..].find('\n').map_or(text.len(), |i| s + i);
        &text[a..b]
    };
    let mut g: Vec<_> = gold.difference(pred).collect();
    g.sort();
    for &(s, e, t) in g {
        println!("miss\t{t}\t{}\t{}", &text[s..e], line(s));
    }
    let mut p: Vec<_> = pred.difference(gold).collect();
    p.sort();
    for &(s, e, t) in p {
        let overlap = gold
            .iter()
            .find(|g| g.0 < e && s < g.1)
            .map_or(String::from("-"), |g| {
                format!("{} {}", g.2, &text[g.0..g.1])
            });
        println!("false\t{t}\t{}\t{overlap}\t{}", &text[s..e], line(s));
    }
}

/// Counts of true positives, predictions and gold per type.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

fn prf(c: Counts) -> (f64, f64, f64) {
    let p = if c.pred > 0 {
        c.tp as f64 / c.pred as f64
    } else {
        0.0
    };
    let r = if c.gold > 0 {
        c.tp as f64 / c.gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

/// `pith eval entities` flags.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("data").required(true)))]
pub struct Args {
    /// A CoNLL-2003 file.
    #[arg(long, value_name = "FILE", group = "data")]
    conll: Option<String>,
    /// The GUM corpus directory.
    #[arg(long, value_name = "DIR", group = "data")]
    gum: Option<String>,
    /// The GUM split [default: dev and test].
    #[arg(long, value_name = "dev|test")]
    split: Option<String>,
    /// Only GUM documents of this genre.
    #[arg(long, value_name = "GENRE")]
    genre: Option<String>,
    /// List every miss and false alarm, for error analysis.
    #[arg(long)]
    errors: bool,
}

/// Runs the evaluation and prints the table.
pub fn run(args: &Args) -> Result<(), String> {
    let (file, docs) = match (args.conll.as_deref(), args.gum.as_deref()) {
        (Some(f), _) if !Path::new(f).exists() => {
            println!("pith eval entities: {f} not found; skipped");
            return Ok(());
        }
        (Some(f), _) => (f, parse(&read_text(Path::new(f))?)),
        (None, Some(d)) if !Path::new(d).exists() => {
            println!("pith eval entities: {d} not found; skipped");
            return Ok(());
        }
        (None, Some(d)) => (
            d,
            gum_docs(Path::new(d), args.split.as_deref(), args.genre.as_deref())?,
        ),
        (None, None) => return Err("usage: pith eval entities --conll FILE | --gum DIR".into()),
    };
    let errors = args.errors;
    let mut counts = [Counts::default(); 3];
    let (mut shown, mut shown_right) = (0usize, 0usize);
    for doc in &docs {
        let gold: HashSet<(usize, usize, &str)> = doc.gold.iter().copied().collect();
        let (analysis, pred) = predict(&doc.text)?;
        let pred: HashSet<(usize, usize, &str)> = pred.into_iter().collect();
        let (n, r) = shown_actors(doc, &analysis, errors);
        shown += n;
        shown_right += r;
        if errors {
            print_errors(&doc.text, &gold, &pred);
        }
        for (i, t) in TYPES.iter().enumerate() {
            counts[i].gold += gold.iter().filter(|g| g.2 == *t).count();
            counts[i].pred += pred.iter().filter(|p| p.2 == *t).count();
            counts[i].tp += pred
                .iter()
                .filter(|p| p.2 == *t && gold.contains(*p))
                .count();
        }
    }
    println!(
        "pith eval entities: {file} ({} documents; exact span and type, x100)",
        docs.len()
    );
    println!(
        "  {:<6} {:>7} {:>7} {:>7} {:>7}",
        "type", "P", "R", "F1", "gold"
    );
    let mut all = Counts::default();
    for (i, t) in TYPES.iter().enumerate() {
        let (p, r, f) = prf(counts[i]);
        println!("  {t:<6} {p:>7.1} {r:>7.1} {f:>7.1} {:>7}", counts[i].gold);
        all.tp += counts[i].tp;
        all.pred += counts[i].pred;
        all.gold += counts[i].gold;
    }
    let (p, r, f) = prf(all);
    println!(
        "  {:<6} {p:>7.1} {r:>7.1} {f:>7.1} {:>7}",
        "micro", all.gold
    );
    println!(
        "  shown actors (top {SHOWN} per document, confidence >= {}): precision {:.1}% ({shown_right} of {shown}), {:.2} per document",
        pith::ACTOR_DISPLAY_CONFIDENCE,
        100.0 * shown_right as f64 / shown.max(1) as f64,
        shown as f64 / docs.len().max(1) as f64
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_into_spans() {
        let conll = "-DOCSTART- -X- -X- O\r\n\r\nEU NNP I-NP I-ORG\r\nrejects VBZ I-VP O\r\nGerman JJ I-NP I-MISC\r\ncall NN I-NP O\r\n\r\nPeter NNP I-NP I-PER\r\nBlackburn NNP I-NP I-PER\r\nin IN I-PP O\r\nBonn NNP I-NP B-LOC\r\nCologne NNP I-NP B-LOC\r\n";
        let docs = parse(conll);
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].text,
            "EU rejects German call\nPeter Blackburn in Bonn Cologne"
        );
        let spans: Vec<(&str, &str)> = docs[0]
            .gold
            .iter()
            .map(|&(s, e, t)| (&docs[0].text[s..e], t))
            .collect();
        assert_eq!(
            spans,
            [
                ("EU", "ORG"),
                ("Peter Blackburn", "PER"),
                ("Bonn", "LOC"),
                ("Cologne", "LOC")
            ]
        );
    }

    #[test]
    fn reads_named_gum_mentions() {
        let conllu = "# text = Mr Obama visited the White House today.\n\
1\tMr\tMr\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-cf1-2-coref\n\
2\tObama\tObama\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=1)\n\
3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-place-new-x-cf2-3-coref\n\
5\tWhite\twhite\tPROPN\tNNP\t_\t6\tcompound\t_\t_\n\
6\tHouse\thouse\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=2)\n\
7\ttoday\ttoday\tNOUN\tNN\t_\t3\tobl\t_\tEntity=(3-time-new-x-cf3-1-sgl)|SpaceAfter=No\n\
8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let doc = parse_gum(conllu, false);
        assert_eq!(doc.text, "Mr Obama visited the White House today.\n");
        let spans: Vec<(&str, &str)> = doc
            .gold
            .iter()
            .map(|&(s, e, t)| (&doc.text[s..e], t))
            .collect();
        // The name, as CoNLL marks names: without the honorific and the article.
        assert_eq!(spans, [("Obama", "PER"), ("White House", "LOC")]);
    }
}
