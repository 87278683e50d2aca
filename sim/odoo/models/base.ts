/**
 * Base models: company, currencies, countries and states, users, units of measure, journals and
 * `ir.model.data` (external ids, unique per module and name).
 */
import { validationError } from '../orm/errors.js';
import type { Env, ModelDef, OdooVersion } from '../orm/types.js';
import { active, bool, char, company, constant, float, int, m2m, m2o, sel } from './fields.js';

export function baseModels(version: OdooVersion): ModelDef[] {
  return [
    {
      name: 'res.company',
      description: 'Companies',
      fields: {
        name: char('Company Name', { required: true }),
        currency_id: m2o('res.currency', { required: true }),
        partner_id: m2o('res.partner'),
        country_id: m2o('res.country'),
        account_sale_tax_id: m2o('account.tax', { string: 'Default Sale Tax' }),
        active: active(),
      },
    },
    {
      name: 'res.currency',
      description: 'Currency',
      fields: {
        name: char('Currency', { required: true }),
        symbol: char('Symbol'),
        rounding: float('Rounding Factor', { default: constant(0.01) }),
        decimal_places: int('Decimal Places', {
          compute: (_env, row) => Math.max(0, Math.round(-Math.log10(Number(row.rounding) || 0.01))),
        }),
        active: active(),
      },
    },
    {
      name: 'res.country',
      description: 'Country',
      order: 'name',
      fields: {
        name: char('Country Name', { required: true }),
        code: char('Country Code'),
        currency_id: m2o('res.currency'),
        phone_code: int('Country Calling Code'),
        state_ids: { type: 'one2many', relation: 'res.country.state', inverseName: 'country_id' },
      },
    },
    {
      name: 'res.country.state',
      description: 'Country state',
      fields: {
        name: char('State Name', { required: true }),
        code: char('State Code', { required: true }),
        country_id: m2o('res.country', { required: true }),
      },
    },
    {
      name: 'res.users',
      description: 'User',
      recName: 'name',
      fields: {
        name: char('Name'),
        login: char('Login', { required: true }),
        partner_id: m2o('res.partner'),
        company_id: company(),
        company_ids: m2m('res.company'),
        lang: char('Language', { default: constant('en_US') }),
        tz: char('Timezone', { default: constant('Europe/Brussels') }),
        active: active(),
        share: bool('Share User'),
      },
      methods: {
        context_get: {
          model: true,
          params: [],
          run: (env: Env) => {
            const user = env.store.row('res.users', env.uid);
            return { lang: user?.lang ?? 'en_US', tz: user?.tz ?? 'Europe/Brussels', uid: env.uid };
          },
        },
      },
    },
    {
      name: 'uom.uom',
      description: 'Product Unit of Measure',
      fields: {
        name: char('Unit', { required: true }),
        ...(version <= 18
          ? {
              uom_type: sel(
                [
                  ['reference', 'Reference'],
                  ['bigger', 'Bigger'],
                  ['smaller', 'Smaller'],
                ],
                { default: constant('reference') },
              ),
            }
          : {}),
        factor: float('Ratio', { default: constant(1) }),
        rounding: float('Rounding Precision', { default: constant(0.01) }),
        active: active(),
      },
    },
    {
      name: 'account.journal',
      description: 'Journal',
      fields: {
        name: char('Journal Name', { required: true }),
        code: char('Short Code', { required: true }),
        type: sel(
          [
            ['sale', 'Sales'],
            ['purchase', 'Purchase'],
            ['cash', 'Cash'],
            ['bank', 'Bank'],
            ['general', 'Miscellaneous'],
          ],
          {
            required: true,
          },
        ),
        company_id: company(),
        active: active(),
      },
    },
    {
      name: 'ir.model.data',
      description: 'Model Data',
      recName: 'complete_name',
      order: 'module, model, name',
      fields: {
        name: char('External Identifier', { required: true }),
        module: char('Module', { required: true, default: constant('') }),
        model: char('Model Name', { required: true }),
        res_id: int('Record ID'),
        noupdate: bool('Non Updatable'),
        complete_name: char('Complete ID', {
          compute: (_env, row) => `${String(row.module)}.${String(row.name)}`,
        }),
        reference: char('Reference', {
          compute: (_env, row) => `${String(row.model)},${Number(row.res_id)}`,
        }),
      },
      beforeCreate: (env, vals) => assertUniqueXmlid(env, vals.module, vals.name, undefined),
      afterWrite: (env, rows) => {
        for (const row of rows) assertUniqueXmlid(env, row.module, row.name, row.id);
      },
    },
  ];
}

/**
 * The SQL constraint `UNIQUE (module, name)`, surfaced the way Odoo reports a constraint violation
 * raised during an RPC call: a ValidationError naming the constraint's message.
 */
function assertUniqueXmlid(env: Env, module: unknown, name: unknown, self: number | undefined): void {
  if (typeof name === 'string' && name.includes(' ')) {
    throw validationError('The operation cannot be completed: External IDs cannot contain spaces');
  }
  const clash = env.store
    .rows('ir.model.data')
    .some((r) => r.id !== self && r.module === (module || false) && r.name === name);
  if (clash) {
    throw validationError(
      'The operation cannot be completed: You cannot have multiple records with the same external ID in the same module!',
    );
  }
}
