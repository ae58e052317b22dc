package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.domain.people.PersonalSettings;
import cn.gov.jgsw.domain.vehicles.Driver;
import cn.gov.jgsw.domain.vehicles.Vehicle;
import cn.gov.jgsw.domain.vehicles.VehicleDispatching;
import cn.gov.jgsw.domain.vehicles.VehicleOrder;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the aggregates and command handlers of {@code domain} with Axon. Done here, not with Axon's Spring
 * stereotypes on the domain classes, because {@code domain} stays free of Spring.
 */
@Configuration(proxyBeanMethods = false)
public class DomainAggregatesConfiguration {

    @Bean
    ConfigurerModule domainAggregates(Cache aggregateCache) {
        return configurer -> {
            for (Class<?> aggregate : new Class<?>[]{PersonalSettings.class, VehicleOrder.class, Vehicle.class,
                    Driver.class}) {
                configurer.configureAggregate(cached(aggregate, aggregateCache));
            }
            configurer.registerCommandHandler(configuration -> new VehicleDispatching(
                    configuration.repository(VehicleOrder.class),
                    configuration.repository(Vehicle.class),
                    configuration.repository(Driver.class)));
        };
    }

    private static <A> AggregateConfigurer<A> cached(Class<A> aggregate, Cache cache) {
        return AggregateConfigurer.defaultConfiguration(aggregate).configureCache(c -> cache);
    }
}
