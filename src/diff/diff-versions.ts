import type { PerfDiff } from './diff-model.js';
import { parseVersion } from './parse-version.js';
import { diffFiles } from './semantic-diff.js';

export interface VersionText {
    /** A path, `REV:path`, or git's a/ b/ name. */
    label: string;
    /** undefined: the file does not exist on that side (added or deleted), compared as an empty table. */
    text: string | undefined;
}

/** Parses both versions and diffs them; syntax problems of either side are kept in `problems`. */
export async function diffVersions(old: VersionText, updated: VersionText): Promise<PerfDiff> {
    const [before, after] = await Promise.all([
        parseVersion(old.text ?? '', old.label),
        parseVersion(updated.text ?? '', updated.label)
    ]);
    return diffFiles({ label: old.label, file: before.file }, { label: updated.label, file: after.file },
        [...before.problems, ...after.problems]);
}
