import { Command, CommanderError } from 'commander';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkCompatibility,
  compareSchemas,
  exportSchemas,
  publishedSchemas,
  schemaPath,
  type PublishedSchema,
} from '../../src/canonical/governance/index.js';
import { StringEnum } from '../../src/canonical/index.js';
import { register } from '../../src/cli/commands/schemas.js';

const committed = fileURLToPath(new URL('../../schemas', import.meta.url));
const temps: string[] = [];

async function copyOfPublished(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'retail-hub-schemas-'));
  temps.push(dir);
  await cp(committed, dir, { recursive: true });
  return dir;
}

/** Just enough structure to edit published schema files in tests. */
interface Json {
  [key: string]: unknown;
  properties: Record<string, Json>;
  required: string[];
  enum: string[];
}
const json = (value: object) => value as Json;

async function edit(dir: string, file: string, change: (json: Json) => void): Promise<void> {
  const path = join(dir, file);
  const json = JSON.parse(await readFile(path, 'utf8')) as Json;
  change(json);
  await writeFile(path, JSON.stringify(json, null, 2));
}

const ORDER = 'models/order/v1.json';
const kinds = async (dir: string, inCode?: PublishedSchema[]) => {
  const report = await checkCompatibility(dir, inCode);
  return {
    ok: report.ok,
    problems: report.problems.map((p) => [p.file, p.kind, p.path]),
    additive: report.additive.map((p) => p.kind),
  };
};

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the committed schemas/', () => {
  it('are compatible with the code and up to date', async () => {
    const report = await checkCompatibility(committed);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.stale, 'run `retail-hub schemas export schemas` and commit').toEqual([]);
  });

  it('hold every model and event of the catalogue', async () => {
    const paths = publishedSchemas().map((s) => s.path);
    expect(paths).toContain('models/order/v1.json');
    expect(paths).toContain('events/order.received/v1.json');
    const order = JSON.parse(await readFile(join(committed, ORDER), 'utf8')) as Json;
    expect(order.$id).toBe('https://retail-hub.dev/schemas/models/order/v1.json');
    expect(order.description).toBeTruthy();
  });
});

