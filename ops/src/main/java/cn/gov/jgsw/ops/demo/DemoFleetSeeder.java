package cn.gov.jgsw.ops.demo;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.DriverIds;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicence;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicenceClass;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.RecordDriverLicenceCommand;
import cn.gov.jgsw.domain.vehicles.api.RegisterDriverCommand;
import cn.gov.jgsw.domain.vehicles.api.RegisterVehicleCommand;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.demo.DemoBureaus;
import cn.gov.jgsw.tenants.registry.Bureau;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the demo fleet of every demo bureau: three vehicles (sedan, MPV, minibus) parked in the bureau's yard, and
 * its two demo drivers
 * ({@code <bureau>.driver}, {@code <bureau>.driver-2}, B1 licences). Registered through commands, so the fleet is in the event log
 * like real data; skipped for any vehicle or driver the event store already knows, so a restart adds nothing.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoFleetSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFleetSeeder.class);

    private record DemoVehicle(String suffix, CarClass carClass, int seats, EnergyType energyType, long priceFen) {
    }

    private static final List<DemoVehicle> FLEET = List.of(
            new DemoVehicle("1", CarClass.SEDAN, 4, EnergyType.HYBRID, 17_980_000L),
            new DemoVehicle("2", CarClass.MPV, 6, EnergyType.BATTERY_ELECTRIC, 25_600_000L),
            new DemoVehicle("3", CarClass.MINIBUS, 17, EnergyType.DIESEL, 32_000_000L));
    private static final LocalDate PURCHASED = LocalDate.of(2024, 3, 15);
    /** Both demo drivers hold B1 licences, which permit the minibus as well as the cars. */
    private static final DrivingLicence DEMO_LICENCE = new DrivingLicence(DrivingLicenceClass.B1,
            LocalDate.of(2032, 6, 30));

    /** Each bureau's vehicle yard (approximately where its offices are), the designated parking of its fleet. */
    static final Map<String, GeoPoint> YARDS = Map.of(
            DemoBureaus.GUIZHOU, new GeoPoint(26.5783, 106.7135),
            DemoBureaus.GUIYANG, new GeoPoint(26.6470, 106.6263),
            DemoBureaus.NANMING, new GeoPoint(26.5683, 106.7148),
            DemoBureaus.YUNYAN, new GeoPoint(26.5840, 106.7127),
            DemoBureaus.ZUNYI, new GeoPoint(27.7250, 106.9270),
            DemoBureaus.TONGZI, new GeoPoint(28.1332, 106.8259));
    static final int YARD_RADIUS_METRES = 50;

    private final CommandGateway commands;
    private final EventStore eventStore;

    DemoFleetSeeder(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        int registered = 0;
        for (Bureau bureau : DemoBureaus.all()) {
            String prefix = DemoBureaus.loginPrefix(bureau.id());
            Caller seeder = new Caller("system-demo-seed", bureau.id(), null, Set.of(Role.BUREAU_ADMIN),
                    "platform/demo-seed");
            for (DemoVehicle vehicle : FLEET) {
                String vehicleId = "vehicle-" + prefix + "-" + vehicle.suffix();
                registered += send(seeder, vehicleId, new RegisterVehicleCommand(vehicleId, bureau.id(),
                        plate(bureau, vehicle.suffix()), vehicle.carClass(), vehicle.seats(), vehicle.energyType(),
                        vehicle.priceFen(), PURCHASED, null,
                        new ParkingSpot(YARDS.get(bureau.id()), YARD_RADIUS_METRES), Instant.now()));
            }
            for (String driverLogin : List.of("driver", "driver-2")) {
                String driverId = "user-" + prefix + "-" + driverLogin;
                int added = send(seeder, DriverIds.aggregateIdOf(driverId),
                        new RegisterDriverCommand(driverId, bureau.id(), DEMO_LICENCE, Instant.now()));
                if (added == 0) {
                    // Registered by an earlier version without a licence: record it (the same one again is nothing).
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordDriverLicenceCommand(
                                    driverId, bureau.id(), DEMO_LICENCE, Instant.now()))
                            .andMetaData(CommandMetadata.of(seeder, null, null)));
                }
                registered += added;
            }
        }
        log.info("Demo fleet ready ({} vehicles and drivers registered now)", registered);
    }

    private int send(Caller seeder, String aggregateId, Object command) {
        if (eventStore.lastSequenceNumberFor(aggregateId).isPresent()) {
            return 0;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetadata.of(seeder, "demo-seed-" + aggregateId, null)));
        return 1;
    }

    /** Guizhou plates: 贵A for Guiyang (and the province), 贵C for Zunyi. */
    private static String plate(Bureau bureau, String suffix) {
        String prefecture = bureau.id().equals(DemoBureaus.ZUNYI) || bureau.id().equals(DemoBureaus.TONGZI) ? "贵C" : "贵A";
        int bureauNumber = DemoBureaus.all().indexOf(bureau) + 1;
        return prefecture + "·G" + bureauNumber + "00" + suffix;
    }
}
