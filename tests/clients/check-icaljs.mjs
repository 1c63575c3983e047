// SPDX-License-Identifier: MIT
// check-icaljs.mjs: read every feed of a rota publication with ical.js, the
// parser Thunderbird uses, and compare what it sees with check-ics.py's manifest.
//
// Usage: node check-icaljs.mjs DIR MANIFEST
//
// Each file named in MANIFEST must parse; ical.js must see the same UIDs,
// read DTSTART/DTEND as zoned in the file's own VTIMEZONE (not floating,
// nothing looked up outside the file) and at the UTC instants that the
// system tz database gives (the manifest's numbers).  Exit 0 if all is well,
// 1 with one line per problem otherwise.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';

const problems = [];
const problem = (file, what) => problems.push(`${file}: ${what}`);

function checkTime(file, uid, vevent, name, expected) {
    const prop = vevent.getFirstProperty(name);
    if (!prop) {
        problem(file, `${uid}: ical.js sees no ${name.toUpperCase()}`);
        return;
    }
    const tzid = prop.getParameter('tzid');
    const time = prop.getFirstValue();
    const zone = time.zone;
    if (!zone || zone === ICAL.Timezone.localTimezone || time.isDate) {
        problem(file, `${uid}: ical.js reads ${name.toUpperCase()} ${time} as floating`);
        return;
    }
    if (zone.tzid !== tzid) {
        problem(file, `${uid}: ical.js zone ${zone.tzid}, TZID ${tzid}`);
    }
    const unix = time.toUnixTime();
    if (expected !== undefined && expected !== null && unix !== expected) {
        problem(file, `${uid}: ical.js puts ${name.toUpperCase()} at ${unix}, ` +
            `the tz database at ${expected} (${(unix - expected) / 3600} h off)`);
    }
}

function checkFile(top, file, expectedEvents) {
    let root;
    try {
        const text = readFileSync(join(top, file), 'utf8');
        root = new ICAL.Component(ICAL.parse(text));
    } catch (e) {
        problem(file, `ical.js cannot parse it: ${e.message}`);
        return 0;
    }
    if (root.name !== 'vcalendar') {
        problem(file, `top component is ${root.name}`);
        return 0;
    }
    const vevents = root.getAllSubcomponents('vevent');
    if (vevents.length !== expectedEvents.length) {
        problem(file, `ical.js sees ${vevents.length} events, icalendar ${expectedEvents.length}`);
        return vevents.length;
    }
    vevents.forEach((vevent, i) => {
        const want = expectedEvents[i];
        const event = new ICAL.Event(vevent);
        if (event.uid !== want.uid) {
            problem(file, `event ${i}: ical.js UID ${event.uid}, icalendar ${want.uid}`);
        }
        const seq = event.sequence ?? 0;
        if (seq !== want.sequence) {
            problem(file, `${want.uid}: ical.js SEQUENCE ${seq}, icalendar ${want.sequence}`);
        }
        const cancelled = vevent.getFirstPropertyValue('status') === 'CANCELLED';
        if (cancelled !== want.cancelled) {
            problem(file, `${want.uid}: ical.js and icalendar disagree on STATUS`);
        }
        checkTime(file, want.uid, vevent, 'dtstart', want.dtstart);
        checkTime(file, want.uid, vevent, 'dtend', want.dtend);
        if (event.duration.toSeconds() <= 0) {
            problem(file, `${want.uid}: ical.js duration ${event.duration}`);
        }
    });
    return vevents.length;
}

function main(argv) {
    if (argv.length !== 2) {
        console.error('usage: node check-icaljs.mjs DIR MANIFEST');
        return 2;
    }
    const [top, manifestPath] = argv;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const files = Object.keys(manifest).sort();
    let events = 0;
    for (const file of files) {
        events += checkFile(top, file, manifest[file]);
    }
    problems.slice(0, 200).forEach((p) => console.log(p));
    if (problems.length > 200) {
        console.log(`... and ${problems.length - 200} more`);
    }
    console.log(`check-icaljs.mjs: ${files.length} feeds, ${events} events, ` +
        `${problems.length} problems`);
    return problems.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
