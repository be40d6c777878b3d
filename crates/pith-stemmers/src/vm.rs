//! The interpreter of the stemmers' bytecode (`programs.rs`, made by
//! `scripts/snowball-bytecode.py` from rust-stemmers 1.2.0's generated Rust).
//!
//! Why bytecode: 17 languages of generated Rust were 27 KB of the gzipped wasm module; their
//! programs as bytes plus this one interpreter are 8.5 KB less (and natively 2-2.6 times
//! slower, which stemming once per distinct word affords). The runtime operations are those
//! of rust-stemmers' `SnowballEnv` (MIT licence, Jakob Demler), step for step, so the stems are
//! the same (tests/stemmers.rs); unlike it, every index is checked, so a state the generated
//! code could not reach ends the run (the word is returned unchanged) instead of panicking.
//!
//! The machine: registers 0-4 are the cursor, limit, backward limit, `bra` and `ket`, then the
//! program's integer and boolean variables; operand bytes from 0x40 name the running routine's
//! locals (its saved cursors, `among_var`, loop counters). Conditions set a flag that jumps and
//! returns read; expressions use a small stack. See `op` for the instructions.

use std::borrow::Cow;
use std::sync::OnceLock;

/// One language's stemmer: its bytecode and Snowball `among` tables.
pub struct Program {
    /// Groupings (min and max code point as `u16`, then the bits), then the routines.
    pub code: &'static [u8],
    /// The offset of the `stem` routine in `code`.
    pub entry: u16,
    /// The tables, front-coded: each opens with byte 0x1E when it is searched forwards, 0x1F
    /// backwards; then each entry (sorted as Snowball sorts them) as a byte 1 + n, n the
    /// number of chars it shares with the entry before, then its other chars, an entry of a
    /// backward table read from its end (so that entries sharing an ending share a start
    /// here). In UTF-8 but for the 64 code points from `base`, one byte each (0x80 plus the
    /// code point less `base`), since Greek, Cyrillic, Arabic and Tamil letters take two or
    /// three bytes in UTF-8 that compress less well. Lengths and links (rust-stemmers stores
    /// both, with a result and an optional routine, as 24 bytes per entry in wasm that
    /// compress poorly) are derived on first use ([`Index`]).
    pub tables: &'static [u8],
    /// The first code point of the one-byte range of `tables`.
    pub base: u32,
    /// What a match of each entry returns, as `i8`.
    pub results: &'static [u8],
    /// Each entry's condition routine (code offset, `u16::MAX` for none), or empty.
    pub methods: &'static [u16],
    /// The tables' entries located, built on first use.
    pub index: OnceLock<Index>,
}

/// A program's tables in UTF-8, and where their entries are.
pub struct Index {
    /// The entries' text, one after another.
    text: Vec<u8>,
    /// Every entry of every table.
    entries: Vec<Entry>,
    /// The first entry of each table, then the number of entries.
    firsts: Vec<u16>,
}

/// An `among` entry: its string's place in `Program::tables`, and its link: the entry of its
/// table that is the longest prefix of it (suffix, backwards), or -1.
#[derive(Clone, Copy)]
struct Entry {
    start: u16,
    end: u16,
    link: i16,
}

