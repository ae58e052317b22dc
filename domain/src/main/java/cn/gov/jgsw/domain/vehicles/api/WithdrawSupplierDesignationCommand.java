package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bureau admin ends a supplier's designation (取消定点); refuellings with it are refused from then on.
 *
 * @param supplierId the supplier
 * @param tenantId   the bureau, from the caller's token
 * @param reason     why, up to 200 characters, required
 */
public record WithdrawSupplierDesignationCommand(@TargetAggregateIdentifier String supplierId,
                                                 String tenantId,
                                                 String reason) {
}
