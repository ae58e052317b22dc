package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bureau admin sets the area the bureau's cars serve; leaving it without an order raises an alert.
 *
 * @param areaId {@link #idOf} the bureau
 */
public record SetServiceAreaCommand(@TargetAggregateIdentifier String areaId, String tenantId, ServiceArea area) {

    public static String idOf(String tenantId) {
        return "service-area-" + tenantId;
    }
}
