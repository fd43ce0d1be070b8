/**
 * The starter table of `perf new` and "perf: New Table": one department with its budget year, unit and catalog,
 * and one example project with an indicator under each level-1 group of the catalog, so that it checks clean
 * and shows where everything goes. Its names say they are examples; nothing in it is real data.
 */
import { DEFAULT_LAYOUT, type Layout } from '../compile/layouts.js';
import { quote } from './quoted-text.js';
import type { StarterCatalog, StarterOptions } from './starter-options.js';

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
} as const satisfies Record<StarterCatalog, readonly string[]>;

/**
 * The example indicators with the columns each layout prints: weights adding up to 90 beside the 10 of
 * 预算执行率 (项目表), a unit column, weight and direction (指标行), value type and scoring rule (部门整体).
 */
const LAYOUT_COLUMNS: Record<Layout['shape'], (line: string, index: number, count: number) => string> = {
    'project-list': line => line,
    'project-form': (line, index, count) => `${line} 分值 ${index === 0 ? 90 - 20 * (count - 1) : 20}`,
    'indicator-rows': (line, index, count) => `${line} 权重 ${index === 0 ? 100 - 20 * (count - 1) : 20} ${/指标值 [≤<]/.test(line) ? '反向' : '正向'}`,
    department: line => `${line} ${/指标值 "/.test(line) ? '定性' : '定量'} 评分标准 "未达到目标值的按比例扣分（示例）"`
};

export function starterTable(options: StarterOptions): string {
    const department = options.department.trim();
    const layout = options.layout ?? DEFAULT_LAYOUT;
    const total = options.unit === '万元' ? '10.00' : '100,000.00';
    const examples = EXAMPLE_INDICATORS[options.catalog];
    const indicators = examples.map((line, index) => LAYOUT_COLUMNS[layout.shape](line, index, examples.length));
    const head = [
        `// ${options.year} 年${layout === DEFAULT_LAYOUT ? '项目支出绩效目标表' : layout.title}：${department.replace(/\s+/g, ' ')}。由 perf new 生成的起步文件：`,
        '// 把示例项目改成自己的项目（Ctrl+Space 补全代码和指标名称），perf check 检查，侧边预览看表格。',
        `部门 ${quote(department)} {`,
        ...(layout === DEFAULT_LAYOUT ? [] : [`    表式 ${quote(layout.name)}`]),
        `    预算年度 ${options.year}`,
        `    单位 ${options.unit}`,
        `    指标体系 ${quote(options.catalog)}`
    ];
    if (layout.shape === 'department') {
        return [
            ...head,
            '    部门职责 "请写明部门的主要职责（示例）。"',
            '    年度目标 "请写明部门本年度的总体绩效目标（示例）。"',
            `    资金 "基本支出" ${total}`,
            ...indicators.map(line => `    ${line}`),
            '}',
            ''
        ].join('\n');
    }
    const form = layout.shape === 'project-form' ? [
        `        主管部门 ${quote(department)}`,
        `        实施单位 ${quote(department)}`,
        `        起止时间 ${options.year}.01-${options.year}.12`,
        '        预算执行率 10'
    ] : [];
    return [
        ...head,
        '',
        '    项目 "示例项目（请改为项目名称）" {',
        ...form,
        `        总计 ${total}`,
        `        财政拨款 ${total}`,
        `        ${layout.shape === 'project-list' ? '绩效目标' : '年度目标'} "请写明项目要完成的产出和达到的效果。"`,
        ...indicators.map(line => `        ${line}`),
        '    }',
        '}',
        ''
    ].join('\n');
}
