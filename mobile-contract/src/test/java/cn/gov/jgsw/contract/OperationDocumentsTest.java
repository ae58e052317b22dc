package cn.gov.jgsw.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Operation files become persisted documents with their fragments; a file that breaks a rule stops the build. */
class OperationDocumentsTest {

    @TempDir
    Path operations;

    private void write(String path, String text) throws IOException {
        Path file = operations.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void anOperationCarriesTheFragmentsItSpreadsAlsoThroughOtherFragmentsInNameOrder() throws IOException {
        write("Orders.graphql", "query Orders { orders { ...OrderParts } }");
        write("fragments/OrderParts.graphql", "fragment OrderParts on Order { id vehicle { ...VehicleParts } "
                + "requester { ...PersonParts } }");
        write("fragments/VehicleParts.graphql", "fragment VehicleParts on Vehicle { id }");
        write("fragments/PersonParts.graphql", "fragment PersonParts on Person { id }");

        List<OperationDocuments.Operation> read = OperationDocuments.read(operations);

        assertThat(read).singleElement().satisfies(operation -> {
            assertThat(operation.type()).isEqualTo("query");
            assertThat(operation.body()).isEqualTo("query Orders{orders{...OrderParts}}"
                    + "fragment OrderParts on Order{id vehicle{...VehicleParts}requester{...PersonParts}}"
                    + "fragment PersonParts on Person{id}fragment VehicleParts on Vehicle{id}");
            assertThat(operation.id()).isEqualTo(OperationNormalisation.id(operation.body()));
        });
    }

    @Test
    void aStringLiteralIsRefused() throws IOException {
        write("Unit.graphql", "query Unit { unit(id: \"unit-1\") { id } }");

        assertThatThrownBy(() -> OperationDocuments.read(operations)).hasMessageContaining("string literals");
    }

    @Test
    void anOperationNamedOtherwiseThanItsFileIsRefused() throws IOException {
        write("Unit.graphql", "query Units { units { id } }");

        assertThatThrownBy(() -> OperationDocuments.read(operations)).hasMessageContaining("named Unit");
    }

    @Test
    void twoOperationsInAFileAreRefused() throws IOException {
        write("Unit.graphql", "query Unit { unit { id } }\nmutation Other { other { id } }");

        assertThatThrownBy(() -> OperationDocuments.read(operations)).hasMessageContaining("one operation only");
    }

    @Test
    void anUnknownOrUnusedFragmentIsRefused() throws IOException {
        write("Unit.graphql", "query Unit { unit { ...UnitParts } }");
        assertThatThrownBy(() -> OperationDocuments.read(operations)).hasMessageContaining("unknown fragment UnitParts");

        write("fragments/UnitParts.graphql", "fragment UnitParts on Unit { id }");
        write("fragments/Spare.graphql", "fragment Spare on Unit { name }");
        assertThatThrownBy(() -> OperationDocuments.read(operations)).hasMessageContaining("[Spare]");
    }
}
