package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ops.eventstore.AuditHistoryReader;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import cn.gov.jgsw.tenants.api.SecretSealer;
import cn.gov.jgsw.tenants.api.TenantDirectory;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
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

    /**
     * An event the ledger cannot include must hold it up (and be retried), never be passed over. (Its batches of 200
     * events, each written to the ledger in one go, are set in {@code application.yml}.)
     */
    @Bean
    ConfigurerModule ledgerStopsOnFailure() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                LedgerRecorder.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
