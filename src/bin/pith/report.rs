//! The readable report of `pith analyze`: summary, keywords, actors table, positions table.
//! Like the widget, the tables show the rows pith is sure enough of (the core's display
//! thresholds) and say how many more the JSON has.

use pith::Analysis;

/// The readable report: summary, keywords, actors table, positions table.
pub fn report(g: &Analysis) -> String {
    let mut s = format!(
        "Language: {}   Sentences: {}\n",
        g.language,
        g.sentences.len()
    );
    s.push_str("\nSUMMARY\n");
    for x in &g.summary {
        s.push_str(&format!("  [{}] {}\n", x.sentence, x.text));
    }
    let keywords: Vec<&str> = g.keywords.iter().map(|k| k.phrase.as_str()).collect();
    let keywords = if keywords.is_empty() {
        "(none)".to_string()
    } else {
        keywords.join(", ")
    };
    s.push_str(&format!("\nKEYWORDS\n  {keywords}\n"));
    s.push_str("\nACTORS\n");
    actors(&mut s, g);
    s.push_str("\nPOSITIONS\n");
    positions(&mut s, g);
    s
}

/// The actors at or above the display confidence, as a table, and how many are left out.
fn actors(s: &mut String, g: &Analysis) {
    let rows: Vec<[String; 5]> = g
        .actors
        .iter()
        .filter(|a| a.confidence >= pith::ACTOR_DISPLAY_CONFIDENCE)
        .map(|a| {
            [
                a.name.clone(),
                format!("{:?}", a.kind).to_lowercase(),
                a.role.clone().unwrap_or_else(|| "-".into()),
                a.affiliation.clone().unwrap_or_else(|| "-".into()),
                format!("{}+{}", a.mentions.len(), a.references.len()),
            ]
        })
        .collect();
    table(
        s,
        ["name", "kind", "role", "affiliation", "mentions"],
        &rows,
    );
    hidden(
        s,
        g.actors.len() - rows.len(),
        pith::ACTOR_DISPLAY_CONFIDENCE,
    );
}

/// The positions at or above the display confidence, as a table, and how many are left out.
fn positions(s: &mut String, g: &Analysis) {
    let rows: Vec<[String; 5]> = g
        .positions
        .iter()
        .filter(|p| p.confidence >= pith::POSITION_DISPLAY_CONFIDENCE)
        .map(|p| {
            [
                if p.resolved {
                    p.actor.clone()
                } else {
                    format!("{} (unresolved)", p.actor)
                },
                p.side.clone().unwrap_or_else(|| "-".into()),
                p.stance.map_or("", pith::Stance::as_str).to_string(),
                clip(&p.claim, 70),
                format!("#{}", p.sentence),
            ]
        })
        .collect();
    table(s, ["actor", "side", "stance", "claim", "evidence"], &rows);
    hidden(
        s,
        g.positions.len() - rows.len(),
        pith::POSITION_DISPLAY_CONFIDENCE,
    );
}

/// The line under a table that left out `n` rows below the display confidence.
fn hidden(s: &mut String, n: usize, threshold: f64) {
    if n > 0 {
        let rows = if n == 1 { "row" } else { "rows" };
        s.push_str(&format!(
            "  ({n} more {rows} below confidence {threshold}: --format json lists every row)\n"
        ));
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n - 1).collect();
    format!("{cut}…")
}

fn table<const N: usize>(s: &mut String, head: [&str; N], rows: &[[String; N]]) {
    let mut w = head.map(|h| h.chars().count());
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut l = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            l.push(' ');
            l.push_str(c);
            l.push_str(&" ".repeat(w[i] - c.chars().count()));
            l.push_str(" |");
        }
        l.pop();
        l.trim_end().to_string() + "\n"
    };
    s.push_str(&line(head.to_vec()));
    s.push_str(&line(
        w.iter()
            .map(|&n| "-".repeat(n))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        s.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    if rows.is_empty() {
        s.push_str("  (none)\n");
    }
}
