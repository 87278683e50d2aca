/**
 * Applying x2many command tuples: one2many commands act on the comodel rows' inverse many2one,
 * many2many commands rewrite the stored id list.
 */
import { parseCommands } from './commands.js';
import type { ModelStore } from './model-store.js';
import type { Env, FieldDef, Row } from './types.js';

/** Applies commands written to a one2many of `row` (its rows exist before their children). */
export function applyOne2many(
  store: ModelStore,
  env: Env,
  model: string,
  row: Row,
  name: string,
  field: FieldDef,
  value: unknown,
): void {
  const comodel = field.relation!;
  const inverse = field.inverseName!;
  const inverseRequired = store.fieldDef(comodel, inverse)?.required === true;
  // Odoo deletes a child whose link to the parent is mandatory, else just unlinks it.
  const detach = (id: number) =>
    inverseRequired
      ? store.unlink(env, comodel, [id])
      : store.write(env, comodel, [id], { [inverse]: false });
  const current = () => store.get(env, model, row, name) as number[];
  for (const command of parseCommands(value, name)) {
    switch (command.op) {
      case 'create':
        store.create(env, comodel, { ...command.vals, [inverse]: row.id });
        break;
      case 'update':
        store.write(env, comodel, [command.id], command.vals);
        break;
      case 'delete':
        store.unlink(env, comodel, [command.id]);
        break;
      case 'unlink':
        detach(command.id);
        break;
      case 'link':
        store.write(env, comodel, [command.id], { [inverse]: row.id });
        break;
      case 'clear':
        for (const id of current()) detach(id);
        break;
      case 'set':
        for (const id of current()) if (!command.ids.includes(id)) detach(id);
        for (const id of command.ids) store.write(env, comodel, [id], { [inverse]: row.id });
        break;
    }
  }
}

/** Returns the many2many's new id list after the commands. */
export function applyMany2many(
  store: ModelStore,
  env: Env,
  field: FieldDef,
  current: number[],
  value: unknown,
  name: string,
): number[] {
  let ids = [...current];
  const comodel = field.relation!;
  for (const command of parseCommands(value, name)) {
    switch (command.op) {
      case 'create':
        ids.push(store.create(env, comodel, command.vals));
        break;
      case 'update':
        store.write(env, comodel, [command.id], command.vals);
        break;
      case 'delete':
        store.unlink(env, comodel, [command.id]);
        ids = ids.filter((id) => id !== command.id);
        break;
      case 'unlink':
        ids = ids.filter((id) => id !== command.id);
        break;
      case 'link':
        store.browse(env, comodel, [command.id]);
        if (!ids.includes(command.id)) ids.push(command.id);
        break;
      case 'clear':
        ids = [];
        break;
      case 'set':
        store.browse(env, comodel, command.ids);
        ids = [...new Set(command.ids)];
        break;
    }
  }
  return ids;
}
