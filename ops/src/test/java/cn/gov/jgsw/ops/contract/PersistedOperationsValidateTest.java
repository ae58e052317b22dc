package cn.gov.jgsw.ops.contract;

import cn.gov.jgsw.ops.support.contract.ContractSchema;
import cn.gov.jgsw.ops.support.contract.PersistedContract;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Every persisted operation of the manifest the build wrote validates against the contract's schema. */
class PersistedOperationsValidateTest {

    @Test
    void everyPersistedOperationValidatesAgainstTheSchema() {
        Map<String, List<GraphQLError>> invalid = new TreeMap<>();
        PersistedContract.operations().forEach((name, operation) -> {
            List<GraphQLError> errors = ParseAndValidate.parseAndValidate(ContractSchema.current(),
                    ExecutionInput.newExecutionInput(operation.body()).build()).getErrors();
            if (!errors.isEmpty()) {
                invalid.put(name, errors);
            }
        });

        assertThat(PersistedContract.operations()).hasSizeGreaterThan(60);
        assertThat(invalid).isEmpty();
    }
}
