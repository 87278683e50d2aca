/**
 * Tables the catalogue flow owns: the owner's (ERP's) current product and price values per SKU,
 * which store-side edits are compared against.
 */
export interface CatalogueProductsTable {
  sku: string;
  name: string;
  status: string;
  source: string;
  updated_at: string;
}

export interface CataloguePricesTable {
  sku: string;
  price_list: string;
  currency: string;
  /** Decimal strings; money is never a float. */
  regular: string;
  sale: string | null;
  sale_from: string | null;
  sale_to: string | null;
  source: string;
  updated_at: string;
}

export interface CatalogueTables {
  catalogue_products: CatalogueProductsTable;
  catalogue_prices: CataloguePricesTable;
}
