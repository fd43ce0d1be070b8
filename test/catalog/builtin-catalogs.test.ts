import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILTIN_SCHEME, builtinCatalogFile, loadBuiltinCatalogs } from '../../src/catalog/builtin-catalogs.js';
import { repoRoot } from '../helpers.js';

describe('built-in catalogs', () => {
    test('are the .perf files of catalogs/, under builtin: URIs', () => {
        const catalogs = loadBuiltinCatalogs();
        expect(catalogs.map(catalog => catalog.uri)).toEqual([`${BUILTIN_SCHEME}:///catalogs/2015.perf`, `${BUILTIN_SCHEME}:///catalogs/2021.perf`]);
        expect(catalogs[0].text).toBe(fs.readFileSync(path.join(repoRoot, 'catalogs', '2015.perf'), 'utf8'));
    });

    test('a builtin: URI maps back to its file and never outside catalogs/', () => {
        for (const catalog of loadBuiltinCatalogs()) {
            const file = builtinCatalogFile(new URL(catalog.uri).pathname);
            expect(fs.readFileSync(path.join(repoRoot, file), 'utf8')).toBe(catalog.text);
        }
        expect(builtinCatalogFile('/catalogs/../../etc/passwd')).toBe(path.join('catalogs', 'passwd'));
    });
});
