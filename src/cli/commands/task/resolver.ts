import type { DockerCli } from '../../command/cli';

/**
 * docker's idresolver: node and service IDs to names, asked of the manager once per ID and
 * cached; a lookup that fails shows the ID, and `--no-resolve` shows IDs throughout.
 */
export class IdResolver {
  readonly #cache = new Map<string, string>();

  constructor(
    private readonly cli: DockerCli,
    private readonly noResolve: boolean,
  ) {}

  /** A node's Spec.Name, else its hostname, else the ID. */
  node(id: string): Promise<string> {
    return this.#resolve(id, async () => {
      const node = await this.cli.engine.nodeInspect({ id }, this.cli.cancel);
      const name = node.Spec.Name ?? '';
      if (name !== '') return name;
      return node.Description.Hostname ?? id;
    });
  }

  service(id: string): Promise<string> {
    return this.#resolve(id, async () => {
      const service = await this.cli.engine.serviceInspect(
        { id, insertDefaults: false },
        this.cli.cancel,
      );
      return service.Spec.Name;
    });
  }

  async #resolve(id: string, lookup: () => Promise<string>): Promise<string> {
    if (this.noResolve) return id;
    const cached = this.#cache.get(id);
    if (cached !== undefined) return cached;
    let name = id;
    // The client library refuses an empty ID itself; any failure leaves the ID.
    if (id !== '') {
      try {
        name = await lookup();
      } catch {
        name = id;
      }
    }
    this.#cache.set(id, name);
    return name;
  }
}
