package cn.gov.jgsw.domain.audit.api;

/**
 * A child bureau's signed tree head, recorded in the parent bureau's history.
 *
 * @param witnessId     the record
 * @param tenantId      the parent bureau
 * @param childTenantId the child bureau
 * @param size          the head's size
 * @param rootHex       its root, hex
 * @param issuedAt      when the child signed it, ISO-8601 UTC
 * @param publicKeyHex  the child's key
 * @param signatureHex  the child's signature
 */
public record ChildTreeHeadWitnessedEvent(String witnessId,
                                          String tenantId,
                                          String childTenantId,
                                          long size,
                                          String rootHex,
                                          String issuedAt,
                                          String publicKeyHex,
                                          String signatureHex) {
}
