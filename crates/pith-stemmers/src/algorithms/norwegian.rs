//! This file was generated automatically by the Snowball to Rust compiler
//! Snowball 2.0.0 - https://snowballstem.org/

#![allow(non_upper_case_globals)]
#![allow(non_snake_case)]
#![allow(unused_variables)]
#![allow(unused_mut)]
use crate::env::Among;
use crate::env::SnowballEnv;
use std::sync::OnceLock;

static A_0: Among<Context> = Among {
    strings: "aeedeandeendeaneeneheteneerteenhetenarerhetersasesedesendeseneshetenesenshetensersetsethetertast",
    table: b"\x01\x01\x03\x04\x04\x03\x03\x06\x04\x02\x05\x02\x02\x05\x01\x02\x02\x04\x05\x04\x07\x03\x06\x03\x03\x02\x03\x03\x03\xff\xff\x01\x01\x01\x01\x01\x06\x01\xff\x09\xff\xff\x0c\xff\x0e\x0e\x10\x10\x10\x13\x0e\x15\x0e\x0e\xff\x19\xff\xff\x01\x01\x01\x01\x01\x01\x01\x01\x03\x01\x01\x01\x01\x01\x02\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x03\x01",
    methods: &[],
    ends: OnceLock::new(),
};

static A_1: Among<Context> = Among {
    strings: "dtvt",
    table: b"\x02\x02\xff\xff\xff\xff",
    methods: &[],
    ends: OnceLock::new(),
};

static A_2: Among<Context> = Among {
    strings: "legelegigeigligeligelslovelovslovhetslov",
    table: b"\x03\x04\x02\x03\x03\x04\x03\x03\x04\x04\x07\xff\x00\xff\x02\x02\x04\xff\xff\x07\x07\x09\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01",
    methods: &[],
    ends: OnceLock::new(),
};

static G_v: &'static [u8; 19] = &[
    17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 48, 0, 128,
];

static G_s_ending: &'static [u8; 4] = &[119, 125, 149, 1];

#[derive(Clone)]
struct Context {
    i_x: usize,
    i_p1: usize,
}

fn r_mark_regions(env: &mut SnowballEnv, context: &mut Context) -> bool {
    context.i_p1 = env.limit;
    let v_1 = env.cursor;
    let c = env.byte_index_for_hop(3);
    if 0 as i32 > c || c > env.limit as i32 {
        return false;
    }
    env.cursor = c as usize;
    context.i_x = env.cursor;
    env.cursor = v_1;
    'golab0: loop {
        let v_2 = env.cursor;
        'lab1: loop {
            if !env.in_grouping(G_v, 97, 248) {
                break 'lab1;
            }
            env.cursor = v_2;
            break 'golab0;
        }
        env.cursor = v_2;
        if env.cursor >= env.limit {
            return false;
        }
        env.next_char();
    }
    'golab2: loop {
        'lab3: loop {
            if !env.out_grouping(G_v, 97, 248) {
                break 'lab3;
            }
            break 'golab2;
        }
        if env.cursor >= env.limit {
            return false;
        }
        env.next_char();
    }
    context.i_p1 = env.cursor;
    'lab4: loop {
        if !(context.i_p1 < context.i_x) {
            break 'lab4;
        }
        context.i_p1 = context.i_x;
        break 'lab4;
    }
    return true;
}

fn r_main_suffix(env: &mut SnowballEnv, context: &mut Context) -> bool {
    let mut among_var;
    if env.cursor < context.i_p1 {
        return false;
    }
    let v_2 = env.limit_backward;
    env.limit_backward = context.i_p1;
    env.ket = env.cursor;
    among_var = env.find_among_b(&A_0, context);
    if among_var == 0 {
        env.limit_backward = v_2;
        return false;
    }
    env.bra = env.cursor;
    env.limit_backward = v_2;
    if among_var == 1 {
        if !env.slice_del() {
            return false;
        }
    } else if among_var == 2 {
        'lab0: loop {
            let v_3 = env.limit - env.cursor;
            'lab1: loop {
                if !env.in_grouping_b(G_s_ending, 98, 122) {
                    break 'lab1;
                }
                break 'lab0;
            }
            env.cursor = env.limit - v_3;
            if !env.eq_s_b(&"k") {
                return false;
            }
            if !env.out_grouping_b(G_v, 97, 248) {
                return false;
            }
            break 'lab0;
        }
        if !env.slice_del() {
            return false;
        }
    } else if among_var == 3 {
        if !env.slice_from("er") {
            return false;
        }
    }
    return true;
}

fn r_consonant_pair(env: &mut SnowballEnv, context: &mut Context) -> bool {
    let v_1 = env.limit - env.cursor;
    if env.cursor < context.i_p1 {
        return false;
    }
    let v_3 = env.limit_backward;
    env.limit_backward = context.i_p1;
    env.ket = env.cursor;
    if env.find_among_b(&A_1, context) == 0 {
        env.limit_backward = v_3;
        return false;
    }
    env.bra = env.cursor;
    env.limit_backward = v_3;
    env.cursor = env.limit - v_1;
    if env.cursor <= env.limit_backward {
        return false;
    }
    env.previous_char();
    env.bra = env.cursor;
    if !env.slice_del() {
        return false;
    }
    return true;
}

fn r_other_suffix(env: &mut SnowballEnv, context: &mut Context) -> bool {
    if env.cursor < context.i_p1 {
        return false;
    }

    let v_2 = env.limit_backward;
    env.limit_backward = context.i_p1;
    env.ket = env.cursor;

    if env.find_among_b(&A_2, context) == 0 {
        env.limit_backward = v_2;
        return false;
    }
    env.bra = env.cursor;
    env.limit_backward = v_2;

    if !env.slice_del() {
        return false;
    }

    return true;
}

pub fn stem(env: &mut SnowballEnv) -> bool {
    let mut context = &mut Context { i_x: 0, i_p1: 0 };

    let v_1 = env.cursor;
    r_mark_regions(env, context);
    env.cursor = v_1;
    env.limit_backward = env.cursor;
    env.cursor = env.limit;

    let v_2 = env.limit - env.cursor;
    r_main_suffix(env, context);
    env.cursor = env.limit - v_2;

    let v_3 = env.limit - env.cursor;
    r_consonant_pair(env, context);
    env.cursor = env.limit - v_3;

    let v_4 = env.limit - env.cursor;
    r_other_suffix(env, context);
    env.cursor = env.limit - v_4;
    env.cursor = env.limit_backward;

    return true;
}