describe('compatibility check on deliberately broken copies', () => {
  it('fails when the code removed a published property', async () => {
    const dir = await copyOfPublished();
    await edit(dir, ORDER, (s) => {
      s.properties.legacyRef = json({ type: 'string' });
    });
    expect(await kinds(dir)).toMatchObject({
      ok: false,
      problems: [[ORDER, 'removed_property', '/properties/legacyRef']],
    });
  });

  it('fails when the code changed a property type', async () => {
    const dir = await copyOfPublished();
    await edit(dir, ORDER, (s) => {
      s.properties.number = json({ type: 'integer' });
    });
    expect(await kinds(dir)).toMatchObject({
      ok: false,
      problems: [[ORDER, 'changed_type', '/properties/number']],
    });
  });

  it('fails when the code added a required property', async () => {
    const dir = await copyOfPublished();
    await edit(dir, ORDER, (s) => {
      delete s.properties.channelStatus;
      s.required = s.required.filter((r) => r !== 'channelStatus');
    });
    expect(await kinds(dir)).toMatchObject({
      ok: false,
      problems: [[ORDER, 'new_required_property', '/properties/channelStatus']],
    });
  });

  it('fails when the code narrowed an enum', async () => {
    const dir = await copyOfPublished();
    await edit(dir, ORDER, (s) => {
      s.properties.status!.enum.push('archived');
    });
    expect(await kinds(dir)).toMatchObject({
      ok: false,
      problems: [[ORDER, 'narrowed_enum', '/properties/status']],
    });
  });

  it('fails when the code tightened a constraint', async () => {
    const dir = await copyOfPublished();
    await edit(dir, ORDER, (s) => {
      delete s.properties.storeId!.pattern;
      delete s.properties.externalId!.minLength;
    });
    expect(await kinds(dir)).toMatchObject({
      ok: false,
      problems: [
        [ORDER, 'tightened_constraint', '/properties/storeId/pattern'],
        [ORDER, 'tightened_constraint', '/properties/externalId/minLength'],
      ],
    });
  });

  it('fails inside event envelopes too', async () => {
    const dir = await copyOfPublished();
    const file = 'events/order.cancelled/v1.json';
    await edit(dir, file, (s) => {
      s.properties.data!.properties.by!.enum.push('aliens');
    });
    expect(await kinds(dir)).toMatchObject({
      ok: false,
      problems: [[file, 'narrowed_enum', '/properties/data/properties/by']],
    });
  });

  it('passes additive changes: a new optional property and a widened enum', async () => {
    const dir = await copyOfPublished();
    await edit(dir, ORDER, (s) => {
      delete s.properties.customerNote;
      s.properties.status!.enum = s.properties.status!.enum.filter((v) => v !== 'draft');
    });
    const result = await kinds(dir);
    expect(result).toEqual({ ok: true, problems: [], additive: ['widened_enum', 'added_optional_property'] });
  });

  it('fails when a published schema is gone from code, unexported, or ahead of the code', async () => {
    const dir = await copyOfPublished();
    await mkdir(join(dir, 'events/order.exploded'), { recursive: true });
    await writeFile(join(dir, 'events/order.exploded/v1.json'), '{}');
    await writeFile(join(dir, 'models/money/v2.json'), '{}');
    await rm(join(dir, 'models/address/v1.json'));
    const { problems } = await kinds(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['models/address/v1.json', 'not_exported', ''],
        ['events/order.exploded/v1.json', 'removed_schema', ''],
        ['models/money/v2.json', 'version_regressed', ''],
      ]),
    );
  });

  it('accepts a breaking change published as a new version, leaving v1 as history', async () => {
    const dir = await copyOfPublished();
    const bumped = publishedSchemas().map((s) => {
      if (s.path !== ORDER) return s;
      const schema = {
        ...s.json,
        properties: { ...(s.json.properties as object), number: { type: 'integer' } },
      };
      return { ...s, version: 2, path: schemaPath('model', 'order', 2), json: schema };
    });
    expect((await kinds(dir, bumped)).problems).toEqual([['models/order/v2.json', 'not_exported', '']]);
    await writeFile(
      join(dir, 'models/order/v2.json'),
      JSON.stringify(bumped.find((s) => s.version === 2)?.json),
    );
    expect(await kinds(dir, bumped)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('compareSchemas', () => {
  const breakingKinds = (a: unknown, b: unknown) =>
    compareSchemas(a, b)
      .filter((c) => c.breaking)
      .map((c) => c.kind);
  const plain = (s: unknown) => JSON.parse(JSON.stringify(s)) as unknown;

  it('classifies TypeBox schema evolutions', () => {
    const v1 = Type.Object({
      a: Type.String({ maxLength: 10 }),
      n: Type.Integer(),
      tag: StringEnum(['x', 'y']),
      list: Type.Array(Type.String()),
    });
    const same = plain(v1);
    expect(compareSchemas(same, plain(v1))).toEqual([]);
    expect(breakingKinds(same, plain(Type.Object({ ...v1.properties, n: Type.Number() })))).toEqual([]);
    expect(
      breakingKinds(same, plain(Type.Object({ ...v1.properties, a: Type.String({ maxLength: 5 }) }))),
    ).toEqual(['tightened_constraint']);
    expect(
      breakingKinds(same, plain(Type.Object({ ...v1.properties, a: Type.String({ maxLength: 50 }) }))),
    ).toEqual([]);
    expect(
      breakingKinds(same, plain(Type.Object({ ...v1.properties, list: Type.Array(Type.Integer()) }))),
    ).toEqual(['changed_type']);
    expect(
      breakingKinds(
        same,
        plain(Type.Object({ ...v1.properties, a: Type.Optional(Type.String({ maxLength: 10 })) })),
      ),
    ).toEqual(['required_became_optional']);
    expect(
      breakingKinds(same, plain(Type.Object({ ...v1.properties, extra: Type.Optional(Type.String()) }))),
    ).toEqual([]);
    expect(breakingKinds(same, plain(Type.Object({ ...v1.properties, extra: Type.String() })))).toEqual([
      'new_required_property',
    ]);
    expect(breakingKinds(same, plain(Type.Object(v1.properties, { additionalProperties: false })))).toEqual([
      'tightened_constraint',
    ]);
  });

  it('compares unions by branch', () => {
    const v1 = plain(Type.Union([Type.String(), Type.Integer()]));
    expect(breakingKinds(v1, plain(Type.Union([Type.String(), Type.Integer(), Type.Null()])))).toEqual([]);
    expect(breakingKinds(v1, plain(Type.String()))).toEqual(['narrowed_union']);
    expect(breakingKinds(plain(Type.String()), plain(Type.Union([Type.String(), Type.Null()])))).toEqual([]);
  });
});

describe('retail-hub schemas', () => {
  const run = async (...args: string[]) => {
    const program = new Command('retail-hub').exitOverride();
    register(program);
    await program.parseAsync(['node', 'retail-hub', ...args]);
  };

  it('export writes the versioned layout and check exits 1 on a breaking copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retail-hub-export-'));
    temps.push(dir);
    await run('schemas', 'export', dir);
    const exported = JSON.parse(await readFile(join(dir, 'events/order.received/v1.json'), 'utf8')) as Json;
    expect(exported.properties.type?.const).toBe('order.received');
    expect(await readFile(join(dir, ORDER), 'utf8')).toBe(await readFile(join(committed, ORDER), 'utf8'));
    await expect(run('schemas', 'check', dir)).resolves.toBeUndefined();
    await edit(dir, ORDER, (s) => {
      s.properties.legacyRef = json({ type: 'string' });
    });
    await expect(run('schemas', 'check', dir)).rejects.toEqual(expect.objectContaining({ exitCode: 1 }));
    await expect(run('schemas', 'check', dir)).rejects.toBeInstanceOf(CommanderError);
  });
});

it('exportSchemas returns every written path', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'retail-hub-export-'));
  temps.push(dir);
  const { written } = await exportSchemas(dir);
  expect(written).toHaveLength(publishedSchemas().length);
});