impl Index {
    fn new(tables: &[u8], base: u32) -> Index {
        let mut bytes = Vec::with_capacity(tables.len() * 2);
        // Continuation bytes still due of a UTF-8 char.
        let mut due = 0;
        for &b in tables {
            match b {
                _ if due > 0 => {
                    due -= 1;
                    bytes.push(b);
                }
                0xC0.. => {
                    due = 1 + usize::from(b >= 0xE0) + usize::from(b >= 0xF0);
                    bytes.push(b);
                }
                0x80..0xC0 => {
                    let c = char::from_u32(base + u32::from(b) - 0x80).unwrap_or('\u{fffd}');
                    bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                _ => bytes.push(b),
            }
        }
        let mut index = Index {
            text: Vec::with_capacity(bytes.len() * 2),
            entries: Vec::new(),
            firsts: Vec::new(),
        };
        // The key being built (the entry, reversed in a backward table) and the table's way.
        let (mut key, mut back) = (Vec::<char>::new(), false);
        let mut open = false;
        // A table start marker at the end closes the last table.
        for c in String::from_utf8_lossy(&bytes).chars().chain(['\u{1e}']) {
            match c as u32 {
                0..=0x1F if open => index.push(&key, back),
                _ => {}
            }
            match c as u32 {
                0x1E | 0x1F => {
                    index.close(back);
                    index.firsts.push(index.entries.len() as u16);
                    back = c == '\u{1f}';
                    open = false;
                }
                n @ 1..=0x1D => {
                    key.truncate(n as usize - 1);
                    open = true;
                }
                _ => key.push(c),
            }
        }
        // The end marker (0x1E) closed the last table and pushed the number of entries.
        index
    }

    /// Adds an entry: `key`, read backwards in a backward table.
    fn push(&mut self, key: &[char], back: bool) {
        let start = self.text.len();
        let mut buf = [0; 4];
        let mut put = |c: &char| {
            self.text
                .extend_from_slice(c.encode_utf8(&mut buf).as_bytes())
        };
        if back {
            key.iter().rev().for_each(&mut put);
        } else {
            key.iter().for_each(&mut put);
        }
        // The tables are at most a few KB (u16), generated and tested.
        self.entries.push(Entry {
            start: start as u16,
            end: self.text.len() as u16,
            link: -1,
        });
    }

    /// Sets the links of the last table's entries, if any.
    fn close(&mut self, back: bool) {
        if let Some(&first) = self.firsts.last() {
            link(&self.text, &mut self.entries[usize::from(first)..], back);
        }
    }
}

/// Every entry of `program`'s tables, for the tests.
pub fn among_entries(program: &'static Program) -> Vec<String> {
    let index = program
        .index
        .get_or_init(|| Index::new(program.tables, program.base));
    let text = |e: &Entry| &index.text[usize::from(e.start)..usize::from(e.end)];
    let entries = index.entries.iter();
    entries
        .map(|e| String::from_utf8_lossy(text(e)).into_owned())
        .collect()
}

/// Sets the links of one table's `entries` (Snowball's `substring_i`): the longest other entry
/// that the entry ends with (`back`) or starts with.
fn link(bytes: &[u8], entries: &mut [Entry], back: bool) {
    let text = |e: &Entry| &bytes[usize::from(e.start)..usize::from(e.end)];
    for i in 0..entries.len() {
        let w = text(&entries[i]);
        let mut best: Option<usize> = None;
        for (j, e) in entries.iter().enumerate() {
            let x = text(e);
            let fits = x.len() < w.len()
                && if back {
                    w.ends_with(x)
                } else {
                    w.starts_with(x)
                };
            if fits && best.is_none_or(|b| x.len() > text(&entries[b]).len()) {
                best = Some(j);
            }
        }
        entries[i].link = best.map_or(-1, |j| j as i16);
    }
}

/// The instructions; `scripts/snowball-bytecode.py` numbers them the same way (`OPS`).
/// Operands: `r` a register byte, `x`/`y` an operand byte (a register; from 0x80 the constant
/// byte - 0x80; 0xFF pops the stack, the right operand first), `d` a byte, `a` a code offset
/// (`u16`), `s` a string (a length byte, then UTF-8), `v` a string variable, `t` a table, `g`
/// a grouping's code offset (a byte: the groupings come first), `n` a byte.
#[allow(dead_code)] // all listed; some are only matched within ranges
mod op {
    pub const JMP: u8 = 0; // d: jump d bytes forward (from the next instruction)
    pub const JF: u8 = 1; // d: the same when the flag is false
    pub const JT: u8 = 2; // d: the same when the flag is true
    pub const JB: u8 = 3; // d: jump d bytes back
    pub const JMPL: u8 = 4; // a: jump to a
    pub const JFL: u8 = 5; // a: jump to a when the flag is false
    pub const JTL: u8 = 6; // a: jump to a when the flag is true
    pub const RET0: u8 = 7; // return false
    pub const RET1: u8 = 8; // return true
    pub const RNF: u8 = 9; // return false when the flag is false
    pub const RIF: u8 = 10; // return false when the flag is true
    pub const MOV: u8 = 11; // r x: r = x
    pub const PUSH: u8 = 12; // x: push x
    pub const SUB: u8 = 13; // pop b, a; push a - b
    pub const LT: u8 = 14; // x y: flag = x < y
    pub const LE: u8 = 15; // x y
    pub const GT: u8 = 16; // x y
    pub const GE: u8 = 17; // x y
    pub const EQ: u8 = 18; // x y
    pub const NE: u8 = 19; // x y
    pub const CASE: u8 = 20; // n: flag = among_var == n
    pub const CALL: u8 = 21; // a: run the routine at a; flag = its result
    pub const FIND: u8 = 22; // t: among_var = find_among(t); flag = among_var != 0
    pub const FIND_B: u8 = 23; // t: find_among_b
    pub const EQ_S: u8 = 24; // s: eq_s
    pub const EQ_S_B: u8 = 25; // s: eq_s_b
    pub const EQ_V_B: u8 = 26; // v: eq_s_b with v
    pub const FROM: u8 = 27; // s: slice_from
    pub const DEL: u8 = 28; // slice_del
    pub const TO: u8 = 29; // v: v = slice_to
    pub const EMPTY: u8 = 30; // v: flag = v is empty
    pub const INS: u8 = 31; // s: insert s at the cursor (`<+`)
    pub const INS_V: u8 = 32; // v: insert v
    pub const IN: u8 = 33; // g: in_grouping
    pub const IN_B: u8 = 34; // g: in_grouping_b
    pub const OUT: u8 = 35; // g: out_grouping
    pub const OUT_B: u8 = 36; // g: out_grouping_b
    pub const HOP: u8 = 37; // n (i8): hop n chars; flag = it lands within 0..=limit (only then it moves)
    pub const HOP_B: u8 = 38; // n: the same within limit_backward..=limit
    pub const CHARS: u8 = 39; // push the word's length in chars
    pub const SAVE_B: u8 = 40; // r: r = limit - cursor
    pub const REST_B: u8 = 41; // r: cursor = limit - r
    pub const BRA: u8 = 42; // bra = cursor
    pub const KET: u8 = 43; // ket = cursor
    pub const NEXTC: u8 = 44; // flag = cursor < limit; then next_char
    pub const PREVC: u8 = 45; // flag = cursor > limit_backward; then previous_char
    pub const SAVE: u8 = 46; // r: r = cursor
    pub const REST: u8 = 47; // r: cursor = r
    /// m g: Snowball's `gopast` (m & 4 == 0) or `goto` of grouping g; m & 1: backwards, m & 2:
    /// out_grouping; flag = found before the limit.
    pub const SCAN: u8 = 48;
    /// n, then n + 2 bytes: where the default (among_var not in 0..=n) and each value's arm
    /// start, counted from the end of the instruction.
    pub const SWITCH: u8 = 49;
    /// n, then n + 2 code offsets (`u16`): the same.
    pub const SWITCHL: u8 = 50;
    /// a: Snowball's `do` of the routine at a: runs it, then puts the cursor back.
    pub const DO: u8 = 51;
    /// a: the same, backwards (the cursor kept as its distance from the limit).
    pub const DO_B: u8 = 52;
}

const CURSOR: usize = 0;
const LIMIT: usize = 1;
const LIMIT_B: usize = 2;
const BRA: usize = 3;
const KET: usize = 4;
/// Operand bytes from here on name locals.
const LOCAL: u8 = 0x40;
/// Operand bytes from here on are constants (byte - CONST), but STACK.
const CONST: u8 = 0x80;
/// The operand byte that pops the expression stack.
const STACK: u8 = 0xFF;
/// The routines' nesting bound (Snowball routines do not recurse; the deepest nesting in the
/// programs is a handful).
const MAX_DEPTH: u8 = 24;

/// The stem of `input` by `program`; the word unchanged if the run goes wrong (it cannot with
/// the generated programs, but nothing here may panic).
pub fn stem<'a>(program: &'static Program, input: &'a str) -> Cow<'a, str> {
    let len = i32::try_from(input.len()).unwrap_or(-1);
    let mut vm = Vm {
        p: program,
        current: Cow::Borrowed(input),
        regs: [0; 16],
        strs: Default::default(),
        // Every loop of the programs moves the cursor or ends; this bound only stops a run
        // that would not end.
        steps: 100_000u32.saturating_add(
            u32::try_from(input.len())
                .unwrap_or(u32::MAX)
                .saturating_mul(500),
        ),
        depth: 0,
    };
    vm.regs[LIMIT] = len;
    vm.regs[KET] = len;
    match vm.run(usize::from(program.entry)) {
        Some(_) if len >= 0 => vm.current,
        _ => Cow::Borrowed(input),
    }
}

struct Vm<'a> {
    p: &'static Program,
    current: Cow<'a, str>,
    regs: [i32; 16],
    strs: [String; 4],
    steps: u32,
    depth: u8,
}

