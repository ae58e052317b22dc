package cn.gov.jgsw.tenants.api;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the {@link Caller} out of a verified access token. */
public final class TokenCallers {

    private TokenCallers() {
    }

    /**
     * @param token      a token the API has verified
     * @param appVersion the version the app reports, or null
     * @throws IllegalArgumentException if the token lacks the platform's claims (e.g. a token of a machine client)
     */
    public static Caller fromToken(Jwt token, String appVersion) {
        String tenantId = token.getClaimAsString(AccessTokenClaims.TENANT);
        if (token.getSubject() == null || tenantId == null) {
            throw new IllegalArgumentException("token carries no person and tenant");
        }
        List<String> roleNames = token.getClaimAsStringList(AccessTokenClaims.ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleNames != null) {
            roleNames.stream().filter(TokenCallers::knownRole).map(Role::valueOf).forEach(roles::add);
        }
        List<String> audience = token.getAudience();
        String clientId = audience == null || audience.isEmpty() ? "unknown" : audience.get(0);
        String client = appVersion == null || appVersion.isBlank() ? clientId : clientId + "/" + appVersion;
        return new Caller(token.getSubject(), tenantId, token.getClaimAsString(AccessTokenClaims.UNIT),
                Set.copyOf(roles), client);
    }

    private static boolean knownRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
