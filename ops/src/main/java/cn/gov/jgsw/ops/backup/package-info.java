/**
 * Backups of the embedded store taken while the platform runs, encrypted under the key-encryption key, and their
 * restore into a fresh data directory (ADR 0024).
 */
package cn.gov.jgsw.ops.backup;