/// A routine's state: its locals, expression stack and flag.
struct Frame {
    locals: [i32; 16],
    stack: [i32; 4],
    sp: usize,
    flag: bool,
}

impl Frame {
    fn push(&mut self, v: i32) -> Option<()> {
        *self.stack.get_mut(self.sp)? = v;
        self.sp += 1;
        Some(())
    }

    fn pop(&mut self) -> Option<i32> {
        self.sp = self.sp.checked_sub(1)?;
        self.stack.get(self.sp).copied()
    }
}

impl Vm<'_> {
    fn byte(&self, pc: usize) -> Option<u8> {
        self.p.code.get(pc).copied()
    }

    fn u16(&self, pc: usize) -> Option<usize> {
        Some(usize::from(self.byte(pc)?) | usize::from(self.byte(pc + 1)?) << 8)
    }

    /// The string operand at `pc` (a length byte, then the bytes).
    fn lit(&self, pc: usize) -> Option<&'static [u8]> {
        let code: &'static [u8] = self.p.code;
        let n = usize::from(*code.get(pc)?);
        code.get(pc + 1..pc + 1 + n)
    }

    fn get(&self, f: &Frame, r: u8) -> Option<i32> {
        match r.checked_sub(LOCAL) {
            Some(l) => f.locals.get(usize::from(l)).copied(),
            None => self.regs.get(usize::from(r)).copied(),
        }
    }

    fn set(&mut self, f: &mut Frame, r: u8, v: i32) -> Option<()> {
        *match r.checked_sub(LOCAL) {
            Some(l) => f.locals.get_mut(usize::from(l))?,
            None => self.regs.get_mut(usize::from(r))?,
        } = v;
        Some(())
    }

    fn pos(&self, r: usize) -> Option<usize> {
        usize::try_from(self.regs[r]).ok()
    }

    fn set_pos(&mut self, r: usize, v: usize) -> Option<()> {
        self.regs[r] = i32::try_from(v).ok()?;
        Some(())
    }

    /// The value of operand byte `x`.
    fn operand(&self, f: &mut Frame, x: u8) -> Option<i32> {
        match x {
            STACK => f.pop(),
            CONST.. => Some(i32::from(x - CONST)),
            _ => self.get(f, x),
        }
    }

    /// Runs the routine at `pc`: its result, or `None` when the run must stop.
    fn run(&mut self, mut pc: usize) -> Option<bool> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut f = Frame {
            locals: [0; 16],
            stack: [0; 4],
            sp: 0,
            flag: false,
        };
        loop {
            self.steps = self.steps.checked_sub(1)?;
            let op = self.byte(pc)?;
            pc += 1;
            match op {
                op::JMP..=op::RIF => {
                    let d = usize::from(self.byte(pc).unwrap_or(0));
                    let taken = match op {
                        op::JMP | op::JB | op::JMPL => true,
                        op::JF | op::JFL | op::RNF => !f.flag,
                        op::RET0 | op::RET1 => {
                            self.depth -= 1;
                            return Some(op == op::RET1);
                        }
                        _ => f.flag,
                    };
                    pc = match op {
                        op::RNF | op::RIF if taken => {
                            self.depth -= 1;
                            return Some(false);
                        }
                        op::RNF | op::RIF => pc,
                        op::JMPL..=op::JTL if taken => self.u16(pc)?,
                        op::JMPL..=op::JTL => pc + 2,
                        op::JB => (pc + 1).checked_sub(d)?,
                        _ if taken => pc + 1 + d,
                        _ => pc + 1,
                    };
                }
                op::MOV..=op::CASE => pc = self.expr(&mut f, op, pc)?,
                _ => pc = self.command(&mut f, op, pc)?,
            }
        }
    }

    /// The register, stack and comparison instructions; the next `pc`.
    fn expr(&mut self, f: &mut Frame, op: u8, pc: usize) -> Option<usize> {
        let x = self.byte(pc)?;
        match op {
            op::MOV => {
                let v = self.operand(f, self.byte(pc + 1)?)?;
                self.set(f, x, v)?;
                Some(pc + 2)
            }
            op::PUSH => {
                let v = self.operand(f, x)?;
                f.push(v)?;
                Some(pc + 1)
            }
            op::SUB => {
                let (b, a) = (f.pop()?, f.pop()?);
                f.push(a.wrapping_sub(b))?;
                Some(pc)
            }
            op::CASE => {
                f.flag = f.locals[0] == i32::from(x);
                Some(pc + 1)
            }
            _ => {
                let b = self.operand(f, self.byte(pc + 1)?)?;
                let a = self.operand(f, x)?;
                f.flag = match op {
                    op::LT => a < b,
                    op::LE => a <= b,
                    op::GT => a > b,
                    op::GE => a >= b,
                    op::EQ => a == b,
                    _ => a != b,
                };
                Some(pc + 2)
            }
        }
    }

    /// Calls, tables, groupings and moves of the cursor; the next `pc`.
    fn command(&mut self, f: &mut Frame, op: u8, pc: usize) -> Option<usize> {
        let arg = self.byte(pc);
        let mut next = pc + 1;
        match op {
            op::CALL => {
                f.flag = self.run(self.u16(pc)?)?;
                next += 1;
            }
            op::DO | op::DO_B => {
                // The cursor is put back as it was, or at the same distance from the limit.
                let back = i32::from(op == op::DO_B);
                let saved = self.regs[CURSOR].wrapping_sub(back * self.regs[LIMIT]);
                self.run(self.u16(pc)?)?;
                self.regs[CURSOR] = saved.wrapping_add(back * self.regs[LIMIT]);
                next += 1;
            }
            op::FIND | op::FIND_B => {
                let v = self.find_among(usize::from(arg?), op == op::FIND_B)?;
                f.locals[0] = v;
                f.flag = v != 0;
            }
            op::SWITCH | op::SWITCHL => {
                let n = usize::from(arg?);
                let wide = usize::from(op == op::SWITCHL) + 1;
                let v = usize::try_from(f.locals[0]).ok().filter(|&v| v <= n);
                let at = pc + 1 + wide * v.map_or(0, |v| v + 1);
                next = if wide == 2 {
                    self.u16(at)?
                } else {
                    pc + 1 + (n + 2) + usize::from(self.byte(at)?)
                };
            }
            op::IN..=op::OUT_B => f.flag = self.grouping(op, usize::from(arg?))?,
            op::SCAN => {
                f.flag = self.scan(arg?, usize::from(self.byte(pc + 1)?))?;
                next += 1;
            }
            op::NEXTC | op::PREVC => {
                let forward = op == op::NEXTC;
                let (c, edge) = (
                    self.regs[CURSOR],
                    self.regs[if forward { LIMIT } else { LIMIT_B }],
                );
                f.flag = if forward { c < edge } else { c > edge };
                if f.flag {
                    self.step(forward)?;
                }
                next = pc;
            }
            op::HOP | op::HOP_B => f.flag = self.hop(arg? as i8, op == op::HOP_B)?,
            op::SAVE_B => {
                let v = self.regs[LIMIT].wrapping_sub(self.regs[CURSOR]);
                self.set(f, arg?, v)?;
            }
            op::REST_B => self.regs[CURSOR] = self.regs[LIMIT].wrapping_sub(self.get(f, arg?)?),
            op::SAVE => self.set(f, arg?, self.regs[CURSOR])?,
            op::REST => self.regs[CURSOR] = self.get(f, arg?)?,
            op::BRA | op::KET => {
                self.regs[if op == op::BRA { BRA } else { KET }] = self.regs[CURSOR];
                next = pc;
            }
            _ => return self.edit(f, op, pc),
        }
        Some(next)
    }

    /// The string instructions: tests, edits, string variables; the next `pc`.
    fn edit(&mut self, f: &mut Frame, op: u8, pc: usize) -> Option<usize> {
        let arg = self.byte(pc);
        let mut next = pc + 1;
        match op {
            op::EQ_S | op::EQ_S_B | op::FROM | op::INS => {
                let s = self.lit(pc)?;
                next += s.len();
                f.flag = self.string_op(op, s)?;
            }
            op::EQ_V_B | op::INS_V => {
                let i = usize::from(arg?);
                let s = std::mem::take(self.strs.get_mut(i)?);
                let plain = if op == op::EQ_V_B {
                    op::EQ_S_B
                } else {
                    op::INS
                };
                let r = self.string_op(plain, s.as_bytes());
                self.strs[i] = s;
                f.flag = r?;
            }
            op::DEL => {
                self.replace(self.pos(BRA)?, self.pos(KET)?, "")?;
                next = pc;
            }
            op::TO => {
                let s = self
                    .current
                    .get(self.pos(BRA)?..self.pos(KET)?)?
                    .to_string();
                *self.strs.get_mut(usize::from(arg?))? = s;
            }
            op::EMPTY => f.flag = self.strs.get(usize::from(arg?))?.is_empty(),
            op::CHARS => {
                f.push(i32::try_from(self.current.chars().count()).ok()?)?;
                next = pc;
            }
            _ => return None,
        }
        Some(next)
    }

    /// `eq_s`, `eq_s_b`, `slice_from` and the insertion at the cursor, with `s`.
    /// Compared as bytes; checked as UTF-8 only when it goes into the word.
    fn string_op(&mut self, op: u8, s: &[u8]) -> Option<bool> {
        let c = self.pos(CURSOR)?;
        let bytes = self.current.as_bytes();
        match op {
            op::EQ_S => {
                if c >= self.pos(LIMIT)? || !bytes.get(c..)?.starts_with(s) {
                    return Some(false);
                }
                self.set_pos(CURSOR, c + s.len())?;
            }
            op::EQ_S_B => {
                if c < self.pos(LIMIT_B)? + s.len() || bytes.get(c - s.len()..c) != Some(s) {
                    return Some(false);
                }
                self.set_pos(CURSOR, c - s.len())?;
            }
            op::FROM => {
                let s = std::str::from_utf8(s).ok()?;
                self.replace(self.pos(BRA)?, self.pos(KET)?, s)?;
            }
            _ => {
                let adjustment = self.replace(c, c, std::str::from_utf8(s).ok()?)?;
                for r in [BRA, KET] {
                    if c <= self.pos(r)? {
                        self.regs[r] = self.regs[r].wrapping_add(adjustment);
                    }
                }
                self.set_pos(CURSOR, c)?;
            }
        }
        Some(true)
    }

    /// `replace_s`: puts `s` in place of `bra..ket` and moves the limit and cursor.
    fn replace(&mut self, bra: usize, ket: usize, s: &str) -> Option<i32> {
        self.current.get(bra..ket)?;
        let adjustment = i32::try_from(s.len()).ok()? - i32::try_from(ket - bra).ok()?;
        self.current.to_mut().replace_range(bra..ket, s);
        self.regs[LIMIT] = self.regs[LIMIT].wrapping_add(adjustment);
        let c = self.pos(CURSOR)?;
        if c >= ket {
            self.regs[CURSOR] = self.regs[CURSOR].wrapping_add(adjustment);
        } else if c > bra {
            self.set_pos(CURSOR, bra)?;
        }
        Some(adjustment)
    }

    /// `next_char` (`forward`) or `previous_char`.
    fn step(&mut self, forward: bool) -> Option<()> {
        let mut c = self.pos(CURSOR)?;
        loop {
            c = if forward {
                c.checked_add(1).filter(|&c| c <= self.current.len())?
            } else {
                c.checked_sub(1)?
            };
            if self.current.is_char_boundary(c) {
                return self.set_pos(CURSOR, c);
            }
        }
    }

    /// `in_grouping`, `in_grouping_b`, `out_grouping` or `out_grouping_b` with the grouping
    /// at code offset `g`.
    fn grouping(&mut self, op: u8, g: usize) -> Option<bool> {
        let c = self.pos(CURSOR)?;
        let back = op == op::IN_B || op == op::OUT_B;
        let ch = if back {
            if c <= self.pos(LIMIT_B)? {
                return Some(false);
            }
            self.current.get(..c)?.chars().next_back()
        } else {
            if c >= self.pos(LIMIT)? {
                return Some(false);
            }
            self.current.get(c..)?.chars().next()
        };
        let Some(ch) = ch else {
            return Some(false);
        };
        let (min, max) = (self.u16(g)? as u32, self.u16(g + 2)? as u32);
        let code = ch as u32;
        let within = (min..=max).contains(&code) && {
            let bit = code - min;
            self.byte(g + 4 + (bit >> 3) as usize)? & (1 << (bit & 7)) != 0
        };
        if within != (op == op::IN || op == op::IN_B) {
            return Some(false);
        }
        let n = ch.len_utf8();
        self.set_pos(CURSOR, if back { c - n } else { c + n })?;
        Some(true)
    }

    /// SCAN: tests the grouping at `g` (`in_grouping`, `out_grouping` or their backward forms
    /// by `mode`) at each char until it holds (then, for `goto`, the cursor stays before that
    /// char) or the limit is reached.
    fn scan(&mut self, mode: u8, g: usize) -> Option<bool> {
        let back = mode & 1 != 0;
        loop {
            self.steps = self.steps.checked_sub(1)?;
            let c = self.regs[CURSOR];
            if self.grouping(op::IN + (mode & 3), g)? {
                if mode & 4 != 0 {
                    self.regs[CURSOR] = c;
                }
                return Some(true);
            }
            let edge = self.regs[if back { LIMIT_B } else { LIMIT }];
            if (back && c <= edge) || (!back && c >= edge) {
                return Some(false);
            }
            self.step(!back)?;
        }
    }

    /// `byte_index_for_hop(n)` and its bounds test: moves the cursor by `n` chars when it
    /// lands within `0..=limit` (`limit_backward..=limit` when `back`).
    fn hop(&mut self, n: i8, back: bool) -> Option<bool> {
        let len = self.current.len();
        let mut res = i64::from(self.regs[CURSOR]);
        for _ in 0..n.unsigned_abs() {
            res += if n > 0 { 1 } else { -1 };
            while (0..=len as i64).contains(&res) && !self.current.is_char_boundary(res as usize) {
                res += if n > 0 { 1 } else { -1 };
            }
        }
        let lower = if back { self.regs[LIMIT_B] } else { 0 };
        if res < i64::from(lower) || res > i64::from(self.regs[LIMIT]) {
            return Some(false);
        }
        self.regs[CURSOR] = res as i32;
        Some(true)
    }

    /// `find_among` (`back`: `find_among_b`) with table `t`: the result of the longest entry
    /// at the cursor whose condition routine holds, or 0.
    fn find_among(&mut self, t: usize, back: bool) -> Option<i32> {
        let p = self.p;
        let index = p.index.get_or_init(|| Index::new(p.tables, p.base));
        let first = usize::from(*index.firsts.get(t)?);
        let entries = index
            .entries
            .get(first..usize::from(*index.firsts.get(t + 1)?))?;
        let c = self.pos(CURSOR)?;
        let limit = self.pos(if back { LIMIT_B } else { LIMIT })?;
        let bytes = self.current.as_bytes();
        if c > bytes.len() || limit > bytes.len() || (back && limit > c) || (!back && c > limit) {
            return None;
        }
        let strings = &index.text;
        let (mut i, common) = search(strings, entries, bytes, c, limit, back)?;
        loop {
            let e = entries.get(i)?;
            let len = usize::from(e.end - e.start);
            if common >= len {
                let at = if back { c - len } else { c + len };
                self.set_pos(CURSOR, at)?;
                let method = p.methods.get(first + i).copied().unwrap_or(u16::MAX);
                let holds = method == u16::MAX || self.run(usize::from(method))?;
                self.set_pos(CURSOR, at)?;
                if holds {
                    return Some(i32::from(*p.results.get(first + i)? as i8));
                }
            }
            match usize::try_from(e.link) {
                Ok(next) => i = next,
                Err(_) => return Some(0),
            }
        }
    }
}

