package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ops.eventstore.AuditHistoryReader;
import cn.gov.jgsw.ops.eventstore.EventLogStorageEngine;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import cn.gov.jgsw.tenants.api.PagedCollection;
import cn.gov.jgsw.tenants.api.SecretSealer;
import cn.gov.jgsw.tenants.api.TenantDirectory;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The ledger's parts, and its processor set to stop on a failure rather than log it and go on. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    StoredEvents storedEvents(MongoDatabase platformDatabase) {
        return new StoredEvents(platformDatabase);
    }

    /**
     * Supervisors page through the event log itself (the audit history), in chunks by position. Its tenant-first
     * index would hold every event of every bureau in the embedded store's memory as a list, so there it is scanned
     * on purpose; a real MongoDB answers the pages from that index.
     */
    @Bean
    static PagedCollection auditHistoryPages() {
        return PagedCollection.scannedOnTheEmbeddedStore(EventLogStorageEngine.EVENT_LOG);
    }

    /** The record as supervisors read it: from the event log itself, each event checked against the ledger. */
    @Bean
    LedgerCheckedAuditHistory auditHistory(MongoDatabase platformDatabase, LedgerCheck check) {
        return new LedgerCheckedAuditHistory(new AuditHistoryReader(platformDatabase), check);
    }

    @Bean
    LedgerCheck ledgerCheck(LedgerStore ledger, StoredEvents storedEvents, TreeHeads heads, TreeHeadSigner signer,
                            MeterRegistry meters) {
        return new LedgerCheck(ledger, storedEvents, heads, signer, meters);
    }

    @Bean
    LedgerIntegrityHealth ledgerIntegrityHealthIndicator(LedgerCheck check) {
        return new LedgerIntegrityHealth(check);
    }

    @Bean
    LedgerStore ledgerStore(MongoDatabase platformDatabase) {
        return new LedgerStore(platformDatabase);
    }

    @Bean
    TreeHeadSigner treeHeadSigner(MongoDatabase platformDatabase, SecretSealer sealer, Clock clock) {
        return new SoftwareTreeHeadSigner(platformDatabase, sealer, clock);
    }

    @Bean
    ParentWitness parentWitness(TenantDirectory tenants, CommandGateway commands) {
        return new ParentWitness(tenants, commands);
    }

    @Bean
    TreeHeads treeHeads(LedgerStore ledger, TreeHeadSigner signer, MongoDatabase platformDatabase, Clock clock,
                        ParentWitness witness) {
        return new TreeHeads(ledger, signer, platformDatabase, clock, witness::witness);
    }

    @Bean
    TreeHeadJob treeHeadJob(TreeHeads heads, MongoDatabase platformDatabase,
                            @Value("${jgsw.ledger.tree-head-interval:1m}") Duration interval) {
        return new TreeHeadJob(heads, platformDatabase, interval);
    }

    @Bean
    EvidenceExport evidenceExport(LedgerStore ledger, TreeHeads heads, StoredEvents storedEvents,
                                  TenantDirectory tenants, Clock clock) {
        return new EvidenceExport(ledger, heads, storedEvents, tenants, clock);
    }

    /** Events the ledger's processor includes in one go: each batch is looked up and written to the ledger at once. */
    static final int BATCH_SIZE = 200;

    /**
     * An event the ledger cannot include must hold it up (and be retried), never be passed over; and the ledger takes
     * its events in batches of {@link #BATCH_SIZE}.
     */
    @Bean
    ConfigurerModule ledgerStopsOnFailure() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(LedgerRecorder.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(LedgerRecorder.PROCESSING_GROUP, configuration ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE));
    }
}
