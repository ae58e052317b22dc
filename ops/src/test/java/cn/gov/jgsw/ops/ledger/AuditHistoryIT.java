package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record for supervisors over HTTP with real tokens: a bureau's events filtered by object, actor, type and time
 * and paged; one object's history in words, Chinese and English; each event checked against the audit ledger; each
 * read purpose-bound and recorded; other roles, other bureaus and text that has no place in a record refused.
 */
class AuditHistoryIT extends PlatformIT {

    @Autowired
    private LedgerStore ledger;
    @Autowired
    private TreeHeads treeHeads;
    @Autowired
    private StoredEvents storedEvents;

    private GraphQlClient supervisor;
    private String orderId;
    private Instant placedAfter;

    @BeforeEach
    void placeAnOrder() {
        supervisor = Phones.of(baseUrl(), "guiyang.supervisor");
        placedAfter = Instant.now().minusSeconds(1);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(900).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        GraphQlClient.Response placed = Phones.of(baseUrl(), "nanming.civil-servant").execute(
                GraphQlClient.operation("OrderVehicle"), Map.of("input", MutationInputs.withKey("purpose", "审计查询测试",
                        "origin", "区政府", "destination", "市局", "plannedStart", start.toString(),
                        "plannedEnd", start.plusHours(1).toString(), "passengerCount", 1)));
        assertThat(placed.hasErrors()).as(placed.body().toString()).isFalse();
        orderId = placed.data().at("/orderVehicle/order/id").asText();
        // The approval process adds to the order's history moments later.
        await().atMost(Duration.ofSeconds(10)).until(() -> history("查看").size() >= 1);
    }

    private List<JsonNode> history(String purpose) {
        Map<String, Object> variables = new HashMap<>(Map.of("bureauId", "bureau-nanming", "objectId", orderId));
        variables.put("purpose", purpose);
        List<JsonNode> events = new ArrayList<>();
        supervisor.execute(GraphQlClient.operation("ObjectHistory"), variables).data().at("/objectHistory")
                .forEach(events::add);
        return events;
    }

    @Test
    void aSupervisorAboveReadsAnObjectsHistoryInWordsAndTheReadIsRecorded() {
        long before = storedEvents();
        List<JsonNode> history = history("核查用车审批");

        JsonNode placed = history.get(0);
        assertThat(placed.get("type").asText()).isEqualTo("VehicleOrderedEvent");
        assertThat(placed.get("objectId").asText()).isEqualTo(orderId);
        assertThat(placed.get("bureauId").asText()).isEqualTo("bureau-nanming");
        assertThat(placed.get("actorId").asText()).isEqualTo("user-nanming-civil-servant");
        assertThat(placed.get("actorName").asText()).contains("公务员");
        assertThat(placed.get("summary").asText()).contains("提出用车申请", "审计查询测试");
        assertThat(placed.get("sm3").asText()).matches("[0-9a-f]{64}");
        assertThat(storedEvents()).as("the read recorded").isEqualTo(before + 1);

        JsonNode english = supervisor.inLanguage("en").execute(GraphQlClient.operation("ObjectHistory"),
                Map.of("bureauId", "bureau-nanming", "objectId", orderId, "purpose", "check")).data()
                .at("/objectHistory/0");
        assertThat(english.get("summary").asText()).contains("placed a vehicle order", "审计查询测试");
        assertThat(Phones.of(baseUrl(), "guizhou.supervisor").execute(GraphQlClient.operation("ObjectHistory"),
                Map.of("bureauId", "bureau-nanming", "objectId", orderId, "purpose", "省级抽查")).data()
                .at("/objectHistory").size()).as("the province above too").isEqualTo(history.size());
    }

