/**
 * The key-encryption key from outside the data (its file, made for the demo, required in production) and the
 * data keyring it opens: no secret of the platform lies in the database in clear (ADR 0024).
 */
package cn.gov.jgsw.ops.secrets;
