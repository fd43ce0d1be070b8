import * as fs from 'node:fs';
import * as path from 'node:path';
import { starterProblem, type StarterOptions } from '../language/starter-options.js';
import { starterTable } from '../language/starter-table.js';
import type { Layout } from '../compile/layouts.js';
import { InputError } from './input-error.js';

export interface NewOptions {
    department: string;
    year?: string;
    unit?: StarterOptions['unit'];
    /** The global --catalog: the catalog the new department names. */
    catalog?: string;
    /** `--layout`: the 表式 of the starter (its required fields included). */
    layout?: Layout;
}

/** `perf new [FILE] -d 部门名称`: writes a starter table that checks clean; never overwrites a file. */
export function newCommand(file: string | undefined, options: NewOptions): number {
    const wanted = { department: options.department, year: options.year ?? String(new Date().getFullYear()), unit: options.unit ?? '万元', catalog: options.catalog ?? '2015' };
    const problem = starterProblem(wanted);
    if (problem) {
        throw new InputError(`new: ${problem}`);
    }
    const starter = { ...wanted, ...(options.layout ? { layout: options.layout } : {}) } as StarterOptions;
    const target = file ?? `${starter.department.trim()}.perf`;
    if (fs.existsSync(target)) {
        throw new InputError(`${target}: 文件已存在，未改动；请换一个文件名 (exists: not overwritten)`);
    }
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.writeFileSync(target, starterTable(starter), { flag: 'wx' });
    console.error(`已写入 ${target} (written)：下一步 perf check ${target}，perf compile ${target}`);
    return 0;
}
