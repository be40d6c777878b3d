//! Embedded word lists and gazetteers, parsed once on first use. There is no filesystem in a
//! browser, so every list is compiled in with `include_str!`; each file in `data/` names its
//! source and licence in its header (build.rs compiles in copies without the comments).

use crate::util::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// Days of the week, lowercase: never part of a name ("said Tuesday"), and skipped at the
/// start of a claim ("responded Friday to reports").
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A country, region, state or city.
#[derive(Debug, Clone)]
pub struct Place {
    /// Canonical display name.
    pub name: &'static str,
    /// `country`, `region`, `state` or `city`.
    pub kind: &'static str,
    /// For a country, itself; for a city, its country; otherwise none.
    pub country: Option<&'static str>,
}

/// A named organisation.
#[derive(Debug, Clone)]
pub struct Org {
    /// Canonical display name.
    pub name: &'static str,
    /// The state it belongs to, if any.
    pub country: Option<&'static str>,
    /// `party`, `government`, `media`, `company`, ... as listed.
    pub kind: &'static str,
}

/// A multi-word cue ("called for"): the words after the first, and the stance.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Lowercase words that must follow the cue token, in order.
    pub rest: Vec<&'static str>,
    /// The stance it expresses.
    pub stance: &'static str,
}

/// Gender (or number) carried by an honorific or pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Neuter ("it").
    Neuter,
    /// Plural ("they").
    Plural,
}

/// All lexicons, keyed by lowercased written form.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Place names and aliases.
    pub places: HashMap<String, Place>,
    /// Demonym adjectives ("russian") to country.
    pub adjectives: HashMap<String, &'static str>,
    /// Plural people nouns ("russians") to country.
    pub peoples: HashMap<String, &'static str>,
    /// Capital cities ("moscow") to country.
    pub capitals: HashMap<String, &'static str>,
    /// Organisation names and aliases.
    pub orgs: HashMap<String, Org>,
    /// Honorifics with gender when they carry one.
    pub honorifics: HashMap<&'static str, Option<Gender>>,
    /// Role head nouns.
    pub heads: HashSet<&'static str>,
    /// Role modifiers.
    pub modifiers: HashSet<&'static str>,
    /// Nouns naming people or bodies that can hold a position ("official", "source").
    pub agents: HashSet<&'static str>,
    /// Party tags after a name ("R" in "(R-Wis.)") to the party's name.
    pub party_initials: HashMap<&'static str, &'static str>,
    /// Subject and object pronouns.
    pub pronouns: HashMap<&'static str, Gender>,
    /// Verb forms that are cues, to stance ("said" to says). Keyphrases skip these words.
    pub cues: HashMap<&'static str, &'static str>,
    /// Frequent given names, lowercase ("vladimir"): a capitalised pair starting with one is a
    /// person's name.
    pub given_names: HashSet<&'static str>,
    /// Cue verbs that may precede their speaker ("..., said Mr Gates").
    pub speech: HashSet<&'static str>,
    /// Cue verb forms that are just as often nouns ("calls", "reports"), to stance; kept apart
    /// from [`Lexicon::cues`] so that keyphrases may still use them.
    pub noun_cues: HashMap<&'static str, &'static str>,
    /// Multi-word cues by first word ("called" to "for", demands).
    pub phrases: HashMap<&'static str, Vec<Phrase>>,
    /// Attitude adjectives after a copula ("unimpressed"), to stance.
    pub states: HashMap<&'static str, &'static str>,
    /// Adjectives of a reaction noun ("a cool response"), to the stance of whoever reacts.
    pub reactions: HashMap<&'static str, &'static str>,
}

