package cn.gov.jgsw.tenants.api;

/** Names of the platform's own claims in access tokens. */
public final class AccessTokenClaims {

    /** The internal id of the caller's bureau. */
    public static final String TENANT = "tenant";
    /** The caller's roles, as names of {@link Role}. */
    public static final String ROLES = "roles";
    /** The internal id of the caller's unit. */
    public static final String UNIT = "unit";
    /**
     * The audience of every token issued to an integration client. The mobile API accepts only the mobile app's
     * audience and the machine endpoints only this one, so neither kind of token works at the other's door.
     */
    public static final String INTEGRATION_AUDIENCE = "integration-api";

    private AccessTokenClaims() {
    }
}
