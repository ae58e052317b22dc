package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.domain.property.api.ServiceLevelTargets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The platform's service-level targets ({@code jgsw.property.*}), the same for every bureau until bureaus set their
 * own (not built yet). The SLA clock's check interval ({@code jgsw.property.sla-check-interval}) is read by the clock.
 *
 * @param emergencyWithin   time for an emergency, on the clock
 * @param urgentWorkingDays working days for an urgent request
 * @param normalWorkingDays working days for a normal request
 */
@ConfigurationProperties(prefix = "jgsw.property")
public record PropertyServiceProperties(@DefaultValue("4h") Duration emergencyWithin,
                                        @DefaultValue("1") int urgentWorkingDays,
                                        @DefaultValue("3") int normalWorkingDays) {

    ServiceLevelTargets targets() {
        return new ServiceLevelTargets(emergencyWithin, urgentWorkingDays, normalWorkingDays);
    }
}
