#!/usr/bin/env node
// Deterministic generator of realistic .perf documents and workspaces, for benchmarks and scale tests.
//
//   npm run gen -- --indicators 25000 -o bench/25k.perf          one document (one department)
//   npm run gen -- --files 1000 --indicators 25 -o bench/ws       a workspace: one department per file,
//                                                                 --indicators per file
//   options: --seed N (default 1)
//
// The vocabulary is taken from the published reference table (examples/nansha-commerce-bureau.perf): the
// same kinds of project names, goals and indicator values (simple, quoted wording, composite, 无 with
// 实施周期/年度, ≧ ＞ ≦ and full-width ％, word comparators), stated totals of which some differ from the
// computed sums by a rounding difference. Amounts are integer cents (BigInt): never floats. The same seed and
// options always give the same bytes; file i of a workspace does not depend on how many files are asked for.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VOCABULARY as V } from './generate-vocabulary.mjs';

/** mulberry32: a small, fast, seeded PRNG (deterministic across platforms: 32-bit integer arithmetic). */
export function createRandom(seed) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6D2B79F5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (min, max) => min + Math.floor(next() * (max - min + 1));
    const pick = items => items[Math.floor(next() * items.length)];
    const chance = probability => next() < probability;
    return { next, int, pick, chance };
}

/** Seed of file `index` of a workspace, so that file i is the same whatever the number of files. */
function fileSeed(seed, index) {
    return (Math.imul(seed >>> 0, 0x9E3779B1) ^ Math.imul(index + 1, 0x85EBCA77)) >>> 0;
}

/** #,##0.00 of integer cents (a BigInt), the published spelling of an amount. */
export function formatCents(cents) {
    const negative = cents < 0n;
    const digits = (negative ? -cents : cents).toString().padStart(3, '0');
    const integer = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${negative ? '-' : ''}${integer}.${digits.slice(-2)}`;
}

function quote(text) {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A project's amount in cents of 万元, log-uniform from 0.10 to 50,000.00 (the reference spans 0.01 to 50,000.00). */
function projectCents(random) {
    const exponent = 1 + random.next() * (Math.log10(5_000_000) - 1);
    return BigInt(Math.round(10 ** exponent));
}

function departmentName(index) {
    const bureau = V.bureaus[index % V.bureaus.length];
    const round = Math.floor(index / V.bureaus.length);
    const area = V.areas[round % V.areas.length];
    const repeat = Math.floor(round / V.areas.length);
    return `${area}${bureau}${repeat > 0 ? `（第${repeat + 1}分局）` : ''}`;
}

function projectName(random, used) {
    const base = random.pick(V.projectPatterns)(random, V);
    let name = base;
    for (let phase = 2; used.has(name); phase++) {
        name = `${base}（${phase}期）`;
    }
    used.add(name);
    return name;
}

/** One to three clauses, 40–250 characters, sometimes written as two strings as in the reference. */
function goalLines(random) {
    const sentences = [];
    const count = random.int(1, 2);
    for (let i = 0; i < count; i++) {
        sentences.push(`${random.pick(V.goalOpenings)}${random.pick(V.goalActions)}，${random.pick(V.goalEffects)}，${random.pick(V.goalEffects)}。`);
    }
    if (sentences.length > 1 && random.chance(0.3)) {
        return [sentences.slice(0, 1).join(''), sentences.slice(1).join('')];
    }
    return [sentences.join('')];
}

/** The level-2 codes of a project: every level-1 group present (产出, 效益, 满意度), mostly 产出. */
function categoryPlan(random, count) {
    const plan = [random.pick(V.outputCodes), random.pick(V.benefitCodes), '31'];
    while (plan.length < count) {
        plan.push(random.chance(0.6) ? random.pick(V.outputCodes) : random.chance(0.6) ? random.pick(V.benefitCodes) : '31');
    }
    return plan.sort();
}

function indicatorLine(random, code, usedNames) {
    const family = random.pick(V.indicators[code]);
    let name = random.pick(family.names);
    if (usedNames.has(name)) {
        name = `${random.pick(V.indicatorSubjects)}${name}`;
    }
    for (let n = 2; usedNames.has(name); n++) {
        name = `${name.replace(/（\d+）$/, '')}（${n}）`;
    }
    usedNames.add(name);
    const written = random.chance(0.05) ? `${code[0]}/${code}` : code;
    if (code.startsWith('1') && random.chance(0.04)) {
        // 实施周期 and 年度 targets, as in the reference's 用地报批 rows.
        const [period, annual] = random.pick(V.periodAnnualPairs)(random);
        return `${written} ${quote(name)} 实施周期 ${period} 年度 ${annual}`;
    }
    return `${written} ${quote(name)} 指标值 ${random.pick(family.values)(random)}`;
}

/**
 * One department with about `indicators` indicators in projects of 3–11 (about 7 on average).
 * Returns the text; `stats` gives the counts actually written.
 */
export function generateDocument({ indicators, seed = 1, index = 0 }) {
    const random = createRandom(seed);
    const lines = [];
    const projects = [];
    const usedProjectNames = new Set();
    let remaining = Math.max(1, indicators);
    while (remaining > 0) {
        const count = Math.min(remaining, remaining <= 11 ? remaining : random.int(3, 11));
        remaining -= count;
        const fiscal = projectCents(random);
        const other = random.chance(0.15) ? projectCents(random) / 4n : 0n;
        const special = random.chance(0.05) ? projectCents(random) / 8n : 0n;
        const sources = fiscal + other + special;
        // A project total off by one cent: a rounding difference (a warning, as in real tables).
        const total = (other > 0n || special > 0n) && random.chance(0.1) ? sources + 1n : sources;
        projects.push({ name: projectName(random, usedProjectNames), fiscal, other, special, total, count });
    }
    const name = departmentName(index);
    const sumOf = key => projects.reduce((sum, project) => sum + project[key], 0n);
    // The department's 合计 sometimes differs by a cent from its projects' sum, as 67,522.75 does in the reference.
    const departmentTotal = sumOf('total') + (projects.length > 1 && random.chance(0.3) ? 1n : 0n);
    lines.push(`// Generated by scripts/generate.mjs (seed ${seed}, file ${index}): ${projects.length} projects, ${indicators} indicators.`);
    lines.push(`部门 ${quote(name)} {`);
    lines.push('    单位 万元');
    if (random.chance(0.5)) {
        lines.push(`    预算年度 ${random.pick(['2023', '2024', '2025'])}`);
    }
    lines.push(`    合计 ${formatCents(departmentTotal)}`);
    lines.push(`    财政拨款 ${formatCents(sumOf('fiscal'))}`);
    if (sumOf('special') > 0n) {
        lines.push(`    财政专户拨款 ${formatCents(sumOf('special'))}`);
    }
    if (sumOf('other') > 0n) {
        lines.push(`    其他资金 ${formatCents(sumOf('other'))}`);
    }
    for (const project of projects) {
        lines.push('');
        lines.push(`    项目 ${quote(project.name)} {`);
        if (random.chance(0.1)) {
            lines.push(`        资金使用单位 ${quote(`${name}${random.pick(V.subunits)}`)}`);
        }
        lines.push(`        总计 ${formatCents(project.total)}`);
        lines.push(`        财政拨款 ${formatCents(project.fiscal)}`);
        if (project.special > 0n) {
            lines.push(`        财政专户拨款 ${formatCents(project.special)}`);
        }
        if (project.other > 0n) {
            lines.push(`        其他资金 ${formatCents(project.other)}`);
        }
        const [first, ...rest] = goalLines(random);
        lines.push(`        绩效目标 ${quote(first)}`);
        for (const line of rest) {
            lines.push(`            ${quote(line)}`);
        }
        const usedNames = new Set();
        for (const code of categoryPlan(random, project.count)) {
            lines.push(`        ${indicatorLine(random, code, usedNames)}`);
        }
        lines.push('    }');
    }
    lines.push('}');
    return { text: `${lines.join('\n')}\n`, name, projects: projects.length, indicators };
}

