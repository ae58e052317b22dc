package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.isolation.Access;
import cn.gov.jgsw.ops.support.isolation.GeneratedOperation;
import cn.gov.jgsw.ops.support.isolation.IdSlot;
import cn.gov.jgsw.ops.support.isolation.ObjectKind;
import cn.gov.jgsw.ops.support.isolation.OperationGenerator;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations of the isolation matrix come from the SDL: all of them, valid, and none with an id of unknown kind. */
class IsolationMatrixOperationsTest {

    private final GraphQLSchema schema = OperationGenerator.schemaOnClasspath();

    @Test
    void everyQueryAndMutationFieldBecomesOneValidOperation() {
        List<GeneratedOperation> operations = new OperationGenerator(schema, IsolationMatrixIT.ID_KINDS).operations();

        List<String> fields = Stream.concat(schema.getQueryType().getFieldDefinitions().stream(),
                schema.getMutationType().getFieldDefinitions().stream()).map(GraphQLFieldDefinition::getName).toList();
        assertThat(operations).extracting(GeneratedOperation::field).containsExactlyInAnyOrderElementsOf(fields);
        for (GeneratedOperation operation : operations) {
            Map<String, String> ids = new HashMap<>();
            operation.idSlots().forEach(slot -> ids.put(slot.path(), "some-id"));
            ExecutionInput request = ExecutionInput.newExecutionInput(operation.document())
                    .variables(operation.variables(ids)).build();
            assertThat(ParseAndValidate.parseAndValidate(schema, request).getErrors())
                    .as(operation.document()).isEmpty();
        }
    }

    @Test
    void queriesReadMutationsWriteAndIdsInsideInputsAreFound() {
        Map<String, GeneratedOperation> byField = new HashMap<>();
        new OperationGenerator(schema, IsolationMatrixIT.ID_KINDS).operations()
                .forEach(operation -> byField.put(operation.field(), operation));

        assertThat(byField.get("vehicleOrder").access()).isEqualTo(Access.READ);
        assertThat(byField.get("dispatchVehicleOrder").access()).isEqualTo(Access.WRITE);
        assertThat(byField.get("dispatchVehicleOrder").idSlots()).containsExactly(
                new IdSlot("input.orderId", ObjectKind.VEHICLE_ORDER), new IdSlot("input.vehicleId", ObjectKind.VEHICLE),
                new IdSlot("input.driverId", ObjectKind.DRIVER));
        assertThat(byField.get("unit").idSlots()).containsExactly(new IdSlot("id", ObjectKind.UNIT));
        assertThat(byField.get("bureauVehicleOrders").variables(Map.of("bureauId", "bureau-x")))
                .containsEntry("bureauId", "bureau-x").containsKey("purpose").doesNotContainKey("after");
    }

    @Test
    void anIdArgumentOfNoKnownKindStopsTheMatrix() {
        GraphQLSchema withNewOperation = OperationGenerator.schemaOnClasspath("""
                type RoomBooking { id: ID! status: String! }
                input CancelRoomBookingInput { idempotencyKey: String! bookingId: ID! }
                type CancelRoomBookingPayload { booking: RoomBooking! }
                extend type Mutation {
                    cancelRoomBooking(input: CancelRoomBookingInput!): CancelRoomBookingPayload!
                }
                """);

        assertThatThrownBy(() -> new OperationGenerator(withNewOperation, IsolationMatrixIT.ID_KINDS).operations())
                .hasMessageContaining("no fixture kind for argument input.bookingId of field cancelRoomBooking");
    }

    @Test
    void theIdsOfAnAnswerAreTheValuesOfIdFields() {
        assertThat(new OperationGenerator(schema, IsolationMatrixIT.ID_KINDS).idFieldNames()).contains("id");
    }
}
