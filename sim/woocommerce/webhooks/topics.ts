/** Webhook topics and the hooks WooCommerce attaches to each (`WC_Webhook::get_topic_hooks`). */
export const TOPIC_HOOKS: Record<string, string[]> = {
  'coupon.created': ['woocommerce_process_shop_coupon_meta', 'woocommerce_new_coupon'],
  'coupon.updated': ['woocommerce_process_shop_coupon_meta', 'woocommerce_update_coupon'],
  'coupon.deleted': ['wp_trash_post'],
  'coupon.restored': ['untrashed_post'],
  'customer.created': ['user_register', 'woocommerce_created_customer', 'woocommerce_new_customer'],
  'customer.updated': ['profile_update', 'woocommerce_update_customer'],
  'customer.deleted': ['delete_user'],
  'order.created': ['woocommerce_new_order'],
  'order.updated': ['woocommerce_update_order', 'woocommerce_order_refunded'],
  'order.deleted': ['wp_trash_post'],
  'order.restored': ['untrashed_post'],
  'product.created': [
    'woocommerce_process_product_meta',
    'woocommerce_new_product',
    'woocommerce_new_product_variation',
  ],
  'product.updated': [
    'woocommerce_process_product_meta',
    'woocommerce_update_product',
    'woocommerce_update_product_variation',
  ],
  'product.deleted': ['wp_trash_post'],
  'product.restored': ['untrashed_post'],
};

export function isValidTopic(topic: string): boolean {
  return topic in TOPIC_HOOKS || /^action\.(woocommerce_|wc_)[a-z0-9_]+$/.test(topic);
}

export function hooksOf(topic: string): string[] {
  return TOPIC_HOOKS[topic] ?? (topic.startsWith('action.') ? [topic.slice('action.'.length)] : []);
}

/** The topics the `webhookUrl` option subscribes to. */
export const AUTO_TOPICS = Object.keys(TOPIC_HOOKS).filter((t) => /^(order|product|customer)\./.test(t));
