//! Step 3, typing: the kind of each span. Gazetteers type places and organisations; clubs,
//! companies and acronyms are told by their context anywhere in the document; people need
//! evidence (an honorific, a role, a speech verb, or a surname shared with such a name); the
//! rest wait for the trained typer ([`super::ner`]).

use super::context::{lex, Ctx};
use super::spans::Span;
use super::tagger;
use super::words::{is_club_word, CLUB_TAILS, SPORT_CLUB_TAILS, TOWN_CLUB_TAILS};
use crate::model::ActorKind;
use crate::text::{Shape, TokenKind};
use crate::util::KeyMap;
use crate::util::{words, Words};

/// Words before a club's name in a result: "beat Somerset", "drew with Kent".
const TEAM_BEFORE: Words = words!["beat", "v", "vs", "defeated"];
/// Words after a club's name in a result: "Leicestershire beat".
const TEAM_AFTER: Words = words!["beat", "beats", "drew", "defeated", "v", "vs"];
/// First words of club names in a sports report: "Real Madrid", "Inter Milan", "AC Milan",
/// "Bayern Munich", "Sporting Lisbon".
const SPORT_CLUB_HEADS: Words = words![
    "real",
    "atletico",
    "athletic",
    "sporting",
    "inter",
    "ac",
    "fc",
    "borussia",
    "bayern",
    "dynamo",
    "dinamo",
    "olympique",
    "racing",
    "deportivo",
];
/// Words before a name that make it a company or club: "tyre giant Pirelli", "Belgian club
/// Standard Liege".
const ORG_BEFORE: Words = words![
    "giant",
    "firm",
    "company",
    "carrier",
    "airline",
    "conglomerate",
    "maker",
    "manufacturer",
    "retailer",
    "insurer",
    "lender",
    "brokerage",
    "club",
];
/// Words before "of" or "in" and a name that make it a company: "shares in Magna", "chief
/// executive officer of Petofi".
const ORG_OF: Words = words![
    "shares",
    "stake",
    "subsidiary",
    "unit",
    "units",
    "chairman",
    "officer",
    "shareholders",
];
/// Words after a name that make it a company: "Pirelli shares", "Air France chairman".
const ORG_AFTER: Words = words![
    "shares",
    "stock",
    "subsidiary",
    "chairman",
    "shareholders",
    "executives",
    "board",
    "ceo",
    "drivers",
    "employees",
    "customers",
    "users",
    "app",
    "headquarters",
    "stores",
    "products",
    "subscribers",
    "investors",
];
/// Nouns after an acronym that make it a thing, not an organisation: "the INF treaty".
pub(super) const THING_HEADS: Words = words![
    "treaty",
    "agreement",
    "accord",
    "act",
    "law",
    "programme",
    "program",
    "deal",
    "summit",
    "talks",
    "resolution",
    "rules",
    "standard",
    "test",
    "virus",
    "vaccine",
    "index",
    "rate",
];
/// Lowercase nouns that turn a preceding name into an organisation: "the Bush administration".
const ORG_TAILS: Words = words![
    "administration",
    "government",
    "ministry",
    "regime",
    "campaign",
];
/// Words before a capital city that make it a counterpart, not a location: "relations with
/// Moscow".
const COUNTERPART_PREPS: Words = words!["with", "against", "by"];
/// Verbs and auxiliaries after a capital city that make it act: "Moscow might pull out".
const ACTING_VERBS: Words = words![
    "is",
    "was",
    "has",
    "had",
    "have",
    "will",
    "would",
    "might",
    "may",
    "could",
    "can",
    "should",
    "must",
    "wants",
    "wanted",
    "says",
    "said",
    "insists",
    "insisted",
    "warned",
    "warns",
    "fears",
    "feared",
    "sees",
    "saw",
    "hopes",
    "hoped",
    "believes",
    "believed",
    "plans",
    "planned",
    "accused",
    "accuses",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "agreed",
    "agrees",
    "responded",
    "opposes",
    "opposed",
    "does",
    "did",
];

/// A typed span: the merge key (empty for a person, grouped by surname instead), kind, display
/// name, affiliation and last token (a tail such as "administration" may extend the span).
pub(super) struct Typed {
    pub(super) key: String,
    pub(super) kind: ActorKind,
    pub(super) name: String,
    pub(super) affiliation: Option<String>,
    pub(super) last: usize,
}

/// What typing makes of a span.
pub(super) enum Decision {
    /// An actor of this kind.
    Typed(Typed),
    /// No actor.
    Drop,
}