/// The binary search of Snowball's `find_among` (forwards) or `find_among_b` (backwards,
/// `back`) over a table's entries: the entry index where it settles and the length of the text
/// matched there (rust-stemmers' code; the caller has checked `c` and `limit` against
/// `current`).
fn search(
    strings: &[u8],
    entries: &[Entry],
    current: &[u8],
    c: usize,
    limit: usize,
    back: bool,
) -> Option<(usize, usize)> {
    let mut i: usize = 0;
    let mut j: usize = entries.len();
    let mut common_i = 0;
    let mut common_j = 0;
    let mut first_key_inspected = false;
    loop {
        let k = i + ((j - i) >> 1);
        let mut diff: i32 = 0;
        let mut common = common_i.min(common_j);
        let e = entries.get(k)?;
        let w = strings.get(usize::from(e.start)..usize::from(e.end))?;
        if back {
            for lvar in (0..w.len() - common.min(w.len())).rev() {
                if c - common == limit {
                    diff = -1;
                    break;
                }
                diff = i32::from(current[c - common - 1]) - i32::from(w[lvar]);
                if diff != 0 {
                    break;
                }
                common += 1;
            }
        } else {
            for &wb in w.iter().skip(common) {
                if c + common == limit {
                    diff = -1;
                    break;
                }
                diff = i32::from(current[c + common]) - i32::from(wb);
                if diff != 0 {
                    break;
                }
                common += 1;
            }
        }
        if diff < 0 {
            j = k;
            common_j = common;
        } else {
            i = k;
            common_i = common;
        }
        if j - i <= 1 {
            if i > 0 || j == i || first_key_inspected {
                break;
            }
            first_key_inspected = true;
        }
    }
    Some((i, common_i))
}
