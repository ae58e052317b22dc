package cn.gov.jgsw.ops.calendar;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every person reads the bureau's work calendar; only its bureau admin sets one, and a bad one changes nothing. */
class WorkCalendarIT extends PlatformIT {

    private static final String BASIS = "国办发明电〔2026〕X号（测试）";

    private static Map<String, Object> calendar2027(List<String> holidays, List<String> makeUp, String basis) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", UUID.randomUUID().toString());
        input.put("year", 2027);
        input.put("publicHolidays", holidays);
        input.put("makeUpWorkingDays", makeUp);
        input.put("basis", basis);
        return Map.of("input", input);
    }

    @Test
    void everyDemoBureauHasTheNationalCalendarOf2026() {
        JsonNode calendar = Phones.of(baseUrl(), "yunyan.civil-servant")
                .execute(GraphQlClient.operation("WorkCalendar"), Map.of("year", 2026)).data().get("workCalendar");

        assertThat(calendar.get("publicHolidays").size()).isEqualTo(33);
        assertThat(calendar.get("makeUpWorkingDays").toString()).isEqualTo(
                "[\"2026-01-04\",\"2026-02-14\",\"2026-02-28\",\"2026-05-09\",\"2026-09-20\",\"2026-10-10\"]");
        assertThat(calendar.get("basis").asText()).isEqualTo("国办发明电〔2025〕7号");
    }

    @Test
    void aBureauAdminSetsAYearAndTheSameDaysAgainChangeNothing() {
        GraphQlClient admin = Phones.of(baseUrl(), "yunyan.bureau-admin");
        assertThat(admin.execute(GraphQlClient.operation("WorkCalendar"), Map.of("year", 2027)).data()
                .get("workCalendar").isNull()).isTrue();

        JsonNode set = admin.execute(GraphQlClient.operation("SetWorkCalendar"),
                        calendar2027(List.of("2027-01-01", "2027-02-05"), List.of("2027-02-13"), BASIS))
                .data().at("/setWorkCalendar/calendar");
        assertThat(set.get("publicHolidays").toString()).isEqualTo("[\"2027-01-01\",\"2027-02-05\"]");
        long events = storedEvents();

        JsonNode again = admin.execute(GraphQlClient.operation("SetWorkCalendar"),
                        calendar2027(List.of("2027-02-05", "2027-01-01"), List.of("2027-02-13"), BASIS))
                .data().at("/setWorkCalendar/calendar");
        assertThat(again.get("version")).isEqualTo(set.get("version"));
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(Phones.of(baseUrl(), "yunyan.driver").execute(GraphQlClient.operation("WorkCalendar"),
                Map.of("year", 2027)).data().at("/workCalendar/makeUpWorkingDays/0").asText()).isEqualTo("2027-02-13");
    }

    @Test
    void aBadCalendarOrANonAdminIsRefusedAndChangesNothing() {
        GraphQlClient admin = Phones.of(baseUrl(), "yunyan.bureau-admin");
        long before = storedRecords();

        assertThat(admin.execute(GraphQlClient.operation("SetWorkCalendar"),
                calendar2027(List.of(), List.of("2027-03-03"), BASIS)).firstErrorCode())
                .as("a Wednesday as make-up day").isEqualTo("INVALID_WORK_CALENDAR");
        assertThat(admin.execute(GraphQlClient.operation("SetWorkCalendar"),
                calendar2027(List.of("2026-12-31"), List.of(), BASIS)).firstErrorCode())
                .as("a day of another year").isEqualTo("INVALID_WORK_CALENDAR");
        assertThat(admin.execute(GraphQlClient.operation("SetWorkCalendar"),
                calendar2027(List.of("2027-13-01"), List.of(), BASIS)).firstErrorCode())
                .as("not a date").isEqualTo("INVALID_QUERY");
        assertThat(Phones.of(baseUrl(), "yunyan.approver").execute(GraphQlClient.operation("SetWorkCalendar"),
                calendar2027(List.of(), List.of(), BASIS)).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void aBasisWithTextThatHasNoPlaceInARecordIsRefused(String sample) {
        long before = storedRecords();

        GraphQlClient.Response response = Phones.of(baseUrl(), "yunyan.bureau-admin").post(HostileText.body(
                "SetWorkCalendar", calendar2027(List.of(), List.of(), HostileText.placeholder()), sample));

        assertThat(response.firstErrorCode()).as(sample).isEqualTo("INVALID_WORK_CALENDAR");
        assertThat(storedRecords()).isEqualTo(before);
    }
}
