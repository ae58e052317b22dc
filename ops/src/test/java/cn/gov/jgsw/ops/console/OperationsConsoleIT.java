package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * The operator on call reaches Spring Boot Admin with the operator login and sees the platform UP with its health,
 * metrics and Axon processors; nobody else sees more than bare health.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsConsoleIT extends PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String OPERATOR = basic("ops", "ops-demo-2026");

    @Test
    void theConsoleShowsThePlatformUpWithItsEventProcessors() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode applications = JSON.readTree(get("/admin/applications", OPERATOR).body());
            assertThat(applications.findValuesAsText("name")).contains("jgsw-platform");
            assertThat(applications.get(0).get("status").asText()).isEqualTo("UP");
        });
        JsonNode health = JSON.readTree(get("/actuator/health", OPERATOR).body());
        assertThat(health.at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessors/details/personal-settings/running").asBoolean()).isTrue();
        assertThat(health.at("/components/storage/status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/metrics", OPERATOR).statusCode()).isEqualTo(200);
    }

    /**
     * Each processor's lag and counts are there for the operator; Axon's capacity meters are not, since their memory
     * grows with the load (AxonMessageMetrics).
     */
    @Test
    void theOperatorSeesEachProcessorsLatencyAndCountsButNoCapacityMeter() throws Exception {
        JsonNode metrics = JSON.readTree(get("/actuator/metrics", OPERATOR).body());
        assertThat(metrics.get("names")).extracting(JsonNode::asText)
                .contains("vehicle-orders.latency", "vehicle-orders.successCounter", "vehicle-orders.allTimer",
                        "commandBus.successCounter")
                .doesNotContain("vehicle-orders.capacity", "commandBus.capacity", "queryBus.capacity");
    }

    @Test
    void theConsoleSendsAStrangerToItsOwnSignInPage() {
        HttpResponse<String> response = get("/admin/", null, "text/html");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/admin/login");
    }

    @Test
    void theOperatorSignsInOnTheConsolesFormAndSeesTheApplications() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signInPage = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/login"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signInPage.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(signInPage.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=ops&password=ops-demo-2026&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> applications = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/applications"))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(applications.statusCode()).isEqualTo(200);
        assertThat(applications.body()).contains("jgsw-platform");
    }

    @Test
    void anonymousCallersSeeBareHealthAndNothingElse() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).has("components")).isFalse();
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/applications", null).statusCode()).isIn(302, 401);
    }

    @Test
    void aBureauAccountIsNoOperator() {
        String bureauAdmin = basic("nanming.bureau-admin", MobileApp.DEMO_PASSWORD);
        assertThat(get("/actuator/metrics", bureauAdmin).statusCode()).isEqualTo(401);
        assertThat(get("/admin/applications", bureauAdmin).statusCode()).isEqualTo(401);
    }

    @Test
    void aBureauTokenOpensNoOperationsEndpoint() {
        String token = "Bearer " + MobileApp.accessTokenOf(baseUrl(), "guizhou.supervisor");
        assertThat(get("/actuator/metrics", token).statusCode()).isIn(401, 403);
    }

    /**
     * Guessing the operator's password over HTTP Basic: five failures from one address lock the name there, so the
     * sixth attempt, even with the right password, is answered 429 before it is checked; the operator elsewhere is not
     * locked out; each failure is logged. The guesses come from IPv6 loopback, so that the lock (a minute) does not
     * reach the other tests, which come from 127.0.0.1.
     */
    @Test
    void guessingTheOperatorsPasswordIsLockedAndLogged(CapturedOutput output) throws Exception {
        String port = baseUrl().substring(baseUrl().lastIndexOf(':') + 1);
        String fromIpv6 = "http://[::1]:" + port;
        assumeTrue(reachable(fromIpv6), "IPv6 loopback is not available here");
        for (int guess = 0; guess < 5; guess++) {
            assertThat(status(fromIpv6, "/actuator/metrics", basic("ops", "guess-" + guess))).isEqualTo(401);
        }

        int rightPasswordWhileLocked = status(fromIpv6, "/actuator/metrics", OPERATOR);
        int fromElsewhere = get("/actuator/metrics", OPERATOR).statusCode();

        assertThat(rightPasswordWhileLocked).isEqualTo(429);
        assertThat(fromElsewhere).isEqualTo(200);
        assertThat(output.getAll()).contains("Operator sign-in failed for ops from 0:0:0:0:0:0:0:1");
        assertThat(output.getAll().split("Operator sign-in failed for ops from 0:0:0:0:0:0:0:1", -1)).hasSize(6);
    }

    private static boolean reachable(String base) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception unreachable) {
            return false;
        }
    }

    private static int status(String base, String path, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<String> get(String path, String authorization) {
        return get(path, authorization, "application/json");
    }

    private static HttpResponse<String> get(String path, String authorization, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
