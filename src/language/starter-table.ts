/**
 * The starter table of `perf new` and "perf: New Table": one department with its budget year, unit and catalog,
 * and one example project with an indicator under each level-1 group of the catalog, so that it checks clean
 * and shows where everything goes. Its names say they are examples; nothing in it is real data.
 */
import { quote } from './quoted-text.js';

export interface StarterOptions {
    department: string;
    /** 预算年度, e.g. 2026. */
    year: string;
    unit: '万元' | '元';
    /** A built-in catalog: 2015 (产出, 效益, 满意度) or 2021 (成本 too). */
    catalog: StarterCatalog;
}

/** One example indicator per level-1 group of each built-in catalog (catalogs/*.perf). */
const EXAMPLE_INDICATORS = {
    '2015': [
        '11 "完成数量（示例，请改写）" 指标值 ≥1项',
        '12 "验收合格率（示例）" 指标值 ≥95%',
        '22 "社会效益（示例，请改写）" 指标值 "明显提升"',
        '31 "服务对象满意度" 指标值 ≥90%'
    ],
    '2021': [
        '11 "完成数量（示例，请改写）" 指标值 ≥1项',
        '22 "社会效益（示例，请改写）" 指标值 "明显提升"',
        '31 "服务对象满意度" 指标值 ≥90%',
        '41 "项目预算控制数（示例）" 指标值 ≤10万元'
    ]
} as const;

export type StarterCatalog = keyof typeof EXAMPLE_INDICATORS;
export const STARTER_CATALOGS = Object.keys(EXAMPLE_INDICATORS) as StarterCatalog[];
export const STARTER_UNITS = ['万元', '元'] as const;

/** What is wrong with the options, for the user (CLI and editor alike), or undefined. */
export function starterProblem(options: { department: string; year: string; unit: string; catalog: string }): string | undefined {
    if (options.department.trim() === '') {
        return '请写部门名称，如“某县教育局” (the department name)';
    }
    if (!/^(19|20|21)\d\d$/.test(options.year)) {
        return `预算年度“${options.year}”应为四位年份，如 2026 (a four-digit year)`;
    }
    if (!(STARTER_UNITS as readonly string[]).includes(options.unit)) {
        return `单位“${options.unit}”应为 ${STARTER_UNITS.join(' 或 ')} (the unit of amounts)`;
    }
    if (!(STARTER_CATALOGS as string[]).includes(options.catalog)) {
        return `起步文件只用内置指标体系 ${STARTER_CATALOGS.join('、')}（而非“${options.catalog}”）；`
            + '自己的指标体系请生成后改“指标体系”一行 (a starter uses a built-in catalog)';
    }
    return undefined;
}

export function starterTable(options: StarterOptions): string {
    const department = options.department.trim();
    const total = options.unit === '万元' ? '10.00' : '100,000.00';
    return [
        `// ${options.year} 年项目支出绩效目标表：${department.replace(/\s+/g, ' ')}。由 perf new 生成的起步文件：`,
        '// 把示例项目改成自己的项目（Ctrl+Space 补全代码和指标名称），perf check 检查，侧边预览看表格。',
        `部门 ${quote(department)} {`,
        `    预算年度 ${options.year}`,
        `    单位 ${options.unit}`,
        `    指标体系 ${quote(options.catalog)}`,
        '',
        '    项目 "示例项目（请改为项目名称）" {',
        `        总计 ${total}`,
        `        财政拨款 ${total}`,
        '        绩效目标 "请写明项目要完成的产出和达到的效果。"',
        ...EXAMPLE_INDICATORS[options.catalog].map(line => `        ${line}`),
        '    }',
        '}',
        ''
    ].join('\n');
}
