package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real mutation ({@code changeDisplayLanguage}) through the whole platform: idempotency keys, read-your-writes,
 * the audit metadata of the event, and refusals with stable codes in both languages that record nothing.
 */
class IdempotentMutationIT extends PlatformIT {

    private static final String PERSON = "user-guiyang-civil-servant";

    private GraphQlClient guiyang;

    @BeforeEach
    void signIn() {
        guiyang = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "guiyang.civil-servant"));
    }

    @Test
    void theMutationAnswersTheStateItCausedAndRecordsWhoDidItFromWhere() {
        String key = UUID.randomUUID().toString();
        String language = currentLanguage().equals("EN") ? "ZH_CN" : "EN";
        long before = storedEventsOf(PERSON);

        GraphQlClient.Response response = change(key, language);

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        assertThat(response.data().at("/changeDisplayLanguage/settings/displayLanguage").asText()).isEqualTo(language);
        assertThat(currentLanguage()).isEqualTo(language);
        assertThat(storedEventsOf(PERSON)).isEqualTo(before + 1);
        Document metaData = lastEventMetaData();
        assertThat(metaData.getString("tenantId")).isEqualTo("bureau-guiyang");
        assertThat(metaData.getString("userId")).isEqualTo(PERSON);
        assertThat(metaData.getString("roles")).isEqualTo("CIVIL_SERVANT");
        assertThat(metaData.getString("client")).isEqualTo("mobile-app/1.0.0-test");
        assertThat(metaData.getString("idempotencyKey")).isEqualTo(key);
        assertThat(metaData.getString("correlationId")).isNotBlank();
        assertThat(metaData.getString("causationId")).isNotBlank();
    }

    @Test
    void repeatingTheSameKeyAndInputAnswersTheFirstAnswerAndRecordsNothingNew() {
        String key = UUID.randomUUID().toString();
        String language = currentLanguage().equals("EN") ? "ZH_CN" : "EN";
        GraphQlClient.Response first = change(key, language);
        long afterFirst = storedEventsOf(PERSON);

        GraphQlClient.Response retry = change(key, language);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(storedEventsOf(PERSON)).isEqualTo(afterFirst);
    }

    @Test
    void theSameKeyWithAnotherInputIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        change(key, "EN");
        long before = storedRecords();

        GraphQlClient.Response reused = change(key, "ZH_CN");

        assertThat(reused.firstErrorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.firstError().path("message").asText()).isEqualTo("该请求标识已用于另一项不同的请求。");
        assertThat(currentLanguage()).isEqualTo("EN");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void keysBelongToThePersonSoAnotherPersonsSameKeyIsIndependent() {
        String key = UUID.randomUUID().toString();
        change(key, "EN");
        GraphQlClient zunyi = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "zunyi.approver"));

        GraphQlClient.Response other = zunyi.execute(GraphQlClient.operation("ChangeDisplayLanguage"),
                Map.of("input", Map.of("idempotencyKey", key, "displayLanguage", "ZH_CN")));

        assertThat(other.hasErrors()).as(other.body().toString()).isFalse();
    }

    @Test
    void aMalformedKeyIsRefusedInTheCallersLanguage() {
        long before = storedRecords();

        GraphQlClient.Response chinese = change("short", "EN");
        GraphQlClient.Response english = guiyang.inLanguage("en-US,en;q=0.9").execute(
                GraphQlClient.operation("ChangeDisplayLanguage"),
                Map.of("input", Map.of("idempotencyKey", "has spaces in it", "displayLanguage", "EN")));

        assertThat(chinese.firstErrorCode()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(chinese.firstError().path("message").asText()).isEqualTo("请求标识（idempotencyKey）格式不正确。");
        assertThat(english.firstErrorCode()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(english.firstError().path("message").asText()).isEqualTo("The idempotency key is malformed.");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void anUnknownLanguageValueIsRefusedBeforeAnythingRuns() {
        long before = storedRecords();

        GraphQlClient.Response response = guiyang.execute(GraphQlClient.operation("ChangeDisplayLanguage"),
                Map.of("input", Map.of("idempotencyKey", UUID.randomUUID().toString(), "displayLanguage", "KLINGON")));

        assertThat(response.firstErrorCode()).isEqualTo("INVALID_QUERY");
        assertThat(response.firstError().path("message").asText()).isEqualTo("请求包含无效的字段或参数。");
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("cn.gov.jgsw");
        assertThat(storedRecords()).isEqualTo(before);
    }

    private GraphQlClient.Response change(String key, String language) {
        return guiyang.execute(GraphQlClient.operation("ChangeDisplayLanguage"),
                Map.of("input", Map.of("idempotencyKey", key, "displayLanguage", language)));
    }

    private String currentLanguage() {
        return guiyang.execute(GraphQlClient.operation("Me")).data().at("/me/settings/displayLanguage").asText();
    }

    private Document lastEventMetaData() {
        Document event = platformDatabase.getCollection("event_log")
                .find(new Document("aggregateIdentifier", PERSON))
                .sort(new Document("sequenceNumber", -1)).first();
        return event.get("metaData", Document.class);
    }
}
