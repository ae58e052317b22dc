/**
 * The audit ledger (审计账本) of every bureau: the Merkle log over its events' SM3 hashes, its SM2-signed tree heads,
 * and the proofs a supervisor or a court checks them with (ADR 0012).
 */
package cn.gov.jgsw.ops.ledger;
