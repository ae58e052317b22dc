package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.domain.people.PersonalSettings;
import cn.gov.jgsw.tenants.context.TenantRequiredInterceptor;
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

    /** Every command must name its tenant and person before it reaches an aggregate. */
    @Bean
    ConfigurerModule tenantRequiredOnCommands(TenantRequiredInterceptor tenantRequired) {
        return configurer -> configurer.onInitialize(configuration ->
                configuration.onStart(() -> configuration.commandBus().registerDispatchInterceptor(tenantRequired)));
    }
}
