/**
 * Where the platform keeps its data: a real MongoDB given by {@code MONGODB_URI}, or else the embedded
 * MongoDB-wire server on an H2 file, made durable per acknowledged write.
 */
package cn.gov.jgsw.ops.storage;
