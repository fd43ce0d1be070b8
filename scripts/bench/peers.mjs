// The plain-text accounting checkers perf is measured against (issue 17): ledger, hledger and beancount, from
// Debian. Their inputs are ledgers of the same size in bytes as perf's benchmark document, from a seeded
// generator, so each ratio compares two checkers reading as much text.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Each peer: its Debian package, the program, and how it checks a file of its format. */
export const PEERS = [
    { name: 'bean-check', pkg: 'beancount', program: 'bean-check', format: 'beancount', args: file => [file] },
    { name: 'hledger check', pkg: 'hledger', program: 'hledger', format: 'journal', args: file => ['check', '-f', file] },
    { name: 'ledger bal', pkg: 'ledger', program: 'ledger', format: 'journal', args: file => ['-f', file, 'bal'] }
];

const onPath = program => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;

/**
 * Installs the missing peers from Debian when allowed (root, not --smoke: the test suite runs offline) and
 * returns, per peer, whether it can run and if not why, loudly, for the figure's description.
 */
export function ensurePeers({ install }) {
    const missing = PEERS.filter(peer => !onPath(peer.program));
    if (missing.length > 0 && install && process.getuid?.() === 0) {
        const packages = missing.map(peer => peer.pkg);
        console.error(`bench: installing ${packages.join(', ')} from Debian for the peer figures`);
        const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
        spawnSync('apt-get', ['update'], { stdio: 'ignore', env: aptEnv });
        spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'ignore', env: aptEnv });
    }
    return new Map(PEERS.map(peer => [peer.name, onPath(peer.program)
        ? undefined
        : `${peer.program} is not installed (apt-get install ${peer.pkg}${install ? '; installing failed or needs root' : '; --smoke installs nothing'})`]));
}

/** A seeded PRNG (mulberry32): the same ledgers on every machine. */
function random(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6D2B79F5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const EXPENSES = ['Office:Supplies', 'Travel:Transport', 'Training:Venue', 'Services:Consulting', 'Equipment:Computers',
    'Maintenance:Buildings', 'Printing', 'Meetings:Catering'];
const BANKS = ['Bank:Fiscal', 'Bank:Special', 'Cash'];

/**
 * A ledger (journal) and a beancount file of at least `bytes` bytes each: balanced two-posting transactions in
 * CNY with amounts of two decimals, dated through one year, as a department's book would hold them.
 */
export function writePeerLedgers(folder, bytes, seed = 1) {
    const next = random(seed);
    const pick = list => list[Math.floor(next() * list.length)];
    const accounts = [...EXPENSES.map(name => `Expenses:${name}`), ...BANKS.map(name => `Assets:${name}`)];
    const beancount = [accounts.map(account => `2024-01-01 open ${account} CNY\n`).join('') + '\n'];
    const journal = [];
    let journalBytes = 0;
    let beancountBytes = Buffer.byteLength(beancount.join(''));
    let transactions = 0;
    while (journalBytes < bytes || beancountBytes < bytes) {
        const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 365) * 86_400_000).toISOString().slice(0, 10);
        const amount = (1 + next() * 99_999).toFixed(2);
        const expense = `Expenses:${pick(EXPENSES)}`;
        const bank = `Assets:${pick(BANKS)}`;
        const payee = `Supplier ${Math.floor(next() * 5_000)}`;
        const memo = `Invoice ${Math.floor(next() * 1_000_000)}`;
        if (journalBytes < bytes) {
            const entry = `${day} * ${payee}  ; ${memo}\n    ${expense}    ${amount} CNY\n    ${bank}\n\n`;
            journal.push(entry);
            journalBytes += Buffer.byteLength(entry);
        }
        if (beancountBytes < bytes) {
            const entry = `${day} * "${payee}" "${memo}"\n  ${expense}  ${amount} CNY\n  ${bank}  -${amount} CNY\n\n`;
            beancount.push(entry);
            beancountBytes += Buffer.byteLength(entry);
        }
        transactions++;
    }
    // Dated entries in order, as the checkers expect of a real book (beancount sorts anyway).
    const files = { journal: path.join(folder, 'peer.journal'), beancount: path.join(folder, 'peer.beancount') };
    fs.writeFileSync(files.journal, journal.sort().join(''));
    fs.writeFileSync(files.beancount, beancount[0] + beancount.slice(1).sort().join(''));
    return { ...files, transactions };
}
