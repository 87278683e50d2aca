/** The namespace index (`/wc/v3`) and a minimal `/system_status`, enough for connection checks. */
import { restUrl } from './context.js';
import type { Router } from './router.js';
import { ok } from './router.js';

export function registerSystemRoutes(router: Router): void {
  router.add('GET', '/wc/v3', 'public', (ctx) =>
    ok({
      namespace: 'wc/v3',
      routes: Object.fromEntries(
        ['orders', 'products', 'customers', 'webhooks', 'system_status'].map((name) => [
          `/wc/v3/${name}`,
          {
            namespace: 'wc/v3',
            methods: ['GET', 'POST'],
            _links: { self: [{ href: restUrl(ctx, `/wc/v3/${name}`) }] },
          },
        ]),
      ),
      _links: { up: [{ href: `${ctx.siteUrl}/wp-json/` }] },
    }),
  );
  router.add('GET', '/wc/v3/system_status', 'view', (ctx) =>
    ok({
      environment: {
        home_url: ctx.siteUrl,
        site_url: ctx.siteUrl,
        version: '9.8.5',
        wp_version: '6.8.1',
        server_info: 'retail-hub WooCommerce emulator',
        php_version: '8.3.0',
        default_timezone: 'UTC',
      },
      database: { wc_database_version: '9.8.5' },
      active_plugins: [],
      theme: {},
      settings: {
        api_enabled: true,
        force_ssl: false,
        currency: ctx.currency,
        currency_symbol: ctx.currency,
        currency_position: 'left',
        thousand_separator: ',',
        decimal_separator: '.',
        number_of_decimals: ctx.dp,
        geolocation_enabled: false,
        taxonomies: {},
        woocommerce_prices_include_tax: ctx.pricesIncludeTax,
        woocommerce_tax_round_at_subtotal: ctx.taxRoundAtSubtotal,
      },
      security: { secure_connection: ctx.siteUrl.startsWith('https:'), hide_errors: true },
      pages: [],
    }),
  );
}