fn records(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn alternatives(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn gender(code: Option<&str>) -> Option<Gender> {
    match code? {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        "n" => Some(Gender::Neuter),
        "p" => Some(Gender::Plural),
        _ => None,
    }
}

impl Lexicon {
    /// The English lexicon (parsed on first call).
    pub fn english() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lx = Lexicon::default();
        for r in records(include_str!(concat!(env!("OUT_DIR"), "/places.tsv"))) {
            let [kind, name, aliases, adjectives, people, capital] = r[..] else {
                continue;
            };
            let country = match kind {
                "country" => Some(name),
                "city" => Some(capital).filter(|c| !c.is_empty()),
                _ => None,
            };
            let place = Place {
                name,
                kind,
                country,
            };
            for form in std::iter::once(name).chain(alternatives(aliases)) {
                lx.places
                    .entry(form.to_lowercase())
                    .or_insert_with(|| place.clone());
            }
            if kind == "city" {
                continue;
            }
            for a in alternatives(adjectives) {
                lx.adjectives.entry(a.to_lowercase()).or_insert(name);
            }
            for p in alternatives(people) {
                lx.peoples.entry(p.to_lowercase()).or_insert(name);
            }
            if kind == "country" {
                for c in alternatives(capital) {
                    lx.capitals.insert(c.to_lowercase(), name);
                    lx.places.entry(c.to_lowercase()).or_insert(Place {
                        name: c,
                        kind: "city",
                        country: Some(name),
                    });
                }
            }
        }
        for r in records(include_str!(concat!(env!("OUT_DIR"), "/organizations.tsv"))) {
            let [name, aliases, kind, country] = r[..] else {
                continue;
            };
            let org = Org {
                name,
                country: Some(country).filter(|c| !c.is_empty()),
                kind,
            };
            for form in std::iter::once(name).chain(alternatives(aliases)) {
                lx.orgs
                    .entry(form.to_lowercase())
                    .or_insert_with(|| org.clone());
            }
        }
        let mut section = "";
        for line in include_str!(concat!(env!("OUT_DIR"), "/en-roles.txt")).lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line.trim_matches(['[', ']']);
                continue;
            }
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            let code = parts.next();
            match section {
                "honorific" => {
                    lx.honorifics.insert(word, gender(code));
                }
                "head" => {
                    lx.heads.insert(word);
                }
                "modifier" => {
                    lx.modifiers.insert(word);
                }
                "agent" => {
                    lx.agents.insert(word);
                }
                "party-initial" => {
                    let name = line[word.len()..].trim();
                    if !name.is_empty() {
                        lx.party_initials.insert(word, name);
                    }
                }
                "pronoun" => {
                    if let Some(g) = gender(code) {
                        lx.pronouns.insert(word, g);
                    }
                }
                _ => {}
            }
        }
        for r in records(include_str!(concat!(env!("OUT_DIR"), "/en-cues.txt"))) {
            let (forms, stance, kind) = match r[..] {
                [forms, stance] => (forms, stance, "verb"),
                [forms, stance, kind] => (forms, stance, kind),
                _ => continue,
            };
            for f in forms.split_whitespace() {
                let mut words = f.split('_');
                let Some(first) = words.next() else { continue };
                let rest: Vec<&'static str> = words.collect();
                if !rest.is_empty() {
                    lx.phrases
                        .entry(first)
                        .or_default()
                        .push(Phrase { rest, stance });
                    continue;
                }
                match kind {
                    "state" => {
                        lx.states.insert(f, stance);
                    }
                    "reaction" => {
                        lx.reactions.insert(f, stance);
                    }
                    "noun" => {
                        lx.noun_cues.insert(f, stance);
                    }
                    _ => {
                        if kind == "speech" {
                            lx.speech.insert(f);
                        }
                        lx.cues.insert(f, stance);
                    }
                }
            }
        }
        // Longer phrases first, so "stepped up pressure" is tried before a shorter one.
        for list in lx.phrases.values_mut() {
            crate::util::sort_by_key(list, |p| std::cmp::Reverse(p.rest.len()));
        }
        lx.given_names = include_str!(concat!(env!("OUT_DIR"), "/en-given-names.txt"))
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        lx
    }

    /// The stance of a one-word cue verb ("said", "calls"), if `lower` is one.
    pub fn cue(&self, lower: &str) -> Option<&'static str> {
        self.cues
            .get(lower)
            .or_else(|| self.noun_cues.get(lower))
            .copied()
    }

    /// Whether `lower` heads a role ("minister").
    pub fn is_head(&self, lower: &str) -> bool {
        self.heads.contains(lower)
    }

    /// Whether `lower` (possibly a plural: "officials") names people or a body that can hold
    /// a position: an agent noun or a role head.
    pub fn is_agent(&self, lower: &str) -> bool {
        let known = |w: &str| self.agents.contains(w) || self.is_head(w);
        if known(lower) {
            return true;
        }
        if let Some(stem) = lower.strip_suffix("ies") {
            return known(&format!("{stem}y"));
        }
        lower.strip_suffix('s').is_some_and(known)
    }

    /// The party a capitalised role word names ("Republican", "GOP", "Democrat"), if any.
    pub fn party_of(&self, word: &str) -> Option<&'static str> {
        let lower = word.to_lowercase();
        let party = |key: &str| {
            self.orgs
                .get(key)
                .filter(|o| o.kind == "party")
                .map(|o| o.name)
        };
        party(&lower)
            .or_else(|| party(&format!("{lower} party")))
            .or_else(|| party(&format!("{lower}ic party")))
    }

    /// Whether `lower` may modify a role head ("foreign").
    pub fn is_modifier(&self, lower: &str) -> bool {
        self.modifiers.contains(lower)
    }

    /// The country a demonym adjective, country name or alias points to.
    pub fn country_of(&self, form: &str) -> Option<&'static str> {
        let lower = form.to_lowercase();
        self.adjectives.get(&lower).copied().or_else(|| {
            self.places
                .get(&lower)
                .filter(|p| p.kind == "country")
                .map(|p| p.name)
        })
    }
}
