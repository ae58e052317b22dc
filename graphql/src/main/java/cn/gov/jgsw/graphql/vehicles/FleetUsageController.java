package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.FindFleetQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import cn.gov.jgsw.projections.vehicles.api.FindFleetUsageQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleUsage;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fleet's use over a period for the bureau admin (用车统计): per vehicle and per owning unit, trips, hours,
 * odometer distance, fuel, tolls and utilisation. Fuel is in litres: the platform keeps no fuel prices yet.
 */
@Controller
public class FleetUsageController {

    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final QueryGateway queries;

    public FleetUsageController(QueryGateway queries) {
        this.queries = queries;
    }

    public record VehicleUsageLine(VehicleView vehicle, int trips, double tripHours, long distanceKm,
                                   double fuelLitres, long tollsFen, long fuelCostFen, double utilisation) {

        public long costFen() {
            return fuelCostFen + tollsFen;
        }
    }

    public record UnitUsageLine(String unitId, int vehicles, int trips, double tripHours, long distanceKm,
                                double fuelLitres, long tollsFen, long fuelCostFen, double utilisation) {

        public long costFen() {
            return fuelCostFen + tollsFen;
        }
    }

    public record FleetUsage(Instant from, Instant to, List<VehicleUsageLine> vehicles, List<UnitUsageLine> units) {
    }

    @QueryMapping
    public FleetUsage fleetUsage(@Argument Instant from, @Argument Instant to,
                                 Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        if (!to.isAfter(from)) {
            throw new BusinessRuleViolation(VehicleErrorCode.END_BEFORE_START, "usage period");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw new BusinessRuleViolation(CommonErrorCode.INVALID_INPUT, "usage period over 366 days");
        }
        double periodHours = Duration.between(from, to).toMinutes() / 60.0;
        Map<String, VehicleUsage> used = queries.query(new FindFleetUsageQuery(caller.tenantId(), from, to),
                        ResponseTypes.multipleInstancesOf(VehicleUsage.class)).join().stream()
                .collect(Collectors.toMap(VehicleUsage::vehicleId, Function.identity()));
        List<VehicleUsageLine> vehicles = new ArrayList<>();
        for (VehicleView vehicle : queries.query(new FindFleetQuery(caller.tenantId()),
                ResponseTypes.multipleInstancesOf(VehicleView.class)).join()) {
            VehicleUsage usage = used.getOrDefault(vehicle.id(), VehicleUsage.none(vehicle.id()));
            double hours = usage.tripMinutes() / 60.0;
            vehicles.add(new VehicleUsageLine(vehicle, usage.trips(), hours, usage.distanceKm(),
                    usage.fuelLitres().doubleValue(), usage.tollsFen(), usage.fuelCostFen(),
                    Math.min(1, hours / periodHours)));
        }
        Map<String, List<VehicleUsageLine>> byUnit = new LinkedHashMap<>();
        vehicles.forEach(line -> byUnit.computeIfAbsent(Objects.toString(line.vehicle().ledger().owningUnitId(), ""),
                unit -> new ArrayList<>()).add(line));
        List<UnitUsageLine> units = byUnit.entrySet().stream().map(unit -> {
            List<VehicleUsageLine> lines = unit.getValue();
            double hours = lines.stream().mapToDouble(VehicleUsageLine::tripHours).sum();
            return new UnitUsageLine(unit.getKey().isEmpty() ? null : unit.getKey(), lines.size(),
                    lines.stream().mapToInt(VehicleUsageLine::trips).sum(), hours,
                    lines.stream().mapToLong(VehicleUsageLine::distanceKm).sum(),
                    lines.stream().mapToDouble(VehicleUsageLine::fuelLitres).sum(),
                    lines.stream().mapToLong(VehicleUsageLine::tollsFen).sum(),
                    lines.stream().mapToLong(VehicleUsageLine::fuelCostFen).sum(),
                    Math.min(1, hours / (periodHours * lines.size())));
        }).toList();
        return new FleetUsage(from, to, vehicles, units);
    }
}
