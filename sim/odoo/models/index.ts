/** Every emulated model for one Odoo version, each with the generic ORM methods merged in. */
import { ormMethods } from '../orm/orm-methods.js';
import type { ModelDef, OdooVersion } from '../orm/types.js';
import { baseModels } from './base.js';
import { invoiceModels } from './invoice.js';
import { partnerModel } from './partner.js';
import { pickingModels } from './picking.js';
import { validationWizards } from './picking-validate.js';
import { pricingModels } from './pricing.js';
import { productModels } from './product.js';
import { saleModels } from './sale.js';
import { stockModels } from './stock.js';
import { wizardModels } from './wizards.js';

export function buildModels(version: OdooVersion): ModelDef[] {
  const models = [
    ...baseModels(version),
    partnerModel(version),
    ...productModels(version),
    ...pricingModels(version),
    ...stockModels(),
    ...pickingModels(version),
    ...validationWizards(version),
    ...saleModels(version),
    ...invoiceModels(version),
    ...wizardModels(version),
  ];
  return models.map((def) => ({ ...def, methods: { ...ormMethods(def.name, version), ...def.methods } }));
}
