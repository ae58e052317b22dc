package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ops.support.LedgerKeys;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.verifier.EvidenceVerifier;
import cn.gov.jgsw.verifier.Verdict;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence bundle through the API (a supervisor above the bureau, with a stated purpose, the read recorded first)
 * and through the operators' endpoint the export command calls; both verify offline.
 */
class EvidenceDownloadIT extends PlatformIT {

    @Autowired
    private TreeHeadSigner signer;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FROM = Instant.now().minusSeconds(86_400).toString();
    private static final String TO = Instant.now().plusSeconds(3_600).toString();

    private HttpResponse<byte[]> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String query(String bureau, String purpose) {
        return "/api/audit/evidence?bureauId=" + bureau + "&from=" + FROM + "&to=" + TO
                + (purpose == null ? "" : "&purpose=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8));
    }

    private Verdict verified(byte[] zip) throws Exception {
        Path bundle = Files.createTempFile("evidence-", ".zip");
        Files.write(bundle, zip);
        return EvidenceVerifier.verify(bundle, LedgerKeys.ofProvince(signer));
    }

    @Test
    void aSupervisorAboveDownloadsABundleThatVerifiesAndTheReadIsRecorded() throws Exception {
        String supervisor = "Bearer " + Phones.accessTokenOf(baseUrl(), "guizhou.supervisor");
        long before = eventsOfBureau("bureau-guizhou");

        HttpResponse<byte[]> answer = get(query("bureau-tongzi", "纪检专项检查：公车使用"), supervisor);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/zip");
        Verdict verdict = verified(answer.body());
        assertThat(verdict.verified()).as(verdict.summary()).isTrue();
        assertThat(eventsOfBureau("bureau-guizhou")).as("the read recorded in the supervisor's bureau")
                .isGreaterThan(before);
    }

    private long eventsOfBureau(String tenantId) {
        return platformDatabase.getCollection("event_log").countDocuments(new Document("tenantId", tenantId));
    }

    @Test
    void withoutAPurposeOrFromTheWrongPlaceNothingIsGiven() throws Exception {
        String supervisor = "Bearer " + Phones.accessTokenOf(baseUrl(), "guizhou.supervisor");
        assertThat(new String(get(query("bureau-tongzi", null), supervisor).body(), StandardCharsets.UTF_8))
                .contains("PURPOSE_REQUIRED");
        HttpResponse<byte[]> sideways = get(query("bureau-guiyang", "查看"),
                "Bearer " + Phones.accessTokenOf(baseUrl(), "zunyi.supervisor"));
        assertThat(sideways.statusCode()).isEqualTo(404);
        assertThat(new String(sideways.body(), StandardCharsets.UTF_8)).contains("NOT_FOUND");
        HttpResponse<byte[]> clerk = get(query("bureau-tongzi", "查看"),
                "Bearer " + Phones.accessTokenOf(baseUrl(), "tongzi.civil-servant"));
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(get(query("bureau-tongzi", "查看"), null).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> badTime = get("/api/audit/evidence?bureauId=bureau-tongzi&from=yesterday&to=" + TO
                + "&purpose=x", supervisor);
        assertThat(badTime.statusCode()).isEqualTo(400);
    }

    @Test
    void theOperatorsExportVerifiesToo() throws Exception {
        String operator = "Basic " + Base64.getEncoder().encodeToString("ops:ops-demo-2026"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> answer = get("/actuator/evidence/bureau-nanming?from=" + FROM + "&to=" + TO, operator);

        assertThat(answer.statusCode()).isEqualTo(200);
        Verdict verdict = verified(answer.body());
        assertThat(verdict.verified()).as(verdict.summary()).isTrue();
        assertThat(get("/actuator/evidence/bureau-nanming?from=" + FROM + "&to=" + TO, null).statusCode())
                .isEqualTo(401);
    }
}
