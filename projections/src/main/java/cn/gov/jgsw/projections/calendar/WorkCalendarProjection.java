package cn.gov.jgsw.projections.calendar;

import cn.gov.jgsw.domain.calendar.api.WorkCalendarSetEvent;
import cn.gov.jgsw.projections.calendar.api.FindWorkCalendarsQuery;
import cn.gov.jgsw.projections.calendar.api.WorkCalendarsView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code work_calendars}: one document per bureau and year, {@code {_id: calendarId, tenantId, year,
 * publicHolidays, makeUpWorkingDays, basis, version}}, dates as ISO strings. Index: unique {@code {tenantId: 1, year:
 * 1}}, which serves the only query (a bureau has a handful of years). The stored version guards against applying an
 * event twice.
 */
@Component
@ProcessingGroup(WorkCalendarProjection.PROCESSING_GROUP)
public class WorkCalendarProjection {

    public static final String PROCESSING_GROUP = "work-calendars";

    private final MongoCollection<Document> calendars;

    public WorkCalendarProjection(MongoDatabase platformDatabase) {
        this.calendars = platformDatabase.getCollection("work_calendars");
        calendars.createIndex(Indexes.ascending("tenantId", "year"), new IndexOptions().unique(true));
    }

    @EventHandler
    void on(WorkCalendarSetEvent event, @SequenceNumber long sequenceNumber) {
        Document current = calendars.find(Filters.eq("_id", event.calendarId())).first();
        if (current != null && current.getLong("version") >= sequenceNumber) {
            return;
        }
        calendars.replaceOne(Filters.eq("_id", event.calendarId()), new Document("_id", event.calendarId())
                        .append("tenantId", event.tenantId())
                        .append("year", event.year())
                        .append("publicHolidays", event.publicHolidays().stream().map(LocalDate::toString).toList())
                        .append("makeUpWorkingDays", event.makeUpWorkingDays().stream().map(LocalDate::toString).toList())
                        .append("basis", event.basis())
                        .append("version", sequenceNumber),
                new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    WorkCalendarsView handle(FindWorkCalendarsQuery query) {
        List<WorkCalendarsView.Year> years = calendars.find(Filters.eq("tenantId", query.tenantId()))
                .sort(Sorts.ascending("tenantId", "year"))
                .map(WorkCalendarProjection::year)
                .into(new ArrayList<>());
        return new WorkCalendarsView(years);
    }

    private static WorkCalendarsView.Year year(Document document) {
        return new WorkCalendarsView.Year(document.getInteger("year"),
                document.getList("publicHolidays", String.class).stream().map(LocalDate::parse).toList(),
                document.getList("makeUpWorkingDays", String.class).stream().map(LocalDate::parse).toList(),
                document.getString("basis"), document.getLong("version"));
    }
}
