package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.domain.people.PersonalSettings;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the aggregates of {@code domain} with Axon. Done here, not with Axon's Spring stereotype on the
 * aggregate classes, because {@code domain} stays free of Spring.
 */
@Configuration(proxyBeanMethods = false)
public class DomainAggregatesConfiguration {

    @Bean
    ConfigurerModule domainAggregates(Cache aggregateCache) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(PersonalSettings.class)
                        .configureCache(c -> aggregateCache));
    }
}
