/**
 * The platform's secrets at rest (密钥封装): the key-encryption key from outside the data, the data key it wraps, and
 * the sealing of every stored secret under that data key (ADR 0024).
 */
package cn.gov.jgsw.tenants.secrets;
