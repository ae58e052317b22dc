package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The requester attaches a photo to their request (the picture of a broken tap). The photo's bytes are already kept,
 * under its tenant; the record holds what identifies them.
 *
 * @param photoId     a new id, derived from the person's idempotency key
 * @param contentType {@code image/jpeg} or {@code image/png}
 * @param sizeBytes   1 byte to 1 MiB
 * @param sha256      the hash of the bytes, hex
 */
public record AttachServicePhotoCommand(@TargetAggregateIdentifier String requestId, String tenantId,
                                        String requesterId, String photoId, String contentType, long sizeBytes,
                                        String sha256) {
}
