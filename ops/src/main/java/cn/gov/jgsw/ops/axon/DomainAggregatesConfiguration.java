package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.domain.property.ServiceCostApprovalProcess;
import cn.gov.jgsw.domain.vehicles.DesignatedSupplier;
import cn.gov.jgsw.domain.vehicles.Driver;
import cn.gov.jgsw.domain.vehicles.TripRefuelling;
import cn.gov.jgsw.domain.vehicles.Vehicle;
import cn.gov.jgsw.domain.vehicles.VehicleDispatching;
import cn.gov.jgsw.domain.vehicles.VehicleOrder;
import cn.gov.jgsw.domain.vehicles.VehicleOrderApprovalProcess;
import cn.gov.jgsw.ops.eventstore.EventStoreProperties;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.command.AggregateRoot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Registers the aggregates and command handlers of {@code domain} with Axon. The aggregates are found by Axon's own
 * {@link AggregateRoot} on their classes, so a new context's aggregate registers itself; Axon's Spring stereotypes are
 * not used because {@code domain} stays free of Spring. Each is cached and snapshotted alike; the recorded reads and
 * witnesses, created once and never loaded again, never reach a snapshot.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class DomainAggregatesConfiguration {

    /** The process managers kept as sagas; each has its own event processor, named by Axon after the saga. */
    static final List<Class<?>> SAGAS = List.of(ServiceCostApprovalProcess.class);

    /**
     * The vehicle orders' approval process, which keeps no state (ADR 0018), under the name of the processor it had
     * as a saga: the processor's position in the event stream is kept under that name, so it carries on from there.
     */
    static final String ORDER_APPROVAL_PROCESSOR = processorOf(VehicleOrderApprovalProcess.class);

    /**
     * Two threads route orders, each for the orders and approvals of its half of the stream: each waits for its own
     * commits, and the store's group commit lets the two share them (ADR 0018). Axon fixes the count when it first
     * writes the processor's positions; a store that had the saga keeps its one segment until it is split.
     */
    static final int ORDER_APPROVAL_SEGMENTS = 2;

    /** Every aggregate of {@code domain}: each marks itself with Axon's {@link AggregateRoot}, next to its code. */
    static final List<Class<?>> AGGREGATES = aggregatesOf("cn.gov.jgsw.domain");

    @Bean
    ConfigurerModule domainAggregates(EventStoreProperties eventStore) {
        return configurer -> {
            AtomicReference<Snapshotter> snapshotter = new AtomicReference<>();
            Function<Configuration, SnapshotTriggerDefinition> snapshotTrigger = configuration ->
                    new EventCountSnapshotTriggerDefinition(
                            snapshotter.updateAndGet(existing -> existing != null ? existing : snapshotter(configuration)),
                            eventStore.snapshotThreshold());
            for (Class<?> aggregate : AGGREGATES) {
                configurer.configureAggregate(cached(aggregate, snapshotTrigger));
            }
            // A process added to a running platform takes up what happens from then on, not the stream's past:
            // orders placed before approvals existed are not routed again. One event per unit of work: a batch's
            // commit would hold several bureaus' events, which the event store refuses (ADR 0015).
            configurer.eventProcessing(processing -> {
                SAGAS.forEach(saga -> processing.registerSaga(saga)
                        .registerTrackingEventProcessorConfiguration(processorOf(saga), c -> processFromNow(1)));
                processing.registerEventHandler(c -> new VehicleOrderApprovalProcess(c.commandGateway()))
                        .assignHandlerTypesMatching(ORDER_APPROVAL_PROCESSOR,
                                type -> type == VehicleOrderApprovalProcess.class)
                        .registerTrackingEventProcessorConfiguration(ORDER_APPROVAL_PROCESSOR,
                                c -> processFromNow(ORDER_APPROVAL_SEGMENTS));
            });
            configurer.registerCommandHandler(configuration -> new VehicleDispatching(
                    configuration.repository(VehicleOrder.class),
                    configuration.repository(Vehicle.class),
                    configuration.repository(Driver.class)));
            configurer.registerCommandHandler(configuration -> new TripRefuelling(
                    configuration.repository(VehicleOrder.class),
                    configuration.repository(DesignatedSupplier.class)));
        };
    }

    private static TrackingEventProcessorConfiguration processFromNow(int segments) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(segments).andInitialSegmentsCount(segments)
                .andInitialTrackingToken(StreamableMessageSource::createHeadToken);
    }

    /** The classes of the package and below that mark themselves as aggregates, in name order. */
    static List<Class<?>> aggregatesOf(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(AggregateRoot.class));
        return scanner.findCandidateComponents(basePackage).stream()
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(),
                        DomainAggregatesConfiguration.class.getClassLoader()))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    /** Axon's name for a saga's event processor: the saga's simple name and {@code Processor}. */
    static String processorOf(Class<?> process) {
        return process.getSimpleName() + "Processor";
    }

    /**
     * Keeps recently used aggregates in memory, so that a command does not re-read the aggregate's history. One cache
     * per aggregate type: the cache is keyed by id alone, and a shared one would hand out an order where a vehicle with
     * the same id was asked for. A snapshot every {@code snapshotThreshold} events keeps a load after a restart or an
     * eviction short.
     */
    private static <A> AggregateConfigurer<A> cached(Class<A> aggregate,
                                                     Function<Configuration, SnapshotTriggerDefinition> trigger) {
        Cache cache = new WeakReferenceCache();
        return AggregateConfigurer.defaultConfiguration(aggregate)
                .configureCache(c -> cache)
                .configureSnapshotTrigger(trigger);
    }

    /**
     * Axon's Spring snapshotter knows only aggregates declared as Spring beans; ours are registered here, so the
     * snapshotter is too. It runs in the committing thread, after the commit.
     */
    private static Snapshotter snapshotter(Configuration configuration) {
        List<AggregateFactory<?>> factories = new ArrayList<>();
        AGGREGATES.forEach(aggregate -> factories.add(new GenericAggregateFactory<>(aggregate)));
        return AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .aggregateFactories(factories)
                .build();
    }
}
