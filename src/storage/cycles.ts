// A stored value can hold a cycle (IndexedDB clones one faithfully: a bug or an extension may have
// written it). Progress is plain data, and a cycle would make every later JSON export, comparison
// and merge fail, so restore treats one as damage: found, reported and cut out.

/** Where cut-out cycles are reported (salvage.ts's ProblemLog, or nothing). */
interface ProblemLog {
  add(...lines: string[]): void;
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** True when some object inside `value` contains itself. Iterative: deep data cannot overflow the stack. */
export function hasCycle(value: unknown): boolean {
  if (!isContainer(value)) return false;
  const open = new Set<object>([value]);
  // Each frame is a container, its children and how many have been visited; a container leaves
  // `open` once all its children are done, so shared (non-cyclic) references are fine.
  const stack: { node: Container; children: unknown[]; next: number }[] = [{ node: value, children: Object.values(value), next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.children.length) {
      open.delete(frame.node);
      stack.pop();
      continue;
    }
    const child = frame.children[frame.next++];
    if (!isContainer(child)) continue;
    if (open.has(child)) return true;
    open.add(child);
    stack.push({ node: child, children: Object.values(child), next: 0 });
  }
  return false;
}

function copyWithout(value: unknown, path: string, open: Set<object>, log: ProblemLog): unknown {
  if (!isContainer(value)) return value;
  open.add(value);
  const keep = (child: unknown, where: string): boolean => {
    if (isContainer(child) && open.has(child)) {
      log.add(`${where}: refers back to itself`);
      return false;
    }
    return true;
  };
  let copy: Container;
  if (Array.isArray(value)) {
    copy = value.filter((child, index) => keep(child, `${path}.${index}`)).map((child, index) => copyWithout(child, `${path}.${index}`, open, log));
  } else {
    copy = Object.getPrototypeOf(value) === null ? (Object.create(null) as Record<string, unknown>) : {};
    for (const key of Object.keys(value)) {
      const where = path ? `${path}.${key}` : key;
      if (keep(value[key], where)) {
        Object.defineProperty(copy, key, { value: copyWithout(value[key], where, open, log), enumerable: true, writable: true, configurable: true });
      }
    }
  }
  open.delete(value);
  return copy;
}

/** `value` itself when it holds no cycle; otherwise a copy with every back-reference left out and logged. */
export function withoutCycles(value: unknown, log: ProblemLog): unknown {
  return hasCycle(value) ? copyWithout(value, '', new Set(), log) : value;
}
