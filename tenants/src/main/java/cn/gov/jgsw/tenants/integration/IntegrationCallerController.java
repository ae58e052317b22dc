package cn.gov.jgsw.tenants.integration;

import cn.gov.jgsw.tenants.api.AccessTokenClaims;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /integration/v1/caller}: who the platform takes the calling machine for. Integrators check their
 * credentials and scopes with it before they send data; it reads nothing but the verified token.
 */
@RestController
class IntegrationCallerController {

    @GetMapping("/integration/v1/caller")
    Map<String, Object> caller(@AuthenticationPrincipal Jwt token) {
        List<String> scopes = token.getClaimAsStringList("scope");
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("clientId", token.getSubject());
        caller.put("bureauId", token.getClaimAsString(AccessTokenClaims.TENANT));
        caller.put("scopes", scopes == null ? List.of() : scopes.stream().sorted().toList());
        caller.put("expiresAt", token.getExpiresAt().toString());
        return caller;
    }
}
