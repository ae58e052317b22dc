package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.tenants.identity.SigningKeys;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code POST /actuator/signingkeys} (operator only): replaces the key that signs access tokens now, for a suspected
 * leak; it is otherwise replaced every 30 days. Tokens signed with the old key stay valid until they expire.
 */
@Component
@Endpoint(id = "signingkeys")
public class SigningKeysEndpoint {

    private final SigningKeys signingKeys;

    public SigningKeysEndpoint(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @WriteOperation
    public Map<String, String> rotate() {
        return Map.of("signingKeyId", signingKeys.rotate());
    }
}
