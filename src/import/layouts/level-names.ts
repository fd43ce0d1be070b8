/**
 * Older and local level names real tables still print (预期产出指标, 数量指标（或建筑规模指标）, 环境效益指标 …),
 * as the catalog wording the importer resolves them by. The document keeps the published wording
 * (`一级 "…"` / `二级 "…"`) and a comment says what it was taken as: never a silent mapping.
 * (To be replaced by the catalog's own table of older names once src/catalog has one: mapLevelName.)
 */
const OLDER_NAMES: ReadonlyArray<[RegExp, string[]]> = [
    [/^预期产出指标$/, ['产出指标']],
    [/^效果指标$/, ['效益指标']],
    [/^环境效益(?:指标)?$/, ['生态效益指标', '生态效益']],
    [/^社会公众或服务对象满意度(?:指标)?$/, ['服务对象满意度指标', '服务对象满意度']],
    [/^预算(?:[（(]或投资规模[)）])?控制(?:指标)?$/, ['成本指标', '经济成本指标']]
];

/** The catalog wordings an older name stands for, in the order to try; a bracketed alternative is dropped. */
export function catalogWordings(published: string): string[] {
    const plain = published.replace(/\s+/g, '');
    const older = OLDER_NAMES.find(([pattern]) => pattern.test(plain));
    if (older) {
        return older[1];
    }
    const withoutAlternative = plain.replace(/[（(][^（）()]*[)）]$/, '');
    return withoutAlternative !== plain ? [withoutAlternative] : [];
}
