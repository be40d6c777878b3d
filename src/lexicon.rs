//! Embedded word lists and gazetteers, parsed once on first use. There is no filesystem in a
//! browser, so every list is compiled in with `include_str!`; each file in `data/` names its
//! source and licence in its header (build.rs compiles in copies without the comments).

use crate::case::lowercase;
use crate::model::Stance;
use crate::util::KeyMap;
use crate::util::{words, Words};
use std::sync::OnceLock;

/// Days of the week, lowercase: never part of a name ("said Tuesday"), and skipped at the
/// start of a claim ("responded Friday to reports").
pub const WEEKDAYS: Words = words![
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Lexicon facts about one lowercase word, as bits of [`Lexicon::word_bits`]: one lookup
/// answers what the name finders ask of every capitalised word.
pub mod word {
    /// A place key ([`super::Lexicon::places`]).
    pub const PLACE: u32 = 1;
    /// An organisation key ([`super::Lexicon::orgs`]).
    pub const ORG: u32 = 1 << 1;
    /// A pronoun.
    pub const PRONOUN: u32 = 1 << 2;
    /// An honorific.
    pub const HONORIFIC: u32 = 1 << 3;
    /// A role head ([`super::Lexicon::is_head`]).
    pub const HEAD: u32 = 1 << 4;
    /// A role modifier ([`super::Lexicon::is_modifier`]).
    pub const MODIFIER: u32 = 1 << 5;
    /// A demonym adjective.
    pub const ADJECTIVE: u32 = 1 << 6;
    /// A one-word cue, verb or noun ([`super::Lexicon::cue`]).
    pub const CUE: u32 = 1 << 7;
    /// A one-word cue verb ([`super::Lexicon::cues`]).
    pub const CUE_VERB: u32 = 1 << 8;
    /// A weekday ([`super::WEEKDAYS`]).
    pub const WEEKDAY: u32 = 1 << 9;
    /// An agent noun or its plural ([`super::Lexicon::is_agent`]).
    pub const AGENT: u32 = 1 << 10;
    /// Points to a country ([`super::Lexicon::country_of`]).
    pub const COUNTRY: u32 = 1 << 11;
    /// A plural people noun ([`super::Lexicon::peoples`]).
    pub const PEOPLE: u32 = 1 << 12;
    /// The first word of a multi-word cue ([`super::Lexicon::phrases`]).
    pub const PHRASE: u32 = 1 << 13;
    /// An attitude adjective ([`super::Lexicon::states`]).
    pub const STATE: u32 = 1 << 14;
    /// A reaction adjective ([`super::Lexicon::reactions`]).
    pub const REACTION: u32 = 1 << 15;
}

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
    pub stance: Stance,
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
    pub places: KeyMap<String, Place>,
    /// Demonym adjectives ("russian") to country.
    pub adjectives: KeyMap<String, &'static str>,
    /// Plural people nouns ("russians") to country.
    pub peoples: KeyMap<String, &'static str>,
    /// Capital cities ("moscow") to country.
    pub capitals: KeyMap<String, &'static str>,
    /// Organisation names and aliases.
    pub orgs: KeyMap<String, Org>,
    /// Honorifics with gender when they carry one.
    pub honorifics: KeyMap<&'static str, Option<Gender>>,
    /// Role head nouns.
    pub heads: KeyMap<&'static str, ()>,
    /// Role modifiers.
    pub modifiers: KeyMap<&'static str, ()>,
    /// Nouns naming people or bodies that can hold a position ("official", "source").
    pub agents: KeyMap<&'static str, ()>,
    /// Party tags after a name ("R" in "(R-Wis.)") to the party's name.
    pub party_initials: KeyMap<&'static str, &'static str>,
    /// Subject and object pronouns.
    pub pronouns: KeyMap<&'static str, Gender>,
    /// Verb forms that are cues, to stance ("said" to says). Keyphrases skip these words.
    pub cues: KeyMap<&'static str, Stance>,
    /// Frequent given names, lowercase ("vladimir"): a capitalised pair starting with one is a
    /// person's name.
    pub given_names: KeyMap<&'static str, ()>,
    /// Cue verbs that may precede their speaker ("..., said Mr Gates").
    pub speech: KeyMap<&'static str, ()>,
    /// Cue verb forms that are just as often nouns ("calls", "reports"), to stance; kept apart
    /// from [`Lexicon::cues`] so that keyphrases may still use them.
    pub noun_cues: KeyMap<&'static str, Stance>,
    /// Multi-word cues by first word ("called" to "for", demands).
    pub phrases: KeyMap<&'static str, Vec<Phrase>>,
    /// Attitude adjectives after a copula ("unimpressed"), to stance.
    pub states: KeyMap<&'static str, Stance>,
    /// Adjectives of a reaction noun ("a cool response"), to the stance of whoever reacts.
    pub reactions: KeyMap<&'static str, Stance>,
    /// Hashes of the beginnings of place and organisation keys that end where a token can end
    /// (before or after a character that is not alphanumeric: "bank" of "bank of england",
    /// "al" of "al-qaeda"). Whether a word starts a longer name is then one lookup, and name
    /// finders build multi-word keys only after such a word. A hash collision only sends a
    /// word on to the exact key lookup.
    name_starts: KeyMap<u32, ()>,
    /// Every word some list knows, to its [`word`] bits.
    pub word_bits: KeyMap<String, u32>,
}