/** Files of a workspace: `files` departments of `indicatorsPerFile` indicators each. */
export function* generateWorkspace({ files, indicatorsPerFile, seed = 1 }) {
    const width = String(Math.max(files - 1, 0)).length;
    for (let index = 0; index < files; index++) {
        const document = generateDocument({ indicators: indicatorsPerFile, seed: fileSeed(seed, index), index });
        yield { fileName: `department-${String(index).padStart(width, '0')}.perf`, ...document };
    }
}

function parseArguments(argv) {
    const options = { seed: 1 };
    for (let i = 0; i < argv.length; i++) {
        const argument = argv[i];
        const value = () => {
            const next = argv[++i];
            if (next === undefined) {
                throw new Error(`${argument} needs a value`);
            }
            return next;
        };
        const count = () => {
            const text = value();
            if (!/^\d+$/.test(text) || Number(text) < 1) {
                throw new Error(`${argument} ${text}: expected a whole number of at least 1`);
            }
            return Number(text);
        };
        switch (argument) {
            case '--indicators': options.indicators = count(); break;
            case '--files': options.files = count(); break;
            case '--seed': options.seed = count(); break;
            case '-o': case '--output': options.output = value(); break;
            case '-h': case '--help': options.help = true; break;
            default: throw new Error(`unknown option ${argument}`);
        }
    }
    return options;
}

const USAGE = `usage: npm run gen -- --indicators N -o FILE            one document of about N indicators
       npm run gen -- --files N [--indicators M] -o DIR  N department files of M indicators each (default 25)
options: --seed N (default 1)`;

function main(argv) {
    let options;
    try {
        options = parseArguments(argv);
    } catch (error) {
        console.error(`generate: ${error.message}\n${USAGE}`);
        return 2;
    }
    if (options.help) {
        console.log(USAGE);
        return 0;
    }
    if (!options.output || (!options.files && !options.indicators)) {
        console.error(`generate: give --indicators N or --files N, and -o\n${USAGE}`);
        return 2;
    }
    if (options.files) {
        fs.mkdirSync(options.output, { recursive: true });
        let indicators = 0;
        for (const file of generateWorkspace({ files: options.files, indicatorsPerFile: options.indicators ?? 25, seed: options.seed })) {
            fs.writeFileSync(path.join(options.output, file.fileName), file.text);
            indicators += file.indicators;
        }
        console.error(`generate: ${options.files} files, ${indicators} indicators → ${options.output}`);
        return 0;
    }
    const document = generateDocument({ indicators: options.indicators, seed: options.seed });
    fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
    fs.writeFileSync(options.output, document.text);
    console.error(`generate: ${document.projects} projects, ${document.indicators} indicators, `
        + `${(Buffer.byteLength(document.text) / 1e6).toFixed(2)} MB → ${options.output}`);
    return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    process.exitCode = main(process.argv.slice(2));
}
