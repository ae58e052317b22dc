package cn.gov.jgsw.ops.property;

import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.property.api.ServiceLevelTargets;
import cn.gov.jgsw.domain.property.api.Urgency;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property service request from the phone: asked for by a civil servant, accepted, started and finished by property
 * staff, confirmed and rated or reopened by the requester; another bureau's request answers like a missing one.
 */
class PropertyServiceFlowIT extends PlatformIT {

    private GraphQlClient clerk;
    private GraphQlClient staff;

    @BeforeEach
    void signIn() {
        clerk = Phones.of(baseUrl(), "tongzi.civil-servant");
        staff = Phones.of(baseUrl(), "tongzi.property-staff");
    }

    private static JsonNode succeed(GraphQlClient phone, String operation, Map<String, Object> input) {
        GraphQlClient.Response response = phone.execute(GraphQlClient.operation(operation), Map.of("input", input));
        assertThat(response.hasErrors()).as(operation + ": " + response.body()).isFalse();
        return response.data().elements().next().get("request");
    }

    private static Map<String, Object> repair(String urgency) {
        return withKey("category", "REPAIR", "building", "1号楼", "room", "301", "description", "空调不制冷",
                "urgency", urgency);
    }

    private String finishedRequest() {
        String id = succeed(clerk, "RequestPropertyService", repair("NORMAL")).get("id").asText();
        succeed(staff, "AcceptServiceRequest", withKey("requestId", id));
        succeed(staff, "StartServiceWork", withKey("requestId", id));
        succeed(staff, "FinishServiceWork", withKey("requestId", id, "note", "更换压缩机电容"));
        return id;
    }

    @Test
    void aRequestIsWorkedByStaffAndConfirmedByTheRequester() {
        JsonNode requested = succeed(clerk, "RequestPropertyService", repair("URGENT"));
        String id = requested.get("id").asText();
        assertThat(requested.get("status").asText()).isEqualTo("REQUESTED");
        Instant requestedAt = OffsetDateTime.parse(requested.get("requestedAt").asText()).toInstant();
        Instant expectedDue = ServiceLevelTargets.DEFAULT.dueAt(Urgency.URGENT, requestedAt,
                NationalHolidayNotice.YEAR_2026.workingDays());
        // Answers carry whole seconds at most as sent; compare the instants.
        assertThat(OffsetDateTime.parse(requested.get("dueAt").asText()).toInstant()).isEqualTo(expectedDue);
        assertThat(staff.execute(GraphQlClient.operation("ServiceWorkQueue"), Map.of("first", 50)).data()
                .at("/serviceWorkQueue/edges").findValuesAsText("id")).contains(id);

        JsonNode accepted = succeed(staff, "AcceptServiceRequest", withKey("requestId", id));
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.at("/assignee/id").asText()).isEqualTo("user-tongzi-property-staff");
        assertThat(succeed(staff, "StartServiceWork", withKey("requestId", id)).get("status").asText())
                .isEqualTo("IN_PROGRESS");
        JsonNode finished = succeed(staff, "FinishServiceWork", withKey("requestId", id, "note", "更换压缩机电容"));
        assertThat(finished.get("status").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("finishNote").asText()).isEqualTo("更换压缩机电容");

