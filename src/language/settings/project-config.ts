/**
 * `perf.config.json` at the workspace root: the project's own rules, catalog, rounding tolerance and output
 * folder, shared by the editor, `perf check` and `perf compile`. It feeds the `perf` section of the
 * configuration beneath what the user sets (editor settings, command-line options), so PerfSettings keeps
 * its one way in (PerfConfigurationProvider merges; nothing else reads the file's settings). Read without
 * Langium, so that `perf check` can fold it into its cache key before deciding to load anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRuleSettings } from '../validation/rule-settings.js';
import type { RawPerfSettings } from './perf-settings.js';
import { readRoundingTolerance } from './rounding-tolerance.js';

export const PROJECT_CONFIG_FILE = 'perf.config.json';

/** What perf.config.json may hold; schemas/perf.config.schema.json describes the same for the editor. */
export interface ProjectConfig {
    /** The file it was read from, for messages; undefined when there is none. */
    file?: string;
    settings: RawPerfSettings;
    /** `perf compile`'s output folder, relative to the file. */
    outDir?: string;
}

const KNOWN_KEYS = new Set(['$schema', 'catalog', 'rules', 'roundingTolerance', 'outDir']);

export const NO_PROJECT_CONFIG: ProjectConfig = { settings: {} };

/** A problem with perf.config.json, with the file and what to write. */
export class ProjectConfigError extends Error {}

/** Reads `folder/perf.config.json`; no file is no configuration, a broken one is a ProjectConfigError. */
export function readProjectConfig(folder: string): ProjectConfig {
    const file = path.join(folder, PROJECT_CONFIG_FILE);
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        return NO_PROJECT_CONFIG;
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        throw new ProjectConfigError(`${file}: 不是有效的 JSON（${(error as Error).message}）(not valid JSON)`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new ProjectConfigError(`${file}: 应是一个对象，如 {"catalog": "2015", "rules": {"placeholder-amount": "off"}} (an object)`);
    }
    const entries = raw as Record<string, unknown>;
    const unknown = Object.keys(entries).filter(key => !KNOWN_KEYS.has(key));
    if (unknown.length > 0) {
        throw new ProjectConfigError(`${file}: 不认识的设置 ${unknown.join('、')}；可写 catalog、rules、roundingTolerance、outDir (unknown keys)`);
    }
    const problems = [
        ...readRuleSettings(entries.rules).problems,
        ...(entries.catalog !== undefined && (typeof entries.catalog !== 'string' || entries.catalog.trim() === '')
            ? ['catalog 应是指标体系的名称，如 "2015" (a catalog name)'] : []),
        ...(entries.roundingTolerance !== undefined && readRoundingTolerance(entries.roundingTolerance) === undefined
            ? ['roundingTolerance 应为不小于 0 的数，如 0.01 (a number ≥ 0)'] : []),
        ...(entries.outDir !== undefined && (typeof entries.outDir !== 'string' || entries.outDir.trim() === '')
            ? ['outDir 应是文件夹路径，如 "out" (a folder)'] : [])
    ];
    if (problems.length > 0) {
        throw new ProjectConfigError(`${file}: ${problems.join('；')}`);
    }
    return {
        file,
        settings: { catalog: entries.catalog, rules: entries.rules, roundingTolerance: entries.roundingTolerance },
        outDir: typeof entries.outDir === 'string' ? path.resolve(folder, entries.outDir) : undefined
    };
}

/** The nearest perf.config.json from `folder` upwards, stopping at a git work tree's root. */
export function findProjectConfig(folder: string): ProjectConfig {
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
        const config = readProjectConfig(dir);
        if (config.file || fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) {
            return config;
        }
    }
}

/** The user's settings over the project's: a value the user left unset (undefined, null, '') keeps the project's; rules merge per code. */
export function withProjectSettings(project: RawPerfSettings, user: RawPerfSettings | undefined): RawPerfSettings {
    const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';
    const merged: RawPerfSettings = { ...project };
    for (const key of ['catalog', 'roundingTolerance'] as const) {
        if (isSet(user?.[key])) {
            merged[key] = user![key];
        }
    }
    const userRules = user?.rules;
    if (isSet(userRules) && (typeof userRules !== 'object' || Array.isArray(userRules))) {
        merged.rules = userRules; // malformed: PerfSettings says what is wrong with it
    } else if (isSet(userRules)) {
        merged.rules = { ...(project.rules as object | undefined), ...(userRules as object) };
    }
    return merged;
}
