package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.ops.support.isolation.IsolationMatrix;
import cn.gov.jgsw.ops.support.isolation.Leak;
import cn.gov.jgsw.ops.support.isolation.MatrixReport;
import cn.gov.jgsw.ops.support.isolation.ObjectKind;
import cn.gov.jgsw.ops.support.isolation.OperationGenerator;
import cn.gov.jgsw.tenants.demo.DemoBureaus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation matrix: every Query and Mutation field of the SDL (not a hand-kept list), as every role of a city
 * bureau (贵阳: sibling 遵义, parent 贵州, child 南明) and of a county bureau (南明: sibling 云岩, parent 贵阳, no child),
 * against objects of the own, sibling, parent and child bureau, with fuzzed ids beside them. A leak is a foreign id in
 * an answer, a refused request answered otherwise than one naming an id that does not exist, or a refused request that
 * stores anything. There must be none.
 */
class IsolationMatrixIT extends PlatformIT {

    /**
     * The kind of object each {@code ID} argument names: {@code field.argument} where the name alone is ambiguous,
     * else the argument's (or input field's) name. An {@code ID} argument missing here fails the matrix.
     */
    static final Map<String, ObjectKind> ID_KINDS = Map.ofEntries(
            Map.entry("unit.id", ObjectKind.UNIT),
            Map.entry("vehicleOrder.id", ObjectKind.VEHICLE_ORDER),
            Map.entry("serviceRequest.id", ObjectKind.SERVICE_REQUEST),
            Map.entry("bureauId", ObjectKind.BUREAU),
            Map.entry("orderId", ObjectKind.VEHICLE_ORDER),
            Map.entry("vehicleId", ObjectKind.VEHICLE),
            Map.entry("driverId", ObjectKind.DRIVER),
            Map.entry("clientId", ObjectKind.INTEGRATION_CLIENT),
            Map.entry("requestId", ObjectKind.SERVICE_REQUEST),
            Map.entry("assigneeId", ObjectKind.PROPERTY_STAFF),
            Map.entry("approval.id", ObjectKind.APPROVAL),
            Map.entry("approvalId", ObjectKind.APPROVAL),
            Map.entry("delegateId", ObjectKind.PERSON),
            Map.entry("personId", ObjectKind.PERSON),
            Map.entry("owningUnitId", ObjectKind.UNIT),
            Map.entry("sealingId", ObjectKind.SEALING),
            Map.entry("caseId", ObjectKind.ALERT_CASE),
            Map.entry("vehicleAlertCase.id", ObjectKind.ALERT_CASE),
            Map.entry("supplierId", ObjectKind.SUPPLIER),
            Map.entry("objectId", ObjectKind.ANY_OBJECT),
            Map.entry("actorId", ObjectKind.PERSON));

    /** The operations through which a supervisor reads the bureaus at or below their own (read-only). */
    private static final Set<String> SUPERVISOR_READS = Set.of("bureauVehicleOrders", "bureauVehicleAlertCases",
            "vehicleOrderTrack", "auditEvents", "objectHistory", "objectStateAsOf");

    @Test
    void noOperationLeaksAcrossBureausForAnyRole() {
        OperationGenerator generator = new OperationGenerator(OperationGenerator.schemaOnClasspath(), ID_KINDS);
        IsolationMatrix matrix = new IsolationMatrix(baseUrl(), platformDatabase, generator, SUPERVISOR_READS);

        MatrixReport report = matrix.run(List.of(DemoBureaus.GUIYANG, DemoBureaus.NANMING));

        System.out.print(report.summary());
        List<Leak> leaks = report.leaks();
        leaks.forEach(leak -> System.out.println("  LEAK " + leak));
        assertThat(leaks).as("%d leaks:%n%s", leaks.size(),
                leaks.stream().map(Leak::toString).collect(Collectors.joining("\n"))).isEmpty();
    }
}
