import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Emitter } from 'langium';
import { describe, expect, test } from 'vitest';
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver';
import type { PerfConfigurationProvider } from '../../src/language/settings/perf-configuration-provider.js';
import { readProjectConfig, withProjectSettings } from '../../src/language/settings/project-config.js';
import { RULE_CODES } from '../../src/language/validation/rules.js';
import { createServices, repoRoot } from '../helpers.js';

function workspaceWith(config: unknown): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-config-'));
    fs.writeFileSync(path.join(folder, 'perf.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
    return folder;
}

/** The server's services after a client opened `folder` and sent `editor` as its perf settings. */
async function serverIn(folder: string, editor: Record<string, unknown>) {
    const services = await createServices();
    const provider = services.shared.workspace.ConfigurationProvider as PerfConfigurationProvider;
    provider.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'w' }] });
    provider.updateConfiguration({ settings: { perf: editor } });
    return { provider, settings: services.perf.settings.PerfSettings };
}

describe('perf.config.json in the language server', () => {
    test('feeds PerfSettings where the editor leaves a setting unset (VS Code sends "" and null for those)', async () => {
        const folder = workspaceWith({ catalog: '2021', rules: { 'placeholder-amount': 'off' }, roundingTolerance: 0.05 });
        const { settings } = await serverIn(folder, { catalog: '', rules: {}, roundingTolerance: null });
        expect(settings.defaultCatalog).toBe('2021');
        expect(settings.rules).toEqual({ 'placeholder-amount': 'off' });
        expect(settings.roundingTolerance?.toString()).toBe('0.05');
    });

    test('editor settings override it; rules merge per code', async () => {
        const folder = workspaceWith({ catalog: '2021', rules: { 'placeholder-amount': 'off', 'no-indicators': 'error' }, roundingTolerance: '0.05' });
        const { settings } = await serverIn(folder, { catalog: '2015', rules: { 'placeholder-amount': 'warning' }, roundingTolerance: 0.01 });
        expect(settings.defaultCatalog).toBe('2015');
        expect(settings.rules).toEqual({ 'placeholder-amount': 'warning', 'no-indicators': 'error' });
        expect(settings.roundingTolerance?.toString()).toBe('0.01');
    });

    test('is read again when the editor reports it changed', async () => {
        const folder = workspaceWith({ catalog: '2021' });
        const { provider, settings } = await serverIn(folder, {});
        const changes = new Emitter<DidChangeWatchedFilesParams>();
        provider.watchProjectConfig({ onWatchedFilesChange: changes.event });
        fs.writeFileSync(path.join(folder, 'perf.config.json'), JSON.stringify({ catalog: '2015', rules: { 'no-indicators': 'off' } }));
        changes.fire({ changes: [{ uri: pathToFileURL(path.join(folder, 'perf.config.json')).toString(), type: 2 }] });
        expect(settings.defaultCatalog).toBe('2015');
        expect(settings.rules).toEqual({ 'no-indicators': 'off' });
    });
});

describe('reading perf.config.json', () => {
    test('a broken file says which file and what to write', () => {
        expect(() => readProjectConfig(workspaceWith('{ "catalog": '))).toThrow(/perf\.config\.json: 不是有效的 JSON/);
        expect(() => readProjectConfig(workspaceWith({ catlog: '2021' }))).toThrow('不认识的设置 catlog；可写 catalog、rules、roundingTolerance、outDir');
        expect(() => readProjectConfig(workspaceWith({ rules: { 'no-such-rule': 'off' }, roundingTolerance: -1 })))
            .toThrow(/no-such-rule[\s\S]*roundingTolerance 应为不小于 0 的数/);
    });

    test('outDir is relative to the file; no file is no configuration', () => {
        const folder = workspaceWith({ outDir: 'build/tables' });
        expect(readProjectConfig(folder).outDir).toBe(path.join(folder, 'build', 'tables'));
        expect(readProjectConfig(os.tmpdir() + '/no-such-folder')).toEqual({ settings: {} });
    });

    test('a malformed editor perf.rules is passed on for PerfSettings to report, not merged away', () => {
        expect(withProjectSettings({ rules: { 'no-indicators': 'off' } }, { rules: 'off' }).rules).toBe('off');
    });

    test('the JSON schema contributed to VS Code lists every rule code and the same keys', () => {
        const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/perf.config.schema.json'), 'utf8'));
        // Out of date after a new rule: `node scripts/config-schema.mjs` writes it again.
        expect(schema.properties.rules.propertyNames.enum).toEqual(RULE_CODES);
        expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'catalog', 'outDir', 'roundingTolerance', 'rules']);
        expect(schema.additionalProperties).toBe(false);
    });
});