    /** The order as the record stood before it was placed, after, and after its cancellation. */
    @Test
    void anObjectsStateAsOfAnInstantIsReplayedFromItsEvents() {
        // The instant the order was placed, as the record holds it.
        Instant placed = OffsetDateTime.parse(history("核查").get(0).get("occurredAt").asText()).toInstant();
        GraphQlClient.Response cancelled = Phones.of(baseUrl(), "nanming.civil-servant").execute(
                GraphQlClient.operation("CancelVehicleOrder"), Map.of("input", MutationInputs.withKey(
                        "orderId", orderId, "reason", "行程取消")));
        assertThat(cancelled.hasErrors()).as(cancelled.body().toString()).isFalse();

        JsonNode before = stateAsOf(placedAfter.minusSeconds(60));
        assertThat(before.get("eventsApplied").asInt()).isZero();
        assertThat(before.get("lastEvent").isNull()).isTrue();

        JsonNode whenPlaced = stateAsOf(placed);
        assertThat(whenPlaced.get("objectType").asText()).isEqualTo("VehicleOrder");
        assertThat(whenPlaced.at("/lastEvent/type").asText()).isEqualTo("VehicleOrderedEvent");
        assertThat(field(whenPlaced, "purpose")).isEqualTo("审计查询测试");
        assertThat(field(whenPlaced, "reason")).isNull();

        JsonNode now = stateAsOf(Instant.now().plusSeconds(1));
        assertThat(now.at("/lastEvent/type").asText()).isEqualTo("VehicleOrderCancelledEvent");
        assertThat(now.at("/lastEvent/summary").asText()).contains("取消用车申请", "行程取消");
        assertThat(field(now, "reason")).isEqualTo("行程取消");
        assertThat(field(now, "purpose")).as("still as placed").isEqualTo("审计查询测试");
    }

    private JsonNode stateAsOf(Instant at) {
        GraphQlClient.Response answer = supervisor.execute(GraphQlClient.operation("ObjectStateAsOf"), Map.of(
                "bureauId", "bureau-nanming", "objectId", orderId, "at", at.toString(), "purpose", "核查某一时点"));
        assertThat(answer.hasErrors()).as(answer.body().toString()).isFalse();
        return answer.data().get("objectStateAsOf");
    }

