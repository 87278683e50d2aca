/** One thing wrong with the configuration, at a key path such as `stores[1].url`. */
export interface ConfigProblem {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `invalid configuration in ${source}:\n` +
        problems.map((p) => `  - ${p.path === '' ? '(top level)' : p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** `/stores/1/url` → `stores[1].url` */
export function toKeyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`),
      '',
    );
}
