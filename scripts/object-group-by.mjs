// Object.groupBy for Node 20 (chevrotain 13 needs it; Node 22 has it).
if (typeof Object.groupBy !== 'function') {
    Object.groupBy = (items, keyOf) => {
        const groups = Object.create(null);
        let index = 0;
        for (const item of items) {
            const key = keyOf(item, index++);
            (groups[key] ??= []).push(item);
        }
        return groups;
    };
}
