/**
 * Audit (审计): the record of sensitive reads. Whoever reads a person's records, a driver's trajectory, another
 * bureau's history or the audit trail itself states why, and that read becomes an event of the reader's bureau.
 */
package cn.gov.jgsw.domain.audit;
