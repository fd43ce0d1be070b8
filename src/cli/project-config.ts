import * as path from 'node:path';
import { findProjectConfig, ProjectConfigError, type ProjectConfig } from '../language/settings/project-config.js';
import { InputError } from './input-error.js';

/** The files' perf.config.json: the nearest from the first file's folder upwards (to a git root); a broken one is an InputError. */
export function projectConfigFor(paths: readonly string[]): ProjectConfig {
    try {
        return findProjectConfig(paths.length > 0 ? path.dirname(path.resolve(paths[0])) : process.cwd());
    } catch (error) {
        throw error instanceof ProjectConfigError ? new InputError(error.message) : error;
    }
}
