package cn.gov.jgsw.ops.api;

import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every free-text input of the SDL (a {@code String} argument or input field, other than idempotency keys and
 * cursors) has a test that sends it text with no place in a record. A new free-text field fails here until it gets
 * one: the list below names the test, so it cannot silently stay uncovered.
 */
class FreeTextCoverageTest {

    /** Free-text input → the test that sends it {@code HostileText} samples. */
    private static final Map<String, String> COVERED = Map.ofEntries(
            Map.entry("OrderVehicleInput.purpose", "DispatchRulesIT"),
            Map.entry("OrderVehicleInput.origin", "DispatchRulesIT"),
            Map.entry("OrderVehicleInput.destination", "DispatchRulesIT"),
            Map.entry("CancelVehicleOrderInput.reason", "DecisionTextIT"),
            Map.entry("DecideApprovalInput.comment", "DecisionTextIT"),
            Map.entry("PolicyStepInput.name", "ApprovalsIT"),
            Map.entry("Query.bureauVehicleOrders(purpose)", "DecisionTextIT"),
            Map.entry("RegisterIntegrationClientInput.name", "IntegrationClientsIT"),
            Map.entry("DisableIntegrationClientInput.reason", "IntegrationClientsIT"),
            Map.entry("SetWorkCalendarInput.basis", "WorkCalendarIT"),
            Map.entry("RequestPropertyServiceInput.building", "PropertyServiceFlowIT"),
            Map.entry("RequestPropertyServiceInput.room", "PropertyServiceFlowIT"),
            Map.entry("RequestPropertyServiceInput.description", "PropertyServiceFlowIT"),
            Map.entry("FinishServiceWorkInput.note", "PropertyServiceFlowIT"),
            Map.entry("ConfirmServiceRequestInput.comment", "PropertyServiceFlowIT"),
            Map.entry("ReopenServiceRequestInput.reason", "PropertyServiceFlowIT"),
            Map.entry("QuoteServiceCostInput.note", "ServiceCostApprovalIT"),
            Map.entry("ResubmitVehicleOrderInput.purpose", "ApprovalsIT"),
            Map.entry("ResubmitVehicleOrderInput.origin", "ApprovalsIT"),
            Map.entry("ResubmitVehicleOrderInput.destination", "ApprovalsIT"),
            Map.entry("RegisterVehicleInput.plateNumber", "FleetLedgerIT"),
            Map.entry("SealVehicleInput.reason", "FleetLedgerIT"),
            Map.entry("UnsealVehicleInput.reason", "FleetLedgerIT"),
            Map.entry("RetireVehicleInput.reason", "FleetLedgerIT"),
            Map.entry("DisposeVehicleAlertCaseInput.reason", "TelemetryIT"),
            Map.entry("Query.bureauVehicleAlertCases(purpose)", "TelemetryIT"),
            Map.entry("Query.vehicleOrderTrack(purpose)", "TelemetryIT"),
            Map.entry("DesignateSupplierInput.name", "RefuellingIT"),
            Map.entry("WithdrawSupplierDesignationInput.reason", "RefuellingIT"),
            Map.entry("Query.auditEvents(purpose)", "AuditHistoryIT"),
            Map.entry("Query.objectHistory(purpose)", "AuditHistoryIT"),
            Map.entry("Query.objectStateAsOf(purpose)", "AuditHistoryIT"),
            Map.entry("AuditEventFilter.eventType", "AuditHistoryIT"),
            Map.entry("CorrectTripRecordInput.reason", "TripCorrectionIT"));

    /** Not free text: keys are checked by format (BadInputIT, IdempotentMutationIT), cursors by signature. */
    private static final Set<String> NOT_FREE_TEXT = Set.of("idempotencyKey", "after");

    @Test
    void everyFreeTextInputOfTheSchemaHasAHostileTextTest() throws IOException {
        TypeDefinitionRegistry schema = schema();
        Set<String> found = new TreeSet<>();
        schema.types().values().stream()
                .filter(type -> type instanceof graphql.language.InputObjectTypeDefinition)
                .map(type -> (graphql.language.InputObjectTypeDefinition) type)
                .forEach(input -> input.getInputValueDefinitions().stream()
                        .filter(FreeTextCoverageTest::isFreeText)
                        .forEach(field -> found.add(input.getName() + "." + field.getName())));
        for (String root : List.of("Query", "Mutation")) {
            rootFields(schema, root).forEach(field -> field.getInputValueDefinitions().stream()
                    .filter(FreeTextCoverageTest::isFreeText)
                    .forEach(argument -> found.add(root + "." + field.getName() + "(" + argument.getName() + ")")));
        }

        assertThat(found).containsExactlyInAnyOrderElementsOf(COVERED.keySet());
    }

    private static boolean isFreeText(InputValueDefinition value) {
        return !NOT_FREE_TEXT.contains(value.getName()) && "String".equals(namedType(value.getType()));
    }

    private static String namedType(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return namedType(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return namedType(list.getType());
        }
        return ((TypeName) type).getName();
    }

    private static Stream<FieldDefinition> rootFields(TypeDefinitionRegistry schema, String root) {
        Stream<FieldDefinition> declared = schema.getType(root, ObjectTypeDefinition.class).stream()
                .flatMap(type -> type.getFieldDefinitions().stream());
        Stream<FieldDefinition> extended = schema.objectTypeExtensions().getOrDefault(root, List.of()).stream()
                .flatMap((ObjectTypeExtensionDefinition extension) -> extension.getFieldDefinitions().stream());
        return Stream.concat(declared, extended);
    }

    private static TypeDefinitionRegistry schema() throws IOException {
        TypeDefinitionRegistry schema = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            try (InputStream in = file.getInputStream()) {
                schema.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return schema;
    }
}
