package cn.gov.jgsw.ops.identity;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator replaces the signing key: new tokens name the new key, tokens signed with the old one keep working
 * until they expire, and the JWK Set publishes both.
 */
class SigningKeyRotationIT extends PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void afterARotationOldAndNewTokensAreBothAcceptedAndNameTheirKeys() throws Exception {
        String before = MobileApp.accessTokenOf(baseUrl(), "tongzi.civil-servant");

        HttpResponse<String> rotated = operatorPost("/actuator/signingkeys");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newKey = JSON.readTree(rotated.body()).get("signingKeyId").asText();
        String after = MobileApp.accessTokenOf(baseUrl(), "tongzi.civil-servant");

        assertThat(kidOf(after)).isEqualTo(newKey).isNotEqualTo(kidOf(before));
        assertThat(publishedKeyIds()).contains(kidOf(before), newKey);
        for (String token : List.of(before, after)) {
            GraphQlClient.Response me = new GraphQlClient(baseUrl(), token).execute(GraphQlClient.operation("Me"));
            assertThat(me.data().at("/me/bureau/id").asText()).isEqualTo("bureau-tongzi");
        }
    }

    @Test
    void onlyTheOperatorMayRotate() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/signingkeys"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withBureauToken = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/signingkeys"))
                .header("Authorization", "Bearer " + MobileApp.accessTokenOf(baseUrl(), "tongzi.bureau-admin"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(withBureauToken.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> operatorPost(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString("ops:ops-demo-2026".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> publishedKeyIds() throws Exception {
        JsonNode jwks = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> ids = new ArrayList<>();
        jwks.get("keys").forEach(key -> {
            assertThat(key.has("d")).as("a private part published").isFalse();
            ids.add(key.get("kid").asText());
        });
        return ids;
    }

    private static String kidOf(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.')))).get("kid").asText();
    }
}