// The lexicon's names borrow from the expanded text of these files, kept for the program's
// life (build.rs stores them compacted: `ditto` and `front_code` there).
static PLACES: OnceLock<String> = OnceLock::new();
static ORGANIZATIONS: OnceLock<String> = OnceLock::new();
static GIVEN_NAMES: OnceLock<String> = OnceLock::new();

/// A table as build.rs's `ditto` wrote it, with its fields written out again: "\x01" is the
/// field above, "\x02" the field before with an "s" after each alternative.
fn expand_table(src: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(2 * src.len());
    let mut above: Vec<std::ops::Range<usize>> = Vec::new();
    for line in src.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let mut fields: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, f) in line.split(|&b| b == b'\t').enumerate() {
            if i > 0 {
                out.push(b'\t');
            }
            let start = out.len();
            match f {
                [1] => {
                    let r = above.get(i).cloned().unwrap_or_default();
                    out.extend_from_within(r);
                }
                [2] => {
                    let r = fields.last().cloned().unwrap_or_default();
                    let before = out.get(r).unwrap_or_default().to_vec();
                    for (k, a) in before.split(|&b| b == b'|').enumerate() {
                        if k > 0 {
                            out.push(b'|');
                        }
                        out.extend_from_slice(a);
                        out.push(b's');
                    }
                }
                _ => out.extend_from_slice(f),
            }
            fields.push(start..out.len());
        }
        out.push(b'\n');
        above = fields;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// A list as build.rs's `front_code` wrote it, one entry a line again.
