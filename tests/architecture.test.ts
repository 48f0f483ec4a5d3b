import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Rules of the house that lint cannot say (docs/architecture.md, "How the rule is enforced"):
 *
 * - No circle of imports between folders of src/. Folder A imports folder B when a module in A
 *   imports or re-exports a module in B. A folder may use the modules at the top of a folder
 *   that contains it (src/swarm/store uses src/swarm/errors.ts, src/cli/commands/node uses
 *   src/cli/commands/format-help.ts), as children use what their parent holds: that is not an
 *   import between folders. A folder's index.ts that re-exports its own subfolders is its
 *   public face, and is left out too.
 * - No circle of value imports between modules (type-only imports are erased).
 * - src/sim/machine imports no swarm code: the machine hosts a daemon through src/machine-api.
 * - A test that checks one module mirrors it: tests/P.test.ts tests src/P.ts, src/P.svelte.ts or
 *   the folder src/P. Scenario tests (tests/scenarios), end-to-end specs (tests/e2e) and helpers
 *   (tests/support) are exempt, and so is this file.
 */

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function filesUnder(directory: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, keep));
    else if (keep(path)) found.push(path);
  }
  return found;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b(?:[^'";]*?from\s+)?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
/** A value import: type-only imports are erased and cannot make modules load in a circle. */
const VALUE_IMPORT =
  /(?:^|\n)\s*(?:import|export)(?!\s+type\b)\b(?:[^'";]*?from\s+)?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import of `file`, as the folder it lands in. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const folders: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = normalize(join(dirname(file), match[1] ?? ''));
    const isFolder = existsSync(target) && statSync(target).isDirectory();
    folders.push(isFolder ? target : dirname(target));
  }
  return folders;
}

function isBarrelOf(file: string, folder: string): boolean {
  return file.endsWith('index.ts') && dirname(folder) === dirname(file);
}

/** Folder → the other folders its modules import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const sources = filesUnder(SRC, (path) => /\.(ts|svelte)$/.test(path));
  for (const file of sources) {
    const from = dirname(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const to of importedFolders(file)) {
      const intoAncestor = from.startsWith(to + '/');
      if (to !== from && to.startsWith(SRC) && !intoAncestor && !isBarrelOf(file, to)) {
        edges.add(to);
      }
    }
  }
  return graph;
}

/** Module → the modules it imports values from (resolved to files). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const sources = filesUnder(SRC, (path) => /\.(ts|svelte)$/.test(path));
  for (const file of sources) {
    const edges = new Set<string>();
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(VALUE_IMPORT)) {
      const target = normalize(join(dirname(file), match[1] ?? ''));
      const resolved = [target, `${target}.ts`, join(target, 'index.ts')].find(
        (path) => existsSync(path) && statSync(path).isFile(),
      );
      if (resolved !== undefined) edges.add(resolved);
    }
    graph.set(file, edges);
  }
  return graph;
}

/** A circle in `graph`, as the nodes along it, or null. */
function findCircle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (folder: string): string[] | null => {
    if (state.get(folder) === 'done') return null;
    if (state.get(folder) === 'open') return [...path.slice(path.indexOf(folder)), folder];
    state.set(folder, 'open');
    path.push(folder);
    for (const next of graph.get(folder) ?? []) {
      const circle = visit(next);
      if (circle !== null) return circle;
    }
    path.pop();
    state.set(folder, 'done');
    return null;
  };
  for (const folder of [...graph.keys()].sort()) {
    const circle = visit(folder);
    if (circle !== null) return circle.map((entry) => relative(ROOT, entry));
  }
  return null;
}

describe('the house rules', () => {
  it('has no circle of imports between folders of src/', () => {
    expect(findCircle(folderGraph())).toBe(null);
  });

  it('has no circle of value imports between modules', () => {
    expect(findCircle(moduleGraph())).toBe(null);
  });

  it('finds a circle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCircle(graph)).toEqual(['a', 'b', 'c', 'a'].map((x) => relative(ROOT, x)));
  });

  it('keeps swarm code out of src/sim/machine', () => {
    const machine = join(SRC, 'sim', 'machine');
    const offenders = filesUnder(machine, (path) => path.endsWith('.ts')).filter((file) =>
      importedFolders(file).some((folder) => folder.startsWith(join(SRC, 'swarm'))),
    );
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('puts each module test at the path that mirrors its module', () => {
    const tests = join(ROOT, 'tests');
    const exempt = ['scenarios', 'e2e', 'support'].map((folder) => join(tests, folder));
    const unmirrored = filesUnder(tests, (path) => path.endsWith('.test.ts'))
      .filter((file) => !exempt.some((folder) => file.startsWith(folder + '/')))
      .filter((file) => file !== join(tests, 'architecture.test.ts'))
      .filter((file) => {
        const module = join(SRC, relative(tests, file).replace(/\.test\.ts$/, ''));
        return ![`${module}.ts`, `${module}.svelte.ts`, module].some((path) => existsSync(path));
      });
    expect(unmirrored.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
