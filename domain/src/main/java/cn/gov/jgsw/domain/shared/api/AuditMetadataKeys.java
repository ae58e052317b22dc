package cn.gov.jgsw.domain.shared.api;

/**
 * Keys of the metadata every command and event carries (ARCHITECTURE.md, Event store). They make the event log an
 * audit trail: which bureau, who, in which role, from which client, as part of which request.
 */
public final class AuditMetadataKeys {

    /** Internal id of the bureau (tenant) the action belongs to; taken only from the caller's access token. */
    public static final String TENANT_ID = "tenantId";
    /** Internal id of the acting user (never a name). */
    public static final String USER_ID = "userId";
    /** The roles the acting user held when acting, comma separated. */
    public static final String ROLES = "roles";
    /** The client that sent the request, e.g. {@code mobile-app/1.4.0}. */
    public static final String CLIENT = "client";
    /** Id shared by every message caused by one request. */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The idempotency key the client sent with the request. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Stated reason, for sensitive transitions. */
    public static final String REASON = "reason";

    private AuditMetadataKeys() {
    }
}
