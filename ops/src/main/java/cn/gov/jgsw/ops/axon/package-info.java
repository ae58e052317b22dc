/**
 * Axon infrastructure without Axon Server: event store and tracking tokens in MongoDB, Jackson everywhere,
 * aggregate caching.
 */
package cn.gov.jgsw.ops.axon;
