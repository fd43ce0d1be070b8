import * as fs from 'node:fs';
import * as path from 'node:path';
import { isBudgetYear, STARTER_CATALOGS, starterTable, type StarterCatalog, type StarterOptions } from '../language/starter-table.js';
import { InputError } from './documents.js';

export interface NewOptions {
    department: string;
    year?: string;
    unit?: StarterOptions['unit'];
    /** The global --catalog: the catalog the new department names. */
    catalog?: string;
}

/** `perf new [FILE] -d 部门名称`: writes a starter table that checks clean; never overwrites a file. */
export function newCommand(file: string | undefined, options: NewOptions): number {
    const year = options.year ?? String(new Date().getFullYear());
    if (!isBudgetYear(year)) {
        throw new InputError(`--year ${year}: 预算年度应为四位年份，如 2026 (a four-digit year)`);
    }
    const catalog = options.catalog ?? '2015';
    if (!(STARTER_CATALOGS as string[]).includes(catalog)) {
        throw new InputError(`--catalog ${catalog}: perf new 只写内置指标体系 ${STARTER_CATALOGS.join('、')} 的起步文件；`
            + '自己的指标体系请生成后改“指标体系”一行 (a starter uses a built-in catalog)');
    }
    const department = options.department.trim();
    if (department === '') {
        throw new InputError('--department: 请写部门名称，如 --department "某县教育局" (the department name)');
    }
    const target = file ?? `${department}.perf`;
    if (fs.existsSync(target)) {
        throw new InputError(`${target}: 文件已存在，未改动；请换一个文件名 (exists: not overwritten)`);
    }
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.writeFileSync(target, starterTable({ department, year, unit: options.unit ?? '万元', catalog: catalog as StarterCatalog }), { flag: 'wx' });
    console.error(`已写入 ${target} (written)：下一步 perf check ${target}，perf compile ${target}`);
    return 0;
}