fn expand_list(src: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(2 * src.len());
    let mut start = 0;
    for &b in src {
        if b < 0x20 {
            let previous = start;
            if !out.is_empty() {
                out.push(b'\n');
            }
            start = out.len();
            out.extend_from_within(previous..previous + usize::from(b));
        } else {
            out.push(b);
        }
    }
    if !out.is_empty() {
        out.push(b'\n');
    }
    String::from_utf8(out).unwrap_or_default()
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

/// Adds `bit` to the [`word`] bits of `w`.
fn mark(bits: &mut KeyMap<String, u32>, w: &str, bit: u32) {
    match bits.get_mut(w) {
        Some(b) => *b |= bit,
        None => {
            bits.insert(w.to_string(), bit);
        }
    }
}

/// Marks the forms [`Lexicon::is_agent`] accepts for the agent noun or role head `k`: the word,
/// its plural in "s" (a word in "ies" is only read as the plural of one in "y"), and for a word
/// in "y" its plural in "ies".
fn mark_agent(bits: &mut KeyMap<String, u32>, k: &str) {
    mark(bits, k, word::AGENT);
    let plural = format!("{k}s");
    if !plural.ends_with("ies") {
        mark(bits, &plural, word::AGENT);
    }
    if let Some(stem) = k.strip_suffix('y') {
        mark(bits, &format!("{stem}ies"), word::AGENT);
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
        lx.add_places();
        lx.add_organizations();
        lx.add_roles();
        lx.add_cues();
        lx.add_given_names();
        lx.add_name_starts();
        for w in WEEKDAYS {
            mark(&mut lx.word_bits, w, word::WEEKDAY);
        }
        lx
    }

    /// Countries, cities and regions, with their aliases, adjectives, peoples and capitals.
    fn add_places(&mut self) {
        for r in
            records(PLACES.get_or_init(|| {
                expand_table(include_bytes!(concat!(env!("OUT_DIR"), "/places.tsv")))
            }))
        {
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
            // The first place listed under a form is the one it names.
            let bits = word::PLACE | if kind == "country" { word::COUNTRY } else { 0 };
            for form in std::iter::once(name).chain(alternatives(aliases)) {
                let key = lowercase(form);
                if !self.places.contains_key(&key) {
                    mark(&mut self.word_bits, &key, bits);
                    self.places.insert(key, place.clone());
                }
            }
            if kind == "city" {
                continue;
            }
            for a in alternatives(adjectives) {
                let key = lowercase(a);
                mark(&mut self.word_bits, &key, word::ADJECTIVE | word::COUNTRY);
                self.adjectives.get_or_insert_with(key, || name);
            }
            for p in alternatives(people) {
                let key = lowercase(p);
                mark(&mut self.word_bits, &key, word::PEOPLE);
                self.peoples.get_or_insert_with(key, || name);
            }
            if kind == "country" {
                for c in alternatives(capital) {
                    let key = lowercase(c);
                    self.capitals.insert(key.clone(), name);
                    if !self.places.contains_key(&key) {
                        mark(&mut self.word_bits, &key, word::PLACE);
                        self.places.insert(
                            key,
                            Place {
                                name: c,
                                kind: "city",
                                country: Some(name),
                            },
                        );
                    }
                }
            }
        }
    }

    /// Organisations and their aliases.
    fn add_organizations(&mut self) {
        for r in records(ORGANIZATIONS.get_or_init(|| {
            expand_table(include_bytes!(concat!(
                env!("OUT_DIR"),
                "/organizations.tsv"
            )))
        })) {
            let [name, aliases, kind, country] = r[..] else {
                continue;
            };
            let org = Org {
                name,
                country: Some(country).filter(|c| !c.is_empty()),
                kind,
            };
            for form in std::iter::once(name).chain(alternatives(aliases)) {
                let key = lowercase(form);
                mark(&mut self.word_bits, &key, word::ORG);
                self.orgs.get_or_insert_with(key, || org.clone());
            }
        }
    }

    /// Honorifics, role heads and modifiers, agents, party initials and pronouns (`en-roles.txt`, by section).
    fn add_roles(&mut self) {
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
            let bits = &mut self.word_bits;
            match section {
                "honorific" => {
                    mark(bits, word, word::HONORIFIC);
                    self.honorifics.insert(word, gender(code));
                }
                "head" => {
                    mark(bits, word, word::HEAD);
                    mark_agent(bits, word);
                    self.heads.insert(word, ());
                }
                "modifier" => {
                    mark(bits, word, word::MODIFIER);
                    self.modifiers.insert(word, ());
                }
                "agent" => {
                    mark_agent(bits, word);
                    self.agents.insert(word, ());
                }
                "party-initial" => {
                    let name = line[word.len()..].trim();
                    if !name.is_empty() {
                        self.party_initials.insert(word, name);
                    }
                }
                "pronoun" => {
                    if let Some(g) = gender(code) {
                        mark(bits, word, word::PRONOUN);
                        self.pronouns.insert(word, g);
                    }
                }
                _ => {}
            }
        }
    }

    /// Speech, attitude and reaction cues and multi-word cue phrases (`en-cues.txt`).
    fn add_cues(&mut self) {
        for r in records(include_str!(concat!(env!("OUT_DIR"), "/en-cues.txt"))) {
            let (forms, stance, kind) = match r[..] {
                [forms, stance] => (forms, stance, "verb"),
                [forms, stance, kind] => (forms, stance, kind),
                _ => continue,
            };
            // Read once here, so that the positions compare stances, not strings.
            let stance = Stance::from_name(stance);
            for f in forms.split_whitespace() {
                let mut words = f.split('_');
                let Some(first) = words.next() else { continue };
                let rest: Vec<&'static str> = words.collect();
                if !rest.is_empty() {
                    mark(&mut self.word_bits, first, word::PHRASE);
                    self.phrases
                        .get_or_insert_with(first, Vec::new)
                        .push(Phrase { rest, stance });
                    continue;
                }
                match kind {
                    "state" => {
                        mark(&mut self.word_bits, f, word::STATE);
                        self.states.insert(f, stance);
                    }
                    "reaction" => {
                        mark(&mut self.word_bits, f, word::REACTION);
                        self.reactions.insert(f, stance);
                    }
                    "noun" => {
                        mark(&mut self.word_bits, f, word::CUE);
                        self.noun_cues.insert(f, stance);
                    }
                    _ => {
                        mark(&mut self.word_bits, f, word::CUE | word::CUE_VERB);
                        if kind == "speech" {
                            self.speech.insert(f, ());
                        }
                        self.cues.insert(f, stance);
                    }
                }
            }
        }
        // Longer phrases first, so "stepped up pressure" is tried before a shorter one.
        for list in self.phrases.values_mut() {
            crate::util::sort_by_key(list, |p| std::cmp::Reverse(p.rest.len()));
        }
    }

    /// Frequent given names.
    fn add_given_names(&mut self) {
        let names = GIVEN_NAMES
            .get_or_init(|| {
                expand_list(include_bytes!(concat!(
                    env!("OUT_DIR"),
                    "/en-given-names.txt"
                )))
            })
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for name in names {
            self.given_names.insert(name, ());
        }
    }

    /// Hashes of every token-boundary prefix of a place or organisation name, so a tagger can tell a span that may grow into one.
    fn add_name_starts(&mut self) {
        let keys = (self.word_bits.iter()).filter(|(_, &b)| b & (word::PLACE | word::ORG) != 0);
        for (key, _) in keys {
            // A token is a run of alphanumerics or one other character, so it can end only
            // next to a character that is not alphanumeric.
            let mut after_alnum = true;
            for (at, c) in key.char_indices() {
                let alnum = c.is_alphanumeric();
                if at > 0 && (!alnum || !after_alnum) {
                    self.name_starts
                        .insert(crate::util::hash_str(&key[..at]), ());
                }
                after_alnum = alnum;
            }
        }
    }

    /// The [`word`] bits of the lowercase word `w` (none for a word no list knows).
    pub fn word_bits(&self, w: &str) -> u32 {
        self.word_bits.get(w).copied().unwrap_or(0)
    }

    /// Whether some place or organisation key starts with `prefix` and is longer than it: only
    /// then can a name starting with the word `prefix` span more than one token.
    ///
    /// `prefix` is a token's lowercase text: a word, number or punctuation mark. (It may say
    /// yes for a word that starts no name, never no for one that does.)
    pub fn starts_longer_name(&self, prefix: &str) -> bool {
        self.name_starts.contains(&crate::util::hash_str(prefix))
    }

    /// The stance of a one-word cue verb ("said", "calls"), if `lower` is one.
    pub fn cue(&self, lower: &str) -> Option<Stance> {
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
        let lower = lowercase(word);
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
        self.country_of_lower(&lowercase(form))
    }

    /// [`Lexicon::country_of`] for a form already lowercased (a token's vocabulary string).
    pub fn country_of_lower(&self, lower: &str) -> Option<&'static str> {
        self.adjectives.get(lower).copied().or_else(|| {
            self.places
                .get(lower)
                .filter(|p| p.kind == "country")
                .map(|p| p.name)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stance_of_the_cues_file_is_a_stance() {
        // `Stance::from_name` reads an unknown name as `Says`: a typo in cues.txt would
        // otherwise pass silently.
        let cues = records(include_str!(concat!(env!("OUT_DIR"), "/en-cues.txt")));
        let mut rows = 0;
        for r in cues.filter(|r| r.len() >= 2) {
            assert_eq!(Stance::from_name(r[1]).as_str(), r[1], "{r:?}");
            rows += 1;
        }
        assert!(rows > 100, "{rows} rows");
    }

    /// The compact copies build.rs compiles in expand to the files' lines, comments dropped.
    #[test]
    fn compact_lexicon_files_expand_to_the_originals() {
        let kept = |text: &str| -> String {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .flat_map(|l| [l, "\n"])
                .collect()
        };
        Lexicon::english();
        let expanded = [&PLACES, &ORGANIZATIONS, &GIVEN_NAMES].map(|c| c.get().cloned());
        let originals = [
            include_str!("../data/places.tsv"),
            include_str!("../data/organizations.tsv"),
            include_str!("../data/en/given-names.txt"),
        ];
        for (e, o) in expanded.into_iter().zip(originals) {
            assert_eq!(e, Some(kept(o)));
        }
    }

    /// The bits answer what the lists and predicates answer, for every listed word and its
    /// plural-looking variants (the forms `is_agent` reads).
    #[test]
    fn word_bits_agree_with_the_lists() {
        let lx = Lexicon::english();
        let mut words: Vec<String> = lx.word_bits.keys().cloned().collect();
        for w in lx.word_bits.keys() {
            words.push(format!("{w}s"));
            words.push(format!("{w}es"));
            words.push(format!("{w}ies"));
            if let Some(stem) = w.strip_suffix('s') {
                words.push(stem.to_string());
            }
        }
        words.extend(["", "y", "ies", "s", "the", "said"].map(String::from));
        for w in &words {
            let w = w.as_str();
            let expected = [
                (lx.places.contains_key(w), word::PLACE),
                (lx.orgs.contains_key(w), word::ORG),
                (lx.pronouns.contains_key(w), word::PRONOUN),
                (lx.honorifics.contains_key(w), word::HONORIFIC),
                (lx.is_head(w), word::HEAD),
                (lx.is_modifier(w), word::MODIFIER),
                (lx.adjectives.contains_key(w), word::ADJECTIVE),
                (lx.cue(w).is_some(), word::CUE),
                (lx.cues.contains_key(w), word::CUE_VERB),
                (WEEKDAYS.contains(w), word::WEEKDAY),
                (lx.is_agent(w), word::AGENT),
                (lx.country_of_lower(w).is_some(), word::COUNTRY),
                (lx.peoples.contains_key(w), word::PEOPLE),
                (lx.phrases.contains_key(w), word::PHRASE),
                (lx.states.contains_key(w), word::STATE),
                (lx.reactions.contains_key(w), word::REACTION),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .fold(0, |bits, (_, bit)| bits | bit);
            assert_eq!(lx.word_bits(w), expected, "{w:?}");
        }
    }

    #[test]
    fn longer_names_are_found_by_their_first_word() {
        let lx = Lexicon::english();
        assert!(lx.starts_longer_name("bank"));
        assert!(!lx.starts_longer_name("zzzz"));
        assert!(lx.starts_longer_name("al"), "al-qaeda");
        let keys = (lx.word_bits.iter()).filter(|(_, &b)| b & (word::PLACE | word::ORG) != 0);
        let mut multi = 0;
        for (k, _) in keys {
            if let Some((first, _)) = k.split_once(' ') {
                assert!(lx.starts_longer_name(first), "{k}");
                multi += 1;
            }
        }
        assert!(multi > 100, "{multi} multi-word keys");
    }
}
