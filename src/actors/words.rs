//! Word lists that more than one step reads: club names (found as spans, typed as clubs) and
//! months (marked in the context, told from names when spans are found).
use crate::util::{words, Words};

/// Last words of club names, in any text: "Leeds United", "Blackburn Rovers", "West
/// Bromwich Albion", "Tottenham Hotspur".
pub(super) const CLUB_TAILS: Words = words![
    "united",
    "rovers",
    "wanderers",
    "albion",
    "hotspur",
    "athletic",
    "fc",
    "afc",
];
/// Last words of club names in a sports report only, being common in other names elsewhere
/// ("Aston Villa", "Nottingham Forest", "Glasgow Rangers").
pub(super) const SPORT_CLUB_TAILS: Words = words![
    "villa",
    "forest",
    "wednesday",
    "rangers",
    "argyle",
    "orient",
    "thistle",
    "vale",
];
/// Last words that make a club of a city's name, in a sports report only: "Manchester City",
/// "Ipswich Town" (not "Kansas City", a state's name and a place, nor "Manchester City
/// Council"). Not "County": "Derby County" is a club, but "Los Angeles County" and "Contra
/// Costa County", far more often in the news, are places.
pub(super) const TOWN_CLUB_TAILS: Words = words!["city", "town"];
/// Months and abbreviations, with whether the word is also a common name ("May", "June").
pub(super) const MONTHS: &[(&str, bool)] = &[
    ("january", false),
    ("jan", false),
    ("february", false),
    ("feb", false),
    ("march", false),
    ("april", true),
    ("may", true),
    ("june", true),
    ("july", false),
    ("august", true),
    ("aug", false),
    ("september", false),
    ("sept", false),
    ("sep", false),
    ("october", false),
    ("oct", false),
    ("november", false),
    ("nov", false),
    ("december", false),
    ("dec", false),
];

/// Whether `lower` is in `anywhere`, or in `in_sport` in a sports report.
pub(super) fn is_club_word(lower: &str, sport: bool, anywhere: Words, in_sport: Words) -> bool {
    anywhere.contains(lower) || (sport && in_sport.contains(lower))
}
