package cn.gov.jgsw.ops.demo;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.DriverIds;
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

import java.util.List;
import java.util.Set;

/**
 * Registers the demo fleet of every demo bureau: three vehicles (sedan, MPV, minibus) and its two demo drivers
 * ({@code <bureau>.driver}, {@code <bureau>.driver-2}). Registered through commands, so the fleet is in the event log
 * like real data; skipped for any vehicle or driver the event store already knows, so a restart adds nothing.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoFleetSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFleetSeeder.class);

    private record DemoVehicle(String suffix, CarClass carClass, int seats) {
    }

    private static final List<DemoVehicle> FLEET = List.of(
            new DemoVehicle("1", CarClass.SEDAN, 4),
            new DemoVehicle("2", CarClass.MPV, 6),
            new DemoVehicle("3", CarClass.MINIBUS, 17));

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
                        plate(bureau, vehicle.suffix()), vehicle.carClass(), vehicle.seats()));
            }
            for (String driverLogin : List.of("driver", "driver-2")) {
                String driverId = "user-" + prefix + "-" + driverLogin;
                registered += send(seeder, DriverIds.aggregateIdOf(driverId),
                        new RegisterDriverCommand(driverId, bureau.id()));
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