    private static String field(JsonNode state, String name) {
        for (JsonNode field : state.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field.get("value").isNull() ? null : field.get("value").asText();
            }
        }
        return null;
    }

    /**
     * Someone edits the stored event and the hash beside it, and the ledger's leaf for it: every audit answer marks
     * the event as altered, no state is built on it, the operators' console shows it and it is counted; restored, it
     * verifies again. An event after the newest signed head is marked as not yet signed.
     */
    @Test
    void anEventAlteredInTheStoreIsMarkedCountedRaisedAndNoStateIsBuiltOnIt() throws Exception {
        MongoCollection<Document> log = platformDatabase.getCollection("event_log");
        Document placed = log.find(Filters.and(Filters.eq("aggregateIdentifier", orderId),
                Filters.eq("sequenceNumber", 0L))).first();
        String eventId = placed.getString("eventIdentifier");
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.entry("bureau-nanming", eventId).isPresent());
        treeHeads.issue("bureau-nanming");
        assertThat(history("核查账本").get(0).get("integrity").asText()).isEqualTo("VERIFIED");
        Phones.of(baseUrl(), "nanming.civil-servant").execute(GraphQlClient.operation("CancelVehicleOrder"),
                Map.of("input", MutationInputs.withKey("orderId", orderId, "reason", "账本演练")));
        await().atMost(Duration.ofSeconds(10)).until(() -> history("核查").size() >= 2);
        List<JsonNode> withTheCancellation = history("核查账本");
        assertThat(withTheCancellation.get(withTheCancellation.size() - 1).get("integrity").asText())
                .isIn("NOT_YET_SIGNED", "NOT_YET_IN_LEDGER");

        long index = ledger.entry("bureau-nanming", eventId).orElseThrow().index();
        String leafId = "bureau-nanming|0|" + index;
        Document leaf = platformDatabase.getCollection("ledger_nodes").find(Filters.eq("_id", leafId)).first();
        double alteredBefore = alteredCount();
        try {
            log.updateOne(Filters.eq("_id", placed.getLong("_id")), Updates.set("payload.purpose", "私事用车"));
            String forgedSm3 = storedEvents.at(placed.getLong("_id")).orElseThrow().recomputedSm3();
            log.updateOne(Filters.eq("_id", placed.getLong("_id")), Updates.set("sm3", forgedSm3));
            platformDatabase.getCollection("ledger_nodes").updateOne(Filters.eq("_id", leafId), Updates.set("hash",
                    Hashes.hex(MerkleTree.leafHash(HashFunction.SM3, Hashes.bytes(forgedSm3)))));

            JsonNode altered = history("核查账本").get(0);
            JsonNode inTheList = supervisor.execute(GraphQlClient.operation("AuditEvents"), Map.of("bureauId",
                    "bureau-nanming", "purpose", "核查账本", "filter", Map.of("objectId", orderId))).data()
                    .at("/auditEvents/edges/0/node");
            GraphQlClient.Response state = supervisor.execute(GraphQlClient.operation("ObjectStateAsOf"), Map.of(
                    "bureauId", "bureau-nanming", "objectId", orderId, "at", Instant.now().toString(),
                    "purpose", "核查某一时点"));
            JsonNode console = operatorGet("/actuator/health");

            assertThat(altered.get("integrity").asText()).isEqualTo("ALTERED");
            assertThat(altered.get("summary").asText()).as("shown as stored now").contains("私事用车");
            assertThat(inTheList.get("integrity").asText()).isEqualTo("ALTERED");
            assertThat(state.firstErrorCode()).isEqualTo("RECORD_ALTERED");
            assertThat(console.at("/components/ledgerIntegrity/status").asText()).isEqualTo("DOWN");
            assertThat(console.at("/components/ledgerIntegrity/details/altered/0").asText())
                    .contains("bureau-nanming", eventId);
            assertThat(alteredCount()).isGreaterThan(alteredBefore);
        } finally {
            log.replaceOne(Filters.eq("_id", placed.getLong("_id")), placed);
            platformDatabase.getCollection("ledger_nodes").replaceOne(Filters.eq("_id", leafId), leaf);
        }
        assertThat(operatorGet("/actuator/health").at("/components/ledgerIntegrity/status").asText())
                .as("restored, checked again").isEqualTo("UP");
        assertThat(history("核查账本").get(0).get("integrity").asText()).isEqualTo("VERIFIED");
    }

    /** Forty aliases of one read would write forty records: a request makes one purpose-bound read, however written. */
    @Test
    void aRequestMakesOnePurposeBoundReadHoweverItIsWritten() {
        long before = storedEvents();
        String aliases = "query { a: objectHistory(bureauId: \"bureau-nanming\", objectId: \"" + orderId
                + "\", purpose: \"核查\") { id } b: objectHistory(bureauId: \"bureau-nanming\", objectId: \""
                + orderId + "\", purpose: \"核查\") { id } }";
        String twoKinds = "query { objectHistory(bureauId: \"bureau-nanming\", objectId: \"" + orderId
                + "\", purpose: \"核查\") { id } ...more } fragment more on Query { auditEvents(bureauId: "
                + "\"bureau-nanming\", purpose: \"核查\") { edges { cursor } } }";

        GraphQlClient.Response twice = supervisor.execute(aliases);
        GraphQlClient.Response inAFragment = supervisor.execute(twoKinds);

        assertThat(twice.firstErrorCode()).isEqualTo("INVALID_QUERY");
        assertThat(twice.data().isMissingNode() || twice.data().isNull()).as(twice.body().toString()).isTrue();
        assertThat(inAFragment.firstErrorCode()).isEqualTo("INVALID_QUERY");
        assertThat(storedEvents()).as("nothing read, nothing recorded").isEqualTo(before);
        assertThat(history("核查")).as("one read is let through").isNotEmpty();
    }

    private double alteredCount() throws Exception {
        return operatorGet("/actuator/metrics/jgsw.ledger.altered.events").at("/measurements/0/value").asDouble();
    }

    private JsonNode operatorGet(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + path)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("ops:ops-demo-2026".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void aBureausEventsAreFilteredAndPaged() {
        Map<String, Object> byObject = new HashMap<>(Map.of("bureauId", "bureau-nanming", "purpose", "核查",
                "filter", Map.of("objectId", orderId), "first", 1));
        JsonNode first = supervisor.execute(GraphQlClient.operation("AuditEvents"), byObject).data()
                .at("/auditEvents");
        assertThat(first.at("/edges/0/node/type").asText()).isEqualTo("VehicleOrderedEvent");
        if (first.at("/pageInfo/hasNextPage").asBoolean()) {
            byObject.put("after", first.at("/pageInfo/endCursor").asText());
            JsonNode second = supervisor.execute(GraphQlClient.operation("AuditEvents"), byObject).data()
                    .at("/auditEvents/edges/0/node");
            assertThat(Long.parseLong(second.get("position").asText()))
                    .isGreaterThan(Long.parseLong(first.at("/edges/0/node/position").asText()));
        }

        JsonNode byActorAndType = supervisor.execute(GraphQlClient.operation("AuditEvents"), Map.of(
                "bureauId", "bureau-nanming", "purpose", "核查", "first", 100, "filter", Map.of(
                        "actorId", "user-nanming-civil-servant", "eventType", "VehicleOrderedEvent",
                        "from", placedAfter.toString(), "to", Instant.now().plusSeconds(60).toString()))).data()
                .at("/auditEvents/edges");
        assertThat(byActorAndType.findValuesAsText("objectId")).contains(orderId);
        assertThat(byActorAndType.findValuesAsText("type")).containsOnly("VehicleOrderedEvent");

        JsonNode noneBefore = supervisor.execute(GraphQlClient.operation("AuditEvents"), Map.of(
                "bureauId", "bureau-nanming", "purpose", "核查", "filter", Map.of("objectId", orderId,
                        "to", placedAfter.toString()))).data().at("/auditEvents/edges");
        assertThat(noneBefore).isEmpty();

        String cursor = first.at("/pageInfo/endCursor").asText();
        GraphQlClient.Response replayed = supervisor.execute(GraphQlClient.operation("AuditEvents"), Map.of(
                "bureauId", "bureau-nanming", "purpose", "核查", "after", cursor));
        assertThat(replayed.firstErrorCode()).as("a cursor of another filter").isNotNull();
    }

    @Test
    void withoutAPurposeFromAnotherPlaceOrRoleNothingIsGiven() {
        long before = storedRecords();
        assertThat(supervisor.execute(GraphQlClient.operation("AuditEvents"), Map.of("bureauId", "bureau-nanming"))
                .firstErrorCode()).isEqualTo("PURPOSE_REQUIRED");
        assertThat(Phones.of(baseUrl(), "zunyi.supervisor").execute(GraphQlClient.operation("AuditEvents"),
                Map.of("bureauId", "bureau-nanming", "purpose", "越权")).firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(Phones.of(baseUrl(), "nanming.supervisor").execute(GraphQlClient.operation("ObjectHistory"),
                Map.of("bureauId", "bureau-guiyang", "objectId", orderId, "purpose", "向上")).firstErrorCode())
                .as("upwards").isEqualTo("NOT_FOUND");
        assertThat(Phones.of(baseUrl(), "nanming.bureau-admin").execute(GraphQlClient.operation("AuditEvents"),
                Map.of("bureauId", "bureau-nanming", "purpose", "查看")).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(supervisor.execute(GraphQlClient.operation("AuditEvents"), Map.of("bureauId", "bureau-nanming",
                "purpose", "核查", "filter", Map.of("eventType", "Vehicle.*"))).firstErrorCode())
                .isEqualTo("INVALID_INPUT");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefused(String sample) {
        long before = storedRecords();
        Map<String, Object> variables = new HashMap<>(Map.of("bureauId", "bureau-nanming", "objectId", orderId,
                "purpose", HostileText.placeholder()));
        assertThat(supervisor.post(HostileText.body("ObjectHistory", variables, sample)).firstErrorCode())
                .as(sample).isEqualTo("PURPOSE_REQUIRED");
        variables.put("at", Instant.now().toString());
        assertThat(supervisor.post(HostileText.body("ObjectStateAsOf", variables, sample)).firstErrorCode())
                .as(sample).isEqualTo("PURPOSE_REQUIRED");
        variables.remove("objectId");
        variables.remove("at");
        assertThat(supervisor.post(HostileText.body("AuditEvents", variables, sample)).firstErrorCode())
                .as(sample).isEqualTo("PURPOSE_REQUIRED");
        GraphQlClient.Response type = supervisor.post(HostileText.body("AuditEvents", Map.of("bureauId",
                "bureau-nanming", "purpose", "核查", "filter", Map.of("eventType", HostileText.placeholder())),
                sample));
        assertThat(type.firstErrorCode()).as(sample).isIn("INVALID_INPUT", "INVALID_QUERY");
        assertThat(storedRecords()).isEqualTo(before);
    }
}
