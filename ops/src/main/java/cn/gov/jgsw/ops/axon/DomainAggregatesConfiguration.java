package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.domain.people.PersonalSettings;
import cn.gov.jgsw.domain.vehicles.Driver;
import cn.gov.jgsw.domain.vehicles.Vehicle;
import cn.gov.jgsw.domain.vehicles.VehicleDispatching;
import cn.gov.jgsw.domain.vehicles.VehicleOrder;
import cn.gov.jgsw.ops.eventstore.EventStoreProperties;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the aggregates and command handlers of {@code domain} with Axon. Done here, not with Axon's Spring
 * stereotypes on the domain classes, because {@code domain} stays free of Spring.
 */
@Configuration(proxyBeanMethods = false)
public class DomainAggregatesConfiguration {

    @Bean
    ConfigurerModule domainAggregates(EventStoreProperties eventStore) {
        return configurer -> {
            for (Class<?> aggregate : new Class<?>[]{PersonalSettings.class, VehicleOrder.class, Vehicle.class,
                    Driver.class}) {
                configurer.configureAggregate(cached(aggregate, eventStore.snapshotThreshold()));
            }
            configurer.registerCommandHandler(configuration -> new VehicleDispatching(
                    configuration.repository(VehicleOrder.class),
                    configuration.repository(Vehicle.class),
                    configuration.repository(Driver.class)));
        };
    }

    /**
     * Keeps recently used aggregates in memory, so that a command does not re-read the aggregate's whole history (the
     * embedded server scans instead of using non-unique indexes, ARCHITECTURE.md). One cache per aggregate type: the
     * cache is keyed by id alone, and a shared one would hand out an order where a vehicle with the same id was asked
     * for. A snapshot every {@code snapshotThreshold} events keeps a load after a restart or cache eviction short.
     */
    private static <A> AggregateConfigurer<A> cached(Class<A> aggregate, int snapshotThreshold) {
        Cache cache = new WeakReferenceCache();
        return AggregateConfigurer.defaultConfiguration(aggregate)
                .configureCache(c -> cache)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                        snapshotThreshold));
    }
}
