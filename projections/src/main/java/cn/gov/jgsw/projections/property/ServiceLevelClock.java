package cn.gov.jgsw.projections.property;

import cn.gov.jgsw.domain.property.api.RecordServiceLevelBreachCommand;
import cn.gov.jgsw.projections.scheduling.PeriodicJob;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The SLA clock (ADR 0008): every {@code jgsw.property.sla-check-interval} it looks for running clocks past their due
 * time in {@code service_level_clocks}, tells each request so, and removes the clock. The request records the breach
 * once and ignores the news after that, so the clock may tell it again after a restart, or from every node at once, without harm; a
 * clock lives in the database, so a restart loses none. The collection holds running clocks only, so the look-up
 * stays small even where the embedded server scans it.
 */
@Component
public class ServiceLevelClock extends PeriodicJob {

    static final String CLOCKS = "service_level_clocks";
    private static final Logger log = LoggerFactory.getLogger(ServiceLevelClock.class);

    private final MongoCollection<Document> clocks;
    private final CommandGateway commands;
    private final Clock clock = Clock.systemUTC();

    public ServiceLevelClock(MongoDatabase platformDatabase, CommandGateway commands,
                             @Value("${jgsw.property.sla-check-interval:PT30S}") Duration interval) {
        super("sla-clock", interval);
        this.clocks = platformDatabase.getCollection(CLOCKS);
        this.commands = commands;
    }

    /** Tells every request past its due time; one that fails is told again at the next check. */
    @Override
    protected void runOnce() {
        Instant now = clock.instant();
        for (Document due : clocks.find(Filters.lte("dueAt", Date.from(now)))) {
            String requestId = due.getString("_id");
            String tenantId = due.getString("tenantId");
            try {
                Caller slaClock = new Caller("system-sla-clock", tenantId, null, Set.of(), "platform/sla-clock");
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new RecordServiceLevelBreachCommand(requestId, tenantId, now))
                        .andMetaData(CommandMetadata.of(slaClock, null, null)), 10, TimeUnit.SECONDS);
                // Told: the breach is recorded now or was before, or the work is done. A recorded breach removes the
                // clock through the projection too; removing it here as well ends a stale clock (one a replay or
                // another node still held) that no event would remove. A clock started again meanwhile (a reopening)
                // has another startedAt and stays.
                clocks.deleteOne(Filters.and(Filters.eq("_id", requestId),
                        Filters.eq("startedAt", due.get("startedAt"))));
            } catch (RuntimeException e) {
                log.warn("SLA clock could not record the breach of {} yet; retrying at the next check", requestId, e);
            }
        }
    }
}
