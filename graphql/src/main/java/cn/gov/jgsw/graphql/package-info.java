/**
 * The mobile API over GraphQL: one package per feature (controllers, inputs, payloads) plus the ground rules every
 * feature uses: errors with stable codes, idempotent mutations, caller-bound cursors, read-your-writes.
 */
package cn.gov.jgsw.graphql;
