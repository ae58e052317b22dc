package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A token of one bureau never yields another bureau's data, and another bureau's object looks exactly like none. */
class TenantIsolationIT extends PlatformIT {

    private GraphQlClient nanming;
    private GraphQlClient yunyan;

    @BeforeEach
    void signIn() {
        nanming = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "nanming.dispatcher"));
        yunyan = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "yunyan.dispatcher"));
    }

    @Test
    void eachTokenSeesOnlyItsOwnPersonAndBureau() {
        JsonNode nanmingMe = nanming.execute(GraphQlClient.operation("Me")).data().get("me");
        JsonNode yunyanMe = yunyan.execute(GraphQlClient.operation("Me")).data().get("me");
        assertThat(nanmingMe.at("/bureau/id").asText()).isEqualTo("bureau-nanming");
        assertThat(yunyanMe.at("/bureau/id").asText()).isEqualTo("bureau-yunyan");
        assertThat(yunyanMe.at("/person/id").asText()).isEqualTo("user-yunyan-dispatcher");
    }

    @Test
    void anotherBureausUnitAnswersExactlyLikeAMissingOne() {
        GraphQlClient.Response foreign = yunyan.execute(GraphQlClient.operation("Unit"),
                Map.of("id", "bureau-nanming-office"));
        GraphQlClient.Response missing = yunyan.execute(GraphQlClient.operation("Unit"),
                Map.of("id", "unit-" + UUID.randomUUID()));

        assertThat(foreign.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreign.status()).isEqualTo(missing.status());
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(nanming.execute(GraphQlClient.operation("Unit"), Map.of("id", "bureau-nanming-office"))
                .data().at("/unit/name").asText()).isEqualTo("办公室");
    }

    @Test
    void listsHoldOnlyTheCallersBureau() {
        JsonNode edges = yunyan.execute(GraphQlClient.operation("Units"), Map.of("first", 50))
                .data().at("/units/edges");
        assertThat(edges).isNotEmpty();
        edges.forEach(edge -> assertThat(edge.at("/node/id").asText()).startsWith("bureau-yunyan-"));
    }

    @Test
    void cursorsPageThroughTheList() {
        JsonNode first = yunyan.execute(GraphQlClient.operation("Units"), Map.of("first", 1)).data().get("units");
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        Map<String, Object> next = new HashMap<>();
        next.put("first", 1);
        next.put("after", first.at("/pageInfo/endCursor").asText());
        JsonNode second = yunyan.execute(GraphQlClient.operation("Units"), next).data().get("units");
        assertThat(second.at("/edges/0/node/id").asText()).isNotEqualTo(first.at("/edges/0/node/id").asText());
        assertThat(second.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
    }

    @Test
    void aCursorIssuedToAnotherBureauOrAlteredIsRefused() {
        String nanmingCursor = nanming.execute(GraphQlClient.operation("Units"), Map.of("first", 1))
                .data().at("/units/pageInfo/endCursor").asText();

        GraphQlClient.Response borrowed = yunyan.execute(GraphQlClient.operation("Units"),
                Map.of("first", 1, "after", nanmingCursor));
        assertThat(borrowed.firstErrorCode()).isEqualTo("INVALID_CURSOR");

        String altered = nanmingCursor.charAt(0) == 'A' ? "B" + nanmingCursor.substring(1) : "A" + nanmingCursor.substring(1);
        GraphQlClient.Response tampered = nanming.execute(GraphQlClient.operation("Units"),
                Map.of("first", 1, "after", altered));
        assertThat(tampered.firstErrorCode()).isEqualTo("INVALID_CURSOR");

        GraphQlClient.Response garbage = nanming.execute(GraphQlClient.operation("Units"),
                Map.of("first", 1, "after", "not-a-cursor"));
        assertThat(garbage.firstErrorCode()).isEqualTo("INVALID_CURSOR");
    }
}
