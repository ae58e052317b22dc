package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a node killed after an order's event was stored, but before its idempotency record said so, leaves behind: the
 * key claimed, in progress. Once the claim counts as abandoned (two minutes) the resent order runs again, meets its
 * own order (the id is derived from the person and the key, ADR 0002) and answers it; nothing is stored twice. The
 * fault drill makes this happen by chance; this makes it happen every time.
 */
class CreatedBeforeTheKillIT extends PlatformIT {

    @Test
    void anOrderCreatedBeforeItsClaimWasAbandonedAnswersThatOrderWhenResent() {
        GraphQlClient clerk = Phones.of(baseUrl(), "yunyan.civil-servant");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40).truncatedTo(ChronoUnit.HOURS)
                .withHour(10);
        Map<String, Object> order = Map.of("input", withKey("purpose", "赴市局汇报", "origin", "区政府",
                "destination", "市局", "plannedStart", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start),
                "plannedEnd", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.plusHours(2)), "passengerCount", 1));
        String orderId = clerk.execute(GraphQlClient.operation("OrderVehicle"), order).data()
                .at("/orderVehicle/order/id").asText();
        long events = storedEventsOf(orderId);
        // What a kill between the event and the record leaves: the claim in progress, three minutes old.
        long tampered = platformDatabase.getCollection("idempotency_records").updateOne(
                Filters.regex("answer", orderId), Updates.combine(Updates.set("state", "IN_PROGRESS"),
                        Updates.unset("answer"), Updates.unset("receipt"),
                        Updates.set("claimedAt", Date.from(Instant.now().minus(Duration.ofMinutes(3))))))
                .getModifiedCount();
        assertThat(tampered).isEqualTo(1);

        GraphQlClient.Response resent = clerk.execute(GraphQlClient.operation("OrderVehicle"), order);

        assertThat(resent.hasErrors()).as(resent.body().toString()).isFalse();
        assertThat(resent.data().at("/orderVehicle/order/id").asText()).isEqualTo(orderId);
        assertThat(storedEventsOf(orderId)).as("nothing stored twice").isEqualTo(events);
        assertThat(clerk.execute(GraphQlClient.operation("OrderVehicle"), order).data()
                .at("/orderVehicle/order/id").asText()).as("and answered from the record since").isEqualTo(orderId);
    }
}
