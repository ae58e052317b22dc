/**
 * The audit ledger's proofs, independent of the platform: a Merkle log in the manner of RFC 9162 over any hash
 * function ({@link cn.gov.jgsw.ledger.MerkleTree}), SM3 (GB/T 32905) and SHA-256 as such functions, and SM2
 * (GB/T 32918) signatures of tree heads. Plain Java and BouncyCastle only, so that the offline verifier can carry it
 * without anything of the platform.
 */
package cn.gov.jgsw.ledger;
