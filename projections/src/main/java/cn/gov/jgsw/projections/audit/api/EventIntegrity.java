package cn.gov.jgsw.projections.audit.api;

/**
 * How an event of the record stands against its bureau's audit ledger (审计账本核验), checked at every read: the event
 * as stored now must be the leaf the ledger included, under a tree head signed with the bureau's key as the signer
 * holds it (not as the store says). The SM3 hash stored beside an event proves little, since whoever edits one can
 * edit both.
 */
public enum EventIntegrity {
    /** Included in the ledger, under a signed head, exactly as stored now. */
    VERIFIED,
    /** Differs from what the ledger included, or the ledger's head for it does not verify: altered after its append. */
    ALTERED,
    /** In the ledger, but no signed head covers it yet (a head is signed every minute, and at every export). */
    NOT_YET_SIGNED,
    /** Not in the ledger yet: the ledger includes events moments after they are stored. */
    NOT_YET_IN_LEDGER
}
