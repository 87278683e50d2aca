/** An empty WooCommerce address (billing carries `email`, shipping does not). */
import type { WcAddress } from './types.js';

export const emptyAddress = (withEmail: boolean): WcAddress => ({
  first_name: '',
  last_name: '',
  company: '',
  address_1: '',
  address_2: '',
  city: '',
  state: '',
  postcode: '',
  country: '',
  ...(withEmail ? { email: '' } : {}),
  phone: '',
});
