package cn.gov.jgsw.domain.property.api;

/** A photo was attached to a request (已上传照片). Fields as in {@link AttachServicePhotoCommand}. */
public record ServicePhotoAttachedEvent(String requestId, String tenantId, String photoId, String contentType,
                                        long sizeBytes, String sha256) {
}
