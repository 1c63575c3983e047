#!/usr/bin/gjs -m
// SPDX-License-Identifier: MIT
// solve.js: librota from JavaScript (GJS) through GObject Introspection.
//
// Loads a model, solves it for a number of moves with a progress function,
// scores the roster and prints its terms, then shows that a bad model
// raises a GLib.Error of rota's domain.  Needs GJS (Debian: gjs) and the
// installed Rota-1.0.typelib (or GI_TYPELIB_PATH and LD_LIBRARY_PATH
// pointing at a build tree).
//
//     gjs -m solve.js MODEL.json [MOVES]
import GLib from 'gi://GLib';
import Rota from 'gi://Rota?version=1.0';
import System from 'system';

const [path, moves = '20000'] = ARGV;
if (!path) {
    printerr('usage: gjs -m solve.js MODEL.json [MOVES]');
    System.exit(2);
}

let model;
try {
    model = Rota.Model.new_from_file(path);
} catch (e) {
    printerr(`solve.js: ${e.message}`);
    System.exit(1);
}
print(`${model.get_name()}: ${model.get_n_people()} people, ${model.get_n_days()} days`);

const solver = Rota.Solver.new(model);
solver.set_seed(1);
solver.set_threads(1);
solver.set_move_limit(Number(moves));
let reports = 0;
solver.set_progress_func(() => {
    reports++;
});
solver.run();
const roster = solver.dup_best();
const score = Rota.Score.new(roster, null);
print(`score: hard ${score.get_hard()} soft ${score.get_soft()} ` +
      `(${roster.get_n_assignments()} assignments, ${reports} progress reports)`);
for (let i = 0; i < score.get_n_terms(); i++) {
    print(`  ${score.get_term_name(i)}: ${score.get_term_count(i)} ` +
          `(penalty ${score.get_term_penalty(i)})`);
}

// A failing call throws a GLib.Error carrying rota's domain and code.
try {
    const text = '{ "format": "rota-model" }';
    Rota.Model.new_from_data(text, new TextEncoder().encode(text).length, 'broken.json');
    print('error: a broken model loaded');
    System.exit(1);
} catch (e) {
    const ok = e instanceof GLib.Error && e.matches(Rota.error_quark(), Rota.Error.FORMAT);
    print(`broken model: ${ok ? 'Rota.Error.FORMAT' : 'unexpected error'}: ${e.message}`);
    if (!ok)
        System.exit(1);
}
