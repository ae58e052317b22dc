package cn.gov.jgsw.domain.audit.api;

/**
 * A person read sensitive data, and said why (已查阅). The event's metadata adds when, from which client, and the
 * request's correlation id.
 *
 * @param readId   id of this read
 * @param tenantId the reader's bureau
 * @param readerId the person who read
 * @param what     what was read
 * @param purpose  the stated purpose
 */
public record SensitiveDataReadEvent(String readId, String tenantId, String readerId, String what, String purpose) {
}