/// What the whole document says about names, gathered once before any span is typed: a rule
/// seen at one mention types them all.
pub(super) struct Typing<'c, 'd, 'a> {
    cx: &'c Ctx<'d, 'a>,
    /// Keys of companies by their context.
    companies: KeyMap<String, ()>,
    /// Words in capitals that name a thing somewhere ("the INF treaty").
    things: KeyMap<u32, ()>,
    /// Keys of capitals that act somewhere.
    acting: KeyMap<String, ()>,
    /// Keys of names that an apposition calls a thing somewhere ("Hazel Hen, a supercomputer").
    described_as_things: KeyMap<String, ()>,
    /// Keys of one-word names that play somewhere ("Chelsea beat Tottenham", "drew with
    /// Leeds"): clubs, in every mention.
    playing: KeyMap<String, ()>,
}

impl<'c, 'd, 'a> Typing<'c, 'd, 'a> {
    /// The evidence of all of `spans`.
    pub(super) fn new(cx: &'c Ctx<'d, 'a>, spans: &[Span]) -> Self {
        let doc = cx.doc;
        let lx = cx.lx;
        // Companies by their context, for all their mentions: "Pirelli shares", "shares in
        // Magna".
        let companies: KeyMap<String, ()> = spans
            .iter()
            .filter(|s| !cx.lone_opener(s))
            .filter(|s| !s.person_evidence && !given(cx, s) && company(cx, s))
            .map(|s| s.key.clone())
            .filter(|k| !lx.places.contains_key(k))
            .collect();
        // Acronyms that name a thing somewhere in the article ("the INF treaty") are not
        // actors.
        let things: KeyMap<u32, ()> = doc
            .tokens
            .windows(2)
            .filter(|w| {
                w[0].shape == Shape::Upper && THING_HEADS.contains(doc.vocab.get(w[1].lower))
            })
            .map(|w| w[0].lower)
            .collect();
        let acting: KeyMap<String, ()> = spans
            .iter()
            .filter(|s| is_acting(cx, s))
            .map(|s| s.key.clone())
            .collect();
        let playing: KeyMap<String, ()> = spans
            .iter()
            .filter(|s| s.first == s.last && !s.person_evidence && team(cx, s))
            .map(|s| s.key.clone())
            .collect();
        let described_as_things: KeyMap<String, ()> = spans
            .iter()
            .filter(|s| !s.person_evidence && thing_apposition(cx, s))
            .map(|s| s.key.clone())
            .collect();
        Typing {
            described_as_things,
            playing,
            cx,
            companies,
            things,
            acting,
        }
    }

    /// The type of span `s`: the tagger's where it found the name, else the rules'.
    pub(super) fn decide(&self, s: &Span) -> Decision {
        let cx = self.cx;
        let doc = cx.doc;
        let written = doc.slice(doc.tokens[s.first].start, doc.tokens[s.last].end);
        if let Some((label, _)) = s.tag {
            return self.by_tag(s, label, written);
        }
        // A rule span the tagger missed, kept for an honorific or a party tag (a person), or
        // as a party's members ("Republicans").
        if let Some(typed) = self
            .by_gazetteer(s, written)
            .filter(|t| t.kind == ActorKind::Group)
        {
            return Decision::Typed(typed);
        }
        if s.gender.is_some() || s.party.is_some() {
            return Decision::Typed(Typed {
                key: String::new(),
                kind: ActorKind::Person,
                name: written.to_string(),
                affiliation: None,
                last: s.last,
            });
        }
        Decision::Drop
    }

    /// The type of a name the tagger found with `label`: a gazetteer entry of a compatible
    /// kind gives its canonical name and key (and a capital that acts becomes its government);
    /// "the Bush administration" is an organisation; otherwise the tagger's type.
    fn by_tag(&self, s: &Span, label: usize, written: &str) -> Decision {
        let cx = self.cx;
        let kind = match tagger::LABELS[label] {
            "PER" => ActorKind::Person,
            "ORG" => ActorKind::Organization,
            "LOC" => ActorKind::Place,
            _ => return Decision::Drop,
        };
        let Some(kind) = self.overridden(s, kind) else {
            return Decision::Drop;
        };
        if let Some(typed) = self.by_gazetteer(s, written) {
            let compatible = match kind {
                ActorKind::Place => matches!(typed.kind, ActorKind::Place | ActorKind::Group),
                ActorKind::Organization => {
                    matches!(typed.kind, ActorKind::Organization | ActorKind::Group)
                }
                _ => false,
            };
            if compatible {
                return Decision::Typed(typed);
            }
        }
        let tail = cx.lower(s.last + 1);
        if ORG_TAILS.contains(tail) && kind != ActorKind::Place {
            return Decision::Typed(self.with_tail(s, written, tail));
        }
        let key = match kind {
            ActorKind::Person => String::new(),
            ActorKind::Organization => format!("org:{}", without_legal_form(&s.key)),
            _ => format!("place:{}", s.key),
        };
        Decision::Typed(Typed {
            key,
            kind,
            name: written.to_string(),
            affiliation: None,
            last: s.last,
        })
    }

