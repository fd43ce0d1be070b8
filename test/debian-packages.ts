/**
 * Test setup for tests that need a program from Debian (Chromium, poppler-utils, LibreOffice…): installs
 * the missing packages with apt-get when running as root; otherwise, or when apt-get fails, says loudly
 * why those tests are skipped and returns the reason for `describe.skipIf` / `it.skipIf`.
 */
import { spawnSync } from 'node:child_process';

export interface DebianRequirement {
    /** Whether what the package provides is present already. */
    check: () => boolean;
    /** The Debian package that provides it. */
    package: string;
}

export interface DebianPackages {
    /** Why the tests cannot run, or undefined when they can. */
    skipReason?: string;
}

/** Whether `command` is on the PATH. */
export function hasCommand(command: string): boolean {
    return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

// One installation per label and process, however many test files ask.
const results = new Map<string, DebianPackages>();

/** Makes sure the requirements are met for the tests named by `label` ("PDF", "LibreOffice"). */
export function ensurePackages(label: string, requirements: readonly DebianRequirement[]): DebianPackages {
    let result = results.get(label);
    if (!result) {
        result = install(label, requirements);
        results.set(label, result);
    }
    if (result.skipReason) {
        console.warn(`\n*** ${label} TESTS SKIPPED: ${result.skipReason} ***\n`);
    }
    return result;
}

function missingPackages(requirements: readonly DebianRequirement[]): string[] {
    return requirements.filter(requirement => !requirement.check()).map(requirement => requirement.package);
}

function install(label: string, requirements: readonly DebianRequirement[]): DebianPackages {
    const missing = missingPackages(requirements);
    if (missing.length === 0) {
        return {};
    }
    if (process.getuid?.() !== 0) {
        return { skipReason: `missing ${missing.join(' ')}; not root, so cannot apt-get install -y ${missing.join(' ')}` };
    }
    console.warn(`${label} tests: installing ${missing.join(' ')} with apt-get…`);
    const options = { encoding: 'utf8' as const, timeout: 900_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    const update = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update'], options);
    const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', ...missing], options);
    const still = missingPackages(requirements);
    if (still.length > 0) {
        const output = `${update.stderr ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-2).join(' | ');
        return { skipReason: `apt-get install -y ${still.join(' ')} failed (${output || `exit ${result.status}`})` };
    }
    return {};
}
