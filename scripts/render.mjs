#!/usr/bin/env node
// `npm run render`: pictures of the reference table for the README, from what `perf compile` writes.
//   docs/images/reference-html.png  the HTML, screenshot by headless Chromium in a wide window
//   docs/images/reference-xlsx.png  the XLSX, printed to PDF by LibreOffice, first page by pdftoppm
// Needs chromium, libreoffice-calc, poppler-utils, fonts-noto-cjk and fonts-crosextra-carlito: installs what is missing
// with apt-get when run as root, otherwise says what to install. Needs a built lib/ (npm run build).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'nansha-commerce-bureau.perf');
const images = path.join(root, 'docs', 'images');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-render-'));

/** Debian package that provides each tool the pictures need. */
const TOOLS = [
    { name: 'chromium', present: () => has('chromium'), pkg: 'chromium' },
    { name: 'soffice (LibreOffice Calc)', present: () => has('soffice'), pkg: 'libreoffice-calc' },
    { name: 'pdftoppm', present: () => has('pdftoppm'), pkg: 'poppler-utils' },
    { name: 'a Chinese serif font', present: () => fontInstalled('Noto Serif CJK SC'), pkg: 'fonts-noto-cjk' },
    // Carlito has Calibri's metrics: Excel sizes columns in widths of Calibri's "0", so LibreOffice wraps
    // text as Excel does only with it.
    { name: 'Carlito (Calibri metrics)', present: () => fontInstalled('Carlito'), pkg: 'fonts-crosextra-carlito' }
];

function fontInstalled(family) {
    return spawnSync('fc-list', [`${family}:`, 'family'], { encoding: 'utf8' }).stdout?.includes(family) ?? false;
}

/**
 * Without Windows fonts, 宋体 / SimSun fall back to a Latin font; this fontconfig file maps them to the
 * Noto Serif CJK that a Chinese reader expects, for the pictures only (the outputs still name 宋体).
 */
function fontConfig() {
    const file = path.join(work, 'fonts.conf');
    const alias = (family, prefer) =>
        `<alias binding="same"><family>${family}</family><prefer><family>${prefer}</family></prefer></alias>`;
    fs.writeFileSync(file, [
        '<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', '<fontconfig>',
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        alias('宋体', 'Noto Serif CJK SC'), alias('SimSun', 'Noto Serif CJK SC'), alias('Calibri', 'Carlito'),
        '</fontconfig>', ''
    ].join('\n'));
    return file;
}

function has(command) {
    return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function run(command, args, { env = process.env } = {}) {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, env });
    if (result.status !== 0) {
        console.error(`render: ${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
        console.error(result.stderr?.trim().split('\n').slice(-5).join('\n'));
        process.exit(1);
    }
    return result;
}

function ensureTools() {
    const missing = TOOLS.filter(tool => !tool.present());
    if (missing.length === 0) {
        return;
    }
    const packages = missing.map(tool => tool.pkg);
    if (process.getuid?.() !== 0) {
        console.error(`render: missing ${missing.map(tool => tool.name).join(', ')}: sudo apt-get install -y ${packages.join(' ')}`);
        process.exit(1);
    }
    console.log(`render: installing ${packages.join(' ')} (apt-get)…`);
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', ...packages]);
}

function compile() {
    if (!fs.existsSync(path.join(root, 'lib', 'cli', 'main.js'))) {
        console.error('render: lib/ is not built: run npm run build first');
        process.exit(1);
    }
    run(process.execPath, [path.join(root, 'bin', 'perf.js'), 'compile', example, '--format', 'html,xlsx', '-o', work]);
    return { html: path.join(work, 'nansha-commerce-bureau.html'), xlsx: path.join(work, 'nansha-commerce-bureau.xlsx') };
}

/** The top of the HTML table (title, header, 合计, department and the first projects) in a wide window. */
function screenshotHtml(html, png, env) {
    run('chromium', [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND',
        `--user-data-dir=${path.join(work, 'chromium-profile')}`, '--hide-scrollbars', '--window-size=1600,1250',
        `--screenshot=${png}`, pathToFileURL(html).href
    ], { env });
}

/** The first printed page of the workbook, as LibreOffice lays it out from the XLSX print setup. */
function pictureOfXlsx(xlsx, png, env) {
    run('soffice', [
        `-env:UserInstallation=${pathToFileURL(path.join(work, 'libreoffice-profile')).href}`,
        '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx
    ], { env });
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
}

ensureTools();
fs.mkdirSync(images, { recursive: true });
const { html, xlsx } = compile();
const htmlPng = path.join(images, 'reference-html.png');
const xlsxPng = path.join(images, 'reference-xlsx.png');
const env = { ...process.env, FONTCONFIG_FILE: fontConfig() };
screenshotHtml(html, htmlPng, env);
pictureOfXlsx(xlsx, xlsxPng, env);
fs.rmSync(work, { recursive: true, force: true });
for (const png of [htmlPng, xlsxPng]) {
    console.log(`render: ${path.relative(root, png)} (${fs.statSync(png).size} bytes)`);
}
