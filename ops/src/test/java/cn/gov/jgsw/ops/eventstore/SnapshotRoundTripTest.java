package cn.gov.jgsw.ops.eventstore;

import cn.gov.jgsw.domain.vehicles.Vehicle;
import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleSealedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import cn.gov.jgsw.ops.axon.AggregateStateSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real aggregate of the domain through Axon's snapshotter and the platform's snapshot serializer: the state read back
 * from the snapshot is the state its events give.
 */
class SnapshotRoundTripTest {

    private static final String VEHICLE = "vehicle-nanming-1";
    private static final Instant NINE = Instant.parse("2026-12-01T01:00:00Z");

    private final EventStoreServer server = new EventStoreServer();
    private final Serializer stateSerializer = AggregateStateSerializer.create();
    private final EventLogStorageEngine engine = server.engine(server.database())
            .snapshotSerializer(stateSerializer).build();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();

    @AfterEach
    void stop() {
        eventStore.shutDown();
        server.close();
    }

    @Test
    void aVehicleLoadedFromItsSnapshotHasTheStateItsEventsGive() {
        List<Object> history = List.of(
                new VehicleRegisteredEvent(VEHICLE, "bureau-nanming", "贵A·12345", CarClass.values()[0], 5,
                        EnergyType.HYBRID, 18_500_000L, LocalDate.of(2023, 5, 10), null,
                        new ParkingSpot(new GeoPoint(26.5683, 106.7135), 50)),
                new VehicleSealedEvent(VEHICLE, "bureau-nanming", "seal-1", new TimeWindow(NINE.plusSeconds(86400),
                        NINE.plusSeconds(2 * 86400)), "封存"),
                new VehicleReservedEvent(VEHICLE, "bureau-nanming", "order-1", new TimeWindow(NINE, NINE.plusSeconds(3600))),
                new VehicleReservedEvent(VEHICLE, "bureau-nanming", "order-2",
                        new TimeWindow(NINE.plusSeconds(7200), NINE.plusSeconds(9000))),
                new VehicleReleasedEvent(VEHICLE, "bureau-nanming", "order-1"));
        for (int sequence = 0; sequence < history.size(); sequence++) {
            engine.appendEvents(domainEvent(sequence, history.get(sequence)));
        }
        String replayed = stateOf(repository());

        AggregateSnapshotter.builder().eventStore(eventStore)
                .aggregateFactories(List.of(new GenericAggregateFactory<>(Vehicle.class))).build()
                .scheduleSnapshot(Vehicle.class, VEHICLE);
        DomainEventMessage<?> snapshot = engine.readSnapshot(VEHICLE).orElseThrow();

        assertThat(snapshot.getSequenceNumber()).isEqualTo(4);
        assertThat(snapshot.getPayload()).isInstanceOf(Vehicle.class);
        assertThat(json(snapshot.getPayload())).isEqualTo(replayed).contains("order-2", "seal-1").doesNotContain("order-1");
        assertThat(eventStore.readEvents(VEHICLE).asStream().toList()).hasSize(1);
    }

    private EventSourcingRepository<Vehicle> repository() {
        return EventSourcingRepository.builder(Vehicle.class).eventStore(eventStore).build();
    }

    private String stateOf(EventSourcingRepository<Vehicle> repository) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(VEHICLE).invoke(this::json);
        } finally {
            unitOfWork.rollback();
        }
    }

    private String json(Object aggregate) {
        return new String(stateSerializer.serialize(aggregate, byte[].class).getData());
    }

    private static DomainEventMessage<?> domainEvent(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Vehicle", VEHICLE, sequence, payload,
                Map.of("tenantId", "bureau-nanming"));
    }
}
