//! The readable report of `pith analyze`: summary, keywords, actors table, positions table.
//! Like the widget, the tables show the rows pith is sure enough of (the core's display
//! thresholds) and say how many more the JSON has.

use pith::Analysis;

/// The readable report: summary, keywords, actors table, positions table.
pub fn report(g: &Analysis) -> String {
    let mut s = String::new();
    let push = |s: &mut String, line: String| {
        s.push_str(&line);
        s.push('\n');
    };
    push(
        &mut s,
        format!(
            "Language: {}   Sentences: {}",
            g.language,
            g.sentences.len()
        ),
    );
    push(&mut s, "\nSUMMARY".into());
    for x in &g.summary {
        push(&mut s, format!("  [{}] {}", x.sentence, x.text));
    }
    push(&mut s, "\nKEYWORDS".into());
    push(
        &mut s,
        format!(
            "  {}",
            g.keywords
                .iter()
                .map(|k| k.phrase.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    push(&mut s, "\nACTORS".into());
    let shown = |c: f64, threshold: f64| c >= threshold;
    let rows: Vec<[String; 5]> = g
        .actors
        .iter()
        .filter(|a| shown(a.confidence, pith::ACTOR_DISPLAY_CONFIDENCE))
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
        &mut s,
        ["name", "kind", "role", "affiliation", "mentions"],
        &rows,
    );
    hidden(
        &mut s,
        g.actors.len() - rows.len(),
        pith::ACTOR_DISPLAY_CONFIDENCE,
    );
    push(&mut s, "\nPOSITIONS".into());
    let rows: Vec<[String; 5]> = g
        .positions
        .iter()
        .filter(|p| shown(p.confidence, pith::POSITION_DISPLAY_CONFIDENCE))
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
    table(
        &mut s,
        ["actor", "side", "stance", "claim", "evidence"],
        &rows,
    );
    hidden(
        &mut s,
        g.positions.len() - rows.len(),
        pith::POSITION_DISPLAY_CONFIDENCE,
    );
    s
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
