/** What the API may ask of the audit ledger. */
package cn.gov.jgsw.projections.audit.api;
