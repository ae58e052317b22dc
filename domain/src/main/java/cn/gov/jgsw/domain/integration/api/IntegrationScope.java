package cn.gov.jgsw.domain.integration.api;

/**
 * What an integration client may do, as OAuth scopes. A client gets only the scopes a bureau admin granted it, and a
 * machine endpoint accepts only tokens carrying its scope.
 */
public enum IntegrationScope {
    /** Send vehicle positions of the bureau's fleet (GPS/Beidou terminals). */
    TELEMETRY_WRITE("telemetry:write"),
    /** Send meter readings of the bureau's buildings (能耗计量). */
    ENERGY_WRITE("energy:write");

    private final String value;

    IntegrationScope(String value) {
        this.value = value;
    }

    /** The scope as it appears in the token request and in the token. */
    public String value() {
        return value;
    }
}
