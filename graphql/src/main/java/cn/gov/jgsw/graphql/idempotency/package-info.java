/**
 * Idempotent mutations: a mobile retry with the same key never doubles an action, and a key reused for something
 * else is refused.
 */
package cn.gov.jgsw.graphql.idempotency;