        JsonNode confirmed = succeed(clerk, "ConfirmServiceRequest", withKey("requestId", id, "rating", 5,
                "comment", "及时"));
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("rating").asInt()).isEqualTo(5);
        assertThat(confirmed.get("serviceLevelBreached").asBoolean()).isFalse();
        assertThat(clerk.execute(GraphQlClient.operation("MyServiceRequests"), Map.of("first", 50)).data()
                .at("/myServiceRequests/edges/0/node/id").asText()).isEqualTo(id);
    }

    @Test
    void theRequesterReopensFinishedWorkAndTheAssigneeTakesItUpAgain() {
        String id = finishedRequest();

        JsonNode reopened = succeed(clerk, "ReopenServiceRequest", withKey("requestId", id, "reason", "仍不制冷"));
        assertThat(reopened.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reopened.get("reopenReason").asText()).isEqualTo("仍不制冷");
        assertThat(reopened.get("finishNote").isNull()).isTrue();
        assertThat(succeed(staff, "StartServiceWork", withKey("requestId", id)).get("status").asText())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void onlyTheRightPeopleTakeEachStep() {
        String id = succeed(clerk, "RequestPropertyService", repair("NORMAL")).get("id").asText();

        assertThat(clerk.execute(GraphQlClient.operation("AcceptServiceRequest"),
                Map.of("input", withKey("requestId", id))).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(staff.execute(GraphQlClient.operation("AcceptServiceRequest"),
                        Map.of("input", withKey("requestId", id, "assigneeId", "user-tongzi-civil-servant")))
                .firstErrorCode()).as("only property staff can be assigned").isEqualTo("NOT_FOUND");
        assertThat(staff.execute(GraphQlClient.operation("StartServiceWork"),
                Map.of("input", withKey("requestId", id))).firstErrorCode()).isEqualTo("INVALID_SERVICE_TRANSITION");
        assertThat(Phones.of(baseUrl(), "tongzi.driver").execute(GraphQlClient.operation("ServiceRequest"),
                Map.of("id", id)).firstErrorCode()).as("a colleague's request").isEqualTo("NOT_FOUND");
        String finished = finishedRequest();
        assertThat(staff.execute(GraphQlClient.operation("ConfirmServiceRequest"),
                        Map.of("input", withKey("requestId", finished, "rating", 5))).firstErrorCode())
                .isEqualTo("NOT_THE_REQUESTER");
        assertThat(clerk.execute(GraphQlClient.operation("ConfirmServiceRequest"),
                        Map.of("input", withKey("requestId", finished, "rating", 0))).firstErrorCode())
                .isEqualTo("INVALID_RATING");
    }

    @Test
    void anotherBureausRequestAnswersExactlyLikeAMissingOne() {
        String id = succeed(clerk, "RequestPropertyService", repair("NORMAL")).get("id").asText();
        GraphQlClient otherStaff = Phones.of(baseUrl(), "yunyan.property-staff");
        long before = storedEvents();

        GraphQlClient.Response foreign = otherStaff.execute(GraphQlClient.operation("AcceptServiceRequest"),
                Map.of("input", Map.of("idempotencyKey", "probe-key-1", "requestId", id)));
        GraphQlClient.Response missing = otherStaff.execute(GraphQlClient.operation("AcceptServiceRequest"),
                Map.of("input", Map.of("idempotencyKey", "probe-key-2", "requestId", UUID.randomUUID().toString())));

        assertThat(foreign.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBureauAdminSetsTheBureausOwnTargetsWhichNewRequestsGet() {
        GraphQlClient admin = Phones.of(baseUrl(), "guiyang.bureau-admin");
        GraphQlClient guiyangClerk = Phones.of(baseUrl(), "guiyang.civil-servant");
        assertThat(guiyangClerk.execute(GraphQlClient.operation("SetServiceLevelTargets"), Map.of("input",
                withKey("emergencyWithinHours", 2, "urgentWorkingDays", 1, "normalWorkingDays", 3)))
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(admin.execute(GraphQlClient.operation("SetServiceLevelTargets"), Map.of("input",
                withKey("emergencyWithinHours", 48, "urgentWorkingDays", 1, "normalWorkingDays", 3)))
                .firstErrorCode()).isEqualTo("INVALID_SERVICE_LEVELS");

        JsonNode set = admin.execute(GraphQlClient.operation("SetServiceLevelTargets"), Map.of("input",
                        withKey("emergencyWithinHours", 2, "urgentWorkingDays", 1, "normalWorkingDays", 3)))
                .data().at("/setServiceLevelTargets/targets");
        assertThat(set.get("emergencyWithinHours").asInt()).isEqualTo(2);
        assertThat(set.get("version").isNull()).isFalse();
        assertThat(guiyangClerk.execute(GraphQlClient.operation("ServiceLevelTargets")).data()
                .at("/serviceLevelTargets/emergencyWithinHours").asInt()).isEqualTo(2);
        assertThat(clerk.execute(GraphQlClient.operation("ServiceLevelTargets")).data()
                .at("/serviceLevelTargets/version").isNull()).as("Tongzi keeps the platform's").isTrue();

        JsonNode emergency = succeed(guiyangClerk, "RequestPropertyService", repair("EMERGENCY"));
        Instant requestedAt = OffsetDateTime.parse(emergency.get("requestedAt").asText()).toInstant();
        assertThat(OffsetDateTime.parse(emergency.get("dueAt").asText()).toInstant())
                .isEqualTo(requestedAt.plus(java.time.Duration.ofHours(2)));
    }

    /** Every free-text field of a request and of its steps refuses text that has no place in a record. */
    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefusedInEveryField(String sample) {
        for (String field : new String[]{"building", "room", "description"}) {
            Map<String, Object> input = repair("NORMAL");
            input.put(field, HostileText.placeholder());
            assertRefused(clerk, "RequestPropertyService", input, sample, "INVALID_SERVICE_REQUEST");
        }
        String finished = finishedRequest();
        assertRefused(clerk, "ConfirmServiceRequest",
                withKey("requestId", finished, "rating", 4, "comment", HostileText.placeholder()), sample,
                "INVALID_SERVICE_REQUEST");
        assertRefused(clerk, "ReopenServiceRequest",
                withKey("requestId", finished, "reason", HostileText.placeholder()), sample,
                "INVALID_SERVICE_REQUEST");
        succeed(clerk, "ReopenServiceRequest", withKey("requestId", finished, "reason", "仍不制冷"));
        succeed(staff, "StartServiceWork", withKey("requestId", finished));
        assertRefused(staff, "FinishServiceWork",
                withKey("requestId", finished, "note", HostileText.placeholder()), sample, "INVALID_SERVICE_REQUEST");
    }

    private void assertRefused(GraphQlClient phone, String operation, Map<String, Object> input, String sample,
                               String code) {
        long before = storedRecords();
        GraphQlClient.Response response = phone.post(HostileText.body(operation, Map.of("input", input), sample));
        assertThat(response.firstErrorCode()).as(operation + " " + sample).isEqualTo(code);
        assertThat(storedRecords()).as(operation).isEqualTo(before);
    }
}
