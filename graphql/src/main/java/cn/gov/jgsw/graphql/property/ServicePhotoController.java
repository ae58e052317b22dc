package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.domain.property.api.AttachServicePhotoCommand;
import cn.gov.jgsw.domain.property.api.PropertyErrorCode;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.ReadYourWrites;
import cn.gov.jgsw.projections.property.api.FindServiceRequestQuery;
import cn.gov.jgsw.projections.property.api.ServiceRequestView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.api.TokenCallers;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Photos of property service requests, as plain HTTP (GraphQL carries no files):
 * <ul>
 *   <li>{@code POST /api/service-requests/{id}/photos}: the requester sends the image's bytes with its
 *   {@code Content-Type} ({@code image/jpeg} or {@code image/png}) and an {@code Idempotency-Key}; at most 1 MiB
 *   and 16 megapixels, at most 3 photos per request. The picture must decode whole as its declared type; what is
 *   kept and served is the picture encoded anew, without the file's metadata ({@link PhotoSanitizer});</li>
 *   <li>{@code GET /api/photos/{id}}: the bytes, for the requester, property staff and bureau admins of the bureau.</li>
 * </ul>
 * Another bureau's request or photo, or one the caller may not see, is {@code NOT_FOUND} like a missing id. A refused
 * upload stores nothing.
 */
@RestController
public class ServicePhotoController {

    static final int LARGEST_PHOTO = 1024 * 1024;
    private final ServicePhotos photos;
    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final ErrorMessages messages;
    private final ReadYourWrites readYourWrites;

    public ServicePhotoController(ServicePhotos photos, CommandMutations mutations, QueryGateway queries,
                                  ErrorMessages messages, ReadYourWrites readYourWrites) {
        this.photos = photos;
        this.mutations = mutations;
        this.queries = queries;
        this.messages = messages;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping("/api/service-requests/{requestId}/photos")
    public ResponseEntity<Map<String, Object>> attach(@PathVariable String requestId,
                                                      @RequestHeader(value = "Idempotency-Key", required = false)
                                                      String idempotencyKey,
                                                      @AuthenticationPrincipal Jwt token,
                                                      HttpServletRequest request) throws IOException {
        Caller caller = TokenCallers.fromToken(token, null);
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9_-]{8,128}")) {
            return refuse(HttpStatus.BAD_REQUEST, ApiErrorCode.INVALID_IDEMPOTENCY_KEY.code(), request);
        }
        Optional<ServiceRequestView> found = find(caller.tenantId(), requestId)
                .filter(view -> view.requesterId().equals(caller.userId()));
        if (found.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, CommonErrorCode.NOT_FOUND.code(), request);
        }
        byte[] data = request.getInputStream().readNBytes(LARGEST_PHOTO + 1);
        if (data.length > LARGEST_PHOTO) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, ApiErrorCode.REQUEST_TOO_LARGE.code(), request);
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType().split(";")[0].trim();
        Optional<byte[]> sanitized = PhotoSanitizer.sanitized(contentType, data);
        if (sanitized.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, PropertyErrorCode.INVALID_PHOTO.code(), request);
        }
        data = sanitized.get();
        String photoId = "photo-" + IdempotentMutations.newObjectId(caller, idempotencyKey);
        String sha256 = sha256(data);
        photos.store(caller.tenantId(), requestId, photoId, contentType, data);
        try {
            mutations.send(caller, idempotencyKey, null, new AttachServicePhotoCommand(requestId, caller.tenantId(),
                    caller.userId(), photoId, contentType, data.length, sha256));
        } catch (BusinessRuleViolation refused) {
            photos.remove(photoId);
            HttpStatus status = refused.errorCode() == CommonErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND
                    : refused.errorCode() == PropertyErrorCode.TOO_MANY_PHOTOS ? HttpStatus.CONFLICT
                    : HttpStatus.BAD_REQUEST;
            return refuse(status, refused.errorCode().code(), request);
        }
        // Answer once the request lists the photo, so that the app can show it at once (read-your-writes).
        readYourWrites.await(() -> find(caller.tenantId(), requestId).orElse(null), view -> view != null
                && view.photos().stream().anyMatch(listed -> listed.id().equals(photoId)));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("photoId", photoId, "sha256", sha256,
                "url", "/api/photos/" + photoId));
    }

    @GetMapping("/api/photos/{photoId}")
    public ResponseEntity<?> read(@PathVariable String photoId, @AuthenticationPrincipal Jwt token,
                                  HttpServletRequest request) {
        Caller caller = TokenCallers.fromToken(token, null);
        Optional<ServicePhotos.StoredPhoto> photo = photos.find(caller.tenantId(), photoId)
                .filter(stored -> find(caller.tenantId(), stored.requestId())
                        .filter(view -> view.photos().stream().anyMatch(listed -> listed.id().equals(photoId)))
                        .filter(view -> maySee(caller, view)).isPresent());
        if (photo.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, CommonErrorCode.NOT_FOUND.code(), request);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.get().contentType()))
                .header("Cache-Control", "private, max-age=3600")
                .body(photo.get().data());
    }

    /** The requester; property staff and bureau admins of the bureau. */
    private static boolean maySee(Caller caller, ServiceRequestView request) {
        return request.requesterId().equals(caller.userId())
                || caller.hasRole(Role.PROPERTY_STAFF) || caller.hasRole(Role.BUREAU_ADMIN);
    }

    private Optional<ServiceRequestView> find(String tenantId, String requestId) {
        return queries.query(new FindServiceRequestQuery(tenantId, requestId),
                ResponseTypes.optionalInstanceOf(ServiceRequestView.class)).join();
    }

    private ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String code, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(messages.errorBody(code, request, Map.of()));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