    /// The kind of a tagged name of `kind` after the rules that are surer than the tagger: an
    /// acronym that names a thing ("the INF treaty"), or a "person" an apposition calls a thing
    /// ("Hazel Hen, a supercomputer"), is no actor; a company by its context
    /// ("tyre giant Pirelli", "shares in Magna") or its last word ("Acme Holdings"), and a
    /// club by its name ("Leeds United", in a sports report "Ipswich Town"), are
    /// organisations, unless a title or honorific says person; a known place after "in" or
    /// "at" is a place; a frequent given name and more is a person.
    fn overridden(&self, s: &Span, kind: ActorKind) -> Option<ActorKind> {
        let cx = self.cx;
        let t = &cx.doc.tokens[s.first];
        if s.first == s.last && t.shape == Shape::Upper && self.things.contains(&t.lower) {
            return None;
        }
        if kind == ActorKind::Person && self.described_as_things.contains(&s.key) {
            return None;
        }
        let titled = s.role.is_some() || s.gender.is_some() || s.party.is_some();
        let place = cx.lx.places.contains_key(&s.key) || cx.lx.capitals.contains_key(&s.key);
        // A known place after "in" or "at" is the place: "scored twice in Mexico City".
        let venue = matches!(word_before(cx, s, 1), "in" | "at");
        if kind == ActorKind::Organization && venue && place {
            return Some(ActorKind::Place);
        }
        // A name whose last word is a kind of place is that place: "Whangarei Harbour".
        if kind == ActorKind::Person && s.last > s.first && PLACE_HEADS.contains(cx.lower(s.last)) {
            return Some(ActorKind::Place);
        }
        // Two or more words opening with a frequent given name are a person's: "Paul Ortiz".
        if kind != ActorKind::Person && given(cx, s) && !place && !cx.lx.orgs.contains_key(&s.key) {
            return Some(ActorKind::Person);
        }
        let company = (self.companies.contains(&s.key) && !given(cx, s)) || org_suffix(cx, s);
        let club =
            (kind != ActorKind::Organization && club_name(cx, s)) || self.playing.contains(&s.key);
        Some(
            if !titled && !place && kind != ActorKind::Organization && (company || club) {
                ActorKind::Organization
            } else {
                kind
            },
        )
    }

    /// "the Bush administration": the name and the institutional noun after it, as one
    /// organisation.
    fn with_tail(&self, s: &Span, written: &str, tail: &str) -> Typed {
        let doc = self.cx.doc;
        let end = s.last + 1;
        let name = doc.slice(doc.tokens[s.first].start, doc.tokens[end].end);
        Typed {
            key: format!("org:{}", crate::case::lowercase(name)),
            kind: ActorKind::Organization,
            name: format!("{} {}", written, tail),
            affiliation: None,
            last: end,
        }
    }

    /// The type the gazetteers give span `s`: a place (or, when the capital acts, its
    /// government), a party's members or an organisation.
    fn by_gazetteer(&self, s: &Span, written: &str) -> Option<Typed> {
        let lx = self.cx.lx;
        let key_text = &s.key;
        let typed = |key: String, kind, name: &str, affiliation: Option<&str>| Typed {
            key,
            kind,
            name: name.to_string(),
            affiliation: affiliation.map(str::to_string),
            last: s.last,
        };
        if let Some(p) = lx.places.get(key_text) {
            return Some(if self.acting.contains(key_text) {
                typed(
                    format!("group:{}", p.name),
                    ActorKind::Group,
                    p.name,
                    p.country,
                )
            } else {
                typed(
                    format!("place:{}", p.name),
                    ActorKind::Place,
                    p.name,
                    p.country.filter(|c| *c != p.name),
                )
            });
        }
        if let Some(typed) = self.country_and_org(s) {
            return Some(typed);
        }
        let o = lx.orgs.get(key_text)?;
        // "China's CDC", "the Chinese CDC": another country's body of the same name, not the
        // one the gazetteer knows.
        if let Some((country, from)) = self.owner_country(s).filter(|c| Some(c.0) != o.country) {
            let doc = self.cx.doc;
            let name = doc.slice(doc.tokens[from].start, doc.tokens[s.last].end);
            return Some(typed(
                format!("org:{country}:{key_text}"),
                ActorKind::Organization,
                name,
                Some(country),
            ));
        }
        Some(if party_members(self.cx, key_text) {
            // "Republicans", "Democrats": the party's members as a group, on its side.
            typed(
                format!("group:{key_text}"),
                ActorKind::Group,
                written,
                Some(o.name),
            )
        } else {
            typed(
                format!("org:{}", o.name),
                ActorKind::Organization,
                o.name,
                o.country,
            )
        })
    }

