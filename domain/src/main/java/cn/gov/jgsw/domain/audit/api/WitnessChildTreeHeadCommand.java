package cn.gov.jgsw.domain.audit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a child bureau's signed tree head in the parent bureau's own history (见证), so that rewriting the child's
 * history would also mean rewriting the parent's ledger.
 *
 * @param witnessId     {@code witness-<child>-<size>}: one record per head of the child
 * @param tenantId      the parent bureau, whose history records it
 * @param childTenantId the child bureau whose head it is
 * @param size          the head's size
 * @param rootHex       the head's root, hex
 * @param issuedAt      when the child signed it, ISO-8601 UTC
 * @param publicKeyHex  the child's ledger key that signed it
 * @param signatureHex  the child's signature over the head's signed text
 */
public record WitnessChildTreeHeadCommand(@TargetAggregateIdentifier String witnessId,
                                          String tenantId,
                                          String childTenantId,
                                          long size,
                                          String rootHex,
                                          String issuedAt,
                                          String publicKeyHex,
                                          String signatureHex) {

    public static String witnessIdOf(String childTenantId, long size) {
        return "witness-" + childTenantId + "-" + size;
    }
}
