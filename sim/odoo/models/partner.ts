/** `res.partner`: companies, people and their invoice/delivery child addresses. */
import { validationError } from '../orm/errors.js';
import type { Env, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { active, bool, char, constant, int, m2o, o2m, sel, text } from './fields.js';

const TYPE_LABELS: Record<string, string> = {
  contact: 'Contact',
  invoice: 'Invoice Address',
  delivery: 'Delivery Address',
  other: 'Other Address',
  private: 'Private Address',
};

function partnerDisplayName(env: Env, row: Row): string {
  const name = typeof row.name === 'string' ? row.name : '';
  const parentId = row.parent_id;
  if (typeof parentId === 'number' && !row.is_company) {
    const parent = env.store.row('res.partner', parentId);
    const own = name || TYPE_LABELS[String(row.type)] || '';
    return parent ? `${partnerDisplayName(env, parent)}, ${own}` : own;
  }
  return name;
}

export function partnerModel(version: OdooVersion): ModelDef {
  const types: [string, string][] = [
    ['contact', 'Contact'],
    ['invoice', 'Invoice Address'],
    ['delivery', 'Delivery Address'],
    ['other', 'Other Address'],
  ];
  if (version <= 16) types.push(['private', 'Private Address']);
  return {
    name: 'res.partner',
    description: 'Contact',
    order: 'complete_name ASC, id DESC',
    fields: {
      name: char('Name'),
      complete_name: char('Complete Name', { compute: partnerDisplayName }),
      display_name: char('Display Name', { compute: partnerDisplayName }),
      type: sel(types, { default: constant('contact') }),
      parent_id: m2o('res.partner', { string: 'Related Company' }),
      child_ids: o2m('res.partner', 'parent_id', { string: 'Contact' }),
      commercial_partner_id: m2o('res.partner', {
        compute: (env, row) => {
          let current: Row | undefined = row;
          while (current && !current.is_company && typeof current.parent_id === 'number') {
            current = env.store.row('res.partner', current.parent_id);
          }
          return current?.id ?? row.id;
        },
      }),
      is_company: bool('Is a Company'),
      email: char('Email'),
      phone: char('Phone'),
      ...(version <= 17 ? { mobile: char('Mobile') } : {}),
      street: char('Street'),
      street2: char('Street2'),
      city: char('City'),
      zip: char('Zip'),
      state_id: m2o('res.country.state', { string: 'State' }),
      country_id: m2o('res.country', { string: 'Country' }),
      ref: char('Reference'),
      vat: char('Tax ID'),
      comment: text('Notes'),
      website: char('Website Link'),
      lang: char('Language', { default: constant('en_US') }),
      company_id: m2o('res.company'),
      customer_rank: int('Customer Rank'),
      property_product_pricelist: m2o('product.pricelist', { string: 'Pricelist' }),
      user_ids: o2m('res.users', 'partner_id'),
      active: active(),
    },
    beforeCreate: (_env, vals) => {
      if ((vals.type ?? 'contact') === 'contact' && !vals.name) {
        throw validationError('Contacts require a name');
      }
    },
  };
}