    /// A name made of a country and a known organisation ("US CDC"): the organisation when the
    /// country is its own, else that country's body of the same name.
    fn country_and_org(&self, s: &Span) -> Option<Typed> {
        let cx = self.cx;
        if s.last == s.first {
            return None;
        }
        let country = cx.lx.country_of_lower(cx.lower(s.first))?;
        let rest = cx.gazetteer_key(s.first + 1, s.last);
        let o = cx.lx.orgs.get(&rest)?;
        let doc = cx.doc;
        let written = doc.slice(doc.tokens[s.first].start, doc.tokens[s.last].end);
        let (key, name) = if o.country == Some(country) {
            (format!("org:{}", o.name), o.name.to_string())
        } else {
            (format!("org:{country}:{rest}"), written.to_string())
        };
        Some(Typed {
            key,
            kind: ActorKind::Organization,
            name,
            affiliation: Some(country.to_string()),
            last: s.last,
        })
    }

    /// The country named just before span `s` as its owner, and the first token of that
    /// naming: "China's" (a country and a possessive) or "Chinese" (a demonym).
    fn owner_country(&self, s: &Span) -> Option<(&'static str, usize)> {
        let cx = self.cx;
        if s.first >= 2 && matches!(cx.lower(s.first - 1), "'s" | "’s") {
            let k = s.first - 2;
            return cx.lx.country_of_lower(cx.lower(k)).map(|c| (c, k));
        }
        let k = s.first.checked_sub(1)?;
        cx.lx
            .adjectives
            .get(cx.lower(k))
            .filter(|_| cx.doc.tokens[k].shape == Shape::Capitalized)
            .map(|&c| (c, k))
    }
}

/// The word `k` tokens before span `s`; empty before the document.
fn word_before<'c>(cx: &'c Ctx, s: &Span, k: usize) -> &'c str {
    if s.first >= k {
        cx.lower(s.first - k)
    } else {
        ""
    }
}

/// Whether span `s` ends like an organisation ("Acme Holdings") in more than one word.
fn org_suffix(cx: &Ctx, s: &Span) -> bool {
    s.last > s.first && cx.lex_at(s.last) & lex::ORG_SUFFIX != 0
}

/// A club named after its town plays: "Leicestershire beat Somerset", "drew with Kent".
fn team(cx: &Ctx, s: &Span) -> bool {
    TEAM_BEFORE.contains(word_before(cx, s, 1))
        || (word_before(cx, s, 1) == "with" && matches!(word_before(cx, s, 2), "drew" | "draw"))
        || TEAM_AFTER.contains(cx.lower(s.last + 1))
}

/// A name of two or more capitalised words that starts with a frequent given name is a
/// person's ("Phil Simmons"), unless it ends like an organisation.
fn given(cx: &Ctx, s: &Span) -> bool {
    s.last > s.first
        && cx.lx.given_names.contains(cx.lower(s.first))
        && !org_suffix(cx, s)
        && cx.doc.tokens[s.first].shape == Shape::Capitalized
}

// Clubs in a sports report: a town or unknown name in a result line ("Stirling 1 Dundee 1", a
// table row "Dundee 3 1 2 0 3 2 5", "Surrey 429-7") or a fixture ("NEW YORK AT CALIFORNIA"),
// or with a result verb; then all its mentions are the club. Countries stay places: national
// sides are written as their country.

/// A club by its name: "Leeds United", "Blackburn Rovers", in a sports report also "Real
/// Madrid", "Bayern Munich", "Ipswich Town".
fn club_name(cx: &Ctx, s: &Span) -> bool {
    let sport = cx.sport;
    s.last > s.first
        && (is_club_word(cx.lower(s.last), sport, CLUB_TAILS, SPORT_CLUB_TAILS)
            || is_club_word(cx.lower(s.first), sport, Words(""), SPORT_CLUB_HEADS)
            || (sport
                && TOWN_CLUB_TAILS.contains(cx.lower(s.last))
                && cx.is_city_or_unknown(s.first, s.last - 1)))
        && !cx.lx.places.contains_key(&s.key)
}

/// A company by its context: "tyre giant Pirelli", "shares in Magna", "Pirelli shares".
fn company(cx: &Ctx, s: &Span) -> bool {
    ORG_BEFORE.contains(word_before(cx, s, 1))
        || (matches!(word_before(cx, s, 1), "of" | "in") && ORG_OF.contains(word_before(cx, s, 2)))
        || ORG_AFTER.contains(cx.lower(s.last + 1))
        // "Uber's drivers", "Apple's shares".
        || (matches!(cx.lower(s.last + 1), "'s" | "’s") && ORG_AFTER.contains(cx.lower(s.last + 2)))
}

/// A capital that acts anywhere in the article ("Moscow might pull out") stands for its
/// government everywhere in it, so it is one group actor, not a group and a place.
fn is_acting(cx: &Ctx, s: &Span) -> bool {
    let prev = if s.first > 0 {
        cx.lower(s.first - 1)
    } else {
        ""
    };
    cx.lx.capitals.contains_key(&s.key)
        && (ACTING_VERBS.contains(cx.lower(s.last + 1)) || COUNTERPART_PREPS.contains(prev))
}

/// Whether `key` names a party's members ("Republicans", "Democrats"): a group on its side.
pub(super) fn party_members(cx: &Ctx, key: &str) -> bool {
    cx.lx.orgs.get(key).is_some_and(|o| {
        o.kind == "party"
            && key.ends_with('s')
            && key != crate::case::lowercase(o.name)
            && !key.contains(' ')
    })
}

/// Legal forms that end a company's name, and that it is also named without.
const LEGAL_FORMS: Words = words![
    "co", "co.", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv",
    "gmbh",
];

/// A company's key without its legal form: "Pacific Gas & Electric Co" and "Pacific Gas &
/// Electric" are one company.
fn without_legal_form(key: &str) -> &str {
    match key.rsplit_once(' ') {
        Some((rest, last)) if LEGAL_FORMS.contains(last) => rest.trim_end_matches(','),
        _ => key,
    }
}

/// Nouns for made things, which an apposition may call a name: "Hazel Hen, a supercomputer".
/// A closed list: the nouns for people are too many to list, and a person called "a winner" or
/// "a communist" must stay a person.
const THING_NOUNS: Words = words![
    "supercomputer",
    "computer",
    "machine",
    "robot",
    "app",
    "application",
    "software",
    "program",
    "system",
    "device",
    "phone",
    "smartphone",
    "laptop",
    "tablet",
    "chip",
    "processor",
    "car",
    "vehicle",
    "truck",
    "ship",
    "vessel",
    "boat",
    "satellite",
    "rocket",
    "spacecraft",
    "probe",
    "telescope",
    "aircraft",
    "plane",
    "jet",
    "drone",
    "missile",
    "weapon",
    "engine",
    "drug",
    "vaccine",
    "medicine",
    "hormone",
    "product",
    "brand",
    "game",
    "film",
    "movie",
    "album",
    "song",
    "book",
    "novel",
    "series",
    "website",
    "platform",
    "network",
    "tool",
    "algorithm",
    "model",
    "chatbot",
    "storm",
    "hurricane",
    "virus",
    "disease",
    "font",
    "language",
    "protocol",
];

/// Whether span `s` is followed by an apposition that calls it a made thing: ", a
/// supercomputer", ", an app", ", the new smartphone" (an article, at most two modifiers, then
/// a noun of [`THING_NOUNS`]).
fn thing_apposition(cx: &Ctx, s: &Span) -> bool {
    if !cx.punct_is(s.last + 1, ",") || !matches!(cx.lower(s.last + 2), "a" | "an" | "the") {
        return false;
    }
    let sentence_end = cx.doc.sentences[cx.doc.sentence_of(s.first)].tokens.end;
    (s.last + 3..sentence_end.min(s.last + 6))
        .take_while(|&k| cx.doc.tokens[k].kind == TokenKind::Word)
        .any(|k| THING_NOUNS.contains(cx.lower(k)))
}

/// Last words that make a name a place's: "Whangarei Harbour", "Sandy Bay".
const PLACE_HEADS: Words = words![
    "harbour",
    "harbor",
    "river",
    "lake",
    "mountain",
    "mountains",
    "island",
    "islands",
    "bay",
    "valley",
    "street",
    "road",
    "avenue",
    "square",
    "park",
    "bridge",
    "airport",
    "county",
    "province",
    "district",
    "coast",
    "beach",
    "peninsula",
    "desert",
    "canyon",
    "falls",
    "creek",
    "gulf",
    "strait",
    "sea",
    "ocean",
];
